/**
 * pg-boss as the job transport on PostgreSQL: a drift run started through the API of a server without
 * workers is delivered by pg-boss to a worker pool with its own pg-boss connection (another process or
 * machine in production), finishes once, and its message is completed; a retried job gets a new message.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { createTestDatabase } from '../testing/postgres-server.ts';
import { openDatabase } from '../db/database.ts';
import type { TandemDatabase } from '../db/database.ts';
import { driftExecutor } from './drift-executor.ts';
import { BossTransport, queueName } from './boss-transport.ts';
import { JobStore } from './job-store.ts';
import { WorkerPool } from './worker-pool.ts';

const SCENARIO = {
  object: { leewayKey: 'PIW-1' },
  seed: { lon: 129, lat: 34.6, radiusM: 500, radiusType: 'gaussian', time: '2026-01-15T00:00:00Z', count: 20 },
  forcing: { wind: { speedMps: 10, fromDeg: 315 }, current: { speedMps: 0.4, toDeg: 45 } },
  coast: { landMask: 'none' },
  run: { durationS: 3 * 3600, timeStepS: 600, outputStepS: 3600, rngSeed: 7 },
};

async function messagesFor(database: TandemDatabase, jobId: string): Promise<{ state: string }[]> {
  const r = await sql<{ state: string }>`
    select state from pgboss.job where name = ${queueName('drift')} and data->>'jobId' = ${jobId}
  `.execute(database.db);
  return r.rows;
}

async function waitForStatus(t: TestApp, cookie: string, jobId: string, statuses: string[]): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await t.tandem.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: { cookie } });
    const status = (res.json() as { status: string }).status;
    if (statuses.includes(status) || Date.now() > deadline) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('pg-boss job transport (PostgreSQL)', () => {
  let t: TestApp;
  let workerDb: TandemDatabase;
  let workerTransport: BossTransport;
  let pool: WorkerPool;
  before(async () => {
    const url = await createTestDatabase();
    const database = await openDatabase({ databaseUrl: url });
    // the API server: no workers of its own, jobs leave through pg-boss
    t = await createTestApp('postgres', {
      database,
      jobTransport: await BossTransport.start({ databaseUrl: url, maintenanceSeconds: 1 }),
    });
    // a separate worker with its own connections, as another process would have
    workerDb = await openDatabase({ databaseUrl: url, poolSize: 3 });
    workerTransport = await BossTransport.start({ databaseUrl: url, maintenanceSeconds: 1 });
    pool = new WorkerPool({
      store: new JobStore(workerDb.db, workerDb.dialect, undefined, workerTransport),
      executors: { drift: driftExecutor() },
      concurrency: 1,
      leaseMs: 5000,
      pollMs: 50,
    });
  });
  after(async () => {
    await pool.stop();
    await workerTransport.stop();
    await workerDb.close();
    await t.close();
  });

  it('delivers a drift run to a worker elsewhere; it runs once and its message is completed', async () => {
    const kr = await t.login('kr-sar_planner');
    const h = { cookie: kr.cookie, 'x-csrf-token': kr.csrf };
    const sc = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: h,
      payload: { title: 'strait', releasability: 'bilateral', body: SCENARIO },
    });
    assert.equal(sc.statusCode, 201, sc.body);
    const start = await t.tandem.app.inject({
      method: 'POST',
      url: '/api/drift-runs',
      headers: h,
      payload: { scenarioId: sc.json().id, releasability: 'bilateral' },
    });
    assert.equal(start.statusCode, 202, start.body);
    const { jobId } = start.json() as { jobId: string };
    assert.deepEqual(await messagesFor(t.database, jobId), [{ state: 'created' }], 'queued with the job row');

    // cancel it while queued (nobody works yet), then retry: the retry sends a new message
    const cancel = await t.tandem.app.inject({ method: 'POST', url: `/api/jobs/${jobId}/cancel`, headers: h });
    assert.equal(cancel.statusCode, 200, cancel.body);
    pool.start();
    const retry = await t.tandem.app.inject({ method: 'POST', url: `/api/jobs/${jobId}/retry`, headers: h });
    assert.equal(retry.statusCode, 200, retry.body);

    assert.equal(await waitForStatus(t, kr.cookie, jobId, ['succeeded', 'failed']), 'succeeded');
    const results = await t.database.db.selectFrom('job_results').selectAll().where('job_id', '=', jobId).execute();
    assert.equal(results.length, 1);
    const runs = await t.database.db.selectFrom('job_runs').selectAll().where('job_id', '=', jobId).execute();
    assert.equal(runs.length, 1, 'two messages, one run');
    assert.equal(runs[0]?.worker, pool.workerId, 'run by the separate worker');
    const deadline = Date.now() + 5000;
    let states = await messagesFor(t.database, jobId);
    while (states.some((m) => m.state !== 'completed') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      states = await messagesFor(t.database, jobId);
    }
    assert.deepEqual(states, [{ state: 'completed' }, { state: 'completed' }]);
  });
});
