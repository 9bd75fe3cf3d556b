/** Builds the web app with Vite when its build is missing or older than its sources. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './test-server.ts';

const WEB = join(REPO_ROOT, 'packages', 'web');

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Several test processes may start at once: one builds while the others wait (a directory as the lock). */
export function ensureWebBuild(): void {
  const lock = join(WEB, '.build.lock');
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`web build lock ${lock} held for 5 minutes: remove it if stale`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    buildIfStale();
  } finally {
    rmdirSync(lock);
  }
}

function buildIfStale(): void {
  const index = join(WEB, 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(join(WEB, 'src')),
    statSync(join(WEB, 'index.html')).mtimeMs,
    statSync(join(WEB, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: WEB,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}
