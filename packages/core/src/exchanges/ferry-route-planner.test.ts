import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { geodesicInverse } from '../geo/index.ts';
import { knotsToMetersPerSecond, minutesToSeconds } from '../units/index.ts';
import { AirfieldDatabase } from './airfield.ts';
import type { Airfield } from './airfield.ts';
import type { AircraftType } from './aircraft-type.ts';
import { findAircraftType, withOverrides } from './aircraft-type.ts';
import { geodesicCircle, geodesicLeg, geodesicPath } from './ferry-geodesic.ts';
import { evaluateLeg, flightPerformance, legAirTimeS, stillAirReachM } from './ferry-leg.ts';
import { planFerryRoute } from './ferry-route-planner.ts';
import { localized } from './localized-text.ts';
import { inputFigure } from './sourced-value.ts';
import { seedAirfieldDatabase } from './seed-airfields.ts';
import { constantWind, groundSpeedMps, noWind } from './wind-aloft.ts';
import type { WindAloft } from './wind-aloft.ts';

const db = seedAirfieldDatabase();

test('Wonju RKNW → Naha ROAH is 1,247 km on the WGS 84 geodesic (issue 8), within 0.5 km', () => {
  const d = geodesicLeg([127.9604, 37.4381], [127.6459, 26.1958]).distanceM;
  assert.ok(Math.abs(d - 1_247_000) < 500, `geodesic ${d} m`);
  const plan = planFerryRoute(db, { type: findAircraftType('T-50B'), originIcao: 'RKNW', destinationIcao: 'ROAH' });
  assert.ok(Math.abs(plan.direct.distanceM - 1_247_000) < 500);
  // Independent check: Vincenty's inverse (core/geo) agrees with Karney's algorithm to a millimetre here.
  const v = geodesicInverse([127.9604, 37.4381], [127.6459, 26.1958]).distanceM;
  assert.ok(Math.abs(v - d) < 0.01, `Vincenty ${v} vs Karney ${d}`);
});

test('the T-50B flies RKNW → ROAH direct, as the Black Eagles did on 28 Jan 2026', () => {
  const plan = planFerryRoute(db, { type: findAircraftType('T-50B'), originIcao: 'RKNW', destinationIcao: 'ROAH' });
  assert.equal(plan.feasible, true);
  assert.deepEqual(
    plan.legs.map((l) => [l.from, l.to]),
    [['RKNW', 'ROAH']],
  );
  const leg = plan.legs[0]!;
  assert.ok(Math.abs(leg.rangeUsedFraction - leg.distanceM / 1_850_000) < 1e-9, 'still air: distance / range');
  assert.ok(leg.alternate !== null && leg.alternate.icao === 'RODN', 'Kadena is the nearest alternate to Naha');
});

test('a direct T-4 RJST → ROAH (about 1,858 km) is rejected and a feasible sequence of stops is found', () => {
  for (const configurationId of ['clean', 'two-drop-tanks']) {
    const plan = planFerryRoute(db, {
      type: findAircraftType('T-4'),
      configurationId,
      originIcao: 'RJST',
      destinationIcao: 'ROAH',
    });
    assert.ok(Math.abs(plan.direct.distanceM - 1_858_000) < 1_000, `${plan.direct.distanceM}`);
    assert.equal(plan.direct.feasible, false);
    assert.ok(plan.direct.issues.some((i) => i.code === 'RANGE_EXCEEDED'));
    assert.equal(plan.feasible, true, configurationId);
    assert.ok(plan.legs.length >= 2);
    assert.equal(plan.legs[0]!.from, 'RJST');
    assert.equal(plan.legs.at(-1)!.to, 'ROAH');
    for (let i = 0; i + 1 < plan.legs.length; i++) assert.equal(plan.legs[i]!.to, plan.legs[i + 1]!.from);
    for (const leg of plan.legs) {
      assert.ok(leg.feasible && leg.fuelRequiredFraction <= 1 && leg.alternate !== null);
      assert.ok(leg.distanceM < plan.performance.rangeM);
    }
  }
});

// A synthetic world on the equator so the expected answer is known by construction.
function field(icao: string, lon: number, lat: number, runwayM = 3000): Airfield {
  return {
    icao,
    name: localized(icao, icao, icao),
    position: [lon, lat],
    longestRunwayM: runwayM,
    country: 'KR',
    use: 'military',
    source: 'test',
  };
}

