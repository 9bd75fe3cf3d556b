import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  HSEEP_RATING_LABELS,
  NO_LAND,
  createAutoPlayer,
  createDrillSpec,
  drillTrends,
  findDrillTemplate,
  openDrill,
  playerView,
  runDrill,
} from '@tandem/core';
import type { DrillSpec } from '@tandem/core';
import {
  circleRing,
  containmentSeries,
  defaultTab,
  drillTabs,
  featureBounds,
  formatMetric,
  formatSimTime,
  inputUtcToIso,
  legendEntries,
  liveSimS,
  localized,
  playerMapData,
  proposalParts,
  ratingOptions,
  replayFrameData,
  replayTrails,
  simUtc,
  summaryFigures,
  timelineLane,
  timelineAxis,
  timelineLanes,
  trendSeries,
  truthFeatures,
  unitColorOf,
} from './drill-model.ts';

const START = Date.parse('2026-06-01T00:00:00Z') / 1000;

function spec(templateId: string, seed: number): DrillSpec {
  const s = createDrillSpec(findDrillTemplate(templateId), { seed, startTimeS: START, land: NO_LAND });
  return { ...s, planningParticles: 200, durationS: 3 * 3600 };
}

/** A real session two hours into a person-overboard drill played by the auto player. */
function playedView() {
  const s = spec('person-overboard', 11);
  const { session, reference } = openDrill(s, NO_LAND);
  const auto = createAutoPlayer(session, { land: NO_LAND, particles: 200, initialCloud: reference });
  for (let t = 0; t <= 2 * 3600; t += 600) auto.decide(session.advanceTo(t));
  return { session, view: playerView(session) };
}

test('simulated time and UTC: T+h:mm:ss from the MAYDAY relay, the UTC instant of the drill clock', () => {
  assert.equal(formatSimTime(0), 'T+0:00:00');
  assert.equal(formatSimTime(3725), 'T+1:02:05');
  assert.equal(formatSimTime(-1800), 'T−0:30:00');
  assert.equal(simUtc(START, 5400), '2026-06-01 01:30Z');
  assert.equal(inputUtcToIso('2026-06-01T06:30'), '2026-06-01T06:30:00Z');
  assert.equal(inputUtcToIso('2026-06-01'), undefined);
  assert.equal(inputUtcToIso('2026-13-45T99:00'), undefined);
});

test('three-language texts follow the page language, regional variants included, English when empty', () => {
  const t = { en: 'raft', ko: '구명뗏목', ja: '' };
  assert.equal(localized(t, 'ko'), '구명뗏목');
  assert.equal(localized(t, 'ko-KR'), '구명뗏목');
  assert.equal(localized(t, 'ja'), 'raft');
  assert.equal(localized(t, 'fr'), 'raft');
  const options = ratingOptions(HSEEP_RATING_LABELS, 'ja');
  assert.deepEqual(
    options.map((o) => o.value),
    ['P', 'S', 'M', 'U'],
  );
  assert.ok(options[0]?.label.includes(HSEEP_RATING_LABELS.P.ja));
});

test('views by role: players play, evaluators evaluate, controllers control; the report only when finished', () => {
  assert.deepEqual(drillTabs(['sar_planner'], false), ['play']);
  assert.equal(defaultTab(['sar_planner'], false), 'play');
  assert.deepEqual(drillTabs(['evaluator'], false), ['evaluate']);
  assert.deepEqual(drillTabs(['exercise_controller'], false), ['control', 'play', 'evaluate']);
  assert.equal(defaultTab(['exercise_controller'], false), 'control');
  assert.deepEqual(drillTabs(['viewer'], false), []);
  assert.equal(defaultTab(['viewer'], false), undefined);
  assert.deepEqual(drillTabs(['viewer'], true), ['report']);
  assert.equal(defaultTab(['sar_planner'], true), 'report');
  assert.equal(defaultTab(['evaluator'], true), 'evaluate');
});

