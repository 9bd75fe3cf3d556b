import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from './data.ts';

const data = (f: string): string => fileURLToPath(new URL(`../../../../data/forcing/${f}`, import.meta.url));

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

test('tandem data add, list and check record variables, coverage and problems', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-data-'));
  try {
    let o = io();
    const code = await run(['add', data('Arctic20_1to5Feb_2016.nc'), '--data-dir', dir], o.io);
    assert.equal(code, 0, o.err());
    assert.match(o.out(), /current: u\/v .*rotated to east\/north/);
    assert.match(o.out(), /2016-02-01T12:00:00Z \.\. 2016-02-05T12:00:00Z \(5 steps\); depth = 0 meters/);
    assert.deepEqual(readdirSync(dir), ['catalogue.json'], 'no temporary file left');
    const cat = JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8'));
    assert.equal(cat.entries.length, 1);
    assert.equal(cat.entries[0].fields.current.nx, 91);
    assert.deepEqual(cat.entries[0].fields.current.variables, ['u', 'v']);

    o = io();
    assert.equal(
      await run(['add', data('landmask_gshhg_f_barents_8-24E_70-75N_0.005deg.nc'), '--data-dir', dir], o.io),
      1,
    );
    assert.match(o.out(), /problem: no wind or current/);

    o = io();
    assert.equal(await run(['list', '--data-dir', dir, '--json'], o.io), 0);
    assert.equal(JSON.parse(o.out()).entries.length, 2);

    const bad = join(dir, 'bad.nc');
    writeFileSync(bad, 'CDF\u0001garbage');
    o = io();
    assert.equal(await run(['check', bad], o.io), 1);
    assert.match(o.err(), /UNSUPPORTED_FILE/);
    o = io();
    assert.equal(await run(['frobnicate'], o.io), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
