import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_LAND } from '../forcing/index.ts';
import type { LonLat } from '../geo/index.ts';
import { sweepPattern } from '../search/index.ts';
import { createDrillSession } from './drill-session.ts';
import { createDrillSpec, drillUnit } from './drill-spec.ts';
import type { DrillSpec } from './drill-spec.ts';
import { drawTruth } from './hidden-truth.ts';
import { findDrillTemplate } from './scenario-library.ts';

const START = Date.parse('2026-06-01T00:00:00Z') / 1000;
const DATUM: LonLat = [130.0, 36.5];
const W = 1000;

/** A drill with one ship of known sweep width, a stationary recorded truth at `truthXY` (plane m), no injects. */
function knownDrill(
  truthXY: readonly [number, number],
  sensor: DrillSpec['sensor'],
): { spec: DrillSpec; waypoints: LonLat[]; legM: number; speed: number; csp: readonly [number, number] } {
  const base = createDrillSpec(findDrillTemplate('person-overboard'), {
    seed: 1,
    startTimeS: START,
    land: NO_LAND,
    position: DATUM,
  });
  const probe = drawTruth(
    { ...base, truthTracks: [{ objectId: 'piw', points: [{ atS: -3600, lonDeg: DATUM[0], latDeg: DATUM[1] }] }] },
    NO_LAND,
  );
  const proj = probe.projection;
  // A 10 km square, legs north-south, S = W: 10 legs at x = -4500, -3500, ..., 4500; legs from y = -4500 to 4500.
  const p = sweepPattern(
    'parallel',
    { centerXM: 0, centerYM: 0, axisBearingDeg: 0, lengthM: 10000, widthM: 10000 },
    0,
    { trackSpacingM: W },
  );
  const waypoints: LonLat[] = [];
  for (let i = 0; i < p.waypoints.length; i += 2)
    waypoints.push(proj.inverse(p.waypoints[i] as number, p.waypoints[i + 1] as number));
  const csp = [p.waypoints[0] as number, p.waypoints[1] as number] as const;
  const unit = drillUnit('ship', 'kr-kcg-3000t', DATUM, { base: waypoints[0] as LonLat, noticeS: 0, sweepWidthM: W });
  const truth = proj.inverse(truthXY[0], truthXY[1]);
  const spec: DrillSpec = {
    ...base,
    units: [unit],
    injects: [],
    sensor,
    stepS: 20,
    durationS: 8 * 3600,
    truthTracks: [
      {
        objectId: 'piw',
        points: [
          { atS: -3600, lonDeg: truth[0], latDeg: truth[1] },
          { atS: 9 * 3600, lonDeg: truth[0], latDeg: truth[1] },
        ],
      },
    ],
  };
  return { spec, waypoints, legM: 9000, speed: 12 * (1852 / 3600), csp };
}

test('a truth inside a fully covered area (definite range, S = W) is detected when the leg passing within W/2 is abeam', () => {
  // Legs run x = 4500 - k·1000 (CSP at the south-east corner), even legs north and odd legs south over
  // y ∈ [-4500, 4500], joined by 1000 m cross legs (90° turns, no reversal time). The truth at (-1300, 2000): the
  // nearest leg is k = 6 (x = -1500, 200 m < W/2 away); legs 5 and 7 pass 1200 m and 800 m off (> W/2). Leg 6 runs
  // north from y = -4500, so the truth is abeam after 6500 m along it. Time = (6 · (9000 + 1000) + 6500) m at 12 kt.
  const { spec, waypoints, speed } = knownDrill([-1300, 2000], 'definite-range');
  const s = createDrillSession(spec, drawTruth(spec, NO_LAND));
  s.advanceTo(0);
  s.assign('ship', waypoints);
  s.advanceTo(spec.durationS);
  const sum = s.summary();
  const expected = (6 * 10000 + 6500) / speed;
  assert.equal(sum.detected, true);
  assert.ok(
    sum.timeToFirstDetectionS !== null && Math.abs(sum.timeToFirstDetectionS - expected) < 1,
    `${sum.timeToFirstDetectionS} vs ${expected}`,
  );
  assert.equal(sum.objects[0]?.detectedBy, 'ship');
  assert.equal(sum.timeToFirstUnitOnSceneS, 0);
});

test('the detection time moves with the truth: every leg and along-track position gives its closed-form time', () => {
  for (const [x, y] of [
    [-4400, -4000],
    [400, 0],
    [4300, 3000],
  ] as const) {
    const { spec, waypoints, speed } = knownDrill([x, y], 'definite-range');
    const s = createDrillSession(spec, drawTruth(spec, NO_LAND));
    s.advanceTo(0);
    s.assign('ship', waypoints);
    s.advanceTo(spec.durationS);
    const k = Math.round((4500 - x) / 1000);
    const along = k % 2 === 0 ? y + 4500 : 4500 - y;
    const expected = (k * 10000 + along) / speed;
    const got = s.summary().timeToFirstDetectionS;
    assert.ok(got !== null && Math.abs(got - expected) < 1, `truth (${x}, ${y}): ${got} vs ${expected}`);
  }
});

test('a truth outside every searched area is never detected, and the area never contains it', () => {
  const { spec, waypoints } = knownDrill([30000, 0], 'definite-range');
  const s = createDrillSession(spec, drawTruth(spec, NO_LAND));
  s.advanceTo(0);
  s.assign('ship', waypoints);
  const ring = [
    waypoints[0],
    waypoints[1],
    waypoints[waypoints.length - 1],
    waypoints[waypoints.length - 2],
    waypoints[0],
  ] as LonLat[];
  s.recordPlan({ by: 'test', areas: [{ unitId: 'ship', ring }], plannedPos: undefined });
  s.advanceTo(spec.durationS);
  const sum = s.summary();
  assert.equal(sum.detected, false);
  assert.equal(sum.timeToFirstDetectionS, null);
  assert.equal(sum.survivorsRecovered, 0);
  assert.ok(sum.containment.every((c) => c.fraction === 0));
});

test('units keep their endurance: the sortie ends at base no later than departure + endurance', () => {
  const { spec, waypoints } = knownDrill([0, 0], 'definite-range');
  const short = { ...spec, units: [{ ...(spec.units[0] as DrillSpec['units'][number]), type: 'kr-kcg-small-patrol' }] };
  const s = createDrillSession(short, drawTruth(short, NO_LAND));
  s.advanceTo(0);
  const far = waypoints.map(([lon, lat]) => [lon + 1.5, lat] as LonLat);
  s.assign('ship', far);
  const u = s.units()[0];
  const r = u?.route;
  assert.ok(r !== undefined);
  const end = r.atS[r.atS.length - 1] as number;
  assert.ok(end - (r.atS[0] as number) <= (u?.type.enduranceS ?? 0) + 1e-6);
  assert.equal(r.phase[r.phase.length - 1], 'return');
});
