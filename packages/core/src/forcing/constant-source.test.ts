import { test } from 'node:test';
import assert from 'node:assert/strict';
import { constantSource } from './constant-source.ts';
import { SampleStatus } from './environment-source.ts';
import type { SampleOutput } from './environment-source.ts';
import { TandemError } from '../errors/index.ts';

function output(n: number): SampleOutput {
  return { eastMps: new Float64Array(n).fill(-99), northMps: new Float64Array(n).fill(-99), status: new Uint8Array(n) };
}

test('fills the constant over [start, end), skipping masked points and untouched outside', () => {
  const src = constantSource('wind', { eastMps: 10, northMps: -2 });
  assert.deepEqual(src.fields, ['wind']);
  assert.equal(src.coverage.timeRange, null);
  assert.match(src.name, /toward 101/);
  const out = output(5);
  const lon = new Float64Array(5);
  const mask = Uint8Array.of(1, 1, 0, 1, 1);
  src.sample('wind', { timeS: 0, lonDeg: lon, latDeg: lon, start: 1, end: 4, activeMask: mask }, out);
  assert.deepEqual([...out.eastMps], [-99, 10, -99, 10, -99]);
  assert.deepEqual([...out.northMps], [-99, -2, -99, -2, -99]);
  assert.deepEqual([...out.status], [0, 0, 0, 0, 0]);
});

test('another field gives NaN and NoField, never a silent zero', () => {
  const src = constantSource('current', { eastMps: 0, northMps: 0.3 });
  const out = output(3);
  const lon = new Float64Array(3);
  src.sample('wind', { timeS: 0, lonDeg: lon, latDeg: lon, start: 0, end: 3 }, out);
  assert.ok(out.eastMps.every(Number.isNaN));
  assert.ok(out.status.every((s) => s === SampleStatus.NoField));
});

test('non-finite values are rejected naming the field', () => {
  assert.throws(
    () => constantSource('wind', { eastMps: NaN, northMps: 0 }),
    (e: unknown) => e instanceof TandemError && e.field === 'forcing.wind.eastMps',
  );
});
