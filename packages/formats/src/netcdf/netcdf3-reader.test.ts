import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetCDFReader } from 'netcdfjs';
import { isTandemError } from '@tandem/core';
import { openNetcdf3, parseNetcdf3Header } from './netcdf3-reader.ts';

const arctic = fileURLToPath(new URL('../../../../data/forcing/Arctic20_1to5Feb_2016.nc', import.meta.url));

test('header and data agree with netcdfjs on the Arctic20 file (independent parser)', () => {
  const ref = new NetCDFReader(readFileSync(arctic));
  const f = openNetcdf3(arctic);
  try {
    assert.equal(f.format, 'netcdf3-64bit-offset');
    assert.deepEqual(
      f.dimensions.map((d) => [d.name, d.size]),
      ref.dimensions.map((d) => [d.name, d.name === ref.recordDimension.name ? ref.recordDimension.length : d.size]),
    );
    assert.deepEqual(
      f.variables.map((v) => v.name),
      ref.variables.map((v) => v.name),
    );
    for (const name of ['X', 'Y', 'time', 'depth']) {
      const v = f.variables.find((x) => x.name === name)!;
      const mine = f.read(
        name,
        v.shape.map(() => 0),
        v.shape,
      );
      assert.deepEqual([...mine], (ref.getDataVariable(name) as number[]).flat(), name);
    }
    // A 4-D record variable: u[time=3, depth=0, :, :] against netcdfjs' whole-variable read.
    const u = f.variables.find((x) => x.name === 'u')!;
    const [, nd, ny, nx] = u.shape as [number, number, number, number];
    const slab = f.read('u', [3, 0, 0, 0], [1, 1, ny, nx]);
    const all = (ref.getDataVariable('u') as number[][]).flat();
    const offset = 3 * nd * ny * nx;
    assert.deepEqual([...slab], all.slice(offset, offset + ny * nx));
    const scale = f.variables.find((x) => x.name === 'u')!.attributes['scale_factor'];
    assert.ok(Array.isArray(scale) && Math.abs(scale[0]! - 0.00030522235) < 1e-9);
  } finally {
    f.close();
  }
});

/** A classic-format header declaring one double variable of `n` values, padded to `fileBytes`. */
function headerDeclaring(n: number, fileBytes: number): Uint8Array {
  const b = new Uint8Array(fileBytes);
  const v = new DataView(b.buffer);
  let p = 0;
  const u32 = (x: number): void => {
    v.setUint32(p, x);
    p += 4;
  };
  b.set([0x43, 0x44, 0x46, 1]);
  p = 4;
  u32(0); // numrecs
  u32(10); // NC_DIMENSION
  u32(1);
  u32(1);
  b[p] = 0x78; // "x"
  p += 4;
  u32(n);
  u32(0); // no global attributes
  u32(0);
  u32(11); // NC_VARIABLE
  u32(1);
  u32(1);
  b[p] = 0x76; // "v"
  p += 4;
  u32(1); // rank 1
  u32(0); // dim id 0
  u32(0); // no attributes
  u32(0);
  u32(6); // double
  u32((n * 8) >>> 0); // vsize
  u32(p + 4); // begin
  return b;
}

test('a 144-byte file declaring 30 million doubles is refused before any allocation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-nc3-'));
  try {
    const path = join(dir, 'huge.nc');
    writeFileSync(path, headerDeclaring(30_000_000, 144));
    const before = process.memoryUsage().arrayBuffers;
    assert.throws(
      () => openNetcdf3(path),
      (e: unknown) => isTandemError(e) && e.code === 'FILE_TOO_LARGE' && e.message.includes('144 bytes'),
    );
    assert.ok(process.memoryUsage().arrayBuffers - before < 10_000_000, 'no large allocation');
    // The same header with a matching file size is valid and reads its values.
    const small = headerDeclaring(4, 80 + 32);
    writeFileSync(path, small);
    const f = openNetcdf3(path);
    assert.deepEqual([...f.read('v', [0], [4])], [0, 0, 0, 0]);
    f.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('list counts larger than the header can hold are refused', () => {
  const b = headerDeclaring(4, 112);
  new DataView(b.buffer).setUint32(12, 0x7fffffff); // dimension count
  assert.throws(
    () => parseNetcdf3Header(b, b.length, 'bad.nc'),
    (e: unknown) => isTandemError(e) && e.code === 'UNSUPPORTED_FILE',
  );
  assert.throws(
    () => parseNetcdf3Header(new Uint8Array([0x89, 0x48, 0x44, 0x46, 0, 0, 0, 0]), 8, 'x.nc'),
    (e: unknown) => isTandemError(e) && e.code === 'UNSUPPORTED_FILE' && e.message.includes('CDF'),
  );
});
