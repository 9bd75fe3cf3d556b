/**
 * Aerobatic-team exchanges end to end in Debian's Chromium against the real server with demo data (issue 8):
 * kr.exchange (in Korean) sees the direct T-4 flight Matsushima → Naha refused and stops found, plans the
 * Black Eagles' Wonju → Naha leg (1,247 km), saves it, records the Japanese landing clearance (the warning turns
 * from "missing" to "not approved" and goes away once approved), and proposes the stopover event for the
 * aerobatic-exchanges commitment; jp.exchange (in Japanese) confirms it from the shared calendar; Korea confirms
 * and marks it held with evidence; the event is then on the follow-through dashboard, and in the ICS download.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { en } from '../packages/web/src/i18n/messages-en.ts';
import { ko } from '../packages/web/src/i18n/messages-ko.ts';
import { ja } from '../packages/web/src/i18n/messages-ja.ts';
import { exchangesMessages } from '../packages/web/src/features/exchanges/messages.ts';
import { fillMessage, serverAndBrowser } from './support/harness.ts';

const KO = exchangesMessages.ko;
const JA = exchangesMessages.ja;

const h = serverAndBrowser();

async function signIn(
  context: BrowserContext,
  lang: 'ko' | 'ja',
  username: string,
  route: string,
): Promise<{ page: Page; errors: string[] }> {
  const m = lang === 'ko' ? ko : ja;
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.server.url}/app/?lang=${lang}#/${route}`);
  await page.getByLabel(m.signIn.username).fill(username);
  await page.getByLabel(m.signIn.password).fill('tandem-demo-2026');
  await page.getByRole('button', { name: m.signIn.submit }).click();
  await page.getByRole('heading', { level: 2, name: (lang === 'ko' ? KO : JA).page.heading, exact: true }).waitFor();
  return { page, errors };
}

const iso = (epochS: number): string => new Date(epochS * 1000).toISOString().replace('.000Z', 'Z');

describe('aerobatic-team exchanges', () => {
  test('stopover planned with clearances, event confirmed by both sides and held, shown on the dashboard', async (t) => {
    const started = performance.now();
    const step = (name: string): void => t.diagnostic(`${name} at ${Math.round(performance.now() - started)} ms`);
    const krContext = await h.browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 900 } });
    const jpContext = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const { page, errors } = await signIn(krContext, 'ko', 'kr.exchange', 'exchanges');
      step('kr signed in');

      // T-4 Matsushima → Naha: the direct flight (about 1,858 km) is refused; a feasible sequence of stops is found.
      await page.getByLabel(KO.planner.type).selectOption('T-4');
      await page.getByLabel(KO.planner.from).fill('RJST');
      await page.getByLabel(KO.planner.to).fill('ROAH');
      await page.getByRole('button', { name: KO.planner.submit }).click();
      const direct = page.getByTestId('direct-verdict');
      await direct.filter({ hasText: 'RJST → ROAH' }).waitFor();
      assert.ok((await direct.innerText()).includes(KO.result.directRefused.split(' ')[0]!));
      const t4Rows = await page.getByRole('table', { name: KO.result.legs }).locator('tbody tr').allInnerTexts();
      assert.ok(t4Rows.length >= 2, t4Rows.join('\n'));
      assert.ok(t4Rows[0]!.startsWith('1\tRJST → '), t4Rows[0]);
      assert.ok(t4Rows.at(-1)!.includes('→ ROAH'), t4Rows.at(-1));
      assert.ok(
        t4Rows.every((r) => r.includes(`\t${KO.result.yes}\t`)),
        'every leg of the found sequence is feasible',
      );
      step('T-4 stops found');

      // T-50B Wonju → Naha: one leg of 1,247 km (WGS 84 geodesic; the press rounded it to 1,250 km).
      await page.getByLabel(KO.planner.type).selectOption('T-50B');
      await page.getByLabel(KO.planner.from).fill('RKNW');
      await page.getByLabel(KO.planner.to).fill('ROAH');
      await page.getByRole('button', { name: KO.planner.submit }).click();
      await page.getByTestId('direct-verdict').filter({ hasText: 'RKNW → ROAH' }).waitFor();
      const km = Number((await page.getByTestId('leg-km').first().innerText()).replace(/,/g, ''));
      assert.ok(Math.abs(km - 1247) < 0.5, `${km} km`);
      assert.equal(await page.getByRole('table', { name: KO.result.legs }).locator('tbody tr').count(), 1);
      await page.getByRole('region', { name: KO.result.map }).waitFor();
      step('T-50B leg planned');

      await page.getByLabel(KO.save.title).fill('E2E 블랙이글스 원주 → 나하');
      await page.getByRole('button', { name: KO.save.submit }).click();
      await page.waitForURL(/#\/exchanges\/plan\/[^/]+$/);

      // The landing in Japan needs a clearance: missing, then requested (not approved), then approved.
      const warnings = page.getByRole('region', { name: KO.clearances.warnings });
      await warnings.locator('[data-warning-code="MISSING"]').waitFor();
      const needed = page.getByRole('group', {
        name: fillMessage(KO.clearances.needed, {
          country: '일본',
          kind: KO.clearances.landing,
          leg: 1,
          from: 'RKNW',
          to: 'ROAH',
        }),
      });
      const add = needed.getByRole('form', { name: KO.clearances.add });
      await add.getByLabel(KO.clearances.status).selectOption('requested');
      await add.getByLabel(KO.clearances.requestedDate).fill(iso(Math.floor(Date.now() / 1000) - 40 * 86_400));
      await add.getByRole('button', { name: KO.clearances.add }).click();
      await warnings.locator('[data-warning-code="NOT_APPROVED"]').waitFor();
      assert.equal(await warnings.locator('[data-warning-code="MISSING"]').count(), 0);
      const approve = needed.getByRole('form', { name: KO.clearances.approve });
      const now = Math.floor(Date.now() / 1000);
      await approve.getByLabel(KO.clearances.approvedDate).fill(iso(now - 10 * 86_400));
      await approve.getByLabel(KO.clearances.reference).fill('JP-DC-E2E-001');
      await approve.getByLabel(KO.clearances.validFrom).fill(iso(now - 30 * 86_400));
      await approve.getByLabel(KO.clearances.validTo).fill(iso(now + 30 * 86_400));
      await approve.getByRole('button', { name: KO.clearances.approve }).click();
      await page.getByTestId('no-clearance-warnings').waitFor();
      assert.ok((await needed.innerText()).includes('JP-DC-E2E-001'));
      step('clearance approved, warnings gone');

      // The stopover event, for the aerobatic-exchanges commitment (started yesterday, so it can be marked held).
      const events = page.getByRole('form', { name: KO.events.create });
      await events.getByLabel(KO.events.kind).selectOption('stopover');
      await events.getByLabel(KO.events.titleEn).fill('E2E stopover at Naha');
      await events.getByLabel(KO.events.titleKo).fill('E2E 나하 기착');
      await events.getByLabel(KO.events.titleJa).fill('E2E 那覇立ち寄り');
      await events.getByLabel(KO.events.start).fill(iso(now - 86_400));
      await events.getByLabel(KO.events.end).fill(iso(now - 86_400 + 6 * 3600));
      await events.getByLabel(/\(aerobatic-exchanges\)/).check();
      await events.getByRole('button', { name: KO.events.submit }).click();
      const card = page.getByRole('article', { name: 'E2E 나하 기착' });
      await card.waitFor();
      const eventId = await card.getAttribute('data-event-id');
      assert.ok(eventId !== null);
      assert.equal(await card.getByTestId('event-status').innerText(), KO.events.proposed);
      assert.ok(
        await card.getByRole('button', { name: fillMessage(KO.events.confirmFor, { side: 'JP' }) }).isDisabled(),
      );
      step('event proposed');

      // Japan confirms its side from the shared calendar (in Japanese).
      const month = iso(now - 86_400).slice(0, 7);
      const jp = await signIn(jpContext, 'ja', 'jp.exchange', `exchanges/calendar/${month}/${eventId}`);
      const jpCard = jp.page.getByRole('article', { name: 'E2E 那覇立ち寄り' });
      await jpCard.waitFor();
      assert.ok(await jp.page.locator(`button[data-event-id="${eventId}"]`).isVisible(), 'on the month grid');
      assert.ok(
        await jpCard.getByRole('button', { name: fillMessage(JA.events.confirmFor, { side: 'KR' }) }).isDisabled(),
      );
      await jpCard.getByRole('button', { name: fillMessage(JA.events.confirmFor, { side: 'JP' }) }).click();
      await jpCard.getByText(fillMessage(JA.events.confirmedBy, { side: 'JP', by: 'jp.exchange' })).waitFor();
      assert.equal(await jpCard.getByTestId('event-status').innerText(), JA.events.proposed, 'one side is not enough');
      assert.equal(await jpCard.getByRole('form', { name: JA.events.markHeld }).count(), 0, 'held is the owner’s');
      assert.deepEqual(jp.errors, []);
      step('JP confirmed');

      // Korea confirms; the event is confirmed; Korea marks it held with the after-action report as evidence.
      await page.reload();
      const krCard = page.getByRole('article', { name: 'E2E 나하 기착' });
      await krCard.getByText(fillMessage(KO.events.confirmedBy, { side: 'JP', by: 'jp.exchange' })).waitFor();
      await krCard.getByRole('button', { name: fillMessage(KO.events.confirmFor, { side: 'KR' }) }).click();
      await krCard.getByTestId('event-status').filter({ hasText: KO.events.confirmed }).waitFor();
      const held = krCard.getByRole('form', { name: KO.events.markHeld });
      await held.getByLabel(KO.events.evidenceKind).selectOption('report');
      await held.getByLabel(KO.events.evidenceReference).fill('AAR-E2E-001');
      await held.getByRole('button', { name: KO.events.markHeld }).click();
      await krCard.getByTestId('event-status').filter({ hasText: KO.events.held }).waitFor();
      assert.ok((await krCard.innerText()).includes('AAR-E2E-001'));
      step('held with evidence');

      // The follow-through computation counts it as done under the aerobatic-exchanges commitment...
      const ft = (await (await page.request.get(`${h.server.url}/api/follow-through`)).json()) as {
        timeline?: { id: string; state?: string }[];
      };
      const asText = JSON.stringify(ft);
      assert.ok(asText.includes(eventId), 'the event is an activity of the follow-through view');
      // ...and the dashboard lists it by its Korean title.
      await page.goto(`${h.server.url}/app/?lang=ko#/follow-through`);
      const activity = page.locator(`[data-activity-id="${eventId}"]`).first();
      await activity.waitFor();
      assert.ok((await activity.innerText()).includes('E2E 나하 기착'));
      step('on the follow-through dashboard');

      // The shared calendar downloads as iCalendar with the Korean title.
      await page.goto(`${h.server.url}/app/?lang=ko#/exchanges/calendar/${month}/${eventId}`);
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: fillMessage(KO.calendar.icsIn, { lang: KO.languages.ko }) }).click();
      const file = await (await download).path();
      const ics = readFileSync(file, 'utf8');
      assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
      assert.ok(ics.includes(`UID:${eventId}@exchanges.tandem`));
      assert.match(ics.replace(/\r\n[ \t]/g, ''), /\r\nSUMMARY[^:\r\n]*:E2E 나하 기착\r\n/);
      assert.deepEqual(errors, []);
    } finally {
      await krContext.close();
      await jpContext.close();
    }
  });

  test('an event proposed on the calendar is postponed with a reason; both are linked (English)', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const m = en;
      const EN = exchangesMessages.en;
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${h.server.url}/app/?lang=en#/exchanges/calendar/2026-09`);
      await page.getByLabel(m.signIn.username).fill('kr.exchange');
      await page.getByLabel(m.signIn.password).fill('tandem-demo-2026');
      await page.getByRole('button', { name: m.signIn.submit }).click();
      const form = page.getByRole('form', { name: EN.events.create });
      await form.getByLabel(EN.events.kind).selectOption('safety-briefing');
      await form.getByLabel(EN.events.titleEn).fill('E2E safety briefing');
      await form.getByLabel(EN.events.start).fill('2026-09-10T01:00:00Z');
      await form.getByLabel(EN.events.end).fill('2026-09-10T03:00:00Z');
      await form.getByRole('button', { name: EN.events.submit }).click();
      const card = page.getByRole('article', { name: 'E2E safety briefing' });
      await card.waitFor();
      assert.ok(await page.getByRole('button', { name: /E2E safety briefing/ }).isVisible(), 'on the 10th');
      await card.getByText(`${EN.events.postpone} / ${EN.events.cancel}`).click();
      const postpone = card.getByRole('form', { name: EN.events.postpone });
      await postpone.getByLabel(EN.events.reason).fill('Typhoon forecast');
      await postpone.getByLabel(EN.events.newStart).fill('2026-10-06T01:00:00Z');
      await postpone.getByLabel(EN.events.newEnd).fill('2026-10-06T03:00:00Z');
      await postpone.getByRole('button', { name: EN.events.postpone }).click();
      await card.getByTestId('event-status').filter({ hasText: EN.events.postponed }).waitFor();
      assert.ok((await card.innerText()).includes('Typhoon forecast'));
      await card.getByRole('link', { name: /E2E safety briefing \(2026-10-06 01:00Z\)/ }).click();
      await page.waitForURL(/#\/exchanges\/calendar\/2026-10\//);
      const replacement = page.getByRole('article', { name: 'E2E safety briefing' });
      await replacement.getByTestId('event-status').filter({ hasText: EN.events.proposed }).waitFor();
      await replacement.getByRole('link', { name: /E2E safety briefing \(2026-09-10 01:00Z\)/ }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
