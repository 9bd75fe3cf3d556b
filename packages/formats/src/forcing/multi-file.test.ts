/**
 * Several files for one field: files on the same grid join along time into one source; a file on another
 * grid becomes a second source used by priority (regional first, global after), and points outside both get
 * NaN with a reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SampleStatus } from '@tandem/core';
import { writeNetcdf3Classic } from '../netcdf/write-netcdf3-classic.ts';
import { openGriddedSource } from './open-gridded-source.ts';

/** A lon/lat file with constant u = `value` at hours `hours` after 2020-01-01. */
function file(lons: number[], lats: number[], hours: number[], value: (hour: number) => number): Uint8Array {
  const n = lons.length * lats.length;
  return writeNetcdf3Classic({
    dimensions: [
      { name: 'time', size: hours.length },
      { name: 'latitude', size: lats.length },
      { name: 'longitude', size: lons.length },
    ],
    variables: [
      {
        name: 'time',
        dimensions: ['time'],
        type: 'double',
        attributes: { units: 'hours since 2020-01-01' },
        data: hours,
      },
      { name: 'latitude', dimensions: ['latitude'], type: 'float', attributes: { units: 'degrees_north' }, data: lats },
      {
        name: 'longitude',
        dimensions: ['longitude'],
        type: 'float',
        attributes: { units: 'degrees_east' },
        data: lons,
      },
      {
        name: 'water_u',
        dimensions: ['time', 'latitude', 'longitude'],
        type: 'float',
        attributes: { units: 'm/s' },
        data: hours.flatMap((h) => Array<number>(n).fill(value(h))),
      },
      {
        name: 'water_v',
        dimensions: ['time', 'latitude', 'longitude'],
        type: 'float',
        attributes: { units: 'm/s' },
        data: Array<number>(n * hours.length).fill(0),
      },
    ],
  });
}

const T = Date.UTC(2020, 0, 1) / 1000;

test('time files on one grid join; a regional grid takes priority over the global one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-multi-'));
  try {
    const g = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const day1 = join(dir, 'global_day1.nc');
    const day2 = join(dir, 'global_day2.nc');
    const regional = join(dir, 'regional.nc');
    writeFileSync(
      day1,
      file(g, g, [0, 12], (h) => h / 10),
    );
    writeFileSync(
      day2,
      file(g, g, [24, 36], (h) => h / 10),
    );
    writeFileSync(
      regional,
      file([4, 5, 6], [4, 5, 6], [0, 36], () => 9),
    );
    const src = await openGriddedSource([regional, day2, day1], 'current');
    try {
      assert.equal(src.parts.length, 2);
      assert.equal(src.parts[1]!.info().timeSteps, 4);
      assert.deepEqual(src.coverage.timeRange, [T, T + 36 * 3600]);
      const o = { eastMps: new Float64Array(3), northMps: new Float64Array(3), status: new Uint8Array(3) };
      src.sample(
        'current',
        { timeS: T + 18 * 3600, lonDeg: Float64Array.of(5, 1, 20), latDeg: Float64Array.of(5, 1, 5), start: 0, end: 3 },
        o,
      );
      assert.equal(o.eastMps[0], 9, 'regional inside its box');
      assert.ok(Math.abs(o.eastMps[1]! - 1.8) < 1e-6, 'global, interpolated between the two files (12 h and 24 h)');
      assert.equal(o.status[2], SampleStatus.OutsideSpace);
      assert.ok(Number.isNaN(o.eastMps[2]!));
    } finally {
      src.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
