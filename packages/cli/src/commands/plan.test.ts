import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { run } from './plan.ts';
import { createRng } from '@tandem/core';
import type { TrajectorySet } from '@tandem/core';
import { writeTrajectoryNetcdf } from '@tandem/formats';
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
  return { io: { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) }, out: () => out, err: () => err };
}

const datumPlan = {
  name: 'SAREX datum plan',
  probability: { circularNormal: { lon: 129.6, lat: 34.6, sigmaM: 12000 } },
  searchObject: 'Raft 4 person',
  conditions: { visibilityM: 18520, windSpeedMps: 6, seaHeightM: 0.8 },
  startTime: '2026-05-01T06:00:00Z',
  units: [
    { id: 'KCG-3001', nation: 'KR', type: 'kr-kcg-3000t', enduranceS: 43200, base: { lon: 129.09, lat: 35.1 } },
    { id: 'ROKN-P3', nation: 'KR', type: 'kr-navy-p3ck', altitudeM: 300, base: { lon: 129.42, lat: 35.99 } },
    { id: 'JCG-PM', nation: 'JP', type: 'jp-jcg-pm', enduranceS: 43200, base: { lon: 129.72, lat: 33.16 } },
    { id: 'JMSDF-SH60K', nation: 'JP', type: 'jp-jmsdf-sh60k', base: { lon: 129.93, lat: 32.93 } },
  ],
  sensor: 'inverse-cube',
  mode: 'optimize',
  grid: { nx: 100, ny: 100 },
  messages: { coordinator: 'RCC-1', casualty: 'Fishing vessel, 4 persons', personsAtRisk: 4 },
};

test('optimize from a datum: summary shape, every output written, POS below the upper bound', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-plan-'));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(datumPlan));
  const c = capture();
  const code = await run([join(dir, 'plan.json'), '--out', join(dir, 'out'), '--summary', join(dir, 's.json')], c.io);
  assert.equal(code, 0, c.err());
  const s = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
  assert.ok(s.pos > 0 && s.pos <= 1 && s.upperBoundPos >= s.pos * 0.98, `${s.pos} ${s.upperBoundPos}`);
  assert.equal(s.units.length, 4);
  for (const u of s.units) {
    for (const k of ['pod', 'pos', 'trackLengthM']) assert.equal(typeof u[k], 'number', `${u.id}.${k}`);
    assert.ok(u.intercept !== null && typeof u.intercept.time === 'string');
  }
  const files = readdirSync(join(dir, 'out')).sort();
  assert.deepEqual(files, ['messages', 'plan.geojson', 'plan.json', 'plan.kml', 'poc.tif', 'routes']);
  assert.equal(
    readdirSync(join(dir, 'out', 'routes')).length,
    s.units.filter((u: { pattern: unknown }) => u.pattern !== null).length,
  );
  assert.equal(readdirSync(join(dir, 'out', 'messages')).length, 6);
  assert.match(readFileSync(join(dir, 'out', 'messages', 'search-action.ja.txt'), 'utf8'), /捜索実施電報/);
  assert.ok(readdirSync(join(dir, 'out')).every((f) => !f.includes('.tmp-')));
});

test('evaluate a fixed expanding square, then update the map from the track actually run (GPX)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-plan-'));
  const plan = {
    probability: { circularNormal: { lon: 130, lat: 35, sigmaM: 3000 } },
    startTime: '2026-05-01T06:00:00Z',
    units: [
      {
        id: 'KR-boat',
        nation: 'KR',
        sweepWidthM: 1500,
        speedMps: 8,
        enduranceS: 30000,
        base: [130.1, 35.1],
        pattern: { kind: 'expanding-square', center: [130, 35], trackSpacingM: 1500, legCount: 16 },
      },
    ],
    mode: 'evaluate',
    grid: { nx: 60, ny: 60 },
  };
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const c = capture();
  assert.equal(
    await run([join(dir, 'plan.json'), '--out', join(dir, 'out'), '--summary', join(dir, 's.json'), '--quiet'], c.io),
    0,
    c.err(),
  );
  const s = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
  assert.ok(s.units[0].pos > 0.2);
  const gpx = join(dir, 'out', 'routes', 'KR-boat.gpx');
  const c2 = capture();
  assert.equal(
    await run(
      [join(dir, 'plan.json'), '--out', join(dir, 'out2'), '--summary', join(dir, 's2.json'), '--tracks', gpx],
      c2.io,
    ),
    0,
    c2.err(),
  );
  const s2 = JSON.parse(readFileSync(join(dir, 's2.json'), 'utf8'));
  assert.ok(
    Math.abs(s2.posterior.pos - s.pos) < 1e-3,
    `the route run as planned has the planned POS: ${s2.posterior.pos} vs ${s.pos}`,
  );
  assert.ok(existsSync(join(dir, 'out2', 'posterior.tif')));
});

