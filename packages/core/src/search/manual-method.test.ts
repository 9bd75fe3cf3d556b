import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geodesicInverse } from '../geo/index.ts';
import { hoursToSeconds, knotsToMetersPerSecond, nauticalMilesToMeters } from '../units/index.ts';
import {
  manualDatum,
  manualLeewayObject,
  optimalSearchFactor,
  squarePos,
  stoneOptimum,
  PRACTICE_SEARCH_FACTORS,
} from './manual-method.ts';

test('left/right divergence datums: wind from north 20 kt for 4 h, PIW unknown (a 0.011, b 0.07, 30°)', () => {
  const obj = manualLeewayObject('PIW - Unknown');
  const r = manualDatum({
    lkp: [129, 34],
    searchObject: obj,
    intervals: [
      {
        durationS: hoursToSeconds(4),
        currentEastMps: 0,
        currentNorthMps: 0,
        windFromDeg: 0,
        windSpeedMps: knotsToMetersPerSecond(20),
      },
    ],
    positionErrorM: nauticalMilesToMeters(1),
    searchCraftErrorM: nauticalMilesToMeters(0.1),
  });
  const driftNm = (0.011 * 20 + 0.07) * 4;
  const l = geodesicInverse([129, 34], r.left.position);
  const rr = geodesicInverse([129, 34], r.right.position);
  assert.ok(Math.abs(l.distanceM - nauticalMilesToMeters(driftNm)) < 0.5);
  assert.ok(Math.abs(l.initialBearingDeg - 150) < 0.01, `left ${l.initialBearingDeg}`);
  assert.ok(Math.abs(rr.initialBearingDeg - 210) < 0.01, `right ${rr.initialBearingDeg}`);
  assert.ok(Math.abs(r.divergenceDistanceM - 2 * nauticalMilesToMeters(driftNm) * Math.sin(Math.PI / 6)) < 1);
  const De = 0.3 * nauticalMilesToMeters(driftNm);
  const E = Math.sqrt(nauticalMilesToMeters(1) ** 2 + nauticalMilesToMeters(0.1) ** 2 + De ** 2);
  assert.ok(Math.abs(r.left.totalProbableErrorM - E) < 1e-6);
  assert.ok(Math.abs(r.left.searchRadiusM - 1.1 * E) < 1e-6);
  assert.equal(r.areaKind, 'combined');
  assert.ok(Math.abs(r.areaM2 - 2 * 1.1 * E * (2 * 1.1 * E + r.divergenceDistanceM)) < 1);
});

test('current moves both datums: 1 kt east for 3 h, no wind, gives 3 NM east', () => {
  const r = manualDatum({
    lkp: [130, 35],
    searchObject: manualLeewayObject('PIW - Sitting'),
    intervals: [
      {
        durationS: hoursToSeconds(3),
        currentEastMps: knotsToMetersPerSecond(1),
        currentNorthMps: 0,
        windFromDeg: 0,
        windSpeedMps: 0,
      },
    ],
    positionErrorM: 100,
    searchCraftErrorM: 100,
  });
  const d = geodesicInverse([130, 35], r.mean);
  assert.ok(Math.abs(d.distanceM - nauticalMilesToMeters(3)) < 0.5 && Math.abs(d.initialBearingDeg - 90) < 0.01);
});

test("optimal search factor is a maximum, grows with effort, and never beats Stone's unconstrained optimum", () => {
  let prev = 0;
  for (const Zr of [0.5, 1, 2, 5, 10, 20, 50]) {
    const o = optimalSearchFactor(Zr, 'exponential');
    assert.ok(o.searchFactor > prev);
    prev = o.searchFactor;
    assert.ok(squarePos(o.searchFactor * 1.02, Zr, 'exponential') <= o.pos + 1e-12);
    assert.ok(squarePos(o.searchFactor * 0.98, Zr, 'exponential') <= o.pos + 1e-12);
    const stone = stoneOptimum(Zr);
    assert.ok(o.pos <= stone.pos + 1e-9, `Zr=${Zr}: ${o.pos} > ${stone.pos}`);
    // Ideal (inverse-cube) conditions reach more than normal (exponential) ones with the same effort.
    assert.ok(optimalSearchFactor(Zr, 'inverse-cube').pos > o.pos);
  }
  assert.equal(PRACTICE_SEARCH_FACTORS[0], 1.1);
});
