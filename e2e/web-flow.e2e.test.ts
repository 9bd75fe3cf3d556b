/**
 * The web app end to end in Debian's Chromium against the real server (issue 6): sign in, a SAR case typed in
 * degrees-minutes and picked on the map, the drift job with its progress bar, the slider, the plan with units of
 * both nations, a downloaded GPX file, the same file uploaded as the track run (Bayesian update and next plan),
 * the timeline, the what-if drag, and the map canvas read back — once in English, Korean and Japanese.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { en } from '../packages/web/src/i18n/messages-en.ts';
import { ko } from '../packages/web/src/i18n/messages-ko.ts';
import { ja } from '../packages/web/src/i18n/messages-ja.ts';
import { serverAndBrowser } from './support/harness.ts';

declare global {
  interface Window {
    /** Set by the web app's map view (packages/web/src/map/map-view.tsx). */
    __tandemMap?: { getCanvas(): HTMLCanvasElement; loaded(): boolean };
  }
}

const LANGS = [
  { code: 'en', m: en, signIn: 'Sign in', title: 'Tandem SAR workbench' },
  { code: 'ko', m: ko, signIn: '로그인', title: 'Tandem 수색구조 작업대' },
  { code: 'ja', m: ja, signIn: 'ログイン', title: 'Tandem 捜索救助ワークベンチ' },
] as const;

const PARTICLES = 600;

const h = serverAndBrowser();

