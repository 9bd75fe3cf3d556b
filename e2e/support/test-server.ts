/**
 * Starts the real Tandem server for browser tests: a free loopback port, a temporary data folder, the demo
 * organisations and users, and the drift job. The drift executor here calls the runner with the scenario
 * document and its base folder (`{ doc, baseDir }`) and keeps the server's record update; the server's stock
 * executor passes the bare document, which the runner reads as an already parsed scenario (reported to SERVER).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { driftExecutor, startServer } from '@tandem/server';
import type { JobExecutor, RunningServer } from '@tandem/server';
import { runDriftScenario } from '@tandem/runner';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

function webDriftExecutor(): JobExecutor {
  const stock = driftExecutor();
  return {
    async run(input, ctx) {
      const { scenario } = input as { scenario: unknown };
      ctx.progress(0, 'running drift');
      return runDriftScenario(
        { doc: scenario, baseDir: REPO_ROOT },
        { signal: ctx.signal, onProgress: (f) => ctx.progress(f, `drift ${Math.round(f * 100)} %`) },
      );
    },
    ...(stock.recordBody === undefined ? {} : { recordBody: stock.recordBody.bind(stock) }),
  };
}

export interface TestServer {
  readonly url: string;
  readonly server: RunningServer;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    databaseUrl: undefined,
    demo: true,
    rateLimit: false,
    executors: { drift: webDriftExecutor() },
  });
  return {
    url: server.url,
    server,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await startTestServer();
  process.stdout.write(`${s.url}\n`);
  process.once('SIGTERM', () => void s.close().then(() => process.exit(0)));
  process.once('SIGINT', () => void s.close().then(() => process.exit(0)));
}
