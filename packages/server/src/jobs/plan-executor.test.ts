/**
 * Planning as a job: `POST /api/plan-jobs` on a finished drift run queues a `plan` job; it runs in the worker
 * pool, stores its result once and fills in the plan record, which carries the most restrictive label of the
 * drift run and the requested one. The job's plan equals the synchronous `POST /api/web/plan` answer for the
 * same request; a partner cannot see a national plan job; a cancelled plan job can be retried.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { driftExecutor } from './drift-executor.ts';
import { planExecutor } from './plan-executor.ts';

const SCENARIO = {
  object: { leewayKey: 'PIW-1' },
  seed: { lon: 129.05, lat: 34.75, radiusM: 1852, radiusType: 'gaussian', time: '2026-01-15T00:00:00Z', count: 200 },
  forcing: { wind: { speedMps: 10, fromDeg: 315 }, current: { speedMps: 0.3, toDeg: 45 } },
  coast: { landMask: 'none' },
  run: { durationS: 6 * 3600, timeStepS: 600, outputStepS: 3600, rngSeed: 7 },
};
const PLAN = {
  atTime: '2026-01-15T06:00:00Z',
  searchObject: 'Raft 6 person',
  sortieHours: 8,
  units: [
    { id: 'kr-1', nation: 'KR', type: 'kr-navy-kdx1', baseId: 'kr-busan' },
    { id: 'jp-1', nation: 'JP', type: 'jp-jmsdf-destroyer', baseId: 'jp-sasebo' },
  ],
};

async function waitFor(t: TestApp, cookie: string, jobId: string): Promise<{ status: string; error: string | null }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await t.tandem.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: { cookie } });
    const job = res.json() as { status: string; error: string | null };
    if (['succeeded', 'failed', 'cancelled'].includes(job.status) || Date.now() > deadline) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('planning runs as jobs', () => {
  let t: TestApp;
  let h: { cookie: string; 'x-csrf-token': string };
  let driftRunId: string;
  before(async () => {
    t = await createTestApp('sqlite', {
      executors: { drift: driftExecutor(), plan: planExecutor() },
      workers: { concurrency: 1, leaseMs: 5000 },
    });
    const kr = await t.login('kr-sar_planner');
    h = { cookie: kr.cookie, 'x-csrf-token': kr.csrf };
    const sc = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: h,
      payload: { title: 'strait', releasability: 'national', body: SCENARIO },
    });
    assert.equal(sc.statusCode, 201, sc.body);
    const run = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/drift-runs',
      headers: h,
      payload: { scenarioId: sc.json().id },
    });
    assert.equal(run.statusCode, 202, run.body);
    driftRunId = run.json().record.id;
    assert.equal((await waitFor(t, h.cookie, run.json().jobId)).status, 'succeeded');
  });
  after(async () => {
    await t.close();
  });

  it('stores the plan once in a plan record with the most restrictive label, as the synchronous route plans', async () => {
    const start = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/plan-jobs',
      headers: h,
      payload: { ...PLAN, driftRunId, releasability: 'public' },
    });
    assert.equal(start.statusCode, 202, start.body);
    const { record, jobId } = start.json() as { record: { id: string; releasability: string }; jobId: string };
    assert.equal(record.releasability, 'national', 'a plan takes the most restrictive label of its drift run');
    const job = await waitFor(t, h.cookie, jobId);
    assert.equal(job.status, 'succeeded', String(job.error));

    const results = await t.database.db.selectFrom('job_results').selectAll().where('job_id', '=', jobId).execute();
    assert.equal(results.length, 1);
    const res = await t.tandem.app.inject({ method: 'GET', url: `/api/jobs/${jobId}/result`, headers: h });
    const planned = (res.json() as { result: { plan: { pos: number; units: { id: string; pod: number }[] } } }).result;
    const sync = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/web/plan',
      headers: h,
      payload: { ...PLAN, driftRunId },
    });
    assert.equal(sync.statusCode, 200, sync.body);
    assert.equal(planned.plan.pos, sync.json().plan.pos);
    assert.ok(planned.plan.pos > 0 && planned.plan.pos <= 1, `POS ${planned.plan.pos}`);

    const rec = await t.tandem.app.inject({ method: 'GET', url: `/api/plans/${record.id}`, headers: h });
    assert.equal(rec.statusCode, 200);
    const body = rec.json().body as { status: string; driftRunId: string; summary: { pos: number } };
    assert.equal(body.status, 'finished');
    assert.equal(body.driftRunId, driftRunId);
    assert.equal(body.summary.pos, planned.plan.pos);

    const jp = await t.login('jp-sar_planner');
    for (const url of [`/api/jobs/${jobId}`, `/api/jobs/${jobId}/result`, `/api/plans/${record.id}`]) {
      const r = await t.tandem.app.inject({ method: 'GET', url, headers: { cookie: jp.cookie } });
      assert.equal(r.statusCode, 404, url);
    }
    const jpStart = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/plan-jobs',
      headers: { cookie: jp.cookie, 'x-csrf-token': jp.csrf },
      payload: { ...PLAN, driftRunId },
    });
    assert.equal(jpStart.statusCode, 404, 'a partner cannot plan on a national drift run');
  });

  it('a cancelled plan job is retried and then stores its plan once; a bad unit fails with its field', async () => {
    await t.tandem.pool?.stop();
    const start = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/plan-jobs',
      headers: h,
      payload: { ...PLAN, driftRunId },
    });
    const { jobId } = start.json() as { jobId: string };
    const cancel = await t.tandem.app.inject({ method: 'POST', url: `/api/jobs/${jobId}/cancel`, headers: h });
    assert.equal(cancel.json().status, 'cancelled');
    const bad = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/plan-jobs',
      headers: h,
      payload: { ...PLAN, driftRunId, units: [{ id: 'x', nation: 'KR', type: 'kr-navy-kdx1', baseId: 'nowhere' }] },
    });
    assert.equal(bad.statusCode, 202, 'the base is checked when planning');
    t.tandem.pool?.start();
    const retry = await t.tandem.app.inject({ method: 'POST', url: `/api/jobs/${jobId}/retry`, headers: h });
    assert.equal(retry.statusCode, 200, retry.body);
    assert.equal((await waitFor(t, h.cookie, jobId)).status, 'succeeded');
    const failed = await waitFor(t, h.cookie, bad.json().jobId);
    assert.equal(failed.status, 'failed');
    assert.match(String(failed.error), /nowhere/);
    const results = await t.database.db.selectFrom('job_results').selectAll().where('job_id', '=', jobId).execute();
    assert.equal(results.length, 1);
  });
});
