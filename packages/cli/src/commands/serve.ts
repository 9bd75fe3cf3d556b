/**
 * `tandem serve`: starts the API server (embedded SQLite in the data folder, or PostgreSQL when
 * `DATABASE_URL` / `--database-url` is set). `--demo` seeds both nations' demo organisations and users and
 * a Korea Strait scenario with a drift run, prints the sign-ins, and opens a browser on a desktop.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { demoEnvironmentNote, demoSignIns, startServer } from '@tandem/server';
import type { CommandIo } from '../main.ts';

export const summary = 'start the API server (--demo: with demo data; prints the URL and sign-ins)';

const USAGE = `usage: tandem serve [--demo] [--port N] [--host H] [--data-dir DIR] [--database-url URL] [--no-open]
  --demo            seed demo organisations, users and a Korea Strait scenario with a drift run
  --port N          port (default 3000; 0 picks a free one)
  --host H          interface (default 127.0.0.1)
  --data-dir DIR    embedded database folder (default $TANDEM_DATA_DIR or ./tandem-data)
  --database-url U  PostgreSQL URL (default $DATABASE_URL); the embedded database is not used
  --no-open         do not open a browser
`;

/** A desktop session where opening a browser makes sense: not CI, and a display (or macOS/Windows). */
function canOpenBrowser(env: NodeJS.ProcessEnv): boolean {
  if ((env['CI'] ?? '') !== '' || !process.stdout.isTTY) return false;
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return (env['DISPLAY'] ?? '') !== '' || (env['WAYLAND_DISPLAY'] ?? '') !== '';
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    /* no browser opener: the URL is printed anyway */
  }
}

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        demo: { type: 'boolean', default: false },
        port: { type: 'string', default: process.env['PORT'] ?? '3000' },
        host: { type: 'string', default: process.env['HOST'] ?? '127.0.0.1' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    io.stderr.write(`tandem serve: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(`tandem serve: --port must be an integer 0..65535, got "${values.port}"\n`);
    return 2;
  }
  const server = await startServer({
    host: values.host,
    port,
    demo: values.demo,
    databaseUrl: values['database-url'] ?? process.env['DATABASE_URL'],
    dataDir: values['data-dir'],
  });
  const lines = [
    `Tandem server: ${server.url}`,
    `  web app: ${server.url}/app/ (SAR case, drills, exchanges, dialogues, follow-through)`,
    `  public summary (no sign-in): ${server.url}/app/#/public`,
    `  API documentation: ${server.url}/api/docs`,
    `  database: ${server.database.dialect} (${server.database.location})`,
  ];
  if (values.demo) {
    lines.push('', 'Demo sign-ins (web app or POST /api/auth/login):');
    const signIns = demoSignIns();
    const width = Math.max(...signIns.map((s) => s.username.length)) + 1;
    for (const s of signIns) {
      lines.push(`  ${s.username.padEnd(width)} ${s.password}   ${s.nation} ${s.roles.join(', ')}`);
    }
    lines.push('', `Demo environment: ${demoEnvironmentNote()}`);
  }
  lines.push('', 'Press Ctrl+C to stop.');
  io.stdout.write(lines.join('\n') + '\n');
  if (values.demo && server.demoJobId !== undefined) void reportDemoRun(server, io);
  if (values.demo && !values['no-open'] && canOpenBrowser(process.env)) openBrowser(`${server.url}/app/`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

/** Prints once the demo drift run has finished (or failed). */
async function reportDemoRun(server: Awaited<ReturnType<typeof startServer>>, io: CommandIo): Promise<void> {
  const id = server.demoJobId;
  if (id === undefined) return;
  for (let i = 0; i < 1200; i++) {
    const row = await server.database.db
      .selectFrom('jobs')
      .select(['status', 'error'])
      .where('id', '=', id)
      .executeTakeFirst()
      .catch(() => undefined);
    if (row === undefined) return;
    if (row.status === 'succeeded') {
      io.stdout.write('Demo drift run finished (GET /api/drift-runs/demo-drift-run).\n');
      return;
    }
    if (row.status === 'failed' || row.status === 'cancelled') {
      io.stdout.write(`Demo drift run ${row.status}: ${row.error ?? ''}\n`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
