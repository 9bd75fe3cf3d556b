import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SECONDS_PER_DAY } from '../units/index.ts';
import type { FerryLeg } from './ferry-leg.ts';
import { scheduleByDays, splitIntoGroups } from './ferry-schedule.ts';

const leg = (from: string, to: string, airTimeS: number): FerryLeg => ({
  from,
  to,
  distanceM: airTimeS * 200,
  initialTrackDeg: 0,
  airTimeS,
  groundSpeedMps: 200,
  rangeUsedFraction: 0.5,
  fuelRequiredFraction: 0.7,
  alternate: null,
  feasible: true,
  issues: [],
});

test('legs move to the next day when the duty limit would be broken', () => {
  const s = scheduleByDays([leg('A', 'B', 3 * 3600), leg('B', 'C', 3 * 3600), leg('C', 'D', 2 * 3600)], {
    firstDepartureUtc: 0,
    maxDutyS: 8 * 3600,
    maxLegsPerDay: 3,
    turnaroundS: 3600,
  });
  assert.deepEqual(
    s.map((x) => x.day),
    [0, 0, 1],
  );
  assert.equal(s[1]!.departureUtc, 4 * 3600);
  assert.equal(s[2]!.departureUtc, SECONDS_PER_DAY);
  assert.throws(
    () =>
      scheduleByDays([leg('A', 'B', 9 * 3600)], {
        firstDepartureUtc: 0,
        maxDutyS: 8 * 3600,
        maxLegsPerDay: 2,
        turnaroundS: 0,
      }),
    { code: 'OUT_OF_RANGE' },
  );
});

test('nine T-50B in groups of at most five fly as 5 + 4 on consecutive days', () => {
  assert.deepEqual(splitIntoGroups(9, 5, 1), [
    { index: 0, aircraftCount: 5, startDay: 0 },
    { index: 1, aircraftCount: 4, startDay: 1 },
  ]);
});

test('property: groups conserve aircraft, respect the cap and differ by at most one', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 12 }), (n, cap) => {
      const g = splitIntoGroups(n, cap, 2);
      const counts = g.map((x) => x.aircraftCount);
      return (
        counts.reduce((a, b) => a + b, 0) === n &&
        counts.every((c) => c <= cap && c >= 1) &&
        Math.max(...counts) - Math.min(...counts) <= 1 &&
        g.length === Math.ceil(n / cap)
      );
    }),
  );
});
