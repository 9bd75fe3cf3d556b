/**
 * Dialogue routes against the real app on both dialects: the partner-side completion rule, follow-through over the
 * caller's visible records only, the public summary built from public records only, and the AI switch.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { DIALECTS } from '../testing/dialects.ts';
import { SarRecordRepository } from '../records/sar-record-repository.ts';
import { isAiFeatureOn } from './ai-switch.ts';
import { ACTION_ITEM_INPUT, T0, sessionInput } from './test-fixtures.ts';

const DAY = 86_400;

for (const dialect of DIALECTS) {
  describe(`dialogue routes on ${dialect}`, () => {
    let t: TestApp;
    const s = new Map<string, { cookie: string; csrf: string }>();
    async function call(user: string, method: 'GET' | 'POST', url: string, payload?: object) {
      let session = s.get(user);
      if (session === undefined) {
        session = await t.login(user);
        s.set(user, session);
      }
      const res = await t.tandem.app.inject({
        method,
        url,
        headers: user === 'anonymous' ? {} : { cookie: session.cookie, 'x-csrf-token': session.csrf },
        ...(payload === undefined ? {} : { payload }),
      });
      return { status: res.statusCode, body: res.json() as Record<string, unknown> & { items?: unknown[] } };
    }
    async function anonymous(url: string) {
      const res = await t.tandem.app.inject({ method: 'GET', url });
      return { status: res.statusCode, text: res.body, body: res.json() as Record<string, unknown> };
    }
    async function series(user: string, label: string): Promise<string> {
      const r = await call(user, 'POST', '/api/dialogue-series', {
        title: { en: 'S&T and AI dialogue', ko: '과학기술·AI 대화', ja: '科学技術・AI対話' },
        area: 'artificial-intelligence',
        releasability: label,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body['id'] as string;
    }
    async function session(user: string, label: string, title: string, extra: object = {}) {
      const r = await call(user, 'POST', '/api/dialogue-sessions', {
        ...sessionInput(await series(user, label), label as 'bilateral'),
        title,
        actionItems: [
          { ...ACTION_ITEM_INPUT, title: `${title}: KR-led item` },
          { ...ACTION_ITEM_INPUT, title: `${title}: JP-led item`, dueUtc: T0 + 60 * DAY },
        ],
        ...extra,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body as { record: { id: string }; actionItems: { record: { id: string } }[] };
    }

    before(async () => {
      if (dialect === 'postgres') {
        const { postgresAvailable } = await import('../testing/postgres-server.ts');
        if (!postgresAvailable()) return;
      }
      t = await createTestApp(dialect);
      for (const label of ['public', 'bilateral'] as const) {
        const r = await call('kr-dialogue_secretariat', 'POST', '/api/commitments', {
          area: 'st-ai-dialogue',
          title: `Hold the S&T/AI dialogue (${label})`,
          source: 'Joint statement §3',
          cadenceDays: 180,
          releasability: label,
        });
        assert.equal(r.status, 201);
      }
    });
    after(async () => {
      await t?.close();
    });

    it('a session needs participants of both sides and action items owned on both sides', async (c) => {
      if (t === undefined) return c.skip('PostgreSQL not available');
      const sid = await series('kr-dialogue_secretariat', 'bilateral');
      const base = sessionInput(sid, 'bilateral');
      const oneSide = await call('kr-dialogue_secretariat', 'POST', '/api/dialogue-sessions', {
        ...base,
        participants: [base.participants[0], { ...base.participants[0], name: 'Lee' }],
      });
      assert.equal(oneSide.status, 400);
      assert.equal((oneSide.body['error'] as { field: string }).field, 'session.participants');
      const noJp = await call('kr-dialogue_secretariat', 'POST', '/api/dialogue-sessions', {
        ...base,
        actionItems: [
          { ...ACTION_ITEM_INPUT, owners: { KR: ACTION_ITEM_INPUT.owners.KR, JP: { name: ' ', organisation: '' } } },
        ],
      });
      assert.equal(noJp.status, 400);
      assert.equal((noJp.body['error'] as { field: string }).field, 'session.actionItems[0].owners.JP');
    });

    it("the partner's secretariat marks its own side of a visible item, never the other side or an unseen item", async (c) => {
      if (t === undefined) return c.skip('PostgreSQL not available');
      const bil = await session('kr-dialogue_secretariat', 'bilateral', 'Bilateral session');
      const nat = await session('kr-dialogue_secretariat', 'national', 'KR internal session');
      const [krItem, jpItem] = bil.actionItems.map((i) => i.record.id) as [string, string];
      const evidence = { evidence: [{ kind: 'link', reference: 'https://example.org/jp-report' }] };
      // JP completes the JP side of a KR-owned bilateral item.
      const jp = await call('jp-dialogue_secretariat', 'POST', `/api/action-items/${jpItem}/complete-side`, evidence);
      assert.equal(jp.status, 200, JSON.stringify(jp.body));
      const item = jp.body['item'] as { status: string; sides: Record<string, { by: string }> };
      assert.equal(item.status, 'open', 'one side done: the item is still open');
      assert.deepEqual(Object.keys(item.sides), ['JP']);
      assert.equal(item.sides['JP']!.by, 'jp-dialogue_secretariat');
      // The same side cannot be completed twice; no evidence is refused.
      assert.equal(
        (await call('jp-dialogue_secretariat', 'POST', `/api/action-items/${jpItem}/complete-side`, evidence)).status,
        409,
      );
      assert.equal(
        (
          await call('jp-dialogue_secretariat', 'POST', `/api/action-items/${krItem}/complete-side`, {
            evidence: [{ reference: ' ' }],
          })
        ).status,
        400,
      );
      // KR then completes its side: the item is done.
      const kr = await call('kr-dialogue_secretariat', 'POST', `/api/action-items/${jpItem}/complete-side`, {
        evidence: [{ reference: 'ADD-2026-014' }],
      });
      assert.equal((kr.body['item'] as { status: string }).status, 'done');
      // A partner's national item does not exist for JP; the partner may not drop (owner-only) a visible one.
      const natItem = nat.actionItems[0]!.record.id;
      assert.equal(
        (await call('jp-dialogue_secretariat', 'POST', `/api/action-items/${natItem}/complete-side`, evidence)).status,
        404,
      );
      assert.equal(
        (await call('jp-dialogue_secretariat', 'POST', `/api/action-items/${krItem}/drop`, { reason: 'x' })).status,
        403,
      );
      // Readers cannot complete anything.
      assert.equal(
        (await call('jp-viewer', 'POST', `/api/action-items/${krItem}/complete-side`, evidence)).status,
        403,
      );
      // The completion is in the audit log.
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_nation', 'owner_nation'])
        .where('entity_id', '=', jpItem)
        .where('action', '=', 'action_item.complete_side')
        .execute();
      assert.deepEqual(
        audit.map((a) => [a.actor_nation, a.owner_nation]),
        [
          ['JP', 'KR'],
          ['KR', 'KR'],
        ],
      );
    });

    it("follow-through counts only what the caller can see: a partner's national record never counts", async (c) => {
      if (t === undefined) return c.skip('PostgreSQL not available');
      await session('kr-dialogue_secretariat', 'national', 'KR only session', {
        minutes: [{ kind: 'minutes', reference: 'KR-MIN-1' }],
      });
      const asOf = T0 + 90 * DAY;
      type Ft = {
        activities: { id: string; ownerNation: string; releasability: string; title: { en: string } }[];
        followThrough: { areas: { area: string; done: number }[] };
      };
      const kr = (await call('kr-viewer', 'GET', `/api/follow-through?asOf=${asOf}`)).body as unknown as Ft;
      const jp = (await call('jp-viewer', 'GET', `/api/follow-through?asOf=${asOf}`)).body as unknown as Ft;
      assert.ok(kr.activities.some((a) => a.title.en === 'KR only session'));
      assert.ok(!jp.activities.some((a) => a.ownerNation === 'KR' && a.releasability === 'national'));
      assert.ok(!JSON.stringify(jp).includes('KR only session'));
      const krDone = kr.followThrough.areas.find((a) => a.area === 'st-ai-dialogue')!.done;
      const jpDone = jp.followThrough.areas.find((a) => a.area === 'st-ai-dialogue')!.done;
      assert.ok(krDone > jpDone, `KR sees its national session as done (${krDone} > ${jpDone})`);
      // A commitment listing a record the caller cannot see is not an error and reveals nothing.
      const hidden = (await session('kr-dialogue_secretariat', 'national', 'Hidden')).record.id;
      const listed = await call('kr-dialogue_secretariat', 'POST', '/api/commitments', {
        area: 'st-ai-dialogue',
        title: 'Listed',
        source: 'x',
        activityIds: [hidden],
        releasability: 'bilateral',
      });
      assert.equal(listed.status, 201);
      const jp2 = await call('jp-viewer', 'GET', `/api/follow-through?asOf=${asOf}`);
      assert.equal(jp2.status, 200);
      const jpListed = (jp2.body['commitments'] as { id: string; activityIds: string[] }[]).find(
        (c) => c.id === listed.body['id'],
      );
      assert.ok(jpListed !== undefined && !jpListed.activityIds.includes(hidden));
      const jpCommitments = await call('jp-viewer', 'GET', '/api/commitments');
      assert.ok(!JSON.stringify(jpCommitments.body).includes(hidden), 'the unseen id is not listed either');
      const kr2 = await call('kr-viewer', 'GET', `/api/follow-through?asOf=${asOf}`);
      const krListed = (kr2.body['commitments'] as { id: string; activityIds: string[] }[]).find(
        (c) => c.id === listed.body['id'],
      );
      assert.ok(krListed?.activityIds.includes(hidden), 'the owner nation sees the link');
    });

    it('the public summary shows public records only, to anyone, and leaks nothing else', async (c) => {
      if (t === undefined) return c.skip('PostgreSQL not available');
      await session('kr-dialogue_secretariat', 'public', 'Public session', {
        minutes: [{ kind: 'minutes', reference: 'PUB-MIN' }],
      });
      await session('kr-dialogue_secretariat', 'bilateral', 'Secret-ish bilateral session', {
        minutes: [{ kind: 'minutes', reference: 'BIL-MIN' }],
      });
      await session('jp-dialogue_secretariat', 'national', 'JP national session');
      const r = await anonymous(`/api/public/summary?asOf=${T0 + 90 * DAY}`);
      assert.equal(r.status, 200);
      assert.match(r.text, /Public session/);
      for (const secret of [
        'bilateral',
        'national',
        'BIL-MIN',
        'PUB-MIN',
        'Secret-ish',
        'JP national',
        'KR only',
        'Hidden',
      ]) {
        assert.ok(!r.text.includes(secret), `public summary must not contain "${secret}"`);
      }
      const ids = (r.body['areas'] as { activities: { id: string }[] }[]).flatMap((a) => a.activities.map((x) => x.id));
      const rows = await t.database.db
        .selectFrom('sar_records')
        .select(['id', 'releasability'])
        .where('id', 'in', ids)
        .execute();
      assert.equal(rows.length, ids.length);
      assert.ok(rows.every((x) => x.releasability === 'public'));
      const area = (r.body['areas'] as { area: string; done: number; commitments: unknown[] }[]).find(
        (a) => a.area === 'st-ai-dialogue',
      )!;
      assert.equal(area.commitments.length, 1, 'only the public commitment');
      assert.equal(area.done, 1, 'counts only the public session (its items are open)');
    });

    it('a session is relabelled with its action items; opening it up needs an administrator', async (c) => {
      if (t === undefined) return c.skip('PostgreSQL not available');
      const v = await session('kr-dialogue_secretariat', 'bilateral', 'To be published');
      const url = `/api/dialogue-sessions/${v.record.id}/releasability`;
      const open = { releasability: 'public', reason: 'agreed to publish' };
      const bySecretariat = await call('kr-dialogue_secretariat', 'POST', url, open);
      assert.equal(bySecretariat.status, 403);
      assert.equal((bySecretariat.body['error'] as { code: string }).code, 'APPROVER_REQUIRED');
      assert.equal((await call('jp-administrator', 'POST', url, open)).status, 403, 'not the owner nation');
      const byAdmin = await call('kr-administrator', 'POST', url, open);
      assert.equal(byAdmin.status, 200, JSON.stringify(byAdmin.body));
      const labels = (byAdmin.body['actionItems'] as { record: { releasability: string } }[]).map(
        (i) => i.record.releasability,
      );
      assert.deepEqual(labels, ['public', 'public']);
      assert.equal((byAdmin.body['record'] as { releasability: string }).releasability, 'public');
      const back = await call('kr-dialogue_secretariat', 'POST', url, {
        releasability: 'national',
        reason: 'withdrawn',
      });
      assert.equal(back.status, 200);
      assert.ok(
        (back.body['actionItems'] as { record: { releasability: string } }[]).every(
          (i) => i.record.releasability === 'national',
        ),
      );
      assert.equal((await call('jp-dialogue_secretariat', 'GET', `/api/dialogue-sessions/${v.record.id}`)).status, 404);
    });

    it('an administrator switches an AI feature off and on, with a reason, audited', async (c) => {
      if (t === undefined) return c.skip('PostgreSQL not available');
      assert.equal(await isAiFeatureOn(t.database, 'search-plan-optimiser'), true, 'default of the built-in entry');
      const repo = new SarRecordRepository(t.database.db, t.database.dialect, t.actor('KR', 'administrator'));
      const { SEARCH_PLAN_OPTIMISER_ENTRY } = await import('@tandem/core');
      const rec = await repo.create('ai_use_entry', {
        title: 'optimiser',
        releasability: 'bilateral',
        body: SEARCH_PLAN_OPTIMISER_ENTRY,
      });
      const list = await call('jp-viewer', 'GET', '/api/ai-register');
      const entry = (list.body.items as { recordId: string; gaps: unknown[]; switch: { enabled: boolean } }[]).find(
        (e) => e.recordId === rec.id,
      )!;
      assert.deepEqual(entry.gaps, []);
      assert.equal(entry.switch.enabled, true);
      assert.equal(
        (
          await call('jp-dialogue_secretariat', 'POST', `/api/ai-register/${rec.id}/switch`, {
            enabled: false,
            reason: 'r',
          })
        ).status,
        403,
      );
      const off = await call('jp-administrator', 'POST', `/api/ai-register/${rec.id}/switch`, {
        enabled: false,
        reason: 'validation pending',
      });
      assert.equal(off.status, 200);
      assert.equal(await isAiFeatureOn(t.database, 'search-plan-optimiser'), false);
      assert.equal(await isAiFeatureOn(t.database.db, 'search-plan-optimiser'), false, 'the Kysely handle works too');
      assert.equal((off.body['switch'] as { reason: string; updatedNation: string }).updatedNation, 'JP');
      await call('kr-administrator', 'POST', `/api/ai-register/${rec.id}/switch`, {
        enabled: true,
        reason: 'validated',
      });
      assert.equal(await isAiFeatureOn(t.database, 'search-plan-optimiser'), true);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['action'])
        .where('entity', '=', 'ai_feature_switch')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['ai_feature.switch_off', 'ai_feature.switch_on'],
      );
      assert.equal(await isAiFeatureOn(t.database, 'not-in-register'), true);
    });
  });
}
