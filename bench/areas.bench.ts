/**
 * The area pages' server work, timed through the HTTP API on loopback (embedded SQLite, demo data), as a user
 * meets it: drills (issue 7) — a finished drill's session rebuilt from its stored actions (first read after start)
 * and read again from the cache, its replay and after-action report, the report PDF printed by Chromium (first
 * print with the browser start, then warm, per language), the proposal of the optimiser on a running drill;
 * exchanges and follow-through (issue 8) — ferry plans (one leg, stops found, winds), the ICS calendar, the
 * follow-through dashboard and the public summary. Median of `REPEAT` runs where a run can repeat.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer } from '@tandem/server';

const REPEAT = Number(process.env['TANDEM_BENCH_REPEAT'] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-areas-'));
// Seeded in another process first, so this server starts with empty session caches (the first read rebuilds).
const seedMs = Number(
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { openDatabase, seedDemo } from '@tandem/server';
       const db = await openDatabase({ dataDir: ${JSON.stringify(dir)} });
       const t0 = performance.now(); await seedDemo(db); const ms = performance.now() - t0;
       await db.close(); process.stdout.write(String(ms));`,
    ],
    { encoding: 'utf8' },
  ),
);
const server = await startServer({
  host: '127.0.0.1',
  port: 0,
  dataDir: dir,
  databaseUrl: undefined,
  demo: true,
  rateLimit: false,
});
const rows: string[][] = [['what', 'ms', 'note']];
rows.push(['demo seeding (all areas; drift job queued, not run)', seedMs.toFixed(0), '']);

async function login(username: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'tandem-demo-2026' }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

async function call(
  s: { cookie: string; csrf: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<{ ms: number; bytes: number; json: unknown }> {
  const t0 = performance.now();
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const buf = new Uint8Array(await r.arrayBuffer());
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${new TextDecoder().decode(buf).slice(0, 200)}`);
  const type = r.headers.get('content-type') ?? '';
  return { ms, bytes: buf.length, json: type.includes('json') ? JSON.parse(new TextDecoder().decode(buf)) : null };
}

async function median(f: () => Promise<number>, n = REPEAT): Promise<number> {
  const xs: number[] = [];
  for (let k = 0; k < n; k++) xs.push(await f());
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)] ?? NaN;
}

const row = (what: string, ms: number, note = '') => rows.push([what, ms.toFixed(ms < 10 ? 1 : 0), note]);

try {
  const admin = await login('kr.admin');
  const drills = (await call(admin, 'GET', '/api/drills')).json as {
    items: { id: string; status: string; title: string }[];
  };
  const finished = drills.items.filter((d) => d.status === 'finished');
  const first = finished[0];
  if (first === undefined) throw new Error('the demo has no finished drill');
  const cold = await call(admin, 'GET', `/api/drills/${first.id}/player`);
  row('drill player view, first read (session rebuilt from stored actions)', cold.ms, first.title);
  row(
    'drill player view, cached',
    await median(async () => (await call(admin, 'GET', `/api/drills/${first.id}/player`)).ms),
  );
  const replay = await call(admin, 'GET', `/api/drills/${first.id}/replay?stepS=300`);
  row('drill replay (300 s frames)', replay.ms, `${(replay.bytes / 1024).toFixed(0)} KiB`);
  row(
    'after-action report (JSON)',
    await median(async () => (await call(admin, 'GET', `/api/drills/${first.id}/report?lang=en`)).ms),
  );
  const pdf1 = await call(admin, 'GET', `/api/drills/${first.id}/report.pdf?lang=ko`);
  row('report PDF ko, first print (Chromium start)', pdf1.ms, `${(pdf1.bytes / 1024).toFixed(0)} KiB`);
  const pdf2 = await call(admin, 'GET', `/api/drills/${first.id}/report.pdf?lang=ja`);
  row('report PDF ja, warm browser', pdf2.ms, `${(pdf2.bytes / 1024).toFixed(0)} KiB`);
  row(
    'report PDF ja again (kept per version and language)',
    (await call(admin, 'GET', `/api/drills/${first.id}/report.pdf?lang=ja`)).ms,
  );
  row('drill trends', await median(async () => (await call(admin, 'GET', '/api/drill-trends')).ms));

  const controller = await login('kr.controller');
  const planner = await login('kr.planner');
  const created = (
    await call(controller, 'POST', '/api/drills', {
      title: 'bench drill',
      releasability: 'bilateral',
      template: 'person-overboard',
      seed: 3,
    })
  ).json as { id: string };
  await call(controller, 'POST', `/api/drills/${created.id}/start`, { clockFactor: 60 });
  await call(controller, 'POST', `/api/drills/${created.id}/advance`, { toS: 1800 });
  const proposal = await call(planner, 'POST', `/api/drills/${created.id}/proposal`, {});
  row('optimiser proposal on a running drill (drift + allocation)', proposal.ms, 'person overboard, 30 min in');

  const ex = await login('kr.exchange');
  const ferry = async (body: unknown) => (await call(ex, 'POST', '/api/ferry/plan', body)).ms;
  row('ferry plan T-50B RKNW → ROAH', await median(() => ferry({ type: 'T-50B', from: 'RKNW', to: 'ROAH' })));
  row('ferry plan T-4 RJST → ROAH (stops found)', await median(() => ferry({ type: 'T-4', from: 'RJST', to: 'ROAH' })));
  row(
    'ferry plan T-4 RJST → ROAH, 80 kt wind from 270°',
    await median(() =>
      ferry({ type: 'T-4', from: 'RJST', to: 'ROAH', wind: { kind: 'constant', speedKt: 80, fromDeg: 270 } }),
    ),
  );
  row(
    'exchange calendar ICS',
    await median(async () => (await call(ex, 'GET', '/api/exchange-events/calendar.ics?lang=ko')).ms),
  );
  const sec = await login('kr.secretariat');
  row('follow-through dashboard', await median(async () => (await call(sec, 'GET', '/api/follow-through')).ms));
  row(
    'public summary (no sign-in)',
    await median(async () => (await call({ cookie: '', csrf: '' }, 'GET', '/api/public/summary')).ms),
  );
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
const widths = rows[0]?.map((_, k) => Math.max(...rows.map((r) => (r[k] ?? '').length))) ?? [];
for (const r of rows) console.log(r.map((c, k) => c.padEnd(widths[k] ?? 0)).join('  '));
console.log(`\nmedian of ${REPEAT} where repeated; ${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(2)}`);
