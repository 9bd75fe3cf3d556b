import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeSeriesSource } from './time-series-source.ts';
import { SampleStatus } from './environment-source.ts';
import type { EnvironmentSource } from './environment-source.ts';
import { TandemError } from '../errors/index.ts';

function at(src: EnvironmentSource, t: number): { e: number; n: number; s: number } {
  const out = { eastMps: new Float64Array(1), northMps: new Float64Array(1), status: new Uint8Array(1) };
  const p = new Float64Array(1);
  src.sample('current', { timeS: t, lonDeg: p, latDeg: p, start: 0, end: 1 }, out);
  return { e: out.eastMps[0] as number, n: out.northMps[0] as number, s: out.status[0] as number };
}

const series = [
  { timeS: 1000, eastMps: 0, northMps: 1 },
  { timeS: 4600, eastMps: 0.36, northMps: -1 },
  { timeS: 8200, eastMps: 0.36, northMps: 0 },
];

test('linear in time between samples, exact at the samples', () => {
  const src = timeSeriesSource('current', series);
  assert.deepEqual(src.coverage.timeRange, [1000, 8200]);
  assert.deepEqual(at(src, 1000), { e: 0, n: 1, s: 0 });
  assert.deepEqual(at(src, 8200), { e: 0.36, n: 0, s: 0 });
  const q = at(src, 1000 + 900);
  assert.ok(Math.abs(q.e - 0.09) < 1e-15);
  assert.ok(Math.abs(q.n - 0.5) < 1e-15);
  const r = at(src, 4600 + 2700);
  assert.ok(Math.abs(r.e - 0.36) < 1e-15);
  assert.ok(Math.abs(r.n + 0.25) < 1e-15);
});

test('outside the time range: NaN with OutsideTime; another field: NoField', () => {
  const src = timeSeriesSource('current', series);
  for (const t of [999, 8201, NaN]) {
    const q = at(src, t);
    assert.ok(Number.isNaN(q.e) && Number.isNaN(q.n));
    assert.equal(q.s, SampleStatus.OutsideTime);
  }
  const out = { eastMps: new Float64Array(1), northMps: new Float64Array(1), status: new Uint8Array(1) };
  const p = new Float64Array(1);
  src.sample('wind', { timeS: 2000, lonDeg: p, latDeg: p, start: 0, end: 1 }, out);
  assert.equal(out.status[0], SampleStatus.NoField);
});

test('a single sample is valid at that instant only', () => {
  const src = timeSeriesSource('current', [{ timeS: 50, eastMps: 1, northMps: 2 }]);
  assert.deepEqual(at(src, 50), { e: 1, n: 2, s: 0 });
  assert.equal(at(src, 51).s, SampleStatus.OutsideTime);
});

test('bad series are rejected naming the sample', () => {
  const bad = (s: Parameters<typeof timeSeriesSource>[1], field: string): void => {
    assert.throws(
      () => timeSeriesSource('wind', s, 'forcing.wind.series'),
      (e: unknown) => e instanceof TandemError && e.code === 'INVALID_INPUT' && e.field === field,
    );
  };
  bad([], 'forcing.wind.series');
  bad([series[0]!, series[0]!], 'forcing.wind.series[1].time');
  bad([{ timeS: 0, eastMps: Infinity, northMps: 0 }], 'forcing.wind.series[0].eastMps');
});
