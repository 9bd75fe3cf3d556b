/**
 * Starts the server: opens the database (PostgreSQL when `DATABASE_URL` is set, else SQLite under
 * `TANDEM_DATA_DIR`), optionally seeds the demo, starts the worker pool and listens. The CLI's `tandem serve`
 * calls `startServer`; running this file directly starts it from the environment (`PORT`, `HOST`).
 */
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import type { BuildAppOptions, TandemApp } from './app.ts';
import { defaultDataDir, openDatabase } from './db/database.ts';
import type { TandemDatabase } from './db/database.ts';
import { driftExecutor } from './jobs/drift-executor.ts';
import { planExecutor } from './jobs/plan-executor.ts';
import { seedDemo } from './demo/demo-data.ts';
import { BossTransport } from './jobs/boss-transport.ts';

export interface StartServerOptions {
  readonly host?: string;
  readonly port?: number;
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly demo?: boolean;
  readonly logger?: boolean;
  readonly rateLimit?: BuildAppOptions['rateLimit'];
  /** In-process workers; false when separate worker processes serve the queue. */
  readonly workers?: BuildAppOptions['workers'];
  readonly executors?: BuildAppOptions['executors'];
}

export interface RunningServer {
  readonly url: string;
  readonly database: TandemDatabase;
  readonly tandem: TandemApp;
  /** Job id of the demo drift run, when the demo was requested. */
  readonly demoJobId: string | undefined;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const databaseUrl = options.databaseUrl ?? process.env['DATABASE_URL'];
  const database = await openDatabase({ databaseUrl, dataDir: options.dataDir ?? defaultDataDir() });
  // On PostgreSQL jobs reach worker processes through pg-boss (ADR 0011); SQLite keeps the in-process pool.
  const jobTransport =
    database.dialect === 'postgres' && databaseUrl !== undefined
      ? await BossTransport.start({ databaseUrl })
      : undefined;
  const demo = options.demo === true ? await seedDemo(database, jobTransport) : undefined;
  const tandem = await buildApp({
    database,
    logger: options.logger ?? false,
    secureCookies: true,
    executors: options.executors ?? { drift: driftExecutor(), plan: planExecutor() },
    ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(jobTransport === undefined ? {} : { jobTransport }),
  });
  const host = options.host ?? '127.0.0.1';
  const address = await tandem.app.listen({ host, port: options.port ?? 3000 });
  return {
    url: address.replace('[::1]', 'localhost'),
    database,
    tandem,
    demoJobId: demo?.driftRunJobId,
    close: async () => {
      await tandem.app.close();
      await database.close();
    },
  };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startServer({
    host: process.env['HOST'] ?? '127.0.0.1',
    port: Number(process.env['PORT'] ?? 3000),
    demo: process.env['TANDEM_DEMO'] === '1',
  });
  process.stdout.write(`tandem server listening on ${server.url}\n`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
