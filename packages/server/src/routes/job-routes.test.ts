/**
 * A drift run end to end through the API: start from a scenario, follow it over server-sent events, read the
 * result and the record summary; a partner cannot see a national run's job, events or result.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { driftExecutor } from '../jobs/drift-executor.ts';
import { trajectoriesFromResult } from '../web/drift-run-result.ts';

const SCENARIO = {
  object: { leewayKey: 'PIW-1' },
  seed: { lon: 129, lat: 34.6, radiusM: 500, radiusType: 'gaussian', time: '2026-01-15T00:00:00Z', count: 40 },
  forcing: { wind: { speedMps: 10, fromDeg: 315 }, current: { speedMps: 0.4, toDeg: 45 } },
  coast: { landMask: 'none' },
  run: { durationS: 6 * 3600, timeStepS: 600, outputStepS: 3600, rngSeed: 7 },
};

describe('drift-run jobs over the API', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite', {
      executors: { drift: driftExecutor() },
      workers: { concurrency: 1, leaseMs: 5000 },
    });
  });
  after(async () => {
    await t.close();
  });

  it('runs a drift job with live progress over SSE and stores its result once', async () => {
    const kr = await t.login('kr-sar_planner');
    const jp = await t.login('jp-sar_planner');
    const h = { cookie: kr.cookie, 'x-csrf-token': kr.csrf };
    const sc = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: h,
      payload: { title: 'strait', releasability: 'national', body: SCENARIO },
    });
    assert.equal(sc.statusCode, 201, sc.body);
    const start = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/drift-runs',
      headers: h,
      payload: { scenarioId: sc.json().id, releasability: 'public' },
    });
    assert.equal(start.statusCode, 202, start.body);
    const { record, jobId } = start.json() as { record: { id: string; releasability: string }; jobId: string };
    assert.equal(record.releasability, 'national', 'a run takes the most restrictive label of its scenario');

    const events = await t.tandem.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/events`,
      headers: { cookie: kr.cookie },
    });
    assert.equal(events.statusCode, 200);
    assert.match(String(events.headers['content-type']), /text\/event-stream/);
    const progress = [...events.body.matchAll(/event: progress\ndata: (.*)\n/g)].map(
      (m) => JSON.parse(m[1] ?? '{}') as { status: string },
    );
    assert.ok(progress.length >= 2, 'several progress events');
    assert.match(events.body, /event: end\ndata: .*"status":"succeeded"/);

    const result = await t.tandem.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/result`,
      headers: { cookie: kr.cookie },
    });
    assert.equal(result.statusCode, 200);
    const set = trajectoriesFromResult((result.json() as { result: unknown }).result);
    assert.equal(set.count, 40);
    assert.equal(set.timesS.length, 7);
    assert.equal(set.lonDeg.length, 40 * 7);
    assert.ok(
      set.lonDeg.every((x) => x > 128 && x < 131),
      'positions decoded from the stored result',
    );
    const rec = await t.tandem.app.inject({
      method: 'GET',
      url: `/api/drift-runs/${record.id}`,
      headers: { cookie: kr.cookie },
    });
    assert.equal(rec.json().body.status, 'finished');
    assert.ok(rec.json().body.summary !== null);
    const results = await t.database.db.selectFrom('job_results').selectAll().where('job_id', '=', jobId).execute();
    assert.equal(results.length, 1);

    for (const url of [
      `/api/jobs/${jobId}`,
      `/api/jobs/${jobId}/events`,
      `/api/jobs/${jobId}/result`,
      `/api/drift-runs/${record.id}/export`,
    ]) {
      const res = await t.tandem.app.inject({ method: 'GET', url, headers: { cookie: jp.cookie } });
      assert.equal(res.statusCode, 404, url);
    }
    const jpJobs = await t.tandem.app.inject({ method: 'GET', url: '/api/jobs', headers: { cookie: jp.cookie } });
    assert.equal(jpJobs.json().total, 0);
    const exp = await t.tandem.app.inject({
      method: 'GET',
      url: `/api/drift-runs/${record.id}/export`,
      headers: { cookie: kr.cookie },
    });
    assert.equal(exp.statusCode, 200);
    assert.match(String(exp.headers['content-disposition']), /attachment/);
  });

  it('refuses a scenario that does not parse, naming the field', async () => {
    const kr = await t.login('kr-exercise_controller');
    const h = { cookie: kr.cookie, 'x-csrf-token': kr.csrf };
    const bad = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: h,
      payload: { title: 'bad', releasability: 'bilateral', body: { ...SCENARIO, seed: { ...SCENARIO.seed, lat: 95 } } },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, 'seed.lat');
  });
});
