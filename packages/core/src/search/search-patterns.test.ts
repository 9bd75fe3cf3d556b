/** Pattern legs follow the IAMSAR rules (`sar-method.md` §5), checked as properties over random inputs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  driftCompensate,
  expandingSquarePattern,
  rectangleRing,
  sectorPattern,
  sweepPattern,
  trackLinePattern,
  truncatePattern,
} from './search-patterns.ts';
import { TandemError } from '../errors/index.ts';

const pts = (w: Float64Array): [number, number][] => {
  const out: [number, number][] = [];
  for (let i = 0; i < w.length; i += 2) out.push([w[i] as number, w[i + 1] as number]);
  return out;
};
const bearing = (a: [number, number], b: [number, number]): number =>
  ((Math.atan2(b[0] - a[0], b[1] - a[1]) * 180) / Math.PI + 360) % 360;
const turn = (h1: number, h2: number): number => ((h2 - h1 + 540) % 360) - 180;

test('parallel sweep: CSP S/2 inside a corner, legs along the long side S apart, alternating, S/2 short of the ends', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 2000, max: 50000, noNaN: true }),
      fc.double({ min: 2000, max: 50000, noNaN: true }),
      fc.integer({ min: 2, max: 20 }),
      fc.double({ min: 0, max: 359, noNaN: true }),
      (len, wid, n, axis) => {
        const L = Math.max(len, wid);
        const Wd = Math.min(len, wid);
        const S = Wd / n;
        const rect = { centerXM: 1000, centerYM: -500, axisBearingDeg: axis, lengthM: L, widthM: Wd };
        const p = sweepPattern('parallel', rect, axis, { trackSpacingM: S });
        const w = pts(p.waypoints);
        assert.equal(w.length, 2 * n);
        // Commence search point: S/2 inside the two sides of the corner (in the rectangle's frame).
        const ux = Math.sin((axis * Math.PI) / 180);
        const uy = Math.cos((axis * Math.PI) / 180);
        const local = (q: [number, number]): [number, number] => {
          const dx = q[0] - rect.centerXM;
          const dy = q[1] - rect.centerYM;
          return [dx * ux + dy * uy, dx * uy - dy * ux];
        };
        const csp = local(w[0] as [number, number]);
        assert.ok(Math.abs(Math.abs(csp[0]) - (L / 2 - S / 2)) < 1e-6);
        assert.ok(Math.abs(Math.abs(csp[1]) - (Wd / 2 - S / 2)) < 1e-6);
        for (let k = 0; k < n; k++) {
          const a = w[2 * k] as [number, number];
          const b = w[2 * k + 1] as [number, number];
          assert.ok(Math.abs(Math.hypot(b[0] - a[0], b[1] - a[1]) - (L - S)) < 1e-6, 'leg length L - S');
          const hb = bearing(a, b);
          const expected = k % 2 === 0 ? axis : (axis + 180) % 360;
          assert.ok(Math.abs(turn(expected, hb)) < 1e-6, 'legs alternate along the axis');
          if (k > 0) {
            const prev = w[2 * k - 1] as [number, number];
            assert.ok(Math.abs(Math.hypot(a[0] - prev[0], a[1] - prev[1]) - S) < 1e-6, 'cross leg = S');
            assert.ok(
              Math.abs(Math.abs(turn(bearing(w[2 * k - 2] as [number, number], prev), bearing(prev, a))) - 90) < 1e-6,
            );
          }
        }
        assert.ok(Math.abs(p.trackLengthM - (n * (L - S) + (n - 1) * S)) < 1e-6);
      },
    ),
    { numRuns: 200 },
  );
});

test('creeping line: legs parallel to the short sides, advancing along the major axis; turn allowance adds 2r per reversal', () => {
  const rect = { centerXM: 0, centerYM: 0, axisBearingDeg: 0, lengthM: 20000, widthM: 8000 };
  const p = sweepPattern('creeping', rect, 90, { trackSpacingM: 2000, turnRadiusM: 500 });
  const w = pts(p.waypoints);
  assert.equal(w.length, 20);
  assert.ok(Math.abs(Math.abs(turn(0, bearing(w[0] as [number, number], w[1] as [number, number]))) - 90) < 1e-9);
  assert.ok(Math.abs((w[0] as [number, number])[1] - -9000) < 1e-9, 'CSP S/2 inside the south end');
  assert.ok((w[2] as [number, number])[1] > (w[0] as [number, number])[1], 'advances along the major axis');
  assert.ok(Math.abs(p.trackLengthM - (10 * 6000 + 9 * 2000 + 9 * 1000)) < 1e-6);
  assert.equal(rectangleRing(rect).length, 4);
});

test('expanding square: legs S, S, 2S, 2S, 3S, 3S ... with 90° turns to starboard', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 100, max: 5000, noNaN: true }),
      fc.integer({ min: 2, max: 30 }),
      fc.double({ min: 0, max: 359, noNaN: true }),
      (S, n, b0) => {
        const p = expandingSquarePattern([0, 0], b0, S, n);
        const w = pts(p.waypoints);
        assert.equal(w.length, n + 1);
        for (let k = 0; k < n; k++) {
          const a = w[k] as [number, number];
          const b = w[k + 1] as [number, number];
          assert.ok(Math.abs(Math.hypot(b[0] - a[0], b[1] - a[1]) - S * (Math.floor(k / 2) + 1)) < 1e-6);
          if (k === 0) assert.ok(Math.abs(turn(b0, bearing(a, b))) < 1e-6, 'first leg on the given bearing');
          else
            assert.ok(
              Math.abs(turn(bearing(w[k - 1] as [number, number], a), bearing(a, b)) - 90) < 1e-6,
              'starboard 90°',
            );
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('sector: nine legs of length R, 120° starboard turns, three passes through the datum, ends at the datum', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 500, max: 40000, noNaN: true }),
      fc.double({ min: 0, max: 359, noNaN: true }),
      (R, b0) => {
        const c: [number, number] = [100, 200];
        const p = sectorPattern(c, b0, R);
        const w = pts(p.waypoints);
        assert.equal(w.length, 10);
        let throughDatum = 0;
        for (let k = 0; k < 9; k++) {
          const a = w[k] as [number, number];
          const b = w[k + 1] as [number, number];
          assert.ok(Math.abs(Math.hypot(b[0] - a[0], b[1] - a[1]) - R) < 1e-6);
          if (Math.hypot(b[0] - c[0], b[1] - c[1]) < 1e-6) throughDatum++;
          if (k > 0) {
            const t = turn(bearing(w[k - 1] as [number, number], a), bearing(a, b));
            const atDatum = Math.hypot(a[0] - c[0], a[1] - c[1]) < 1e-6;
            assert.ok(Math.abs(t - (atDatum ? 0 : 120)) < 1e-6, `turn ${t} at leg ${k}`);
          }
        }
        assert.equal(throughDatum, 3);
        assert.ok(Math.abs(turn(b0, bearing(w[0] as [number, number], w[1] as [number, number]))) < 1e-6);
      },
    ),
    { numRuns: 200 },
  );
});

test('track line: TSN follows the route; TSR goes S/2 to starboard and returns S/2 to the other side', () => {
  const route: [number, number][] = [
    [0, 0],
    [0, 10000],
  ];
  const tsn = trackLinePattern(route, 2000, false);
  assert.deepEqual(pts(tsn.waypoints), route);
  const tsr = pts(trackLinePattern(route, 2000, true).waypoints);
  assert.deepEqual(tsr, [
    [1000, 0],
    [1000, 10000],
    [-1000, 10000],
    [-1000, 0],
  ]);
});

test('drift compensation moves each waypoint by the drift over the time to reach it', () => {
  const p = expandingSquarePattern([0, 0], 0, 1000, 3);
  const d = pts(driftCompensate(p, 1, 0, 10).waypoints);
  assert.deepEqual(d[0], [0, 0]);
  assert.ok(
    Math.abs((d[1] as [number, number])[0] - 100) < 1e-9 && Math.abs((d[1] as [number, number])[1] - 1000) < 1e-9,
  );
  assert.ok(Math.abs((d[3] as [number, number])[0] - (1000 + 400)) < 1e-9);
});

test('bad pattern input is a TandemError naming the field', () => {
  assert.throws(
    () =>
      sweepPattern('parallel', { centerXM: 0, centerYM: 0, axisBearingDeg: 0, lengthM: 1000, widthM: 1000 }, 0, {
        trackSpacingM: 0,
      }),
    (e: unknown) => e instanceof TandemError && e.field === 'pattern.trackSpacingM',
  );
  assert.throws(
    () => expandingSquarePattern([0, 0], 0, 100, 0),
    (e: unknown) => e instanceof TandemError && e.field === 'pattern.legCount',
  );
});

test('truncatePattern keeps the first L metres of track, ending on the path', () => {
  const p = expandingSquarePattern([0, 0], 0, 1000, 6);
  const t = truncatePattern(p, 2500);
  assert.ok(Math.abs(t.trackLengthM - 2500) < 1e-9);
  const expected = [
    [0, 0],
    [0, 1000],
    [1000, 1000],
    [1000, 500],
  ];
  const got = pts(t.waypoints);
  assert.equal(got.length, 4);
  got.forEach((q, i) =>
    assert.ok(Math.hypot(q[0] - expected[i]![0]!, q[1] - expected[i]![1]!) < 1e-9, `waypoint ${i}`),
  );
  assert.equal(truncatePattern(p, 1e9), p);
});
