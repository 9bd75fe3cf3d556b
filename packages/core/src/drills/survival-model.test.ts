import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EQUIPMENT_FACTOR, haywardSurvivalTimeS, survivalTimeS } from './survival-model.ts';

const hours = (s: number): number => s / 3600;

test('Hayward et al. (1975): t(min) = 15 + 7.2 / (0.0785 - 0.0034 T), hand-computed values', () => {
  // 0 °C: 15 + 7.2 / 0.0785 = 106.72 min; 10 °C: 15 + 7.2 / 0.0445 = 176.80 min; 15 °C: 15 + 7.2 / 0.0275 = 276.82 min
  const cases: [number, number][] = [
    [0, 106.7197],
    [10, 176.7978],
    [15, 276.8182],
    [20, 700.7143],
  ];
  for (const [t, min] of cases) assert.ok(Math.abs(haywardSurvivalTimeS(t) / 60 - min) < 1e-3, `${t} °C`);
});

test('published figure: 10 °C water, life jacket, light clothing → "two and a half to three hours"', () => {
  const h = hours(haywardSurvivalTimeS(10));
  assert.ok(h >= 2.5 && h <= 3, `${h} h`);
});

test('USCG "expected time of survival" bands hold across each band', () => {
  const bands: [number, number, number, number][] = [
    // [T from, T to, hours min, hours max]
    [4, 10, 1, 3],
    [10, 16, 1, 6],
    [16, 20, 2, 40],
  ];
  for (const [a, b, lo, hi] of bands) {
    for (let t = a; t <= b; t += 0.5) {
      const h = hours(haywardSurvivalTimeS(t));
      assert.ok(h >= lo && h <= hi, `${t} °C → ${h} h outside [${lo}, ${hi}]`);
    }
  }
});

test('monotonic in water temperature and clamped outside [0, 20] °C', () => {
  for (let t = 0; t < 20; t += 0.25) assert.ok(haywardSurvivalTimeS(t + 0.25) > haywardSurvivalTimeS(t));
  assert.equal(haywardSurvivalTimeS(-2), haywardSurvivalTimeS(0));
  assert.equal(haywardSurvivalTimeS(28), haywardSurvivalTimeS(20));
});

test('exposure and equipment: immersion suit triples, out of water uses fixed clocks', () => {
  assert.equal(
    survivalTimeS('in-water', 'immersion-suit', 8),
    haywardSurvivalTimeS(8) * EQUIPMENT_FACTOR['immersion-suit'],
  );
  assert.equal(hours(survivalTimeS('in-raft', 'none', 5)), 72);
  assert.ok(survivalTimeS('in-water', 'none', 12) < survivalTimeS('in-water', 'life-jacket', 12));
});
