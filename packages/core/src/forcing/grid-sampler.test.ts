import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CoordinateAxis, LonLatGridLocator, LookupTableGridLocator } from './grid-locator.ts';
import { fillMissingByDilation, sampleVectorSlabs } from './grid-sampler.ts';
import { SampleStatus } from './environment-source.ts';

/** A field linear in lon and lat is reproduced exactly by bilinear interpolation (closed form). */
function linearSlab(lons: number[], lats: number[], a: number, b: number, c: number) {
  const nx = lons.length;
  const e = new Float32Array(nx * lats.length);
  const n = new Float32Array(nx * lats.length);
  lats.forEach((lat, j) =>
    lons.forEach((lon, i) => {
      e[j * nx + i] = a + b * lon + c * lat;
      n[j * nx + i] = -a + c * lon - b * lat;
    }),
  );
  return { eastMps: e, northMps: n };
}

function sampleAt(
  loc: LonLatGridLocator,
  s0: ReturnType<typeof linearSlab>,
  s1: ReturnType<typeof linearSlab>,
  w: number,
  pts: [number, number][],
) {
  const n = pts.length;
  const lon = Float64Array.from(pts.map((p) => p[0]));
  const lat = Float64Array.from(pts.map((p) => p[1]));
  const fi = new Float64Array(n);
  const fj = new Float64Array(n);
  loc.locate(lon, lat, 0, n, undefined, fi, fj);
  const out = { eastMps: new Float64Array(n), northMps: new Float64Array(n), status: new Uint8Array(n) };
  sampleVectorSlabs(s0, s1, w, loc.nx, loc.periodicX, fi, fj, 0, n, undefined, out);
  return out;
}

test('CoordinateAxis: regular, descending and irregular axes give the fractional index', () => {
  assert.equal(new CoordinateAxis([0, 1, 2, 3]).fractionalIndex(2.5), 2.5);
  assert.equal(new CoordinateAxis([80, 70, 60]).fractionalIndex(65), 1.5);
  const irr = new CoordinateAxis([0, 1, 4, 10]);
  assert.equal(irr.regular, false);
  assert.equal(irr.fractionalIndex(7), 2.5);
  assert.ok(Number.isNaN(irr.fractionalIndex(10.01)));
  assert.ok(Number.isNaN(new CoordinateAxis([80, 70, 60]).fractionalIndex(59)));
});