test('the player map shows the reported datum with its error circle, the plan areas and units away from base', () => {
  const { view } = playedView();
  const fc = playerMapData(view);
  const mayday = view.injects.find((i) => i.kind === 'mayday-relay');
  assert.ok(mayday?.position !== undefined);
  const datum = fc.features.find((f) => f.properties['layer'] === 'mayday-relay');
  assert.ok(datum?.geometry.type === 'Point');
  assert.deepEqual(datum.geometry.coordinates, [mayday.position.lonDeg, mayday.position.latDeg]);
  const plan = view.plans[view.plans.length - 1];
  assert.ok(plan !== undefined && plan.areas.length > 0, 'the auto player planned');
  const areas = fc.features.filter((f) => f.properties['layer'] === 'plan');
  assert.equal(areas.length, plan.areas.length);
  for (const a of areas)
    assert.equal(
      a.properties['color'],
      unitColorOf(
        view.units.map((u) => u.id),
        String(a.properties['unitId']),
      ),
    );
  const away = view.units.filter((u) => u.status !== 'at-base').length;
  assert.equal(fc.features.filter((f) => f.properties['layer'] === 'unit').length, away);
  assert.equal(fc.features.filter((f) => f.properties['layer'] === 'base').length, view.units.length);
  // A proposal is drawn dashed, apart from the plan of record.
  const withProposal = playerMapData(view, {
    proposal: {
      areas: plan.areas,
      routes: [
        {
          unitId: 'x',
          points: [
            [129, 34],
            [129.1, 34.1],
          ],
        },
      ],
    },
  });
  const proposed = withProposal.features.filter((f) => f.properties['layer'] === 'proposal');
  assert.equal(proposed.length, plan.areas.length);
  assert.ok(proposed.every((f) => f.properties['dashed'] === true));
  // Bounds hold the datum.
  const b = featureBounds(fc);
  assert.ok(b !== undefined);
  assert.ok(b[0][0] < mayday.position.lonDeg && b[1][0] > mayday.position.lonDeg);
  assert.ok(b[0][1] < mayday.position.latDeg && b[1][1] > mayday.position.latDeg);
  assert.equal(featureBounds({ type: 'FeatureCollection', features: [] }), undefined);
});

test('no truth feature enters the player map: only the truth builder draws the truth', () => {
  const { session, view } = playedView();
  const json = JSON.stringify(playerMapData(view));
  for (const o of session.truth.objects) assert.ok(!json.includes(o.object.id + '"'), `truth object ${o.object.id}`);
  assert.ok(!/truth/.test(json));
  const truth = truthFeatures([
    {
      id: 'raft-1',
      lonLat: [129, 34],
      track: [
        [128.9, 33.9],
        [129, 34],
      ],
    },
  ]);
  assert.deepEqual(
    truth.map((f) => f.properties['layer']),
    ['truth-track', 'truth'],
  );
});

test('error circles have the reported radius', () => {
  const ring = circleRing(129, 34, 1852, 8);
  assert.equal(ring.length, 9);
  assert.deepEqual(ring[0], ring[8]);
  const top = ring[2] as [number, number];
  assert.ok(Math.abs((top[1] - 34) * 111_320 - 1852) < 1);
});

