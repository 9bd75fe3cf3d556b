import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { startServer } from '@tandem/server';
import type { RunningServer } from '@tandem/server';
import { run } from './dialogues.ts';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

let server: RunningServer;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-cli-dialogues-'));
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: dir,
    demo: true,
    rateLimit: false,
    workers: false,
  });
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('public-summary needs no sign-in and lists public records only', async () => {
  const c = io();
  assert.equal(await run(['public-summary', '--url', server.url, '--as-of', '2026-11-01T00:00:00Z'], c.io), 0, c.err());
  // As of 1 Nov 2026 only the first session was done: the demo completes its public action item when it is seeded.
  assert.match(c.out(), /st-ai-dialogue: 1 completed/);
  assert.match(c.out(), /planned\s+Publish the AI use register entry/);
  assert.match(c.out(), /First S&T and AI dialogue/);
  assert.doesNotMatch(c.out(), /Second S&T and AI dialogue/, 'the bilateral session is not public');
});

test('follow-through and overdue sign in and show what the user can see', async () => {
  process.env['TANDEM_PASSWORD'] = 'tandem-demo-2026';
  const c = io();
  assert.equal(
    await run(
      ['follow-through', '--url', server.url, '--user', 'jp.secretariat', '--as-of', '2026-11-01T00:00:00Z'],
      c.io,
    ),
    0,
    c.err(),
  );
  assert.match(c.out(), /^st-ai-dialogue\s+2\s/m);
  const o = io();
  assert.equal(
    await run(['overdue', '--url', server.url, '--user', 'kr.viewer', '--as-of', '2026-11-01T00:00:00Z'], o.io),
    0,
    o.err(),
  );
  assert.match(o.out(), /1 overdue action item\(s\)/);
  assert.match(o.out(), /Exchange drift test cases\s+\(KR Choi Min-seo, JP Suzuki Aya\)/);
  const bad = io();
  process.env['TANDEM_PASSWORD'] = 'wrong';
  assert.equal(await run(['overdue', '--url', server.url, '--user', 'kr.viewer'], bad.io), 1);
  assert.match(bad.err(), /HTTP 401/);
  assert.equal(await run(['nope'], io().io), 2);
  assert.equal(await run(['follow-through', '--url', server.url], io().io), 2);
});
