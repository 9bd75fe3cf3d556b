/**
 * A worker process for the job-fault and bench tests: serves the job kinds in `KINDS` (default `fault`) (a few sleeps with
 * progress, result = input.n squared) from the database in `TANDEM_DATA_DIR` or `DATABASE_URL`, until killed.
 * Env: `LEASE_MS` (default 600), `STEP_MS` (default 40), `STEPS` (default 10), `CONCURRENCY` (default 1),
 * `SELF_KILL_AFTER_MS`: SIGKILL itself that long after start (on its own clock, so the kill point relative to
 * the job does not depend on how busy the test process is). On PostgreSQL jobs arrive through pg-boss
 * (`BOSS_EXPIRE_SECONDS`, default 1: how soon a dead worker's message is redelivered).
 */
import { openDatabase } from '../db/database.ts';
import { JobStore } from '../jobs/job-store.ts';
import { WorkerPool } from '../jobs/worker-pool.ts';
import type { JobExecutor } from '../jobs/worker-pool.ts';
import { BossTransport } from '../jobs/boss-transport.ts';

const env = process.env;
const stepMs = Number(env['STEP_MS'] ?? 40);
const steps = Number(env['STEPS'] ?? 10);

export const faultExecutor: JobExecutor = {
  async run(input, ctx) {
    for (let i = 0; i < steps; i++) {
      if (ctx.signal.aborted) throw new Error('aborted');
      await new Promise((r) => setTimeout(r, stepMs));
      ctx.progress((i + 1) / steps, `step ${i + 1}`);
    }
    const n = (input as { n: number }).n;
    return { n, square: n * n };
  },
};

if (env['TANDEM_FAULT_WORKER'] === '1') {
  const database = await openDatabase({
    databaseUrl: env['DATABASE_URL'],
    dataDir: env['TANDEM_DATA_DIR'],
    poolSize: 3,
  });
  const url = env['DATABASE_URL'];
  const transport =
    url === undefined || url === ''
      ? undefined
      : await BossTransport.start({
          databaseUrl: url,
          expireSeconds: Number(env['BOSS_EXPIRE_SECONDS'] ?? 1),
          maintenanceSeconds: 1,
          poolSize: 2,
        });
  const pool = new WorkerPool({
    store: new JobStore(database.db, database.dialect, database.resultDir, transport),
    executors: Object.fromEntries((env['KINDS'] ?? 'fault').split(',').map((k) => [k, faultExecutor])),
    concurrency: Number(env['CONCURRENCY'] ?? 1),
    leaseMs: Number(env['LEASE_MS'] ?? 600),
    pollMs: 50,
  });
  pool.start();
  const selfKill = Number(env['SELF_KILL_AFTER_MS'] ?? NaN);
  if (Number.isFinite(selfKill)) setTimeout(() => process.kill(process.pid, 'SIGKILL'), selfKill);
  process.stdout.write('ready\n');
}
