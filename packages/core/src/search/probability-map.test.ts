/** Probabilities always sum to 1 (fast-check), and the datum maps match their closed forms. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createRng } from '../random/index.ts';
import { ParticleStatus } from '../drift/index.ts';
import type { TrajectorySet } from '../drift/index.ts';
import { lambertAzimuthalEqualArea } from './equal-area-projection.ts';
import {
  cloudFromScenarios,
  frameAround,
  frameForCloud,
  gridFromCircularNormal,
  gridFromCloud,
  gridFromPolygon,
  pointInRing,
  positionsAtTime,
  smoothedGridFromCloud,
  uniformPolygonCloud,
} from './probability-map.ts';
import { bayesUpdate, cumulativePod } from './bayes-update.ts';
import { applyLegsToMiss, posFromMiss } from './closest-approach-pod.ts';
import { TandemError } from '../errors/index.ts';

const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);

test('weighted scenarios combine into weights and POC grids that sum to 1 (property)', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          n: fc.integer({ min: 1, max: 60 }),
          weight: fc.double({ min: 0.01, max: 10, noNaN: true }),
          lon: fc.double({ min: 128, max: 131, noNaN: true }),
          lat: fc.double({ min: 33, max: 36, noNaN: true }),
          seed: fc.integer(),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      fc.integer({ min: 1, max: 80 }),
      (scen, nx) => {
        const scenarios = scen.map((s) => {
          const rng = createRng(s.seed);
          return {
            lonDeg: Array.from({ length: s.n }, () => s.lon + rng.normal() * 0.05),
            latDeg: Array.from({ length: s.n }, () => s.lat + rng.normal() * 0.05),
            weight: s.weight,
          };
        });
        const cloud = cloudFromScenarios(scenarios);
        assert.ok(Math.abs(sum(cloud.weight) - 1) < 1e-9);
        // Each scenario keeps its share of the total weight.
        const total = scen.reduce((s, v) => s + v.weight, 0);
        let k = 0;
        scen.forEach((s) => {
          let share = 0;
          for (let i = 0; i < s.n; i++) share += cloud.weight[k++] as number;
          assert.ok(Math.abs(share - s.weight / total) < 1e-9);
        });
        const grid = gridFromCloud(cloud, frameForCloud(cloud, nx, nx));
        assert.ok(Math.abs(sum(grid.poc) - 1) < 1e-9);
      },
    ),
    { numRuns: 100 },
  );
});

test('Bayesian update keeps weights summing to 1 and equals POC (1 - POD) / (1 - POS) (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })), {
        minLength: 1,
        maxLength: 50,
      }),
      (pairs) => {
        const w0 = Float64Array.from(pairs.map((p) => p[0] / 1000));
        const s = sum(w0);
        fc.pre(s > 1e-6);
        const w = w0.map((v) => v / s);
        const miss = Float64Array.from(pairs.map((p) => p[1] / 1000));
        const pos = posFromMiss(w, miss);
        fc.pre(1 - pos > 1e-6);
        const r = bayesUpdate(w, miss);
        assert.ok(Math.abs(sum(r.weight) - 1) < 1e-9);
        assert.ok(Math.abs(r.pos - pos) < 1e-9);
        for (let k = 0; k < w.length; k++) {
          const expected = ((w[k] as number) * (miss[k] as number)) / (1 - pos);
          assert.ok(Math.abs((r.weight[k] as number) - expected) <= 1e-7 * Math.max(1e-3, expected));
        }
      },
    ),
    { numRuns: 200 },
  );
  assert.throws(() => bayesUpdate(Float64Array.of(1), Float64Array.of(0)), TandemError);
  assert.ok(Math.abs(cumulativePod([0.5, 0.5]) - 0.75) < 1e-12);
});

test('circular normal grid: probability within 1σ square equals erf(1/√2)² and the grid sums to 1', () => {
  const proj = lambertAzimuthalEqualArea([130, 35]);
  const sigma = 5000;
  const frame = frameAround(-5 * sigma, 5 * sigma, -5 * sigma, 5 * sigma, 100, 100);
  const g = gridFromCircularNormal(proj, sigma, frame);
  assert.ok(Math.abs(sum(g.poc) - 1) < 1e-12);
  let inner = 0;
  for (let j = 40; j < 60; j++) for (let i = 40; i < 60; i++) inner += g.poc[j * 100 + i] as number;
  assert.ok(Math.abs(inner - 0.6826894921 ** 2) < 1e-6, `${inner}`);
});

test('uniform polygon: lattice particles inside, equal weights; a search of the whole square with W = S gives erf(√π/2)', () => {
  const cloud = uniformPolygonCloud(
    [
      [130, 35],
      [130.3, 35],
      [130.3, 35.3],
      [130, 35.3],
    ],
    10000,
  );
  assert.ok(Math.abs(sum(cloud.weight) - 1) < 1e-9);
  assert.ok(cloud.xM.length > 9000 && cloud.xM.length < 11000);
});

test('positionsAtTime interpolates between output times and drops unseeded particles', () => {
  const set: TrajectorySet = {
    count: 2,
    timesS: Float64Array.of(0, 3600),
    lonDeg: Float64Array.of(130, NaN, 130.1, 130.2),
    latDeg: Float64Array.of(35, NaN, 35.1, 35.2),
    status: Uint8Array.of(
      ParticleStatus.Active,
      ParticleStatus.NotSeeded,
      ParticleStatus.Active,
      ParticleStatus.Active,
    ),
    capsized: new Uint8Array(4),
    categoryId: new Uint16Array(2),
    seedTimeS: Float64Array.of(0, 3000),
  };
  const p = positionsAtTime(set, 900);
  assert.ok(Math.abs((p.lonDeg[0] as number) - 130.025) < 1e-12);
  assert.ok(Number.isNaN(p.lonDeg[1]));
  assert.ok(Math.abs((positionsAtTime(set, 3000).lonDeg[1] as number) - 130.2) < 1e-12);
  assert.throws(
    () => positionsAtTime(set, 7200),
    (e: unknown) => e instanceof TandemError && e.field === 'probability.atTime',
  );
});

test('particles outside every leg keep their weight; inside a definite-range swath they are found', () => {
  const x = Float64Array.of(0, 10000);
  const y = Float64Array.of(0, 0);
  const miss = new Float64Array(2).fill(1);
  applyLegsToMiss(x, y, Float64Array.of(-100, -5000, -100, 5000), 400, 'definite-range', miss);
  assert.deepEqual(Array.from(miss), [0, 1]);
});

test('polygon grid and lattice by scanlines agree with point-in-polygon on a concave polygon', () => {
  const proj = lambertAzimuthalEqualArea([130, 35]);
  // A "U" shape, metres.
  const ring: [number, number][] = [
    [0, 0],
    [9000, 0],
    [9000, 9000],
    [6000, 9000],
    [6000, 3000],
    [3000, 3000],
    [3000, 9000],
    [0, 9000],
  ];
  const frame = frameAround(-500, 9500, -500, 9500, 20, 20);
  const g = gridFromPolygon(proj, ring, frame, 4);
  const brute = new Float64Array(400);
  for (let j = 0; j < 20; j++) {
    for (let i = 0; i < 20; i++) {
      for (let b = 0; b < 4; b++) {
        for (let a = 0; a < 4; a++) {
          if (
            pointInRing(
              frame.x0M + (i + (a + 0.5) / 4) * frame.cellM,
              frame.y0M + (j + (b + 0.5) / 4) * frame.cellM,
              ring,
            )
          )
            brute[j * 20 + i] = (brute[j * 20 + i] as number) + 1;
        }
      }
    }
  }
  const total = sum(brute);
  for (let c = 0; c < 400; c++)
    assert.ok(Math.abs((g.poc[c] as number) - (brute[c] as number) / total) < 1e-12, `cell ${c}`);
  // Area inside: 9000² - 3000 x 6000 = 63 km²; the polygon cloud puts every lattice point inside.
  const lonlat = ring.map(([x, y]) => proj.inverse(x, y));
  const cloud = uniformPolygonCloud(lonlat, 5000);
  const ringInCloud = lonlat.map((p) => cloud.projection.forward(p[0], p[1]));
  for (let k = 0; k < cloud.xM.length; k++)
    assert.ok(pointInRing(cloud.xM[k] as number, cloud.yM[k] as number, ringInCloud));
  assert.ok(Math.abs(cloud.xM.length / 5000 - 1) < 0.05, `${cloud.xM.length}`);
});

test('a 10,000-vertex polygon maps without trouble', () => {
  const poly: [number, number][] = [];
  for (let k = 0; k < 10000; k++)
    poly.push([130 + 0.3 * Math.cos((2 * Math.PI * k) / 10000), 35 + 0.25 * Math.sin((2 * Math.PI * k) / 10000)]);
  const cloud = uniformPolygonCloud(poly, 20000);
  const ring = poly.map((p) => cloud.projection.forward(p[0], p[1]));
  const g = gridFromPolygon(cloud.projection, ring, frameForCloud(cloud, 200, 200));
  assert.ok(Math.abs(sum(g.poc) - 1) < 1e-9);
});

test('kernel-smoothed grid: sums to 1, keeps the mean, spreads sparse particles', () => {
  const rng = createRng(11);
  const n = 500;
  const lon = Array.from({ length: n }, () => 130 + 0.05 * rng.normal());
  const lat = Array.from({ length: n }, () => 35 + 0.05 * rng.normal());
  const cloud = cloudFromScenarios([{ lonDeg: lon, latDeg: lat, weight: 1 }]);
  const frame = frameForCloud(cloud, 100, 100);
  const raw = gridFromCloud(cloud, frame);
  const smooth = smoothedGridFromCloud(cloud, frame);
  assert.ok(Math.abs(sum(smooth.poc) - 1) < 1e-9);
  const occupied = (g: Float64Array): number => g.filter((v) => v > 1e-12).length;
  assert.ok(occupied(smooth.poc) > 4 * occupied(raw.poc));
  const meanX = (g: Float64Array): number => {
    let m = 0;
    for (let c = 0; c < g.length; c++) m += (g[c] as number) * (c % 100);
    return m;
  };
  assert.ok(Math.abs(meanX(smooth.poc) - meanX(raw.poc)) < 1);
});