test('summary, containment, timeline and trends from a finished drill', () => {
  const s = spec('missing-diver', 3);
  const a = runDrill(s, { land: NO_LAND, auto: true });
  const series = containmentSeries(a.summary, 'containment');
  assert.equal(series.points.length, a.summary.containment.length);
  assert.ok(series.points.length > 1);
  for (const [k, p] of series.points.entries()) {
    const c = a.summary.containment[k];
    assert.ok(c !== undefined);
    assert.equal(p.x, c.atS / 3600);
    assert.equal(p.y, c.fraction * 100);
  }
  const figures = summaryFigures(a.summary);
  assert.equal(
    figures.find((f) => f.key === 'survivors')?.value,
    `${a.summary.survivorsRecovered} / ${a.summary.survivorsTotal}`,
  );
  assert.equal(figures.find((f) => f.key === 'posAchieved')?.value, `${(a.summary.posAchieved * 100).toFixed(1)} %`);

  const axis = timelineAxis(s.startTimeS, s.durationS);
  const lanes = timelineLanes(a.timeline, axis, 'ko', (l) => `lane ${l}`);
  assert.equal(
    lanes.reduce((n, l) => n + l.items.length, 0),
    a.timeline.length,
    'every event is in one lane',
  );
  const maydayEvent = a.timeline.find((e) => e.kind === 'inject:mayday-relay');
  assert.ok(maydayEvent !== undefined);
  const mayday = lanes.find((l) => l.label === 'lane injects')?.items.find((i) => i.label === maydayEvent.text.ko);
  assert.ok(mayday !== undefined);
  assert.equal(mayday.startMs, (s.startTimeS + maydayEvent.atS) * 1000);
  // The chart shows the drill's hours, labelled with the drill clock's UTC time.
  assert.equal(axis.format(axis.toMs(5400)), '01:30Z');
  assert.deepEqual(axis.domain, [s.startTimeS * 1000, (s.startTimeS + s.durationS) * 1000]);
  assert.match(mayday.label, /[가-힣]/);
  assert.equal(timelineLane('detection'), 'outcomes');
  assert.equal(timelineLane('tasking'), 'units');
  assert.equal(timelineLane('plan'), 'plans');

  const b = runDrill(spec('missing-diver', 4), { land: NO_LAND, auto: true });
  const [trend] = drillTrends([
    { startTimeS: START, summary: a.summary },
    { startTimeS: START + 86400, summary: b.summary },
  ]);
  assert.ok(trend !== undefined);
  const ts = trendSeries(trend, { pos: 'POS', containment: 'C', survivors: 'S' });
  assert.deepEqual(
    ts.map((x) => x.points.map((p) => p.x)),
    [
      [1, 2],
      [1, 2],
      [1, 2],
    ],
  );
  assert.equal(ts[0]?.points[1]?.y, b.summary.posAchieved * 100);
});

test('replay frames: trails grow with the slider, the plan in force and detections so far, truth once adrift', () => {
  const frames = [
    {
      atS: 0,
      units: [{ id: 'u1', lonLat: [129, 34], status: 'at-base' }],
      truth: [{ id: 'o', lonLat: null, state: 'not-yet' }],
    },
    {
      atS: 600,
      units: [{ id: 'u1', lonLat: [129.1, 34.1], status: 'transit' }],
      truth: [{ id: 'o', lonLat: [129.5, 34.51], state: 'adrift' }],
    },
    {
      atS: 1200,
      units: [{ id: 'u1', lonLat: [129.2, 34.2], status: 'searching' }],
      truth: [{ id: 'o', lonLat: [129.5, 34.52], state: 'recovered' }],
    },
  ];
  const replay = {
    plans: [
      {
        atS: 300,
        areas: [
          {
            unitId: 'u1',
            ring: [
              [129, 34],
              [129.1, 34],
              [129.1, 34.1],
              [129, 34],
            ],
          },
        ],
      },
      {
        atS: 900,
        areas: [
          {
            unitId: 'u1',
            ring: [
              [130, 34],
              [130.1, 34],
              [130.1, 34.1],
              [130, 34],
            ],
          },
        ],
      },
    ],
    detections: [{ atS: 1100, unitId: 'u1', lonLat: [129.5, 34.52] }],
  };
  assert.equal(replayTrails(frames, 0).get('u1'), undefined);
  assert.equal(replayTrails(frames, 2).get('u1')?.length, 2);
  assert.equal(replayTrails(frames, 99).get('u1')?.length, 2);
  const first = replayFrameData(replay, frames[0] as (typeof frames)[number], ['u1']);
  assert.deepEqual(first.features, [], 'before the first plan, at base, truth not yet in the water');
  const mid = replayFrameData(replay, frames[1] as (typeof frames)[number], ['u1'], replayTrails(frames, 1));
  assert.deepEqual(
    mid.features.map((f) => f.properties['layer']),
    ['plan', 'unit', 'truth'],
  );
  const end = replayFrameData(replay, frames[2] as (typeof frames)[number], ['u1'], replayTrails(frames, 2));
  assert.deepEqual(
    end.features.map((f) => f.properties['layer']),
    ['plan', 'track', 'unit', 'truth', 'detection'],
  );
  const area = end.features[0];
  assert.ok(area?.geometry.type === 'Polygon');
  assert.equal(area.geometry.coordinates[0]?.[0]?.[0], 130, 'the later plan is in force');
  assert.equal(end.features[3]?.properties['radius'], 3, 'recovered truth drawn small');
});

