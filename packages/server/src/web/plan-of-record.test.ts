/**
 * The search-plan optimiser under the AI use register: its plans become the plan of record only by a human
 * approval (SAR mission coordinator of the owner nation, audited), and an administrator's switch stops it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { SarRecordRepository } from '../records/sar-record-repository.ts';
import { setAiFeatureSwitch } from '../dialogues/ai-switch.ts';

const PLAN_BODY = { document: {}, summary: { pos: 0.62, units: [] } };

describe('plan of record and the optimiser switch', () => {
  let t: TestApp;
  let repo: SarRecordRepository;
  before(async () => {
    t = await createTestApp('sqlite');
    repo = new SarRecordRepository(t.database.db, t.database.dialect, t.actor('KR', 'sar_planner'));
  });
  after(async () => {
    await t.close();
  });

  const approve = async (user: string, id: string, note?: string) => {
    const s = await t.login(user);
    return t.tandem.app.inject({
      method: 'POST',
      url: `/api/plans/${id}/approve`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: note === undefined ? {} : { note },
    });
  };

  it('records the approver, time and note once, audited; a second approval and a partner are refused', async () => {
    const plan = await repo.create('plan', { title: 'p', releasability: 'bilateral', body: PLAN_BODY });
    const jp = await approve('jp-sar_planner', plan.id);
    assert.equal(jp.statusCode, 403);
    const viewer = await approve('kr-viewer', plan.id);
    assert.equal(viewer.statusCode, 403);
    const before = Date.now() / 1000;
    const ok = await approve('kr-sar_planner', plan.id, 'checked against the manual datum');
    assert.equal(ok.statusCode, 200, ok.body);
    const por = (ok.json() as { body: { planOfRecord: Record<string, unknown> } }).body.planOfRecord;
    assert.equal(por['approverRole'], 'sar-mission-coordinator');
    assert.equal(por['approverName'], 'kr-sar_planner');
    assert.equal(por['note'], 'checked against the manual datum');
    assert.ok(Math.abs(Number(por['approvedUtc']) - before) < 60);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_nation'])
      .where('entity_id', '=', plan.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['plan.create', 'plan.update'],
    );
    const again = await approve('kr-sar_planner', plan.id);
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error.message, /already the plan of record/);
  });

  it('refuses a plan whose job has not produced it yet', async () => {
    const queued = await repo.create('plan', { title: 'q', releasability: 'bilateral', body: { status: 'queued' } });
    const r = await approve('kr-sar_planner', queued.id);
    assert.equal(r.statusCode, 409);
    assert.match(r.json().error.message, /not computed yet/);
  });

  it('stops planning and approval while an administrator has switched the optimiser off', async () => {
    const plan = await repo.create('plan', { title: 'p2', releasability: 'bilateral', body: PLAN_BODY });
    await setAiFeatureSwitch(t.database, t.actor('JP', 'administrator'), 'search-plan-optimiser', false, 'review');
    const s = await t.login('kr-sar_planner');
    const planned = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/web/plan',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: {
        driftRunId: 'any',
        atTime: '2026-01-01T01:00:00Z',
        units: [{ id: 'u', nation: 'KR', type: 'x', baseId: 'y' }],
      },
    });
    assert.equal(planned.statusCode, 403);
    assert.equal(planned.json().error.field, 'ai.searchPlanOptimiser.enabled');
    assert.match(planned.json().error.message, /switched off by an administrator/);
    const job = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/plan-jobs',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: {
        driftRunId: 'any',
        atTime: '2026-01-01T01:00:00Z',
        units: [{ id: 'u', nation: 'KR', type: 'x', baseId: 'y' }],
      },
    });
    assert.equal(job.statusCode, 403);
    const r = await approve('kr-sar_planner', plan.id);
    assert.equal(r.statusCode, 403);
    const c = await t.login('kr-exercise_controller');
    const drill = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/drills',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf },
      payload: { title: 'switch test', releasability: 'bilateral', template: 'person-overboard' },
    });
    assert.equal(drill.statusCode, 201, drill.body);
    const proposal = await t.tandem.app.inject({
      method: 'POST',
      url: `/api/drills/${(drill.json() as { id: string }).id}/proposal`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    assert.equal(proposal.statusCode, 403);
    assert.equal(proposal.json().error.field, 'ai.searchPlanOptimiser.enabled');
    await setAiFeatureSwitch(t.database, t.actor('JP', 'administrator'), 'search-plan-optimiser', true, 'reviewed');
    const back = await approve('kr-sar_planner', plan.id);
    assert.equal(back.statusCode, 200, back.body);
  });
});
