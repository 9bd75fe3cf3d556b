import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SampleStatus, parseUtcTime } from '@tandem/core';
import type { VectorField } from '@tandem/core';
import { openGriddedSource } from './open-gridded-source.ts';
import type { ClosableSource } from './open-gridded-source.ts';

const repo = (p: string): string => fileURLToPath(new URL(`../../../../${p}`, import.meta.url));
const fixture = fileURLToPath(new URL('../../test-fixtures/forcing-expected.json', import.meta.url));

interface Expected {
  lonDeg: number;
  latDeg: number;
  time: string;
  fi: number;
  fj: number;
  eastMps: number;
  northMps: number;
}
const expected = JSON.parse(readFileSync(fixture, 'utf8')) as Record<
  'arctic20' | 'arome',
  { file: string; field: VectorField; points: Expected[] }
>;

function sampleAll(src: ClosableSource, field: VectorField, pts: Expected[]) {
  const out = pts.map(() => ({ east: NaN, north: NaN, status: -1 }));
  const o = { eastMps: new Float64Array(1), northMps: new Float64Array(1), status: new Uint8Array(1) };
  pts.forEach((p, k) => {
    src.sample(
      field,
      {
        timeS: parseUtcTime(p.time),
        lonDeg: Float64Array.of(p.lonDeg),
        latDeg: Float64Array.of(p.latDeg),
        start: 0,
        end: 1,
      },
      o,
    );
    out[k] = { east: o.eastMps[0]!, north: o.northMps[0]!, status: o.status[0]! };
  });
  return out;
}

/**
 * Tolerances: the values are stored as float32 (AROME) or packed shorts (Arctic20, step 3e-4 m/s), both
 * sides decode the same bits; rotation angles differ by method (finite-difference projected north here,
 * geodesic azimuths over ±1 m in the generator): measured max difference 4.9e-5 m/s (Arctic20) and
 * 1.5e-5 m/s (AROME); the tolerance is 1e-4 m/s + 1e-3 of the speed; the lookup-table locator is within 1e-3 cells of proj4.
 */
for (const key of ['arctic20', 'arome'] as const) {
  test(`${key}: sampled east/north agree with the independent pyproj/netCDF4 computation`, async (t) => {
    const ex = expected[key];
    assert.ok(ex.points.length >= 30, 'enough expected points');
    const src = await openGriddedSource([repo(ex.file)], ex.field);
    try {
      const got = sampleAll(src, ex.field, ex.points);
      let maxErr = 0;
      ex.points.forEach((p, k) => {
        const g = got[k]!;
        assert.equal(g.status, SampleStatus.Ok, `${p.lonDeg},${p.latDeg} ${p.time}`);
        const speed = Math.hypot(p.eastMps, p.northMps);
        const err = Math.hypot(g.east - p.eastMps, g.north - p.northMps);
        maxErr = Math.max(maxErr, err);
        assert.ok(
          err <= 1e-4 + 1e-3 * speed,
          `${key} ${p.lonDeg},${p.latDeg} ${p.time}: got ${g.east},${g.north} expected ${p.eastMps},${p.northMps}`,
        );
      });
      t.diagnostic(`${key}: max vector difference ${maxErr.toExponential(2)} m/s over ${ex.points.length} samples`);
    } finally {
      src.close();
    }
  });
}

test('arctic20: the lookup-table locator matches proj4 fractional indices within 1e-3 cells', async () => {
  const src = await openGriddedSource([repo(expected.arctic20.file)], 'current');
  try {
    const pts = expected.arctic20.points.filter(
      (p, k, a) => a.findIndex((q) => q.lonDeg === p.lonDeg && q.latDeg === p.latDeg) === k,
    );
    const lon = Float64Array.from(pts, (p) => p.lonDeg);
    const lat = Float64Array.from(pts, (p) => p.latDeg);
    const fi = new Float64Array(pts.length);
    const fj = new Float64Array(pts.length);
    src.parts[0]!.grid.locator.locate(lon, lat, 0, pts.length, undefined, fi, fj);
    pts.forEach((p, k) => {
      assert.ok(
        Math.abs(fi[k]! - p.fi) < 1e-3 && Math.abs(fj[k]! - p.fj) < 1e-3,
        `${fi[k]} ${fj[k]} vs ${p.fi} ${p.fj}`,
      );
    });
  } finally {
    src.close();
  }
});

