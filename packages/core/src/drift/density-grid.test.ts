import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TandemError } from '../errors/index.ts';
import { metersPerDegree } from '../geo/index.ts';
import { densityCellBounds, densityGrid } from './density-grid.ts';
import { ParticleStatus } from './trajectory-set.ts';
import type { TrajectorySet } from './trajectory-set.ts';

/** One output time with the given positions and statuses. */
function oneTime(lon: readonly number[], lat: readonly number[], status?: readonly number[], weight?: number[]) {
  const n = lon.length;
  const set: TrajectorySet = {
    count: n,
    timesS: Float64Array.of(1000),
    lonDeg: Float64Array.from(lon),
    latDeg: Float64Array.from(lat),
    status: Uint8Array.from(status ?? lon.map(() => ParticleStatus.Active)),
    capsized: new Uint8Array(n),
    categoryId: new Uint16Array(n),
    seedTimeS: new Float64Array(n),
    ...(weight === undefined ? {} : { weight: Float64Array.from(weight) }),
  };
  return set;
}

describe('densityGrid', () => {
  it('counts a known arrangement on explicit bounds', () => {
    // 2×2 grid over [0, 2] × [0, 2]: cells of 1°.
    const set = oneTime(
      [0.5, 0.5, 1.5, 1.5, 1.5, 2.0, 5, 0.2],
      [0.5, 0.7, 0.5, 1.5, 1.9, 2.0, 5, 0.2],
      [1, 2, 3, 1, 1, 1, 1, ParticleStatus.NotSeeded],
    );
    const g = densityGrid(set, 0, { west: 0, south: 0, east: 2, north: 2, nx: 2, ny: 2 });
    assert.deepEqual([...g.counts], [2, 1, 0, 3], 'SW, SE, NW, NE; the NE corner point is inside');
    assert.equal(g.total, 7, 'the unreleased particle is not counted');
    assert.equal(g.outside, 1);
    assert.deepEqual([...g.fraction], [2 / 7, 1 / 7, 0, 3 / 7]);
    assert.deepEqual(densityCellBounds(g, 1, 0), [1, 0, 2, 1]);
    assert.equal(g.timeS, 1000);
  });

  it('uses particle weights for the fraction', () => {
    const set = oneTime([0.5, 1.5, 1.5], [0.5, 0.5, 0.5], undefined, [0.5, 0.25, 0.25]);
    const g = densityGrid(set, 0, { west: 0, south: 0, east: 2, north: 1, nx: 2, ny: 1 });
    assert.deepEqual([...g.counts], [1, 2]);
    assert.deepEqual([...g.fraction], [0.5, 0.5]);
  });

  it('handles a grid across the antimeridian', () => {
    const set = oneTime([179.5, -179.5, -179.5, 178], [0.5, 0.5, 0.5, 0.5]);
    const g = densityGrid(set, 0, { west: 179, south: 0, east: -179, north: 1, nx: 2, ny: 1 });
    assert.deepEqual([...g.counts], [1, 2]);
    assert.equal(g.outside, 1);
    assert.equal(g.east, 181);
    const auto = densityGrid(set, 0, { cellSizeM: 10_000 });
    assert.equal(auto.outside, 0);
    assert.ok(auto.east - auto.west < 3, 'the cloud is 2.5° wide, not 358°');
  });

  it('builds cells equal in metres around the cloud', () => {
    const set = oneTime([3.0, 3.2, 3.1, 3.05], [60.0, 60.1, 60.05, 60.02]);
    const g = densityGrid(set, 0, { cellSizeM: 1000 });
    const m = metersPerDegree((g.south + g.north) / 2);
    assert.ok(Math.abs(g.cellLonDeg * m.eastM - 1000) < 1, `${g.cellLonDeg * m.eastM}`);
    assert.ok(Math.abs(g.cellLatDeg * m.northM - 1000) < 1);
    assert.ok(g.west <= 3.0 && g.east >= 3.2 && g.south <= 60.0 && g.north >= 60.1);
    assert.equal(g.outside, 0);
    assert.equal(
      g.counts.reduce((a, b) => a + b, 0),
      4,
    );
  });

  it('conserves particles: counts + outside = released (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -200, max: 200, noNaN: true }),
            fc.double({ min: -89, max: 89, noNaN: true }),
            fc.integer({ min: 0, max: 3 }),
          ),
          { minLength: 1, maxLength: 60 },
        ),
        fc.oneof(
          fc.record({ cellSizeM: fc.double({ min: 20_000, max: 500_000, noNaN: true }) }),
          fc.record({
            west: fc.double({ min: -180, max: 0, noNaN: true }),
            south: fc.double({ min: -80, max: 0, noNaN: true }),
            east: fc.double({ min: 1, max: 180, noNaN: true }),
            north: fc.double({ min: 1, max: 80, noNaN: true }),
            nx: fc.integer({ min: 1, max: 30 }),
            ny: fc.integer({ min: 1, max: 30 }),
          }),
        ),
        (pts, spec) => {
          const set = oneTime(
            pts.map((p) => p[0]),
            pts.map((p) => p[1]),
            pts.map((p) => p[2]),
          );
          let g;
          try {
            g = densityGrid(set, 0, spec);
          } catch (e) {
            return e instanceof TandemError && e.field === 'cellSizeM';
          }
          const released = pts.filter((p) => p[2] !== ParticleStatus.NotSeeded).length;
          const inside = g.counts.reduce((a, b) => a + b, 0);
          const frac = g.fraction.reduce((a, b) => a + b, 0);
          if ('cellSizeM' in spec && g.outside !== 0) return false;
          return (
            g.total === released &&
            inside + g.outside === released &&
            Math.abs(frac - (released === 0 ? 0 : inside / released)) < 1e-9
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects bad specs and output indices naming the field', () => {
    const set = oneTime([0], [0]);
    const bad: [Parameters<typeof densityGrid>[2], string][] = [
      [{ cellSizeM: 0 }, 'cellSizeM'],
      [{ cellSizeM: NaN }, 'cellSizeM'],
      [{ west: 0, south: 0, east: 1, north: 1, nx: 0, ny: 1 }, 'nx'],
      [{ west: 0, south: 0, east: 1, north: 1, nx: 1.5, ny: 1 }, 'nx'],
      [{ west: 0, south: 1, east: 1, north: 0, nx: 1, ny: 1 }, 'south'],
      [{ west: 0, south: 0, east: 1, north: 1, nx: 10_000, ny: 1_000 }, 'nx'],
    ];
    for (const [spec, field] of bad) {
      assert.throws(
        () => densityGrid(set, 0, spec),
        (e: unknown) => e instanceof TandemError && e.field === field,
      );
    }
    assert.throws(
      () => densityGrid(set, 1, { cellSizeM: 100 }),
      (e: unknown) => e instanceof TandemError && e.field === 'outputIndex',
    );
    const tiny = oneTime([0, 90], [0, 0]);
    assert.throws(
      () => densityGrid(tiny, 0, { cellSizeM: 1 }),
      (e: unknown) => e instanceof TandemError && e.field === 'cellSizeM',
    );
  });
});