const testType: AircraftType = withOverrides(
  findAircraftType('T-4'),
  {
    rangeM: 1_100_000,
    cruiseTasMps: 200,
    contingencyFraction: 0,
    finalReserveS: minutesToSeconds(10),
    turnaroundS: minutesToSeconds(60),
  },
  'test',
);

test('the best sequence has the fewest legs, then the least time', () => {
  const world = new AirfieldDatabase([
    field('AAAA', 0, 0),
    field('DDDD', 12, 0),
    field('XNEA', 6, 3.5), // two legs of ~772 km, off track (the best)
    field('XFAR', 6, -3.8), // two legs, longer
    field('YYYY', 4, 0), // on track: three legs of ~445 km
    field('ZZZZ', 8, 0),
  ]);
  const noAlternate = withOverrides(testType, { alternateRequired: false, rangeM: 950_000 }, 'test');
  const plan = planFerryRoute(world, { type: noAlternate, originIcao: 'AAAA', destinationIcao: 'DDDD' });
  assert.equal(plan.direct.feasible, false);
  assert.equal(plan.feasible, true);
  assert.deepEqual(
    plan.legs.map((l) => l.to),
    ['XNEA', 'DDDD'],
  );
  const onTrack = planFerryRoute(world, {
    type: noAlternate,
    originIcao: 'AAAA',
    destinationIcao: 'DDDD',
    optionalStops: ['YYYY', 'ZZZZ'],
  });
  assert.deepEqual(
    onTrack.legs.map((l) => l.to),
    ['YYYY', 'ZZZZ', 'DDDD'],
    'with only on-track stops allowed, three legs',
  );
  assert.ok(onTrack.totalAirTimeS < plan.totalAirTimeS, 'the three-leg route is shorter in the air but has more legs');
});

test('required stops are honoured in order and the planner adds stops between them only when needed', () => {
  const plan = planFerryRoute(db, {
    type: findAircraftType('T-50B'),
    originIcao: 'RKNW',
    destinationIcao: 'ROAH',
    requiredStops: ['RKPK', 'RJFF'],
  });
  assert.equal(plan.feasible, true);
  assert.deepEqual(
    plan.legs.map((l) => [l.from, l.to]),
    [
      ['RKNW', 'RKPK'],
      ['RKPK', 'RJFF'],
      ['RJFF', 'ROAH'],
    ],
  );
  const gap = plan.legs[1]!.departureUtc - plan.legs[0]!.arrivalUtc;
  assert.equal(gap, plan.performance.turnaroundS);
});

test("'best' order of required stops picks the faster order", () => {
  const given = planFerryRoute(db, {
    type: findAircraftType('T-50B'),
    originIcao: 'RKNW',
    destinationIcao: 'ROAH',
    requiredStops: ['RJFF', 'RKPK'],
  });
  const best = planFerryRoute(db, {
    type: findAircraftType('T-50B'),
    originIcao: 'RKNW',
    destinationIcao: 'ROAH',
    requiredStops: ['RJFF', 'RKPK'],
    requiredStopsOrder: 'best',
  });
  assert.ok(best.totalElapsedS < given.totalElapsedS);
  assert.deepEqual(
    best.legs.map((l) => l.to),
    ['RKPK', 'RJFF', 'ROAH'],
  );
});

test('no route: infeasible plan with the legs as flown and the reasons', () => {
  const world = new AirfieldDatabase([field('AAAA', 0, 0), field('DDDD', 30, 0), field('BBBB', 0.5, 0)]);
  const plan = planFerryRoute(world, { type: testType, originIcao: 'AAAA', destinationIcao: 'DDDD' });
  assert.equal(plan.feasible, false);
  assert.equal(plan.legs.length, 1);
  assert.ok(plan.legs[0]!.issues.some((i) => i.code === 'RANGE_EXCEEDED'));
  assert.ok(plan.legs[0]!.issues.some((i) => i.code === 'NO_ALTERNATE_IN_REACH'));
});

test('an alternate must be within reach of the destination', () => {
  const world = new AirfieldDatabase([field('AAAA', 0, 0), field('DDDD', 5, 0), field('FARR', 5, 8)]);
  const plan = planFerryRoute(world, { type: testType, originIcao: 'AAAA', destinationIcao: 'DDDD' });
  assert.equal(plan.feasible, false);
  assert.ok(
    plan.direct.issues.some((i) => i.code === 'RANGE_EXCEEDED'),
    'alternate too far to carry its fuel',
  );
  const near = world.with(field('NEAR', 5.5, 0));
  const ok = planFerryRoute(near, { type: testType, originIcao: 'AAAA', destinationIcao: 'DDDD' });
  assert.equal(ok.feasible, true);
  assert.equal(ok.legs[0]!.alternate?.icao, 'NEAR');
});