test('arctic20: outside time and outside space give their status and NaN, never zero', async () => {
  const src = await openGriddedSource([repo(expected.arctic20.file)], 'current');
  try {
    const o = { eastMps: new Float64Array(3), northMps: new Float64Array(3), status: new Uint8Array(3) };
    const req = (iso: string) => ({
      timeS: parseUtcTime(iso),
      lonDeg: Float64Array.of(15, 100, 15),
      latDeg: Float64Array.of(72, 72, 40),
      start: 0,
      end: 3,
    });
    src.sample('current', req('2016-02-06T00:00:00Z'), o);
    assert.deepEqual([...o.status], [SampleStatus.OutsideTime, SampleStatus.OutsideTime, SampleStatus.OutsideTime]);
    src.sample('current', req('2016-02-02T00:00:00Z'), o);
    assert.deepEqual([...o.status], [SampleStatus.Ok, SampleStatus.OutsideSpace, SampleStatus.OutsideSpace]);
    assert.ok(Number.isNaN(o.eastMps[1]!) && Number.isNaN(o.northMps[2]!));
    src.sample('wind', req('2016-02-02T00:00:00Z'), o);
    assert.equal(o.status[0], SampleStatus.NoField);
    assert.equal(src.parts[0]!.info().vertical, 'depth = 0 meters (level 0 of 17)');
  } finally {
    src.close();
  }
});

test('arctic20: land cells are filled so a coastal point next to land gets a value', async () => {
  const src = await openGriddedSource([repo(expected.arctic20.file)], 'current');
  try {
    const g = src.parts[0]!.grid;
    const slab = src.parts[0]!.slab(0);
    assert.ok(
      slab.eastMps.every((v) => Number.isFinite(v)),
      'every node filled',
    );
    // Tromsø harbour (18.95°E 69.65°N) lies on model land at 20 km resolution.
    const o = { eastMps: new Float64Array(1), northMps: new Float64Array(1), status: new Uint8Array(1) };
    src.sample(
      'current',
      {
        timeS: parseUtcTime('2016-02-01T12:00:00Z'),
        lonDeg: Float64Array.of(18.95),
        latDeg: Float64Array.of(69.65),
        start: 0,
        end: 1,
      },
      o,
    );
    assert.equal(o.status[0], SampleStatus.Ok);
    assert.ok(g.nx === 91 && g.ny === 51);
    const unfilled = await openGriddedSource([repo(expected.arctic20.file)], 'current', { fillLand: false });
    try {
      assert.ok(
        unfilled.parts[0]!.slab(0).eastMps.some((v) => Number.isNaN(v)),
        'the file has land cells',
      );
    } finally {
      unfilled.close();
    }
  } finally {
    src.close();
  }
});

test('arctic20: a large batch (time-blended slab) samples the same values as single points', async () => {
  const src = await openGriddedSource([repo(expected.arctic20.file)], 'current');
  // A second source samples single points: fewer than half the nodes in all, so it never blends.
  const single = await openGriddedSource([repo(expected.arctic20.file)], 'current');
  try {
    const n = 6000; // more points than the 91 × 51 nodes, so the blended path is taken
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      lon[k] = -5 + (k % 100) * 0.5;
      lat[k] = 66 + Math.floor(k / 100) * 0.25;
    }
    const t = parseUtcTime('2016-02-02T05:30:00Z');
    const big = { eastMps: new Float64Array(n), northMps: new Float64Array(n), status: new Uint8Array(n) };
    src.sample('current', { timeS: t, lonDeg: lon, latDeg: lat, start: 0, end: n }, big);
    const one = { eastMps: new Float64Array(1), northMps: new Float64Array(1), status: new Uint8Array(1) };
    let ok = 0;
    for (let k = 0; k < n; k += 7) {
      src.sample(
        'current',
        { timeS: t, lonDeg: lon.subarray(k, k + 1), latDeg: lat.subarray(k, k + 1), start: 0, end: 1 },
        one,
      );
      assert.equal(big.status[k], one.status[0]);
      if (one.status[0] !== SampleStatus.Ok) continue;
      ok++;
      assert.ok(
        Math.abs(big.eastMps[k]! - one.eastMps[0]!) < 1e-6 && Math.abs(big.northMps[k]! - one.northMps[0]!) < 1e-6,
      );
    }
    assert.ok(ok > 500);
  } finally {
    src.close();
    single.close();
  }
});
