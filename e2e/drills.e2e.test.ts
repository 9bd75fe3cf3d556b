/**
 * Drills end to end in Debian's Chromium against the real server (issue 7), in Korean: a controller sets up a
 * drill from a library template and starts it; a player in another browser context proposes a plan with the
 * optimiser and accepts it as the plan of record (never requesting the controllers' /control); the controller
 * advances the clock to the end and finishes; an evaluator rates every objective on the HSEEP scale; the report
 * page shows the summary; the PDF downloads in Korean and, after switching the language, in Japanese, and
 * `pdftotext` finds Korean and Japanese text in them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { findDrillTemplate, HSEEP_RATING_LABELS } from '@tandem/core';
import { ko } from '../packages/web/src/i18n/messages-ko.ts';
import { drillsMessages } from '../packages/web/src/features/drills/messages.ts';
import { fillMessage, serverAndBrowser } from './support/harness.ts';

const TEMPLATE = findDrillTemplate('person-overboard');
/** The objectives the drill exercises: the setup leaves the template's fifth out. */
const OBJECTIVES = TEMPLATE.objectives.slice(0, 4);
const LEFT_OUT = TEMPLATE.objectives[4] as (typeof TEMPLATE.objectives)[number];
const PASSWORD = 'tandem-demo-2026';
const d = drillsMessages.ko;
const dja = drillsMessages.ja;

const h = serverAndBrowser();

async function signedIn(
  username: string,
  hash: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[]; urls: string[] }> {
  const context = await h.browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const urls: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(`${h.server.url}/app/?lang=ko${hash}`);
  await page.getByLabel(ko.signIn.username).fill(username);
  await page.getByLabel(ko.signIn.password).fill(PASSWORD);
  await page.getByRole('button', { name: ko.signIn.submit }).click();
  await page
    .getByText(fillMessage(ko.app.signedInAs, { name: username, nation: username.slice(0, 2).toUpperCase() }))
    .waitFor();
  return { context, page, errors, urls };
}

/** Full-page screenshots into $TANDEM_E2E_SCREENSHOTS when set (for reviewing the pages). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env['TANDEM_E2E_SCREENSHOTS'];
  if (dir === undefined || dir === '') return;
  // The shell scrolls inside the area; let the page grow so the screenshot holds all of it.
  await page.addStyleTag({ content: '.page { height: auto } .area { overflow: visible }' });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${dir}/drills-${name}.png`, fullPage: true });
}

/** Distinct colours in the first overlay map's canvas (drawn with preserveDrawingBuffer): basemap and features. */
async function mapColours(page: Page): Promise<number> {
  return page.evaluate(() => {
    const src = document.querySelector<HTMLCanvasElement>('.overlay-map canvas.maplibregl-canvas');
    if (src === null) return 0;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext('2d');
    if (ctx === null) return 0;
    ctx.drawImage(src, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 7)
      colours.add(((d[i] as number) << 16) | ((d[i + 1] as number) << 8) | (d[i + 2] as number));
    return colours.size;
  });
}

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

