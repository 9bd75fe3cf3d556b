/**
 * The what-if re-run in Chromium (issue 6): the web app's Web Worker runs core's `runDrift` with 5,000 particles
 * over 24 h at dt 600 s (hourly outputs, constant wind and current, no coastline), ten times at moving positions
 * as a drag does. Reports the engine time inside the worker and the round trip seen by the page (post to the
 * answer with the cloud as transferable arrays). Target: under 250 ms per update. Needs /usr/bin/chromium.
 */
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

const RUNS = 10;
const TARGET_MS = 250;
const DIST = join(REPO_ROOT, 'packages', 'web', 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
};

interface BenchPage {
  runWhatIfBench?: (
    n: number,
  ) => Promise<{ roundTripMs: number[]; computeMs: number[]; count: number; outputs: number; workers: number }>;
}

if (!existsSync(join(DIST, 'whatif-bench.html'))) {
  execFileSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: join(REPO_ROOT, 'packages', 'web'),
      stdio: 'inherit',
    },
  );
}
const server = createServer((req, res) => {
  const rel = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/').replace(/^\/app\//, ''));
  if (rel.startsWith('..')) {
    res.writeHead(404).end();
    return;
  }
  readFile(join(DIST, rel)).then(
    (body) => res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body),
    () => res.writeHead(404).end(),
  );
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;
/** Debian's Chromium, headless, WebGL through SwiftShader, no background networking (as the e2e tests). */
const browser = await chromium.launch({
  executablePath: process.env['TANDEM_CHROMIUM'] ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--use-gl=angle',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/app/whatif-bench.html`);
  await page.waitForFunction(() => typeof (globalThis as BenchPage).runWhatIfBench === 'function');
  const warm = await page.evaluate(() => (globalThis as BenchPage).runWhatIfBench?.(2));
  const r = await page.evaluate((n) => (globalThis as BenchPage).runWhatIfBench?.(n), RUNS);
  if (warm === undefined || r === undefined) throw new Error('the bench page did not answer');
  const stats = (xs: number[]): { median: number; p90: number; max: number } => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
    return { median: at(0.5), p90: at(0.9), max: s[s.length - 1] as number };
  };
  const c = stats(r.computeMs);
  const rt = stats(r.roundTripMs);
  const version = browser.version();
  process.stdout.write(
    `what-if re-run in Chromium ${version} (${r.workers} Web Worker(s), ${r.count} particles, 24 h, dt 600 s, ${r.outputs} hourly outputs, ${RUNS} updates after 2 warm-up)\n` +
      `${'measure'.padEnd(28)}${'median ms'.padStart(11)}${'p90 ms'.padStart(9)}${'max ms'.padStart(9)}\n` +
      `${'engine (slowest worker)'.padEnd(28)}${c.median.toFixed(1).padStart(11)}${c.p90.toFixed(1).padStart(9)}${c.max.toFixed(1).padStart(9)}\n` +
      `${'round trip (page)'.padEnd(28)}${rt.median.toFixed(1).padStart(11)}${rt.p90.toFixed(1).padStart(9)}${rt.max.toFixed(1).padStart(9)}\n` +
      `target < ${TARGET_MS} ms per update: ${rt.median < TARGET_MS ? 'met' : 'NOT met'} (median round trip); ` +
      `machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}\n`,
  );
} finally {
  await browser.close();
  server.close();
}
