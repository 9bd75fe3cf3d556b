/**
 * `tandem dialogues ...`: the follow-through figures, overdue action items and the public summary from a running
 * Tandem server's API (the server applies releasability: you see what your user may see).
 *   tandem dialogues public-summary --url URL [--as-of TIME] [--json]
 *   tandem dialogues follow-through --url URL --user NAME [--as-of TIME] [--json]   (password: $TANDEM_PASSWORD)
 *   tandem dialogues overdue --url URL --user NAME [--as-of TIME] [--json]
 */
import { parseArgs } from 'node:util';
import type { CommandIo } from '../main.ts';

export const summary = 'follow-through, overdue action items and the public summary from a Tandem server';

const USAGE = `usage: tandem dialogues <public-summary|follow-through|overdue> --url URL [options]
  --url URL        the server, e.g. http://127.0.0.1:8080
  --user NAME      user to sign in as (follow-through, overdue); password from $TANDEM_PASSWORD
  --as-of TIME     epoch seconds or ISO-8601 UTC time (default now)
  --json           print the API's JSON instead of the table
`;

interface Text {
  en: string;
}

class CliError extends Error {}

async function api(url: string, path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(new URL(path, url), init);
  } catch (err) {
    throw new CliError(`cannot reach ${url}: ${(err as Error).message}`);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new CliError(`${path}: HTTP ${res.status} ${body.error?.message ?? ''}`.trim());
  }
  return res;
}

async function signIn(url: string, user: string): Promise<string> {
  const password = process.env['TANDEM_PASSWORD'];
  if (password === undefined || password === '') throw new CliError('set TANDEM_PASSWORD to the password of --user');
  const res = await api(url, '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user, password }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (cookie === '') throw new CliError('sign-in returned no session cookie');
  return cookie;
}

const day = (s: number | null | undefined) =>
  s === null || s === undefined ? '-' : new Date(s * 1000).toISOString().slice(0, 10);
const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb !== 'public-summary' && verb !== 'follow-through' && verb !== 'overdue') {
    io.stderr.write(verb === undefined ? USAGE : `tandem dialogues: unknown action "${verb}"\n${USAGE}`);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        url: { type: 'string' },
        user: { type: 'string' },
        'as-of': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    io.stderr.write(`tandem dialogues ${verb}: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const url = values.url;
  if (url === undefined) {
    io.stderr.write(`tandem dialogues ${verb}: --url is required\n${USAGE}`);
    return 2;
  }
  const asOf = values['as-of'] === undefined ? '' : `?asOf=${encodeURIComponent(values['as-of'])}`;
  try {
    if (verb === 'public-summary') {
      const s = (await (await api(url, `/api/public/summary${asOf}`)).json()) as {
        asOfUtc: number;
        areas: {
          area: string;
          done: number;
          lastDoneUtc: number | null;
          activities: { title: Text; dateUtc: number | null; state: string }[];
        }[];
      };
      if (values.json) {
        io.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
        return 0;
      }
      const lines = [`public summary as of ${day(s.asOfUtc)} (UTC)`];
      for (const a of s.areas) {
        lines.push('', `${a.area}: ${a.done} completed, last ${day(a.lastDoneUtc)}`);
        for (const x of a.activities) lines.push(`  ${day(x.dateUtc)}  ${x.state.padEnd(9)}  ${x.title.en}`);
      }
      io.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    }
    if (values.user === undefined) {
      io.stderr.write(`tandem dialogues ${verb}: --user is required\n${USAGE}`);
      return 2;
    }
    const cookie = await signIn(url, values.user);
    const headers = { cookie };
    if (verb === 'overdue') {
      const r = (await (await api(url, `/api/action-items/overdue${asOf}`, { headers })).json()) as {
        items: { item: { title: Text; dueUtc: number; owners: Record<'KR' | 'JP', { name: string }> } }[];
      };
      if (values.json) {
        io.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return 0;
      }
      const lines = [`${r.items.length} overdue action item(s)`];
      for (const { item } of r.items) {
        lines.push(
          `  due ${day(item.dueUtc)}  ${item.title.en}  (KR ${item.owners.KR.name}, JP ${item.owners.JP.name})`,
        );
      }
      io.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    }
    const f = (await (await api(url, `/api/follow-through${asOf}`, { headers })).json()) as {
      followThrough: {
        asOfUtc: number;
        areas: {
          area: string;
          done: number;
          open: number;
          cancelled: number;
          onTimeRate: number | null;
          cadenceDays: number | null;
          daysSinceLastDone: number | null;
          overdue: unknown[];
        }[];
      };
    };
    if (values.json) {
      io.stdout.write(`${JSON.stringify(f, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `follow-through as of ${day(f.followThrough.asOfUtc)} (UTC), records visible to ${values.user}`,
      `${'area'.padEnd(22)} ${'done'.padStart(5)} ${'open'.padStart(5)} ${'overdue'.padStart(8)} ${'on time'.padStart(8)} ${'cadence d'.padStart(10)} ${'since last d'.padStart(13)}`,
    ];
    for (const a of f.followThrough.areas) {
      lines.push(
        `${a.area.padEnd(22)} ${String(a.done).padStart(5)} ${String(a.open).padStart(5)} ${String(a.overdue.length).padStart(8)} ${pct(a.onTimeRate).padStart(8)} ${String(a.cadenceDays ?? '-').padStart(10)} ${(a.daysSinceLastDone === null ? '-' : a.daysSinceLastDone.toFixed(0)).padStart(13)}`,
      );
    }
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(`tandem dialogues ${verb}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
