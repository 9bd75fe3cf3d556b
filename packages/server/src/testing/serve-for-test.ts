/**
 * Starts the server for process-level tests and benchmarks (crash test, bench): database from
 * `TANDEM_DATA_DIR` or `DATABASE_URL`, a free port, no rate limit; prints `listening <url>` when ready.
 * `WORKERS=0` runs no in-process workers; `FAULT_JOBS=1` adds the test `fault` executor.
 */
import { startServer } from '../main.ts';
import { driftExecutor } from '../jobs/drift-executor.ts';
import { faultExecutor } from './fault-worker.ts';

const server = await startServer({
  port: 0,
  databaseUrl: process.env['DATABASE_URL'],
  dataDir: process.env['TANDEM_DATA_DIR'],
  rateLimit: false,
  workers: process.env['WORKERS'] === '0' ? false : { concurrency: Number(process.env['WORKERS'] ?? 2) },
  executors: { drift: driftExecutor(), ...(process.env['FAULT_JOBS'] === '1' ? { fault: faultExecutor } : {}) },
});
process.stdout.write(`listening ${server.url}\n`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
