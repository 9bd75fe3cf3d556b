import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_LAND } from '../forcing/index.ts';
import type { LonLat } from '../geo/index.ts';
import { findSearchUnitType, lambertAzimuthalEqualArea, sweepPattern } from '../search/index.ts';
import { createDrillSession, RECOVERY_BASE_S, RECOVERY_PER_PERSON_S } from './drill-session.ts';
import { createDrillSpec, drillUnit } from './drill-spec.ts';
import type { DrillSpec } from './drill-spec.ts';
import { drawTruth } from './hidden-truth.ts';
import { findDrillTemplate } from './scenario-library.ts';
import { haywardSurvivalTimeS } from './survival-model.ts';

const START = Date.parse('2026-06-01T00:00:00Z') / 1000;
const DATUM: LonLat = [130.0, 36.5];
const proj = lambertAzimuthalEqualArea(DATUM);
const SPEED = 12 * (1852 / 3600);

function drill(waterTempC: number, extra: Partial<DrillSpec> = {}): { spec: DrillSpec; waypoints: LonLat[] } {
  const base = createDrillSpec(findDrillTemplate('person-overboard'), {
    seed: 1,
    startTimeS: START,
    land: NO_LAND,
    position: DATUM,
  });
  const p = sweepPattern(
    'parallel',
    { centerXM: 0, centerYM: 0, axisBearingDeg: 0, lengthM: 10000, widthM: 10000 },
    0,
    {
      trackSpacingM: 1000,
    },
  );
  const waypoints: LonLat[] = [];
  for (let i = 0; i < p.waypoints.length; i += 2)
    waypoints.push(proj.inverse(p.waypoints[i] as number, p.waypoints[i + 1] as number));
  const truth = proj.inverse(-1300, 2000);
  const spec: DrillSpec = {
    ...base,
    environment: { ...base.environment, waterTempC },
    units: [
      drillUnit('ship', 'kr-kcg-3000t', DATUM, { base: waypoints[0] as LonLat, noticeS: 0, sweepWidthM: 1000 }),
      drillUnit('jp-ship', 'jp-jcg-pm', DATUM, { base: [130.5, 36.0], noticeS: 0, sweepWidthM: 1000 }),
    ],
    injects: [],
    sensor: 'definite-range',
    stepS: 20,
    durationS: 8 * 3600,
    // The person entered the water 40 min before the MAYDAY relay (the template's report delay).
    truthTracks: [{ objectId: 'piw', points: [{ atS: -2400, lonDeg: truth[0], latDeg: truth[1] }] }],
    ...extra,
  };
  return { spec, waypoints };
}

test('survival clock: the same detection saves the person in 20 °C water and not in 0 °C water', () => {
  // Detection at (6 · 10000 + 6500) m / 12 kt = 10,777 s after the relay, 200 m abeam; the ship closes those 200 m
  // at transit speed and recovers alongside in 600 + 120 s; the person has been in the water 2,400 s longer.
  // Hayward: 0 °C → 6,403 s, 20 °C → 42,043 s.
  const transit = findSearchUnitType('kr-kcg-3000t')?.transitSpeedMps ?? NaN;
  const inWater = (6 * 10000 + 6500) / SPEED + 200 / transit + RECOVERY_BASE_S + RECOVERY_PER_PERSON_S + 2400;
  assert.ok(inWater > haywardSurvivalTimeS(0) && inWater < haywardSurvivalTimeS(20));
  for (const [temp, alive] of [
    [0, 0],
    [20, 1],
  ] as const) {
    const { spec, waypoints } = drill(temp);
    const s = createDrillSession(spec, drawTruth(spec, NO_LAND));
    s.advanceTo(0);
    s.assign('ship', waypoints);
    s.advanceTo(spec.durationS);
    const sum = s.summary();
    assert.equal(sum.detected, true);
    assert.equal(sum.survivorsRecovered, alive, `${temp} °C`);
    assert.equal(sum.survivorsTotal, 1);
    const o = sum.objects[0];
    assert.ok(o?.recoveredAtS !== null && Math.abs((o?.recoveredAtS ?? 0) - (inWater - 2400)) < 1);
  }
});

test('a unit breakdown inject stops the unit: it returns to base and refuses new tasking', () => {
  const { spec, waypoints } = drill(15, {
    injects: [{ id: 'bd', kind: 'unit-breakdown', atS: 1800, unitIndex: 0, origin: 'scripted' }],
  });
  const s = createDrillSession(spec, drawTruth(spec, NO_LAND));
  s.advanceTo(0);
  s.assign('ship', waypoints);
  s.advanceTo(1800);
  assert.equal(s.unitStatus('ship'), 'broken');
  s.assign('ship', waypoints);
  assert.ok(s.timeline().some((e) => e.kind === 'tasking-refused'));
  s.advanceTo(spec.durationS);
  assert.equal(s.summary().detected, false);
  assert.ok(s.delivered().some((i) => i.id === 'bd' && i.unitId === 'ship'));
});

test('a plan moving into the other SRR hands SAR mission coordination over, with a message between the RCCs', () => {
  const { spec } = drill(15);
  assert.equal(spec.srr, 'KR');
  const s = createDrillSession(spec, drawTruth(spec, NO_LAND));
  s.advanceTo(0);
  // An area around 33.9N 130.5E (Genkai Sea, Japanese SRR).
  const ring: LonLat[] = [
    [130.4, 33.8],
    [130.6, 33.8],
    [130.6, 34.0],
    [130.4, 34.0],
    [130.4, 33.8],
  ];
  s.recordPlan({ by: 'players', areas: [{ unitId: 'jp-ship', ring }], plannedPos: undefined });
  s.advanceTo(3600);
  const hand = s.delivered().filter((i) => i.kind === 'srr-hand-over');
  assert.equal(hand.length, 1);
  assert.match(hand[0]?.text.en ?? '', /Korea Coast Guard RCC informs Japan Coast Guard RCC/);
  assert.ok(hand[0]?.text.ko.includes('해양경찰청') && hand[0]?.text.ja.includes('海上保安庁'));
  assert.ok(s.messages().some((m) => m.kind === 'SMC hand-over' && m.from === 'KCG RCC' && m.to === 'JCG RCC'));
});
