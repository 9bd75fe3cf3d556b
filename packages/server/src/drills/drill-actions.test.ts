/**
 * The drill action log on both dialects: concurrent writers of both nations get consecutive, unique seqs (the drill
 * row is locked, a seq collision is retried), every write is in the audit chain, times never go backwards, and the
 * stored log replays to what the players saw.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../testing/dialects.ts';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { verifyAuditChain } from '../audit/audit-log.ts';
import { listActions } from './drill-actions.ts';
import { drillContext } from './drill-autoplay.ts';
import { clockOp, createDrill, playerViewOf, postActions } from './drill-service.ts';
import { forgetSession } from './drill-sessions.ts';

for (const dialect of DIALECTS) {
  describe(`drill actions on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => {
      await t.close();
    });

    it('serializes concurrent writers into consecutive seqs, audited, replaying to the same view', async () => {
      const control = drillContext(t.database, t.actor('KR', 'exercise_controller'));
      const kr = drillContext(t.database, t.actor('KR', 'sar_planner'));
      const jp = drillContext(t.database, t.actor('JP', 'sar_planner'));
      const d = await createDrill(control, {
        title: 'Concurrency',
        releasability: 'bilateral',
        template: 'missing-diver',
        seed: 9,
        durationS: 3600,
        planningParticles: 100,
      });
      await clockOp(control, d.id, 'start', { clockFactor: 1 });
      await clockOp(control, d.id, 'pause', {});
      await clockOp(control, d.id, 'advance', { toS: 600 });
      const n = 12;
      const results = await Promise.all(
        Array.from({ length: n }, (_, k) =>
          postActions(k % 2 === 0 ? kr : jp, d.id, [
            { kind: 'message', to: k % 2 === 0 ? 'JCG RCC' : 'KCG RCC', text: `msg ${k}` },
          ]),
        ),
      );
      const seqs = results.map((r) => r.actions[0]?.seq ?? -1).sort((a, b) => a - b);
      assert.deepEqual(
        seqs,
        Array.from({ length: n }, (_, k) => k + 1),
      );
      const stored = await listActions(t.database.db, d.id);
      assert.equal(stored.length, n);
      assert.ok(stored.every((a) => a.atS === 600));
      assert.deepEqual(new Set(stored.map((a) => a.actorNation)), new Set(['KR', 'JP']));
      // Later actions are never stamped earlier than the last one.
      await clockOp(control, d.id, 'advance', { toS: 1200 });
      const later = await postActions(kr, d.id, [{ kind: 'message', to: 'all units', text: 'later' }]);
      assert.equal(later.actions[0]?.atS, 1200);
      assert.equal(later.actions[0]?.seq, n + 1);
      const audit = await verifyAuditChain(t.database.db);
      assert.equal(audit.ok, true, JSON.stringify(audit));
      const entries = await t.database.db
        .selectFrom('audit_log')
        .select(['action'])
        .where('entity_id', '=', d.id)
        .execute();
      assert.equal(entries.filter((e) => e.action === 'drill.message').length, n + 1);
      // A session rebuilt from the log shows the players what they saw.
      const seen = await playerViewOf(kr, d.id);
      forgetSession(d.id);
      const rebuilt = await playerViewOf(jp, d.id);
      assert.deepEqual(rebuilt, seen);
      assert.equal(rebuilt.messages.filter((m) => m.text.startsWith('msg ')).length, n);
    });
  });
}
