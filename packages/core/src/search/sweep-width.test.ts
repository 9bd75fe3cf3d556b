import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feetToMeters, knotsToMetersPerSecond, nauticalMilesToMeters } from '../units/index.ts';
import { sweepWidth, weatherFactor } from './sweep-width.ts';
import { TandemError } from '../errors/index.ts';

test('sweep width at a tabulated point equals the table (Boat 14 ft, Raft 4 person, 10 NM: 4.0 NM)', () => {
  const r = sweepWidth({
    platform: 'boat',
    heightM: feetToMeters(14),
    searchObject: 'Raft 4 person',
    visibilityM: nauticalMilesToMeters(10),
  });
  assert.ok(Math.abs(r.sweepWidthM - nauticalMilesToMeters(4.0)) < 1e-9);
});

test('sweep width interpolates linearly in visibility and height', () => {
  // Boat 14 ft, Raft 4 person: 3 NM 2.2, 5 NM 3.0 → 4 NM 2.6. Boat 8 ft at 4 NM: (1.7 + 2.2)/2 = 1.95.
  const q = { platform: 'boat', searchObject: 'Raft 4 person', visibilityM: nauticalMilesToMeters(4) } as const;
  assert.ok(Math.abs(sweepWidth({ ...q, heightM: feetToMeters(14) }).sweepWidthM - nauticalMilesToMeters(2.6)) < 1e-6);
  assert.ok(Math.abs(sweepWidth({ ...q, heightM: feetToMeters(8) }).sweepWidthM - nauticalMilesToMeters(1.95)) < 1e-6);
  assert.ok(
    Math.abs(sweepWidth({ ...q, heightM: feetToMeters(11) }).sweepWidthM - nauticalMilesToMeters((2.6 + 1.95) / 2)) <
      1e-6,
  );
});

test('corrections multiply: weather (small object, 20 kt) 0.5, helicopter speed 60 kt 1.2 (Raft 6), fatigue 0.9', () => {
  const base = {
    platform: 'helicopter',
    heightM: feetToMeters(500),
    searchObject: 'Raft 6 person',
    visibilityM: nauticalMilesToMeters(10),
  } as const;
  const w0 = sweepWidth(base).sweepWidthM;
  assert.ok(Math.abs(w0 - nauticalMilesToMeters(2.7)) < 1e-6);
  const r = sweepWidth({
    ...base,
    windSpeedMps: knotsToMetersPerSecond(20),
    speedMps: knotsToMetersPerSecond(60),
    fatigued: true,
  });
  assert.equal(r.weatherFactor, 0.5);
  assert.equal(r.speedFactor, 1.2);
  assert.equal(r.fatigueFactor, 0.9);
  assert.ok(Math.abs(r.sweepWidthM - w0 * 0.5 * 1.2 * 0.9) < 1e-9);
  assert.equal(weatherFactor('large', knotsToMetersPerSecond(30), 0), 0.9);
  assert.equal(weatherFactor('small', 0, 2), 0.25);
  assert.equal(weatherFactor('small', knotsToMetersPerSecond(10), 0.5), 1);
});

test('unknown object is a TandemError naming the field', () => {
  assert.throws(
    () => sweepWidth({ platform: 'boat', heightM: 4, searchObject: 'Submarine', visibilityM: 1e4 }, 'units[0]'),
    (e: unknown) => e instanceof TandemError && e.code === 'UNKNOWN_CATEGORY' && e.field === 'units[0].searchObject',
  );
});

test('search object names match without regard to case and "<=" for "≤"', () => {
  const q = { platform: 'boat', heightM: feetToMeters(14), visibilityM: nauticalMilesToMeters(10) } as const;
  const a = sweepWidth({ ...q, searchObject: 'Power Boat ≤ 15ft' }).sweepWidthM;
  assert.equal(sweepWidth({ ...q, searchObject: 'power boat <= 15FT' }).sweepWidthM, a);
  assert.ok(
    Math.abs(sweepWidth({ ...q, searchObject: 'raft 4 PERSON' }).sweepWidthM - nauticalMilesToMeters(4.0)) < 1e-9,
  );
});