test('bilinear × linear-in-time reproduces a linear field exactly (descending lat, 0–360 lon)', () => {
  const lons = [350, 352, 354, 356, 358];
  const lats = [60, 59, 58, 57];
  const loc = new LonLatGridLocator(lons, lats);
  const s0 = linearSlab(lons, lats, 1, 0.01, -0.02);
  const s1 = linearSlab(lons, lats, 3, 0.01, -0.02);
  fc.assert(
    fc.property(
      fc.double({ min: -10, max: -2, noNaN: true }),
      fc.double({ min: 57, max: 60, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (lon, lat, w) => {
        const out = sampleAt(loc, s0, s1, w, [[lon, lat]]);
        const lon360 = lon + 360;
        const expectE = 1 + 2 * w + 0.01 * lon360 - 0.02 * lat;
        assert.equal(out.status[0], SampleStatus.Ok);
        assert.ok(Math.abs(out.eastMps[0]! - expectE) < 1e-4, `${out.eastMps[0]} vs ${expectE}`);
      },
    ),
  );
  const outside = sampleAt(loc, s0, s1, 0, [
    [-1, 58],
    [355, 61],
  ]);
  assert.deepEqual([...outside.status], [SampleStatus.OutsideSpace, SampleStatus.OutsideSpace]);
});

test('a global periodic longitude axis interpolates across the seam', () => {
  const lons = Array.from({ length: 36 }, (_, k) => k * 10);
  const lats = [-10, 0, 10];
  const loc = new LonLatGridLocator(lons, lats);
  assert.equal(loc.periodicX, true);
  const slab = { eastMps: new Float32Array(108), northMps: new Float32Array(108) };
  for (let j = 0; j < 3; j++) slab.eastMps[j * 36 + 35] = 1;
  const out = sampleAt(loc, slab, slab, 0, [
    [355, 0],
    [-5, 0],
    [345, 0],
  ]);
  assert.deepEqual([...out.eastMps], [0.5, 0.5, 0.5]);
});

test('a NaN corner gives Missing, never a value', () => {
  const lons = [0, 1];
  const lats = [0, 1];
  const loc = new LonLatGridLocator(lons, lats);
  const slab = { eastMps: Float32Array.from([1, NaN, 1, 1]), northMps: new Float32Array(4) };
  const out = sampleAt(loc, slab, slab, 0.5, [[0.5, 0.5]]);
  assert.equal(out.status[0], SampleStatus.Missing);
  assert.ok(Number.isNaN(out.eastMps[0]));
});

test('fillMissingByDilation: fills land from the coast inward with neighbour means', () => {
  const nx = 4;
  const v = Float32Array.from([1, NaN, NaN, NaN, 3, NaN, NaN, NaN]);
  const passes = fillMissingByDilation(v, nx, 2, 100);
  assert.ok([...v].every((x) => Number.isFinite(x)));
  assert.equal(v[1], 2); // mean of 1 and 3
  assert.equal(v[5], 2);
  assert.equal(passes, 3);
  const allNan = Float32Array.from([NaN, NaN]);
  fillMissingByDilation(allNan, 2, 1, 10);
  assert.ok(allNan.every((x) => Number.isNaN(x)));
});

test('LookupTableGridLocator matches its exact function to 1e-6 cells on a linear map', () => {
  const exact = (lon: number, lat: number, out: Float64Array) => {
    out[0] = (lon - 10) * 4;
    out[1] = (lat - 60) * 2;
  };
  const loc = new LookupTableGridLocator(41, 21, exact, {
    bboxDeg: [10, 60, 20, 70],
    stepLonDeg: 0.1,
    stepLatDeg: 0.1,
  });
  const lon = Float64Array.from([12.345, 19.99, 9.9, 15]);
  const lat = Float64Array.from([61.234, 69.99, 65, 70.5]);
  const fi = new Float64Array(4);
  const fj = new Float64Array(4);
  loc.locate(lon, lat, 0, 4, undefined, fi, fj);
  assert.ok(Math.abs(fi[0]! - 9.38) < 1e-5 && Math.abs(fj[0]! - 2.468) < 1e-5);
  assert.ok(Math.abs(fi[1]! - 39.96) < 1e-4);
  assert.ok(Number.isNaN(fi[2]!) && Number.isNaN(fj[3]!));
});

/** The textbook repeated 3×3 dilation over the whole grid, pass by pass. */
function naiveDilation(v: Float32Array, nx: number, ny: number): void {
  for (;;) {
    const prev = v.slice();
    let changed = false;
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        if (!Number.isNaN(prev[j * nx + i]!)) continue;
        let s = 0;
        let c = 0;
        for (let dj = -1; dj <= 1; dj++)
          for (let di = -1; di <= 1; di++) {
            const ii = i + di;
            const jj = j + dj;
            if (ii < 0 || jj < 0 || ii >= nx || jj >= ny) continue;
            const x = prev[jj * nx + ii]!;
            if (!Number.isNaN(x)) {
              s += x;
              c++;
            }
          }
        if (c > 0) {
          v[j * nx + i] = s / c;
          changed = true;
        }
      }
    if (!changed) return;
  }
}

test('fillMissingByDilation equals the whole-grid pass-by-pass dilation (property)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 12 }),
      fc.array(fc.option(fc.float({ min: -2, max: 2, noNaN: true }), { nil: undefined }), {
        minLength: 144,
        maxLength: 144,
      }),
      (nx, ny, cells) => {
        const a = Float32Array.from(cells.slice(0, nx * ny), (x) => (x === undefined ? NaN : x));
        const b = a.slice();
        fillMissingByDilation(a, nx, ny, 1000);
        naiveDilation(b, nx, ny);
        assert.deepEqual([...a].map(String), [...b].map(String));
      },
    ),
  );
});
