/**
 * A throw-away PostgreSQL for tests: `TANDEM_TEST_PG_URL` when set (CI may start one), otherwise a private
 * cluster started here with Debian's binaries (`/usr/lib/postgresql/<v>/bin`) in a temp folder on 127.0.0.1
 * and a free port, run as the `postgres` user when we are root. Each call to `createTestDatabase` gives a
 * fresh database on that server.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

interface Cluster {
  readonly baseUrl: string;
  stop(): void;
}

let cluster: Promise<Cluster> | undefined;
let counter = 0;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

function pgBinDir(): string {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) {
    throw new Error('PostgreSQL is not installed (Debian package "postgresql"; `npm test` installs it as root)');
  }
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  const v = versions[0];
  if (v === undefined) throw new Error(`no initdb under ${root}`);
  return join(root, v, 'bin');
}

async function startCluster(): Promise<Cluster> {
  const fromEnv = process.env['TANDEM_TEST_PG_URL'];
  if (fromEnv !== undefined && fromEnv !== '') return { baseUrl: fromEnv, stop: () => undefined };
  const bin = pgBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'tandem-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const run = (cmd: string, args: string[]): void => {
    const full = join(bin, cmd);
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-h 127.0.0.1 -p ${port} -k ${dir} -c max_connections=200 -c fsync=on`,
    'start',
  ]);
  const stop = (): void => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
    } catch {
      /* already stopped */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return { baseUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

/** A URL to a new empty database on the shared test server. */
export async function createTestDatabase(): Promise<string> {
  cluster ??= startCluster();
  const { baseUrl } = await cluster;
  const name = `tandem_test_${process.pid}_${++counter}_${Date.now()}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Whether a PostgreSQL can be provided here (a URL is given or the Debian binaries exist). */
export function postgresAvailable(): boolean {
  if ((process.env['TANDEM_TEST_PG_URL'] ?? '') !== '') return true;
  try {
    pgBinDir();
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
