/**
 * S&T and AI dialogues end to end in Debian's Chromium against the real server with the demo data: the KR
 * secretariat records a public dialogue session with action items owned by each side (in English); the JP
 * secretariat marks the JP side of an item done with evidence (in Japanese); the follow-through dashboard shows the
 * session and its items; after signing out, the public summary shows the public session and nothing of the
 * demo's bilateral session.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { en } from '../packages/web/src/i18n/messages-en.ts';
import { ja } from '../packages/web/src/i18n/messages-ja.ts';
import { ko } from '../packages/web/src/i18n/messages-ko.ts';
import { dialoguesMessages } from '../packages/web/src/features/dialogues/messages.ts';
import { followThroughMessages } from '../packages/web/src/features/follow-through/messages.ts';
import { fillMessage, serverAndBrowser } from './support/harness.ts';

const PASSWORD = 'tandem-demo-2026';
const SESSION = 'E2E dialogue on AI in SAR planning';
const KR_ITEM = 'E2E: publish the validation report';
const JP_ITEM = 'E2E: share the drift test cases';
/** A bilateral session of the demo data: never on the public page. */
const BILATERAL_DEMO_SESSION = 'Second S&T and AI dialogue';

const h = serverAndBrowser();

async function signIn(page: Page, m: typeof en, username: string): Promise<void> {
  await page.getByLabel(m.signIn.username).fill(username);
  await page.getByLabel(m.signIn.password).fill(PASSWORD);
  await page.getByRole('button', { name: m.signIn.submit }).click();
  await page.getByRole('button', { name: m.app.signOut }).waitFor();
}