test('short runways are not used as stops, destinations or alternates', () => {
  const world = new AirfieldDatabase([field('AAAA', 0, 0), field('DDDD', 3, 0), field('SHRT', 3.2, 0, 900)]);
  const plan = planFerryRoute(world, { type: testType, originIcao: 'AAAA', destinationIcao: 'DDDD' });
  assert.equal(plan.direct.alternate?.icao, 'AAAA', 'the 900 m strip is not an alternate');
  const leg = evaluateLeg(
    world.get('AAAA'),
    world.get('SHRT'),
    flightPerformance(testType, testType.configurations[0]!),
    noWind(),
    0,
    null,
  );
  assert.ok(leg.issues.some((i) => i.code === 'RUNWAY_TOO_SHORT'));
});

test('wind triangle: head, tail and cross winds against closed forms', () => {
  const tas = 200;
  assert.equal(groundSpeedMps(0, tas, constantWind(0, 20).windAt(0, 0, 0)), 180);
  assert.ok(Math.abs(groundSpeedMps(0, tas, constantWind(180, 20).windAt(0, 0, 0)) - 220) < 1e-9);
  assert.ok(Math.abs(groundSpeedMps(0, tas, constantWind(90, 20).windAt(0, 0, 0)) - Math.sqrt(200 ** 2 - 400)) < 1e-9);
  assert.ok(Number.isNaN(groundSpeedMps(0, 100, constantWind(90, 120).windAt(0, 0, 0))));
  assert.ok(Number.isNaN(groundSpeedMps(0, 100, constantWind(0, 120).windAt(0, 0, 0))));
});

test('a uniform headwind along a meridian lengthens the leg to distance / (TAS − w)', () => {
  const a = field('AAAA', 10, 0);
  const b = field('BBBB', 10, 9);
  const d = geodesicLeg(a.position, b.position).distanceM;
  const t = legAirTimeS(a, b, 200, constantWind(0, 30), 0);
  assert.ok(Math.abs(t - d / 170) < 1e-6 * t, `${t} vs ${d / 170}`);
  const plan = planFerryRoute(db, {
    type: findAircraftType('T-50B'),
    originIcao: 'RKNW',
    destinationIcao: 'ROAH',
    wind: constantWind(180, knotsToMetersPerSecond(60)),
  });
  const still = planFerryRoute(db, { type: findAircraftType('T-50B'), originIcao: 'RKNW', destinationIcao: 'ROAH' });
  assert.ok(plan.direct.airTimeS > still.direct.airTimeS);
});

test('property: in still air, air time is geodesic distance / TAS and range used is distance / range', () => {
  const perf = flightPerformance(testType, testType.configurations[0]!);
  // Zero wind without the calm shortcut, so the piecewise integration along the geodesic is what is checked.
  const zero: WindAloft = {
    description: localized('zero', 'zero', 'zero'),
    timeInvariant: true,
    windAt: () => ({ eastMps: 0, northMps: 0 }),
  };
  fc.assert(
    fc.property(
      fc.double({ min: -170, max: 170, noNaN: true }),
      fc.double({ min: -60, max: 60, noNaN: true }),
      fc.double({ min: -8, max: 8, noNaN: true }),
      fc.double({ min: -8, max: 8, noNaN: true }),
      (lon, lat, dLon, dLat) => {
        const a = field('AAAA', lon, lat);
        const b = field('BBBB', lon + dLon, lat + dLat);
        const d = geodesicLeg(a.position, b.position).distanceM;
        const leg = evaluateLeg(a, b, perf, zero, 0, null);
        const calm = evaluateLeg(a, b, perf, noWind(), 0, null);
        return (
          Math.abs(leg.airTimeS - d / perf.cruiseTasMps) <= 1e-6 * Math.max(1, leg.airTimeS) &&
          Math.abs(leg.rangeUsedFraction - d / perf.rangeM) <= 1e-9 &&
          Math.abs(calm.airTimeS - leg.airTimeS) <= 1e-6 * Math.max(1, leg.airTimeS)
        );
      },
    ),
    { numRuns: 60 },
  );
});

