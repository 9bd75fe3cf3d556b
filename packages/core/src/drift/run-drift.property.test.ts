import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runDrift } from './run-drift.ts';
import { mergeTrajectorySets } from './merge-trajectory-sets.ts';
import { LEEWAY_CATEGORIES } from './leeway-categories.ts';
import type { DriftConfig, Seeding } from './drift-config.ts';
import { ParticleStatus } from './trajectory-set.ts';
import { NO_LAND, constantSource } from '../forcing/index.ts';
import type { LandMask } from '../forcing/index.ts';
import type { EpochSeconds, Meters, Seconds } from '../units/index.ts';

const T0 = 1_700_000_000;

const seedingArb = fc.record({
  category: fc.integer({ min: 0, max: 84 }),
  count: fc.integer({ min: 1, max: 40 }),
  radiusM: fc.double({ min: 0, max: 5000, noNaN: true }),
  uniform: fc.boolean(),
  windowH: fc.integer({ min: 0, max: 3 }),
  lon: fc.double({ min: -179, max: 179, noNaN: true }),
  lat: fc.double({ min: -70, max: 70, noNaN: true }),
});

const runArb = fc.record({
  seedings: fc.array(seedingArb, { minLength: 1, maxLength: 3 }),
  windE: fc.double({ min: -25, max: 25, noNaN: true }),
  windN: fc.double({ min: -25, max: 25, noNaN: true }),
  curE: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
  curN: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
  backward: fc.boolean(),
  capsizing: fc.boolean(),
  seed: fc.integer(),
  landOffsetDeg: fc.option(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { nil: undefined }),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
});

type RunInput = typeof runArb extends fc.Arbitrary<infer T> ? T : never;

function build(r: RunInput): DriftConfig {
  const start = r.backward ? T0 + 4 * 3600 : T0;
  const seedings = r.seedings.map((s): Seeding => {
    const t0 = r.backward ? start - s.windowH * 3600 : start;
    return {
      kind: 'point',
      lonDeg: s.lon,
      latDeg: s.lat,
      radiusM: s.radiusM as Meters,
      radiusType: s.uniform ? 'uniform' : 'gaussian',
      timeWindowS: [t0 as EpochSeconds, (t0 + s.windowH * 3600) as EpochSeconds],
      count: s.count,
      category: LEEWAY_CATEGORIES[s.category]!,
      weight: 1,
    };
  });
  return {
    seedings,
    options: { capsizing: r.capsizing, jibeProbabilityPerHour: 0.04, coastlineAction: 'stranding' },
    run: {
      startTimeS: start as EpochSeconds,
      durationS: (6 * 3600) as Seconds,
      timeStepS: 900 as Seconds,
      outputStepS: 1800 as Seconds,
      backward: r.backward,
      rngSeed: r.seed,
    },
  };
}

test('particles are conserved, statuses are valid, stopped particles stay put, splits merge to the single run', () => {
  fc.assert(
    fc.property(runArb, (r) => {
      const cfg = build(r);
      const first = r.seedings[0]!;
      const land: LandMask =
        r.landOffsetDeg === undefined
          ? NO_LAND
          : { name: 'half-plane', isLand: (lon) => lon > first.lon + 0.3 + r.landOffsetDeg! };
      const env = {
        wind: constantSource('wind', { eastMps: r.windE, northMps: r.windN }),
        current: constantSource('current', { eastMps: r.curE, northMps: r.curN }),
        land,
      };
      const one = runDrift(cfg, env);
      const set = one.trajectories;
      const n = set.count;
      assert.equal(
        n,
        r.seedings.reduce((a, s) => a + s.count, 0),
      );
      const nt = set.timesS.length;
      for (let k = 0; k < nt; k++) {
        for (let i = 0; i < n; i++) {
          const o = k * n + i;
          const st = set.status[o]!;
          assert.ok(st <= ParticleStatus.NoData);
          assert.ok(Number.isFinite(set.lonDeg[o]!) && set.lonDeg[o]! >= -180 && set.lonDeg[o]! < 180);
          assert.ok(Number.isFinite(set.latDeg[o]!) && Math.abs(set.latDeg[o]!) < 90);
          if (k > 0) {
            const prev = set.status[o - n]!;
            // NotSeeded only before Active; Stranded and NoData are final and never move.
            if (prev === ParticleStatus.Stranded || prev === ParticleStatus.NoData) {
              assert.equal(st, prev);
              assert.equal(set.lonDeg[o], set.lonDeg[o - n]);
              assert.equal(set.latDeg[o], set.latDeg[o - n]);
            }
            if (prev !== ParticleStatus.NotSeeded) assert.notEqual(st, ParticleStatus.NotSeeded);
            if (set.capsized[o - n] === 1) assert.equal(set.capsized[o], 1);
          }
        }
      }
      for (let i = 0; i < n; i++) assert.notEqual(set.status[(nt - 1) * n + i], ParticleStatus.NotSeeded);
      if (!r.capsizing || r.backward) assert.ok(set.capsized.every((c) => c === 0));
      const cuts = [...new Set([0, ...r.cuts.map((c) => Math.floor(c * n)), n])].sort((a, b) => a - b);
      const parts = [];
      for (let k = 0; k + 1 < cuts.length; k++) {
        const a = cuts[k]!;
        const b = cuts[k + 1]!;
        if (b > a) parts.push(runDrift(cfg, env, { firstParticle: a, particleCount: b - a }).trajectories);
      }
      assert.deepEqual(mergeTrajectorySets(parts), set);
    }),
    { numRuns: 60 },
  );
});
