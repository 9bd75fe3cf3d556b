import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { run } from './drift.ts';
import type { CommandIo } from '../main.ts';

function capture(): { io: CommandIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        append(String(chunk));
        cb();
      },
    });
  return {
    io: { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) },
    out: () => out,
    err: () => err,
  };
}

const doc = {
  object: { leewayCategoryId: 26 },
  seed: { lon: 3.0, lat: 60.0, radiusM: 1000, radiusType: 'gaussian', time: '2016-02-01T12:00:00Z', count: 400 },
  forcing: { wind: { eastMps: 10, northMps: 0 }, current: { eastMps: 0, northMps: 0.3 } },
  coast: { landMask: 'none' },
  run: { durationS: 43200, timeStepS: 600, outputStepS: 3600, rngSeed: 1 },
};

test('writes all outputs and the summary; 2 threads give the same summary as 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-drift-cli-'));
  const scenario = join(dir, 'case.json');
  writeFileSync(scenario, JSON.stringify(doc));
  const c = capture();
  const code = await run(
    [scenario, '--out', join(dir, 'out'), '--summary', join(dir, 's1.json'), '--threads', '1'],
    c.io,
  );
  assert.equal(code, 0, c.err());
  const files = readdirSync(join(dir, 'out')).sort();
  assert.deepEqual(files, [
    'density.geojson',
    'final.geojson',
    'particles.csv',
    'run.json',
    'tracks.geojson',
    'trajectory.nc',
  ]);
  const s1 = JSON.parse(readFileSync(join(dir, 's1.json'), 'utf8'));
  for (const k of ['count', 'meanLon', 'meanLat', 'stdEastKm', 'stdNorthKm', 'strandedFraction', 'capsizedFraction']) {
    assert.equal(typeof s1.final[k], 'number', k);
  }
  assert.equal(s1.final.count, 400);
  assert.equal(s1.particleSteps, 400 * 72);
  assert.equal(s1.threads, 1);
  assert.ok(s1.wallS > 0);
  const runJson = JSON.parse(readFileSync(join(dir, 'out', 'run.json'), 'utf8'));
  assert.equal(runJson.outputTimes.length, 13);
  assert.deepEqual(runJson.scenario, doc);
  assert.equal(
    readFileSync(join(dir, 'out', 'trajectory.nc'))
      .subarray(0, 3)
      .toString(),
    'CDF',
  );
  assert.match(c.out(), /mean position/);
  const c2 = capture();
  assert.equal(await run([scenario, '--summary', join(dir, 's2.json'), '--threads', '2', '--quiet'], c2.io), 0);
  const s2 = JSON.parse(readFileSync(join(dir, 's2.json'), 'utf8'));
  assert.deepEqual(s2.final, s1.final);
  assert.equal(c2.out(), '');
});

test('bad scenario: exit 1, "tandem drift: <field>: <message>", no stack, no output files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-drift-cli-'));
  const scenario = join(dir, 'bad.json');
  writeFileSync(scenario, JSON.stringify({ ...doc, seed: { ...doc.seed, lat: 95 } }));
  const c = capture();
  assert.equal(await run([scenario, '--out', join(dir, 'out'), '--summary', join(dir, 's.json')], c.io), 1);
  assert.match(c.err(), /^tandem drift: seed\.lat: /);
  assert.doesNotMatch(c.err(), /\n\s+at /);
  assert.equal(existsSync(join(dir, 'out')), false);
  assert.equal(existsSync(join(dir, 's.json')), false);
  const missing = capture();
  assert.equal(await run([join(dir, 'nope.json')], missing.io), 1);
  assert.match(missing.err(), /^tandem drift: .*nope\.json: cannot read/);
});

test('an output path that cannot be written: exit 1 with the path, nothing half-written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-drift-cli-'));
  const scenario = join(dir, 'case.json');
  writeFileSync(scenario, JSON.stringify({ ...doc, seed: { ...doc.seed, count: 20 } }));
  writeFileSync(join(dir, 'file'), 'x');
  const c = capture();
  assert.equal(await run([scenario, '--out', join(dir, 'file', 'sub'), '--quiet'], c.io), 1);
  assert.match(c.err(), /^tandem drift: output: cannot write /);
  assert.deepEqual(readdirSync(dir).sort(), ['case.json', 'file']);
});

test('usage errors exit 2', async () => {
  for (const args of [[], ['a.json', 'b.json'], ['a.json', '--threads', '0'], ['a.json', '--bogus']]) {
    const c = capture();
    assert.equal(await run(args, c.io), 2, args.join(' '));
    assert.match(c.err(), /tandem drift/);
  }
});
