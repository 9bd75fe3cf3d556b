import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_LAND } from '../forcing/index.ts';
import { createDrillSpec } from './drill-spec.ts';
import { drawTruth } from './hidden-truth.ts';
import { runDrill } from './run-drill.ts';
import { findDrillTemplate } from './scenario-library.ts';

const START = Date.parse('2026-06-01T00:00:00Z') / 1000;

function spec(seed: number, truthSeed?: number) {
  const s = createDrillSpec(findDrillTemplate('missing-diver'), {
    seed,
    startTimeS: START,
    land: NO_LAND,
    ...(truthSeed !== undefined ? { truthSeed } : {}),
  });
  return { ...s, planningParticles: 300 };
}

test('the same drill seed replays bit-identically (summary, timeline, messages, plans)', () => {
  const a = runDrill(spec(42), { land: NO_LAND, auto: true });
  const b = runDrill(spec(42), { land: NO_LAND, auto: true });
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  assert.ok(a.plans.length >= 1);
  assert.ok(a.summary.containment.length > 1);
});

test('the truth has its own seed: another truth seed moves the truth but not what players are told', () => {
  const s1 = spec(42, 1);
  const s2 = spec(42, 2);
  assert.deepEqual(s1.reportedPosition, s2.reportedPosition);
  assert.deepEqual(s1.environment, s2.environment);
  const t1 = drawTruth(s1, NO_LAND);
  const t2 = drawTruth(s2, NO_LAND);
  assert.notDeepEqual(t1.casualtyPosition, t2.casualtyPosition);
  const r1 = runDrill(s1, { land: NO_LAND, auto: true });
  const r2 = runDrill(s2, { land: NO_LAND, auto: true });
  assert.deepEqual(
    r1.delivered.filter((i) => i.kind === 'mayday-relay'),
    r2.delivered.filter((i) => i.kind === 'mayday-relay'),
  );
});
