import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NO_LAND } from '../forcing/index.ts';
import { createDrillSpec } from './drill-spec.ts';
import { runDrill } from './run-drill.ts';
import { DRILL_TEMPLATES } from './scenario-library.ts';

const START = Date.parse('2026-06-01T00:00:00Z') / 1000;

test('any template, seeds and duration: the drill runs to its end and the summary is consistent', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: DRILL_TEMPLATES.length - 1 }),
      fc.integer({ min: 0, max: 0xffffffff }),
      fc.integer({ min: 0, max: 0xffffffff }),
      fc.integer({ min: 600, max: 30 * 3600 }),
      fc.boolean(),
      (k, seed, truthSeed, durationS, auto) => {
        const t = DRILL_TEMPLATES[k];
        if (t === undefined) return;
        const spec = {
          ...createDrillSpec(t, { seed, truthSeed, startTimeS: START, land: NO_LAND }),
          durationS,
          planningParticles: 100,
          stepS: 60,
        };
        const r = runDrill(spec, { land: NO_LAND, auto });
        const s = r.summary;
        assert.ok(s.posAchieved >= 0 && s.posAchieved <= 1);
        assert.ok(s.containment.every((c) => c.fraction >= 0 && c.fraction <= 1 && c.atS <= durationS));
        assert.ok(s.survivorsRecovered >= 0 && s.survivorsRecovered <= s.survivorsTotal);
        assert.equal(s.detected, s.timeToFirstDetectionS !== null);
        if (s.timeToFirstDetectionS !== null)
          assert.ok(s.timeToFirstDetectionS >= 0 && s.timeToFirstDetectionS <= durationS);
        assert.ok(r.timeline.every((e, i, a) => i === 0 || (a[i - 1]?.atS ?? 0) <= e.atS));
        if (!auto) assert.equal(s.plansMade, 0);
      },
    ),
    { numRuns: 10, seed: 2026 },
  );
});
