import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_LAND } from '../forcing/index.ts';
import { buildAfterActionReport, closeCorrectiveAction, drillTrends } from './after-action.ts';
import type { DrillSummary } from './drill-session.ts';
import { createDrillSpec } from './drill-spec.ts';
import { suggestRating } from './hseep-evaluation.ts';
import { findDrillTemplate } from './scenario-library.ts';
import { setClockFactor, simulatedTime, startSimClock } from './sim-clock.ts';

const START = Date.parse('2026-06-01T00:00:00Z') / 1000;
const spec = createDrillSpec(findDrillTemplate('person-overboard'), { seed: 1, startTimeS: START, land: NO_LAND });

function summary(over: Partial<DrillSummary>): DrillSummary {
  return {
    drillId: spec.id,
    templateId: spec.templateId,
    family: spec.family,
    seed: 1,
    truthSeed: 2,
    startTime: '2026-06-01T00:00:00Z',
    durationS: spec.durationS,
    detected: true,
    timeToFirstDetectionS: 3600,
    timeToFirstUnitOnSceneS: 1800,
    posAchieved: 0.8,
    containment: [{ atS: 0, fraction: 1 }],
    meanContainment: 1,
    survivorsRecovered: 1,
    survivorsTotal: 1,
    messagesSent: 5,
    plansMade: 2,
    objects: [],
    ...over,
  };
}

test('suggested HSEEP ratings follow the measured figures against each objective', () => {
  const detect = spec.objectives.find((o) => o.metric.kind === 'first-detection-within');
  assert.ok(detect !== undefined && detect.metric.kind === 'first-detection-within');
  const target = detect.metric.seconds;
  assert.equal(suggestRating(detect, summary({ timeToFirstDetectionS: target })), 'P');
  assert.equal(suggestRating(detect, summary({ timeToFirstDetectionS: target * 1.4 })), 'S');
  assert.equal(suggestRating(detect, summary({ timeToFirstDetectionS: target * 3 })), 'M');
  assert.equal(suggestRating(detect, summary({ detected: false, timeToFirstDetectionS: null })), 'U');
});

test('the AAR rates every objective (evaluator ratings win), raises corrective actions and carries open ones', () => {
  const bad = summary({ detected: false, timeToFirstDetectionS: null, survivorsRecovered: 0, messagesSent: 1 });
  const aar1 = buildAfterActionReport(
    spec,
    bad,
    [],
    [
      {
        objectiveId: 'obj-plan',
        rating: 'M',
        evaluator: 'KR',
        observations: [{ kind: 'area-for-improvement', text: 'datum late' }],
      },
    ],
  );
  assert.equal(aar1.findings.length, spec.objectives.length);
  const plan = aar1.findings.find((f) => f.objectiveId === 'obj-plan');
  assert.equal(plan?.rating, 'M');
  assert.equal(plan?.suggested, false);
  assert.equal(plan?.ratingLabel.ko, '중대한 문제 있이 수행');
  const open = aar1.improvementPlan.actions;
  assert.ok(open.length >= 3 && open.every((a) => a.status === 'open' && a.text.ja.length > 0));
  // Next drill: close the detection action; the others carry over and are not raised twice; detection still fails
  // in drill 2, so a new action is raised there.
  const detect = open.find((a) => a.objectiveId === 'obj-detect');
  assert.ok(detect !== undefined);
  const closed = closeCorrectiveAction(aar1.improvementPlan, detect.id, 'drill-2', 'fixed');
  assert.equal(closed.actions.find((a) => a.id === detect.id)?.status, 'closed');
  const spec2 = { ...spec, id: 'drill-2' };
  const aar2 = buildAfterActionReport(spec2, bad, [], [], closed);
  const ids = aar2.improvementPlan.actions.map((a) => a.id);
  assert.ok(!ids.includes(detect.id));
  for (const a of open.filter((q) => q !== detect)) assert.ok(ids.includes(a.id), `${a.id} carried`);
  assert.equal(
    new Set(aar2.improvementPlan.actions.map((a) => a.objectiveId)).size,
    aar2.improvementPlan.actions.length,
  );
  assert.ok(aar2.improvementPlan.actions.some((a) => a.raisedIn === 'drill-2' && a.objectiveId === 'obj-detect'));
  assert.throws(() => closeCorrectiveAction(closed, 'nope', 'x', 'y'), /no corrective action/);
});

test('trends group drills by family in time order with the change and slope of POS achieved', () => {
  const recs = [0.2, 0.5, 0.8].map((p, k) => ({
    startTimeS: START + (2 - k) * 86400,
    summary: summary({ drillId: `d${k}`, posAchieved: 1 - p }),
  }));
  recs.push({ startTimeS: START, summary: summary({ drillId: 'other', family: 'life-raft', posAchieved: 0.3 }) });
  const t = drillTrends(recs);
  assert.deepEqual(
    t.map((f) => f.family),
    ['life-raft', 'person-in-water'],
  );
  const f = t[1];
  assert.deepEqual(
    f?.points.map((p) => p.drillId),
    ['d2', 'd1', 'd0'],
  );
  assert.ok(Math.abs((f?.change.posAchieved ?? 0) - 0.6) < 1e-12);
  assert.ok(Math.abs((f?.posSlopePerDrill ?? 0) - 0.3) < 1e-12);
});

test('the simulated clock runs accelerated from wall time given as input and pauses without a jump', () => {
  const c = startSimClock(1000, 60);
  assert.equal(simulatedTime(c, 1010), 600);
  const paused = setClockFactor(c, 1010, 0);
  assert.equal(simulatedTime(paused, 5000), 600);
  const resumed = setClockFactor(paused, 5000, 10);
  assert.equal(simulatedTime(resumed, 5001), 610);
  assert.throws(() => startSimClock(0, -1), /acceleration/);
});