test('plan from a drift run directory (trajectory.nc and run.json with weighted seedings)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-plan-drift-'));
  // Two seedings drifting north: 300 particles (weight 1) and, further east, 100 particles (weight 3).
  const n = 400;
  const times = Float64Array.of(0, 3600, 7200).map((t) => t + Date.parse('2026-05-01T04:00:00Z') / 1000);
  const rng = createRng(5);
  const lon = new Float64Array(3 * n);
  const lat = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const east = i < 300 ? 129.5 : 129.8;
    const dx = rng.normal() * 0.02;
    const dy = rng.normal() * 0.02;
    for (let k = 0; k < 3; k++) {
      lon[k * n + i] = east + dx;
      lat[k * n + i] = 34.5 + dy + k * 0.01;
    }
  }
  const set: TrajectorySet = {
    count: n,
    timesS: times,
    lonDeg: lon,
    latDeg: lat,
    status: new Uint8Array(3 * n).fill(1),
    capsized: new Uint8Array(3 * n),
    categoryId: new Uint16Array(n).fill(26),
    seedTimeS: new Float64Array(n).fill(times[0] as number),
  };
  mkdirSync(join(dir, 'run'));
  writeFileSync(join(dir, 'run', 'trajectory.nc'), writeTrajectoryNetcdf(set));
  writeFileSync(
    join(dir, 'run', 'run.json'),
    JSON.stringify({ scenario: { seed: [{ count: 300 }, { count: 100, weight: 3 }] } }),
  );
  const unitAt = (lonDeg: number) => ({
    probability: { driftRun: 'run', atTime: '2026-05-01T05:30:00Z' },
    units: [
      {
        id: 'JP-1',
        nation: 'JP',
        sweepWidthM: 3000,
        speedMps: 7,
        enduranceS: 40000,
        base: [129.65, 34.4],
        pattern: {
          kind: 'parallel',
          area: [
            [lonDeg - 0.08, 34.43],
            [lonDeg + 0.08, 34.43],
            [lonDeg + 0.08, 34.6],
            [lonDeg - 0.08, 34.6],
          ],
          trackSpacingM: 2000,
        },
      },
    ],
    mode: 'evaluate',
    driftCompensation: true,
    grid: { nx: 50, ny: 50 },
  });
  const pos = async (lonDeg: number): Promise<{ pos: number; startTime: string }> => {
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(unitAt(lonDeg)));
    const c = capture();
    assert.equal(await run([join(dir, 'plan.json'), '--summary', join(dir, 's.json'), '--quiet'], c.io), 0, c.err());
    return JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
  };
  const west = await pos(129.5);
  const east = await pos(129.8);
  assert.equal(west.startTime, '2026-05-01T05:30:00Z');
  // Seeding weights are scenario weights: the eastern seeding (weight 3) holds 75 %, the western one 25 %.
  assert.ok(Math.abs(east.pos / west.pos - 3) < 0.3, `${west.pos} vs ${east.pos}`);
  assert.ok(west.pos > 0.15 && west.pos < 0.25, `${west.pos}`);
});

test('bad input: exit 1 and a message naming the field; usage errors exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-plan-bad-'));
  const cases: [unknown, string][] = [
    [{ ...datumPlan, sensor: 'sonar' }, 'sensor'],
    [{ ...datumPlan, units: [{ ...datumPlan.units[0], nation: 'XX' }] }, 'units[0].nation'],
    [{ ...datumPlan, probability: { driftRun: 'nowhere', atTime: '2026-05-01T00:00:00Z' } }, 'probability.driftRun'],
    [{ ...datumPlan, units: [{ ...datumPlan.units[0], type: 'battleship' }] }, 'units[0].type'],
  ];
  for (const [doc, field] of cases) {
    writeFileSync(join(dir, 'p.json'), JSON.stringify(doc));
    const c = capture();
    assert.equal(await run([join(dir, 'p.json'), '--summary', join(dir, 'x.json')], c.io), 1);
    assert.ok(c.err().includes(field), `${field}: ${c.err()}`);
    assert.ok(!existsSync(join(dir, 'x.json')));
  }
  writeFileSync(join(dir, 'p.json'), '{ not json');
  const c = capture();
  assert.equal(await run([join(dir, 'p.json')], c.io), 1);
  assert.match(c.err(), /not valid JSON/);
  assert.equal(await run([], capture().io), 2);
  writeFileSync(join(dir, 'p.json'), JSON.stringify(datumPlan));
  const c3 = capture();
  assert.equal(await run([join(dir, 'p.json'), '--tracks', join(dir, 'missing.gpx')], c3.io), 1);
  assert.match(c3.err(), /--tracks/);
  const c4 = capture();
  assert.equal(await run([join(dir, 'p.json'), '--tracks', join(dir, 'p.json')], c4.io), 1);
  assert.match(c4.err(), /LineString|features|tracks/);
});
