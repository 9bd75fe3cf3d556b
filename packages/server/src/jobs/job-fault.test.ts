/**
 * Job-fault test: worker processes are killed (SIGKILL) at random points while running jobs; a surviving
 * worker takes the jobs over when their leases expire. Every job must finish exactly once: status
 * succeeded, one stored result (from the attempt that finished), at most one re-run.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/database.ts';
import type { TandemDatabase } from '../db/database.ts';
import { createTestDatabase } from '../testing/postgres-server.ts';
import { faultExecutor } from '../testing/fault-worker.ts';
import { JobStore } from './job-store.ts';
import { WorkerPool } from './worker-pool.ts';
import { BossTransport } from './boss-transport.ts';
import { createRng } from '@tandem/core';
import { sql } from 'kysely';

const WORKER = fileURLToPath(new URL('../testing/fault-worker.ts', import.meta.url));
const LEASE_MS = 600;
const STEPS = 10;
const STEP_MS = 40;

async function runFaults(
  database: TandemDatabase,
  env: NodeJS.ProcessEnv,
  runs: number,
  seed: number,
  transport?: BossTransport,
): Promise<void> {
  const store = new JobStore(database.db, database.dialect, undefined, transport);
  const ids: string[] = [];
  for (let i = 0; i < runs; i++) {
    ids.push(
      await database.db.transaction().execute((trx) =>
        store.enqueueIn(trx, {
          kind: `fault-${i}`,
          recordId: `r${i}`,
          ownerNation: 'KR',
          releasability: 'bilateral',
          createdBy: 'test',
          input: { n: i },
        }),
      ),
    );
  }
  const rng = createRng(seed, 1);
  const t0 = Date.now();
  const waves = 1;
  const perWave = Math.ceil(runs / waves);
  for (let w = 0; w < waves; w++) {
    const victims = [];
    for (let k = 0; k < perWave && w * perWave + k < runs; k++) {
      const child = spawn(process.execPath, [WORKER], {
        env: {
          ...process.env,
          ...env,
          KINDS: `fault-${w * perWave + k}`,
          SELF_KILL_AFTER_MS: String(Math.round(150 + rng.uniform() * STEPS * STEP_MS * 1.3)),
          TANDEM_FAULT_WORKER: '1',
          LEASE_MS: String(LEASE_MS),
          STEPS: String(STEPS),
          STEP_MS: String(STEP_MS),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      victims.push(
        new Promise<void>((resolve) => {
          const failsafe = setTimeout(() => child.kill('SIGKILL'), 60_000);
          child.once('exit', () => {
            clearTimeout(failsafe);
            resolve();
          });
        }),
      );
    }
    await Promise.all(victims);
  }
  const tKilled = Date.now();
  const survivor = new WorkerPool({
    store,
    executors: Object.fromEntries(ids.map((_, i) => [`fault-${i}`, faultExecutor])),
    concurrency: 8,
    // The survivor is not killed: a longer lease keeps a busy test machine (heartbeats late under load)
    // from fencing off its own re-runs; the victims' short lease is what sets the recovery time.
    leaseMs: LEASE_MS * 5,
    pollMs: 50,
  });
  survivor.start();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const pending = await database.db
      .selectFrom('jobs')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .execute();
    if (pending.length === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await survivor.stop();
  const jobs = await database.db.selectFrom('jobs').selectAll().execute();
  const results = await database.db.selectFrom('job_results').selectAll().execute();
  const runsRows = await database.db.selectFrom('job_runs').selectAll().execute();
  let rerun = 0;
  for (const id of ids) {
    const job = jobs.find((j) => j.id === id);
    assert.equal(job?.status, 'succeeded', `job ${id} ${job?.status} ${job?.error}`);
    const mine = results.filter((r) => r.job_id === id);
    assert.equal(mine.length, 1, `job ${id} has ${mine.length} results`);
    assert.equal(mine[0]?.attempt, job?.attempt, 'the stored result is from the attempt that finished');
    const n = (JSON.parse(job?.input ?? '{}') as { n: number }).n;
    assert.deepEqual(JSON.parse(mine[0]?.result ?? ''), { n, square: n * n });
    const attempts = runsRows.filter((r) => r.job_id === id).length;
    assert.ok(attempts >= 1 && attempts <= 2, `job ${id} ran ${attempts} times`);
    if (attempts === 2) rerun++;
  }
  process.stdout.write(
    `# ${database.dialect}: ${runs} workers killed, ${rerun} jobs re-run once, victims ${tKilled - t0} ms, recovery ${Date.now() - tKilled} ms\n`,
  );
  assert.ok(rerun > 0, 'some workers died mid-job (otherwise the test tested nothing)');
  if (transport !== undefined) {
    // every job went through pg-boss: one message per job, all completed; the dead workers' were retried
    const boss = await sql<{ name: string; state: string; retry_count: number; job_id: string }>`
      select name, state, retry_count, data->>'jobId' as job_id from pgboss.job where name like 'tandem_job_fault-%'
    `.execute(database.db);
    for (const id of ids) {
      const msgs = boss.rows.filter((m) => m.job_id === id);
      assert.ok(msgs.length >= 1, `job ${id} has no pg-boss message`);
      assert.ok(
        msgs.every((m) => m.state === 'completed'),
        `job ${id} messages ${msgs.map((m) => m.state).join()}`,
      );
    }
    const redelivered = boss.rows.filter((m) => Number(m.retry_count) > 0).length;
    process.stdout.write(`# pg-boss: ${boss.rows.length} messages, ${redelivered} redelivered after expiry\n`);
    assert.ok(redelivered >= rerun, 'each re-run came from a pg-boss redelivery');
  }
}

describe('job fault tolerance (worker processes killed with SIGKILL)', { concurrency: 2 }, () => {
  it('SQLite: 20 runs, every job completes exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-fault-'));
    const database = await openDatabase({ dataDir: dir });
    try {
      await runFaults(database, { TANDEM_DATA_DIR: dir, DATABASE_URL: '' }, 20, 7);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('PostgreSQL: 10 runs, every job completes exactly once', async () => {
    const url = await createTestDatabase();
    const database = await openDatabase({ databaseUrl: url });
    const transport = await BossTransport.start({ databaseUrl: url, expireSeconds: 1, maintenanceSeconds: 1 });
    try {
      await runFaults(database, { DATABASE_URL: url }, 10, 11, transport);
    } finally {
      await transport.stop();
      await database.close();
    }
  });
});
