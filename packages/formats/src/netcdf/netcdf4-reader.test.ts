import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import h5wasm from 'h5wasm/node';
import { isTandemError } from '@tandem/core';
import { openGriddedSource } from '../forcing/open-gridded-source.ts';
import { openNetcdf4 } from './netcdf4-reader.ts';

const arome = fileURLToPath(
  new URL('../../../../data/forcing/AROME_MetCoOp_00_DEF_20160114_subset.nc', import.meta.url),
);

test('AROME (NetCDF-4, zlib): dimensions from dimension scales, attributes, hyperslab reads', async () => {
  const f = await openNetcdf4(arome);
  try {
    const u = f.variables.find((v) => v.name === 'x_wind_10m')!;
    assert.deepEqual(u.dimensions, ['time', 'y', 'x']);
    assert.deepEqual(u.shape, [3, 151, 141]);
    assert.equal(u.attributes['standard_name'], 'x_wind');
    assert.deepEqual([...f.read('time', [0], [3])], [1452729600, 1452733200, 1452736800]);
    const mapping = f.variables.find((v) => v.name === 'projection_lambert')!;
    assert.deepEqual(mapping.attributes['standard_parallel'], [63, 63]);
    // A 2 × 3 window equals the same window cut from the whole time slab.
    const whole = f.read('x_wind_10m', [1, 0, 0], [1, 151, 141]);
    const win = f.read('x_wind_10m', [1, 20, 30], [1, 2, 3]);
    assert.deepEqual(
      [...win],
      [...whole.slice(20 * 141 + 30, 20 * 141 + 33), ...whole.slice(21 * 141 + 30, 21 * 141 + 33)],
    );
    assert.throws(
      () => f.read('x_wind_10m', [3, 0, 0], [1, 1, 1]),
      (e: unknown) => isTandemError(e) && e.code === 'OUT_OF_RANGE',
    );
  } finally {
    f.close();
  }
});

test('a 28 kB NetCDF-4 file declaring a 100,000 × 100,000 wind grid is refused before allocating', async () => {
  await h5wasm.ready;
  const dir = mkdtempSync(join(tmpdir(), 'tandem-nc4-'));
  try {
    const path = join(dir, 'huge.nc');
    const f = new h5wasm.File(path, 'w');
    const n = 100_000;
    for (const [name, units] of [
      ['lon', 'degrees_east'],
      ['lat', 'degrees_north'],
    ] as const) {
      const d = f.create_dataset({ name, data: new Float32Array(1), maxshape: [null], chunks: [1024] });
      d.resize([n]);
      d.create_attribute('units', units);
      d.make_scale(name);
    }
    const time = f.create_dataset({ name: 'time', data: new Float64Array([0]) });
    time.create_attribute('units', 'hours since 2020-01-01');
    time.make_scale('time');
    for (const name of ['u10', 'v10']) {
      const d = f.create_dataset({
        name,
        data: new Float32Array(1),
        shape: [1, 1, 1],
        maxshape: [null, null, null],
        chunks: [1, 256, 256],
        compression: 4,
      });
      d.resize([1, n, n]);
      d.create_attribute('units', 'm/s');
      ['time', 'lat', 'lon'].forEach((dim, i) => d.attach_scale(i, dim));
    }
    f.close();
    assert.ok(statSync(path).size < 100_000);
    const before = process.memoryUsage().rss;
    await assert.rejects(
      openGriddedSource([path], 'wind'),
      (e: unknown) => isTandemError(e) && e.code === 'FILE_TOO_LARGE' && e.message.includes('100000 × 100000'),
    );
    assert.ok(process.memoryUsage().rss - before < 200e6, 'no large allocation');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