/** Distinct colours and the share of reddish particle pixels in the map canvas (drawn with preserveDrawingBuffer). */
async function canvasStats(
  page: Page,
): Promise<{ width: number; colours: number; red: number; nonBackground: number }> {
  return page.evaluate(() => {
    const map = window.__tandemMap;
    if (map === undefined) throw new Error('no map');
    const src = map.getCanvas();
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext('2d');
    if (ctx === null) throw new Error('no 2d context');
    ctx.drawImage(src, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    let red = 0;
    let nonBackground = 0;
    for (let i = 0; i < d.length; i += 4 * 7) {
      const r = d[i] as number;
      const g = d[i + 1] as number;
      const b = d[i + 2] as number;
      colours.add((r << 16) | (g << 8) | b);
      if (r > 150 && g < 110 && b < 110) red++;
      if (
        !(r === 0 && g === 0 && b === 0) &&
        !(Math.abs(r - 201) < 3 && Math.abs(g - 220) < 3 && Math.abs(b - 239) < 3)
      )
        nonBackground++;
    }
    return { width: c.width, colours: colours.size, red, nonBackground };
  });
}

for (const lang of LANGS) {
  describe(`web flow in ${lang.code}`, () => {
    test('sign-in to a downloaded GPX, tracks uploaded, next plan, timeline, what-if, map drawn', async (t) => {
      const started = performance.now();
      const step = (name: string): void => t.diagnostic(`${name} at ${Math.round(performance.now() - started)} ms`);
      const context = await h.browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        const m = lang.m;
        await page.goto(`${h.server.url}/app/?lang=${lang.code}`);
        await page.getByRole('heading', { name: lang.signIn }).waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), lang.code);
        await page.getByLabel(m.signIn.username).fill('kr.planner');
        await page.getByLabel(m.signIn.password).fill('wrong-password');
        await page.getByRole('button', { name: m.signIn.submit }).click();
        await page.getByRole('alert').waitFor();
        await page.getByLabel(m.signIn.password).fill('tandem-demo-2026');
        await page.getByRole('button', { name: m.signIn.submit }).click();
        await page.getByRole('heading', { name: lang.title }).waitFor();
        await page.getByText(m.app.signedInAs.replace('{{name}}', 'kr.planner').replace('{{nation}}', 'KR')).waitFor();

        step('signed in');
        // The map is drawn: land, sea, graticule and coast give many colours.
        await page.waitForFunction(() => window.__tandemMap?.loaded() === true, undefined, { timeout: 30_000 });
        const blank = await canvasStats(page);
        assert.ok(blank.width > 300, `canvas width ${blank.width}`);
        assert.ok(blank.colours > 5, `the basemap drew only ${blank.colours} colours`);

        step('map drawn');
        // The position picked on the map, then typed in degrees-minutes.
        await page.getByRole('button', { name: m.case.pick }).click();
        const box = await page.getByTestId('map').boundingBox();
        assert.ok(box !== null);
        await page.mouse.click(box.x + box.width / 2 + 40, box.y + box.height / 2 + 40);
        const picked = await page.getByLabel(m.case.lat).inputValue();
        assert.match(picked, /^3[34]°\d\d\.\d{3}′N$/);
        assert.notEqual(picked, '34°45.000′N');
        await page.getByLabel(m.case.lat).fill('34°45.0′N');
        await page.getByLabel(m.case.lon).fill('129°03.0′E');
        await page.getByLabel(m.case.lon).blur();
        await page.getByLabel(m.case.title).fill(`E2E ${lang.code} life raft`);
        await page.getByLabel(m.case.particles, { exact: true }).fill(String(PARTICLES));
        await page.getByLabel(m.case.duration, { exact: true }).fill('12');

        step('case entered');
        // Drift job with progress (server-sent events), then playback.
        await page.getByRole('button', { name: m.drift.run }).click();
        const finished = m.drift.finished.replace('{{count}}', String(PARTICLES)).replace('{{hours}}', '12');
        await page.getByTestId('drift-status').filter({ hasText: finished }).waitFor({ timeout: 120_000 });
        assert.equal(await page.getByTestId('drift-progress').evaluate((p) => (p as HTMLProgressElement).value), 1);
        const slider = page.getByLabel(m.drift.time);
        assert.equal(await slider.getAttribute('max'), '12');
        await slider.focus();
        await page.keyboard.press('Home');
        assert.match(await page.locator('.utc-time').first().innerText(), /2026-01-15 00:00Z/);
        await page.keyboard.press('End');
        assert.match(await page.locator('.utc-time').first().innerText(), /2026-01-15 12:00Z/);
        await page.waitForTimeout(500);
        const drawn = await canvasStats(page);
        assert.ok(drawn.red > 0, 'particles are drawn in red on the map');

        step('drift finished');
        // IAMSAR manual datum is shown with a search radius in NM.
        assert.match(await page.getByTestId('manual').innerText(), /\d+\.\d NM/);

        // Plan with the default units of both nations.
        await page.getByRole('button', { name: m.plan.generate }).click();
        const table = page.getByTestId('plan-table');
        await table.waitFor({ timeout: 60_000 });
        const caption = await table.locator('caption').innerText();
        assert.ok(caption.includes(m.plan.totalPos), caption);
        const total = Number(/([\d.]+) %/.exec(caption)?.[1]);
        assert.ok(total > 0 && total <= 100, `total POS ${total}`);
        const rows = await table.locator('tbody tr').allInnerTexts();
        assert.ok(rows.some((r) => r.includes('(KR)')) && rows.some((r) => r.includes('(JP)')), rows.join('\n'));
        assert.ok((await page.getByTestId('search-action').innerText()).length > 50);

        step('plan shown');
        // The optimiser's plan becomes the plan of record only by the planner's approval (AI use register).
        await page.getByRole('button', { name: m.plan.approve }).click();
        const por = page.getByTestId('plan-of-record');
        await por.waitFor();
        assert.ok((await por.innerText()).includes('kr.planner'));
        // GPX download: a real file with waypoints near the case.
        const gpxButton = page.getByRole('button', { name: /^GPX/ }).first();
        const [download] = await Promise.all([page.waitForEvent('download'), gpxButton.click()]);
        assert.match(download.suggestedFilename(), /\.gpx$/);
        const path = await download.path();
        const gpx = readFileSync(path, 'utf8');
        assert.match(gpx, /<gpx[\s>]/);
        const points = [...gpx.matchAll(/<(?:wpt|rtept|trkpt)\s+lat="([-\d.]+)"\s+lon="([-\d.]+)"/g)];
        assert.ok(points.length >= 2, `GPX has ${points.length} points`);
        for (const p of points) {
          const lat = Number(p[1]);
          const lon = Number(p[2]);
          assert.ok(lat > 32 && lat < 37 && lon > 127 && lon < 132, `waypoint ${lat}, ${lon} is far from the case`);
        }

        step('gpx downloaded');
        // The route run as planned, uploaded: the probability map updates and the next search is planned.
        await page.getByLabel(m.tracks.upload).setInputFiles({
          name: download.suggestedFilename(),
          mimeType: 'application/gpx+xml',
          buffer: Buffer.from(gpx),
        });
        const afterSearch = page.getByTestId('after-search');
        await afterSearch.waitFor({ timeout: 60_000 });
        const achieved = Number(/([\d.]+) %/.exec(await afterSearch.locator('p').first().innerText())?.[1]);
        assert.ok(achieved > 0 && achieved <= 100, `achieved POS ${achieved}`);
        await page.getByTestId('next-plan-table').waitFor();

        step('tracks uploaded');
        // Timeline: the case, its drift run and both plans, each with UTC and local time.
        const timeline = await page.getByTestId('timeline').locator('li').allInnerTexts();
        assert.ok(timeline.length >= 4, timeline.join('\n'));
        assert.ok(timeline[0]?.includes(m.timeline.scenario) && timeline[0].includes('Z'), timeline[0]);

        step('timeline');
        // What-if: dragging the marker re-runs 5,000 particles in the worker.
        const marker = page.locator('.maplibregl-marker');
        const mb = await marker.boundingBox();
        assert.ok(mb !== null);
        await page.mouse.move(mb.x + mb.width / 2, mb.y + mb.height / 2);
        await page.mouse.down();
        for (let k = 1; k <= 8; k++) await page.mouse.move(mb.x + mb.width / 2 + 6 * k, mb.y + mb.height / 2 + 4 * k);
        await page.mouse.up();
        t.diagnostic(
          `marker at ${JSON.stringify(mb)}; position after the drag ${await page.getByLabel(m.case.lat).inputValue()} ${await page.getByLabel(m.case.lon).inputValue()}`,
        );
        const whatIf = page.getByTestId('whatif-time');
        await whatIf.waitFor({ timeout: 30_000 });
        assert.match(await whatIf.innerText(), /\d+ ms/);
        await page.waitForFunction(
          () => {
            const lat = document.querySelector<HTMLInputElement>('input[name="lat"]')?.value;
            const lon = document.querySelector<HTMLInputElement>('input[name="lon"]')?.value;
            return lat !== '34°45.000′N' || lon !== '129°03.000′E';
          },
          undefined,
          { timeout: 10_000 },
        );
        step('what-if');
        const shots = process.env['TANDEM_E2E_SCREENSHOTS'];
        if (shots !== undefined && shots !== '') await page.screenshot({ path: `${shots}/web-flow-${lang.code}.png` });
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  });
}