describe('dialogues, follow-through and the public summary', () => {
  let sessionId = '';

  test('kr.secretariat records a session with action items owned by each side (English)', async () => {
    const page = await h.browser.newPage();
    const d = dialoguesMessages.en;
    try {
      await page.goto(`${h.server.url}/app/?lang=en#/dialogues`);
      await signIn(page, en, 'kr.secretariat');
      await page.getByRole('heading', { name: d.page.heading, level: 2 }).waitFor();
      await page.getByRole('link', { name: d.page.newSession }).click();
      await page.getByRole('heading', { name: d.form.heading }).waitFor();
      await page.getByLabel(d.form.releasability).selectOption('public');
      await page.getByLabel(d.form.title).fill(SESSION);
      await page.getByLabel(d.form.location).fill('Busan');
      await page.getByLabel(d.form.start).fill('2026-10-20T01:00');
      await page.getByLabel(d.form.end).fill('2026-10-20T07:00');
      await page.getByLabel(d.form.agenda).fill('AI in SAR planning\nValidation data');
      await page.getByLabel(fillMessage(d.form.participantName, { n: 1 })).fill('Park Ji-hoon');
      await page.getByLabel(fillMessage(d.form.participantOrganisation, { n: 1 })).fill('MND');
      await page.getByLabel(fillMessage(d.form.participantName, { n: 2 })).fill('Tanaka Hiroshi');
      await page.getByLabel(fillMessage(d.form.participantOrganisation, { n: 2 })).fill('MOD');
      await page.getByLabel(d.form.decisions).fill('Publish the validation report of the optimiser');
      for (const [n, title, due] of [
        [1, KR_ITEM, '2026-12-31'],
        [2, JP_ITEM, '2027-01-31'],
      ] as const) {
        await page.getByRole('button', { name: d.form.addItem }).click();
        await page.getByLabel(fillMessage(d.form.itemTitle, { n })).fill(title);
        await page.getByLabel(fillMessage(d.form.itemKrOwner, { n })).fill(n === 1 ? 'Choi Min-seo' : 'Lee Jun');
        await page.getByLabel(fillMessage(d.form.itemKrOrganisation, { n })).fill('ADD');
        await page.getByLabel(fillMessage(d.form.itemJpOwner, { n })).fill(n === 1 ? 'Suzuki Aya' : 'Ito Ken');
        await page.getByLabel(fillMessage(d.form.itemJpOrganisation, { n })).fill('ATLA');
        await page.getByLabel(fillMessage(d.form.itemDue, { n })).fill(due);
      }
      await page.getByLabel(d.form.minutes).fill('Minutes E2E-2026-10');
      await page.getByRole('button', { name: d.form.submit }).click();
      await page.getByRole('heading', { name: SESSION, level: 3 }).waitFor();
      sessionId = decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '');
      assert.match(sessionId, /^[0-9a-f-]{36}$/);
      const rows = page.locator('table.action-items tbody tr');
      assert.equal(await rows.count(), 2);
      const first = rows.filter({ hasText: KR_ITEM });
      assert.match((await first.locator('td[data-side="KR"]').textContent()) ?? '', /Choi Min-seo/);
      assert.match((await first.locator('td[data-side="JP"]').textContent()) ?? '', /Suzuki Aya/);
      assert.equal(await page.getByRole('listitem').filter({ hasText: 'Tanaka Hiroshi' }).count(), 1);
    } finally {
      await page.close();
    }
  });

  test('jp.secretariat marks the JP side of an item done with evidence (Japanese)', async () => {
    assert.notEqual(sessionId, '');
    const page = await h.browser.newPage();
    const d = dialoguesMessages.ja;
    try {
      await page.goto(`${h.server.url}/app/?lang=ja#/dialogues`);
      await signIn(page, ja as unknown as typeof en, 'jp.secretariat');
      await page.getByRole('link', { name: SESSION }).click();
      await page.getByRole('heading', { name: SESSION, level: 3 }).waitFor();
      const row = page.locator('table.action-items tbody tr').filter({ hasText: JP_ITEM });
      const markJp = fillMessage(d.item.markDone, { side: d.side.JP });
      await row.getByRole('button', { name: markJp }).click();
      await row.getByLabel(d.item.evidence).fill('https://example.org/e2e/jp-drift-cases');
      await row.getByRole('button', { name: d.item.confirm }).click();
      await row.locator('td[data-side="JP"][data-side-state="done"]').waitFor();
      assert.match((await row.locator('td[data-side="JP"]').textContent()) ?? '', /example\.org\/e2e\/jp-drift-cases/);
      assert.equal(await row.locator('td[data-side="KR"][data-side-state="open"]').count(), 1, 'KR side untouched');
      assert.equal(await row.getByRole('button', { name: markJp }).count(), 0);
      // JP may not mark the KR side: no such button anywhere.
      assert.equal(
        await page.getByRole('button', { name: fillMessage(d.item.markDone, { side: d.side.KR }) }).count(),
        0,
      );

      const f = followThroughMessages.ja;
      await page.getByRole('link', { name: ja.nav.followThrough }).click();
      await page.getByRole('heading', { name: f.page.heading, level: 2 }).waitFor();
      await page.getByRole('img', { name: f.page.cadence }).waitFor();
      await page.getByRole('img', { name: f.page.onTime }).waitFor();
      await page.getByRole('img', { name: f.page.timeline }).waitFor();
      const session = page.locator(`[data-activity-id="${sessionId}"]`).first();
      await session.waitFor();
      assert.match((await session.textContent()) ?? '', new RegExp(SESSION));
      assert.match((await session.textContent()) ?? '', new RegExp(f.state.done));
      const area = page.locator('section[data-area="st-ai-dialogue"]');
      for (const title of [KR_ITEM, JP_ITEM]) {
        assert.ok((await area.locator('li[data-activity-id]').filter({ hasText: title }).count()) >= 1, title);
      }
      await page.getByRole('button', { name: ja.app.signOut }).click();
      await page.getByRole('button', { name: ja.signIn.submit }).waitFor();
    } finally {
      await page.close();
    }
  });

  test('the public summary, signed out, shows public records only', async () => {
    const page = await h.browser.newPage();
    const f = followThroughMessages.en;
    try {
      await page.goto(`${h.server.url}/app/?lang=en#/public`);
      await page.getByRole('heading', { name: f.public.heading }).waitFor();
      assert.equal(await page.getByRole('button', { name: en.app.signOut }).count(), 0, 'not signed in');
      const area = page.getByRole('region', { name: f.area['st-ai-dialogue'] });
      await area.getByText(SESSION).waitFor();
      await page.getByRole('img', { name: f.public.chart }).waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      assert.ok(!text.includes(BILATERAL_DEMO_SESSION), 'a bilateral session is not public');
      assert.ok(!text.includes('Exchange drift test cases'), "a bilateral session's items are not public");
      assert.ok(!text.includes('example.org'), 'no evidence references on the public page');
      assert.ok(text.includes(KR_ITEM) && text.includes(JP_ITEM), "the public session's items are listed");
    } finally {
      await page.close();
    }
  });

  test('an administrator switches the search-plan optimiser off and on in the AI use register (Korean)', async () => {
    const page = await h.browser.newPage();
    const r = dialoguesMessages.ko.register;
    try {
      await page.goto(`${h.server.url}/app/?lang=ko#/dialogues/ai-register`);
      await signIn(page, ko as unknown as typeof en, 'kr.admin');
      await page.getByRole('heading', { name: r.heading }).waitFor();
      const entry = page.locator('article[data-feature-id="search-plan-optimiser"]');
      await entry.getByText(r.noGaps).waitFor();
      assert.equal(await entry.getByRole('row').filter({ hasText: '합법성' }).count(), 1, 'NATO lawfulness mapped');
      await entry.locator('[data-switch="on"]').waitFor();
      await entry.getByLabel(r.reason).fill('E2E: validation pending');
      await entry.getByRole('button', { name: r.turnOff }).click();
      await entry.locator('[data-switch="off"]').waitFor();
      assert.match((await entry.textContent()) ?? '', /E2E: validation pending/);
      await entry.getByLabel(r.reason).fill('E2E: validated');
      await entry.getByRole('button', { name: r.turnOn }).click();
      await entry.locator('[data-switch="on"]').waitFor();
    } finally {
      await page.close();
    }
  });
});