test('edited figures are marked as inputs with their source', () => {
  const t = withOverrides(findAircraftType('T-50B'), { cruiseTasMps: 230 }, 'officer edit 2026-01-10');
  assert.deepEqual(t.cruiseTasMps, inputFigure(230, 'officer edit 2026-01-10'));
  assert.equal(t.configurations[0]!.rangeM.kind, 'published');
  assert.throws(() => withOverrides(t, { rangeM: -1 }, 'x'), { code: 'OUT_OF_RANGE' });
});

test('unknown airfields and types are NOT_FOUND errors naming the field', () => {
  assert.throws(() => planFerryRoute(db, { type: testType, originIcao: 'ZZZZ', destinationIcao: 'ROAH' }), {
    code: 'NOT_FOUND',
    field: 'from',
  });
  assert.throws(() => findAircraftType('F-16'), { code: 'NOT_FOUND', field: 'type' });
});

test('time-varying winds: each piece of a leg meets the wind of the time the aircraft gets there', () => {
  const a = field('AAAA', 10, 0);
  const b = field('BBBB', 10, 9);
  const d = geodesicLeg(a.position, b.position).distanceM;
  const switchUtc = 1800;
  const wind: WindAloft = {
    description: localized('calm, then north wind', 'calm, then north wind', 'calm, then north wind'),
    timeInvariant: false,
    windAt: (_lon, _lat, t) => (t < switchUtc ? { eastMps: 0, northMps: 0 } : { eastMps: 0, northMps: -40 }),
  };
  const late = legAirTimeS(a, b, 200, wind, 10_000);
  assert.ok(Math.abs(late - d / 160) < 1e-6 * late);
  const early = legAirTimeS(a, b, 200, wind, 0);
  const expected = switchUtc + (d - 200 * switchUtc) / 160;
  // The switch is resolved to one 50 km piece: at most 50 km × (1/160 − 1/200) s/m = 62.5 s.
  assert.ok(Math.abs(early - expected) <= 62.5, `${early} vs ${expected}`);
  const world = new AirfieldDatabase([a, b, field('CCCC', 10.3, 9)]);
  const p0 = planFerryRoute(world, {
    type: testType,
    originIcao: 'AAAA',
    destinationIcao: 'BBBB',
    wind,
    departureUtc: 0,
  });
  const p1 = planFerryRoute(world, {
    type: testType,
    originIcao: 'AAAA',
    destinationIcao: 'BBBB',
    wind,
    departureUtc: 5000,
  });
  assert.ok(p0.totalAirTimeS < p1.totalAirTimeS);
});

test('a route from an airfield to itself, or a stop repeated back to back, is refused', () => {
  assert.throws(() => planFerryRoute(db, { type: testType, originIcao: 'ROAH', destinationIcao: 'ROAH' }), {
    code: 'INVALID_INPUT',
    field: 'to',
  });
  assert.throws(
    () =>
      planFerryRoute(db, {
        type: testType,
        originIcao: 'RKNW',
        destinationIcao: 'ROAH',
        requiredStops: ['RKPK', 'RKPK'],
      }),
    { code: 'INVALID_INPUT', field: 'via[1]' },
  );
});

test('range ring points lie at the radius, the drawn path ends on the airfields, reach keeps the reserves', () => {
  const a: [number, number] = [127.9604, 37.4381];
  const b: [number, number] = [127.6459, 26.1958];
  for (const p of geodesicCircle(a, 1_000_000, 36)) assert.ok(Math.abs(geodesicLeg(a, p).distanceM - 1_000_000) < 1e-3);
  const path = geodesicPath(a, b, 10);
  assert.equal(path.length, 11);
  assert.ok(geodesicLeg(path[0]!, a).distanceM < 1e-6 && geodesicLeg(path[10]!, b).distanceM < 1e-3);
  const t50 = findAircraftType('T-50B');
  const perf = flightPerformance(t50, t50.configurations[0]!);
  // 1,850 km still-air range, 20 min final reserve at 450 kt, 5 % contingency (the seed inputs).
  const expected = (1_850_000 - (20 / 60) * 450 * 1852) / 1.05;
  assert.ok(Math.abs(stillAirReachM(perf) - expected) < 1, `${stillAirReachM(perf)} vs ${expected}`);
});