test('controller sets up and runs a drill, a player plans, an evaluator rates, the report downloads in ko and ja', async (t) => {
  const started = performance.now();
  const step = (name: string): void => t.diagnostic(`${name} at ${Math.round(performance.now() - started)} ms`);
  const controller = await signedIn('kr.controller', '#/drills');
  const contexts = [controller.context];
  try {
    const c = controller.page;
    // Library and setup.
    const card = c.getByRole('article', { name: TEMPLATE.name.ko });
    await card.waitFor();
    assert.ok(
      (await c.getByTestId('drill-library').getByRole('article').count()) >= 10,
      'the library has 10+ templates',
    );
    await card.getByRole('button', { name: fillMessage(d.library.use, { name: TEMPLATE.name.ko }) }).click();
    await c.getByLabel(d.setup.title).fill('E2E 인원 해상추락 훈련');
    await c.getByLabel(d.setup.seed).fill('7');
    await c.getByLabel(d.setup.startUtc).fill('2026-06-01T09:00');
    await c.getByLabel(d.setup.clockFactor).fill('60');
    await c.getByLabel(d.setup.durationH).fill('3');
    // Four of the template's five objectives are exercised in this drill.
    await c.getByRole('checkbox', { name: LEFT_OUT.text.ko }).uncheck();
    await c.getByRole('button', { name: d.setup.create }).click();
    await c.getByTestId('control-view').waitFor({ timeout: 30_000 });
    const id = /#\/drills\/([^/]+)\/control/.exec(c.url())?.[1];
    assert.ok(id !== undefined, c.url());
    await c.getByRole('button', { name: d.clock.start, exact: true }).click();
    await c.getByTestId('drill-status').filter({ hasText: d.status.running }).waitFor({ timeout: 30_000 });
    await c.getByTestId('truth-table').waitFor({ timeout: 30_000 });
    await shot(c, 'control');
    step('drill set up and started');

    // The player: briefing and MAYDAY, the optimiser's proposal, accepted as the plan of record.
    const player = await signedIn('kr.planner', `#/drills/${id}/play`);
    contexts.push(player.context);
    const p = player.page;
    await p.getByTestId('inject-feed').locator('li').first().waitFor({ timeout: 30_000 });
    await p.getByTestId('replan').waitFor();
    await p.getByRole('button', { name: d.player.propose }).click();
    await p.getByTestId('proposal').waitFor({ timeout: 60_000 });
    assert.ok((await p.getByTestId('proposal').locator('tbody tr').count()) >= 1, 'the proposal tasks units');
    await shot(p, 'proposal');
    await p.getByRole('button', { name: d.player.accept }).click();
    await p.getByTestId('accepted').waitFor({ timeout: 30_000 });
    assert.ok((await p.getByTestId('plans').locator('li').count()) >= 1);
    await p.getByLabel(d.player.messageText).fill('SITREP 1: 수색 개시');
    await p.getByRole('button', { name: d.player.send }).click();
    await p.getByTestId('messages').getByText('SITREP 1: 수색 개시').first().waitFor();
    assert.ok(
      !player.urls.some((u) => /\/control(\?|$)/.test(new URL(u).pathname + '?')),
      `the player requested /control: ${player.urls.filter((u) => u.includes('/control')).join(', ')}`,
    );
    step('player planned');

    // The controller releases a held inject and sends a live one; the player receives both and re-plans.
    await c.getByRole('button', { name: fillMessage(d.msel.release, { id: 'contingency-info' }) }).click();
    await c.getByTestId('msel-held').getByText('contingency-info').waitFor({ state: 'detached', timeout: 30_000 });
    const live = '실시간 상황부여: 인근 어선이 구명부환을 발견';
    await c.getByLabel(d.live.ko).fill(live);
    await c.getByLabel(d.live.en).fill('Live inject: a nearby fishing boat found a lifebuoy');
    await c.getByRole('button', { name: d.live.add }).click();
    await c.getByTestId('msel-delivered').getByText(live).waitFor({ timeout: 30_000 });
    await p.getByTestId('inject-feed').getByText(live).waitFor({ timeout: 30_000 });
    assert.ok((await p.getByTestId('inject-feed').locator('li').count()) >= 3, 'MAYDAY, released and live injects');
    await p.getByRole('button', { name: d.player.propose }).click();
    await p.getByTestId('proposal').waitFor({ timeout: 60_000 });
    await p.getByRole('button', { name: d.player.accept }).click();
    await p.getByTestId('plans').locator('li').nth(1).waitFor({ timeout: 30_000 });
    // What the controller sees of the truth never reaches the player's page.
    const truePositions = (await c.getByTestId('truth-table').locator('tbody td:nth-child(2)').allInnerTexts()).filter(
      (x) => x.includes('°'),
    );
    assert.ok(truePositions.length >= 1);
    const playerText = await p.locator('body').innerText();
    for (const x of truePositions) assert.ok(!playerText.includes(x), `the player's page shows the true position ${x}`);
    step('injects delivered, player re-planned');

    // The controller runs the clock to the end and finishes.
    await c.getByRole('button', { name: d.clock.toEnd }).click();
    await c.getByRole('button', { name: d.clock.finish }).waitFor();
    await c.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, {
      timeout: 60_000,
    });
    await c.getByRole('button', { name: d.clock.finish }).click();
    await c.getByTestId('drill-status').filter({ hasText: d.status.finished }).waitFor({ timeout: 60_000 });
    step('drill finished');

    // The evaluator rates each objective.
    const evaluator = await signedIn('kr.evaluator', `#/drills/${id}/evaluate`);
    contexts.push(evaluator.context);
    const e = evaluator.page;
    await e.getByTestId('evaluate-view').waitFor({ timeout: 30_000 });
    // The measured figure against the target suggests a rating; the evaluator decides.
    await e.getByTestId('suggestion-obj-plan').waitFor({ timeout: 30_000 });
    const ratings = ['P', 'S', 'M', 'P', 'S'] as const;
    assert.equal(await e.getByTestId(`objective-${LEFT_OUT.id}`).count(), 0, 'left-out objective');
    for (const [k, o] of OBJECTIVES.entries()) {
      const rating = ratings[k % ratings.length] as (typeof ratings)[number];
      await e.getByLabel(fillMessage(d.evaluate.ratingFor, { id: o.id })).selectOption(rating);
      await e
        .getByLabel(fillMessage(d.evaluate.observationsFor, { id: o.id }))
        .fill(`관찰 ${k + 1}: 양국 간 조정 원활`);
      await e.getByRole('button', { name: fillMessage(d.evaluate.saveFor, { id: o.id }) }).click();
      await e
        .getByTestId(`objective-${o.id}`)
        .getByRole('status')
        .filter({ hasText: HSEEP_RATING_LABELS[rating].ko })
        .waitFor({ timeout: 15_000 });
    }
    assert.equal(await e.getByTestId('evaluations').locator('li').count(), OBJECTIVES.length);
    await shot(e, 'evaluate');
    step('objectives rated');

    // The report: summary, findings with the evaluator's ratings, the PDF in Korean then Japanese.
    await c.goto(`${h.server.url}/app/?lang=ko#/drills/${id}/report`);
    const summary = c.getByTestId('report-summary');
    await summary.waitFor({ timeout: 60_000 });
    const summaryText = await summary.innerText();
    for (const label of [d.report.posAchieved, d.report.survivors, d.report.timeToFirstDetection])
      assert.ok(summaryText.includes(label), `summary lacks ${label}: ${summaryText}`);
    assert.match(summaryText, /\d+\.\d %/);
    assert.equal(await c.getByTestId('findings').locator('tbody tr').count(), OBJECTIVES.length);
    const findings = await c.getByTestId('findings').innerText();
    assert.ok(findings.includes(HSEEP_RATING_LABELS.M.ko), findings);
    await c.getByTestId('replay-time').waitFor({ timeout: 30_000 });
    // The report's map draws the basemap and the drill's features (many colours, not just the sea).
    const mapDeadline = Date.now() + 45_000;
    while ((await mapColours(c)) <= 5 && Date.now() < mapDeadline) await c.waitForTimeout(500);
    assert.ok((await mapColours(c)) > 5, 'the report map was drawn');
    // The replay slider moves the drill clock of the replay map; the trend of the family needs a second drill.
    const replayStart = await c.getByTestId('replay-time').innerText();
    assert.match(replayStart, /^T\+0:00:00/);
    await c.getByLabel(d.report.replayTime).fill('6');
    assert.match(await c.getByTestId('replay-time').innerText(), /^T\+0:30:00/);
    await c.getByTestId('trends').getByText(d.report.trendsNone).waitFor({ timeout: 30_000 });
    await shot(c, 'report');
    step('report shown');

    // The improvement plan: objectives not rated P raised corrective actions; the controller closes one.
    const plan = c.getByTestId('improvement-plan');
    const detectRow = plan.locator('tr', {
      has: c.getByRole('button', { name: fillMessage(d.report.closeFor, { id: 'obj-detect' }) }),
    });
    await detectRow.getByLabel(fillMessage(d.report.closureNoteFor, { id: 'obj-detect' })).fill('야간 견시 교육 완료');
    await c.getByRole('button', { name: fillMessage(d.report.closeFor, { id: 'obj-detect' }) }).click();
    await plan.getByText('야간 견시 교육 완료').waitFor({ timeout: 30_000 });
    const closedRow = plan.locator('tr', { hasText: '야간 견시 교육 완료' });
    assert.equal(await closedRow.locator('td').nth(2).innerText(), d.report.closed);
    step('corrective action closed');

    const [koDownload] = await Promise.all([
      c.waitForEvent('download', { timeout: 60_000 }),
      c.getByRole('button', { name: d.report.pdf }).click(),
    ]);
    assert.match(koDownload.suggestedFilename(), /-ko\.pdf$/);
    const koPath = await koDownload.path();
    assert.equal(readFileSync(koPath).subarray(0, 5).toString('latin1'), '%PDF-');
    const koText = pdfText(koPath);
    assert.ok((koText.match(/[가-힣]/g) ?? []).length > 20, `Korean text in the PDF: ${koText.slice(0, 300)}`);
    step('ko PDF');

    await c.locator('select[name="language"]').selectOption('ja');
    await c.getByRole('button', { name: dja.report.pdf }).waitFor();
    await c.getByTestId('report-summary').getByText(dja.report.posAchieved).waitFor({ timeout: 30_000 });
    const [jaDownload] = await Promise.all([
      c.waitForEvent('download', { timeout: 60_000 }),
      c.getByRole('button', { name: dja.report.pdf }).click(),
    ]);
    assert.match(jaDownload.suggestedFilename(), /-ja\.pdf$/);
    const jaText = pdfText(await jaDownload.path());
    assert.ok(
      (jaText.match(/[\u3040-\u30ff]/g) ?? []).length > 10,
      `Japanese kana in the PDF: ${jaText.slice(0, 300)}`,
    );
    step('ja PDF');

    for (const x of [controller, player, evaluator]) assert.deepEqual(x.errors, []);
  } finally {
    for (const x of contexts) await x.close();
  }
});
