/**
 * Search theory closed forms (`sar-method.md` §3): the per-particle closest-approach POD reproduces Koopman's
 * curves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../random/index.ts';
import { applyLegsToMiss, posFromMiss } from './closest-approach-pod.ts';
import { erf, podFromCoverage } from './detection.ts';
import { patternLegs, sweepPattern } from './search-patterns.ts';

test('erf matches tabulated values (Abramowitz & Stegun table 7.1) to 2e-7', () => {
  for (const [x, v] of [
    [0, 0],
    [0.1, 0.112462916],
    [0.5, 0.5204998778],
    [1, 0.8427007929],
    [1.5, 0.9661051465],
    [2, 0.995322265],
    [-0.7, -0.6778011938],
  ] as const) {
    assert.ok(Math.abs(erf(x) - v) < 2e-7, `erf(${x})`);
  }
});

test('parallel sweep, inverse-cube sensor, uniform target: POD = erf(√π/2 · W/S) within 0.5 %', () => {
  const S = 1000;
  for (const W of [300, 700, 1000, 1500, 2500]) {
    // 81 legs 60 km long; the target fills the middle (±10 S across, ±10 km along) on a lattice 200 per S across.
    const pattern = sweepPattern(
      'parallel',
      { centerXM: 0, centerYM: 0, axisBearingDeg: 0, lengthM: 60000, widthM: 81 * S },
      0,
      {
        trackSpacingM: S,
      },
    );
    const legs = patternLegs(pattern);
    const nx = 4000;
    const ny = 5;
    const x = new Float64Array(nx * ny);
    const y = new Float64Array(nx * ny);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        x[j * nx + i] = -10 * S + ((i + 0.5) / nx) * 20 * S;
        y[j * nx + i] = -10000 + ((j + 0.5) / ny) * 20000;
      }
    }
    const miss = new Float64Array(x.length).fill(1);
    const weight = new Float64Array(x.length).fill(1 / x.length);
    applyLegsToMiss(x, y, legs, W, 'inverse-cube', miss);
    const pod = posFromMiss(weight, miss);
    const expected = erf((Math.sqrt(Math.PI) / 2) * (W / S));
    assert.ok(Math.abs(pod / expected - 1) < 0.005, `W/S=${W / S}: ${pod} vs ${expected}`);
  }
});

test('parallel sweep, definite-range sensor: POD = min(W/S, 1)', () => {
  const S = 1000;
  const pattern = sweepPattern(
    'parallel',
    { centerXM: 0, centerYM: 0, axisBearingDeg: 90, lengthM: 20000, widthM: 21 * S },
    90,
    {
      trackSpacingM: S,
    },
  );
  const legs = patternLegs(pattern);
  const n = 4000;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    x[k] = -5000 + ((k % 10) + 0.5) * 1000;
    y[k] = -5 * S + ((Math.floor(k / 10) + 0.5) / 400) * 10 * S;
  }
  const w = new Float64Array(n).fill(1 / n);
  for (const W of [250, 500, 800]) {
    const miss = new Float64Array(n).fill(1);
    applyLegsToMiss(x, y, legs, W, 'definite-range', miss);
    assert.ok(Math.abs(posFromMiss(w, miss) - W / S) < 0.005, `W=${W}`);
  }
});

test('random search (Koopman): many random legs with a definite-range sensor give POD = 1 - exp(-C) within 1 %', () => {
  // A periodic square of side D (legs copied into the 8 neighbours) so that there is no edge effect.
  const D = 20000;
  const W = 100;
  const rng = createRng(42, 7);
  for (const C of [0.5, 1, 2]) {
    // One continuous random track (long legs, random headings), so that leg end caps do not add coverage.
    const legLen = 4000;
    const nLegs = Math.round((C * D * D) / (W * legLen));
    const legs = new Float64Array(4 * nLegs * 9);
    let q = 0;
    let ax = rng.uniform() * D;
    let ay = rng.uniform() * D;
    for (let l = 0; l < nLegs; l++) {
      const h = rng.uniform() * 2 * Math.PI;
      const bx = ax + legLen * Math.sin(h);
      const by = ay + legLen * Math.cos(h);
      const sx = Math.floor(ax / D) * D;
      const sy = Math.floor(ay / D) * D;
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          legs[q++] = ax - sx + ox * D;
          legs[q++] = ay - sy + oy * D;
          legs[q++] = bx - sx + ox * D;
          legs[q++] = by - sy + oy * D;
        }
      }
      ax = bx;
      ay = by;
    }
    const side = 60;
    const x = new Float64Array(side * side);
    const y = new Float64Array(side * side);
    for (let k = 0; k < x.length; k++) {
      x[k] = ((k % side) + rng.uniform()) * (D / side);
      y[k] = (Math.floor(k / side) + rng.uniform()) * (D / side);
    }
    const miss = new Float64Array(x.length).fill(1);
    applyLegsToMiss(x, y, legs, W, 'definite-range', miss);
    const pod = posFromMiss(new Float64Array(x.length).fill(1 / x.length), miss);
    const expected = podFromCoverage('exponential', C);
    assert.ok(Math.abs(pod - expected) < 0.01, `C=${C}: ${pod} vs ${expected}`);
  }
});