test('a proposal splits into plan areas, unit routes and messages', () => {
  const parts = proposalParts([
    {
      kind: 'plan',
      areas: [
        {
          unitId: 'a',
          ring: [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        },
      ],
    },
    {
      kind: 'assign',
      unitId: 'a',
      waypoints: [
        [0, 0],
        [1, 1],
      ],
    },
    {
      kind: 'assign',
      unitId: 'b',
      waypoints: [
        [2, 2],
        [3, 3],
      ],
    },
    { kind: 'message', to: 'JCG RCC', text: 'SITREP 1' },
  ]);
  assert.equal(parts.areas.length, 1);
  assert.deepEqual(
    parts.routes.map((r) => r.unitId),
    ['a', 'b'],
  );
  assert.deepEqual(parts.messages, [{ to: 'JCG RCC', text: 'SITREP 1' }]);
});

test('the legend lists what the map shows, in the colours of the map, in a fixed order', () => {
  const { view } = playedView();
  const fc = playerMapData(view);
  const keys = legendEntries(fc).map((e) => e.key);
  assert.deepEqual(keys, ['datum', 'plan', 'unit']);
  const plan = fc.features.find((f) => f.properties['layer'] === 'plan');
  assert.equal(legendEntries(fc).find((e) => e.key === 'plan')?.color, plan?.properties['color']);
  const server = {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: { layer: 'truth-track', color: '#111111' },
        geometry: { type: 'Point' as const, coordinates: [0, 0] },
      },
      {
        type: 'Feature' as const,
        properties: { layer: 'datum', color: '#8e44ad' },
        geometry: { type: 'Point' as const, coordinates: [0, 0] },
      },
      {
        type: 'Feature' as const,
        properties: { layer: 'unknown' },
        geometry: { type: 'Point' as const, coordinates: [0, 0] },
      },
    ],
  };
  assert.deepEqual(legendEntries(server), [
    { key: 'datum', color: '#8e44ad' },
    { key: 'truth', color: '#111111' },
  ]);
});

test('measured figures and targets of objectives read in minutes, percent and counts', () => {
  assert.deepEqual(formatMetric({ kind: 'first-detection-within', seconds: 4 * 3600 }, 5190), {
    measured: '87 min',
    target: '≤ 240 min',
  });
  assert.deepEqual(formatMetric({ kind: 'first-on-scene-within', seconds: 3600 }, null), {
    measured: '—',
    target: '≤ 60 min',
  });
  assert.deepEqual(formatMetric({ kind: 'mean-containment', fraction: 0.5 }, 0.714), {
    measured: '71 %',
    target: '≥ 50 %',
  });
  assert.deepEqual(formatMetric({ kind: 'messages-sent', count: 3 }, 4), { measured: '4', target: '≥ 3' });
  // Every objective of the library has a shown target.
  const s = spec('ferry-fire-mass-rescue', 1);
  for (const o of s.objectives) assert.match(formatMetric(o.metric, null).target, /^[≤≥] \d/);
});

test('the displayed clock runs on between reads at the acceleration, stops at the end, stands when paused', () => {
  const clock = { running: true, factor: 60, durationS: 3600 };
  assert.equal(liveSimS(600, 1_000, 11_000, clock), 1200);
  assert.equal(liveSimS(3500, 1_000, 11_000, clock), 3600);
  assert.equal(liveSimS(600, 11_000, 1_000, clock), 600, 'a clock read later than now does not run backwards');
  assert.equal(liveSimS(600, 1_000, 11_000, { ...clock, running: false }), 600);
});
