/**
 * Starts the real Tandem server for browser tests: a free loopback port, a temporary data folder, the demo
 * organisations and users, and the server's own drift job executor (worker threads through @tandem/runner).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '@tandem/server';
import type { RunningServer } from '@tandem/server';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

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
