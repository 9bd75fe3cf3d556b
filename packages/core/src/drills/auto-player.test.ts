import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_LAND } from '../forcing/index.ts';
import { createDrillSpec } from './drill-spec.ts';
import { runDrill } from './run-drill.ts';
import { findDrillTemplate } from './scenario-library.ts';

const START = Date.parse('2026-06-01T00:00:00Z') / 1000;

test('the auto player plans at the MAYDAY and re-plans on every inject, with messages to the partner RCC', () => {
  const spec = createDrillSpec(findDrillTemplate('life-rafts-abandonment'), {
    seed: 2,
    startTimeS: START,
    land: NO_LAND,
  });
  const r = runDrill(spec, { land: NO_LAND, auto: true });
  const replanning = r.delivered.filter((i) =>
    ['mayday-relay', 'sighting-report', 'weather-change', 'unit-breakdown'].includes(i.kind),
  );
  for (const i of replanning)
    assert.ok(
      r.plans.some((p) => p.atS === i.atS),
      `a plan at the ${i.kind} (${i.atS} s)`,
    );
  assert.ok(
    r.messages.some((m) => m.kind === 'SAR SITREP') && r.messages.some((m) => m.kind === 'search action message'),
  );
  assert.ok(r.plans.every((p) => p.areas.every((a) => a.ring.length >= 4)));
  assert.ok(r.timeline.some((e) => e.kind === 'tasking'));
});

test('in the basic life-raft drill the auto player finds the rafts and recovers survivors (seeds 1 to 3)', () => {
  for (const seed of [1, 2, 3]) {
    const spec = createDrillSpec(findDrillTemplate('life-rafts-abandonment'), {
      seed,
      startTimeS: START,
      land: NO_LAND,
    });
    const s = runDrill(spec, { land: NO_LAND, auto: true }).summary;
    assert.equal(s.detected, true, `seed ${seed}`);
    assert.ok(s.posAchieved > 0.5, `seed ${seed}: POS ${s.posAchieved}`);
    assert.ok(s.survivorsRecovered > 0, `seed ${seed}`);
    assert.ok(s.survivorsRecovered <= s.survivorsTotal);
  }
});

test('without a player nothing is searched: no detection, no POS, containment 0', () => {
  const spec = createDrillSpec(findDrillTemplate('life-rafts-abandonment'), {
    seed: 1,
    startTimeS: START,
    land: NO_LAND,
  });
  const s = runDrill(spec, { land: NO_LAND, auto: false }).summary;
  assert.equal(s.detected, false);
  assert.equal(s.posAchieved, 0);
  assert.equal(s.timeToFirstUnitOnSceneS, null);
  assert.ok(s.containment.every((c) => c.fraction === 0));
});
