import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_LAND } from '../forcing/index.ts';
import type { LonLat } from '../geo/index.ts';
import { lambertAzimuthalEqualArea, sweepPattern } from '../search/index.ts';
import { isTandemError } from '../errors/index.ts';
import { parseDrillDocument } from './drill-document.ts';
import { unitSweepWidthM } from './drill-session.ts';
import type { DrillText } from './localized-text.ts';
import { createDrillSpec } from './drill-spec.ts';
import type { DrillSpec } from './drill-spec.ts';
import type { ObjectTemplate } from './drill-template.ts';
import { playerView } from './player-view.ts';
import { applyDrillAction, openDrill, runDrill } from './run-drill.ts';
import type { DrillAction, LiveWeather } from './run-drill.ts';
import { findDrillTemplate } from './scenario-library.ts';

const START = Date.parse('2026-06-01T00:00:00Z') / 1000;
const DATUM: LonLat = [130.0, 36.5];
const TEXT: DrillText = { en: 'Controller inject', ko: '통제관 상황 부여', ja: '統制官の状況付与' };
/** Gale, fog and rough sea: far worse for a visual search than the template's weather. */
const STORM: LiveWeather = { windSpeedMps: 20, windFromDeg: 45, visibilityM: 1000, seaHeightM: 4 };

function spec(): DrillSpec {
  const base = createDrillSpec(findDrillTemplate('person-overboard'), {
    seed: 3,
    startTimeS: START,
    land: NO_LAND,
    position: DATUM,
  });
  // Every unit at the datum and ready at once, so a search starts within the test's hours.
  const units = base.units.map((u) => ({ ...u, base: DATUM, noticeS: 0 }));
  return { ...base, units, injects: [], planningParticles: 300, durationS: 4 * 3600 };
}

/** A parallel sweep of 10 × 10 km around the datum, as waypoints. */
function sweep(): LonLat[] {
  const proj = lambertAzimuthalEqualArea(DATUM);
  const p = sweepPattern(
    'parallel',
    { centerXM: 0, centerYM: 0, axisBearingDeg: 0, lengthM: 10000, widthM: 10000 },
    0,
    { trackSpacingM: 1000 },
  );
  const out: LonLat[] = [];
  for (let i = 0; i < p.waypoints.length; i += 2)
    out.push(proj.inverse(p.waypoints[i] as number, p.waypoints[i + 1] as number));
  return out;
}

/** Replay actions in time order, advancing the session to each; returns the session at `toS`. */
function replay(s: DrillSpec, actions: readonly DrillAction[], toS: number): ReturnType<typeof openDrill>['session'] {
  const { session } = openDrill(s, NO_LAND);
  for (const a of actions) {
    session.advanceTo(a.atS);
    applyDrillAction(session, a);
  }
  session.advanceTo(toS);
  return session;
}

test('a live unit breakdown sends the unit home and it refuses new tasking', () => {
  const s = spec();
  const unitId = s.units[0]?.id as string;
  const breakdown: DrillAction = {
    atS: 1800,
    kind: 'live-inject',
    id: 'live-2',
    text: TEXT,
    injectKind: 'unit-breakdown',
    unitId,
  };
  const actions: DrillAction[] = [{ atS: 0, kind: 'assign', unitId, waypoints: sweep() }, breakdown];
  const before = replay(s, actions.slice(0, 1), 1800);
  assert.notEqual(before.unitStatus(unitId), 'broken');
  const session = replay(s, actions, 1800);
  assert.ok(['broken', 'returning'].includes(session.unitStatus(unitId)), session.unitStatus(unitId));
  const delivered = session.delivered().find((i) => i.id === 'live-2');
  assert.equal(delivered?.kind, 'unit-breakdown');
  assert.equal(delivered?.origin, 'live');
  assert.equal(delivered?.unitId, unitId);
  const refusedBefore = session.timeline().filter((e) => e.kind === 'tasking-refused').length;
  session.assign(unitId, sweep());
  assert.equal(session.timeline().filter((e) => e.kind === 'tasking-refused').length, refusedBefore + 1);
  session.advanceTo(2400);
  assert.notEqual(session.unitStatus(unitId), 'searching');
  const view = playerView(session);
  assert.ok(['broken', 'returning'].includes(view.units.find((u) => u.id === unitId)?.status ?? ''));
});

test('a live weather change alters the weather players see from then on and the sweep width used', () => {
  const s = spec();
  const unitId = s.units[0]?.id as string;
  const change: DrillAction = {
    atS: 600,
    kind: 'live-inject',
    id: 'live-1',
    text: TEXT,
    injectKind: 'weather-change',
    weather: STORM,
  };
  const session = replay(s, [], 599);
  const calm = session.weather();
  assert.notEqual(calm.windSpeedMps, STORM.windSpeedMps);
  assert.notDeepEqual(playerView(session).environment.visibilityM, STORM.visibilityM);
  session.advanceTo(600);
  applyDrillAction(session, change);
  session.advanceTo(630);
  const stormy = session.weather();
  assert.deepEqual(
    {
      windSpeedMps: stormy.windSpeedMps,
      windFromDeg: stormy.windFromDeg,
      visibilityM: stormy.visibilityM,
      seaHeightM: stormy.seaHeightM,
    },
    STORM,
  );
  assert.ok(stormy.version > calm.version);
  const env = playerView(session).environment;
  assert.equal(env.windSpeedMps, STORM.windSpeedMps);
  assert.equal(env.visibilityM, STORM.visibilityM);
  assert.equal(env.seaHeightM, STORM.seaHeightM);
  assert.equal(env.windFromDeg, STORM.windFromDeg);

  // The sweep width the session computes from its weather drops in the storm (IAMSAR visual sweep widths fall
  // with visibility and are corrected down for wind and sea).
  const u = session.units().find((x) => x.unit.id === unitId);
  assert.ok(u !== undefined);
  const object = s.objects[0] as ObjectTemplate;
  const wCalm = unitSweepWidthM(u.unit, u.type, object, calm, s.environment.night);
  const wStorm = unitSweepWidthM(u.unit, u.type, object, stormy, s.environment.night);
  assert.ok(wCalm > 0, `calm sweep width ${wCalm}`);
  assert.ok(wStorm < wCalm, `storm ${wStorm} m < calm ${wCalm} m`);

  // The same search achieves less POS over the reference map when the storm comes in before it starts.
  const assign: DrillAction = { atS: 600, kind: 'assign', unitId, waypoints: sweep() };
  const plain = runDrill(s, { land: NO_LAND, auto: false, actions: [assign] }).summary.posAchieved;
  const stormyPos = runDrill(s, { land: NO_LAND, auto: false, actions: [change, assign] }).summary.posAchieved;
  assert.ok(plain > 0, `POS ${plain}`);
  assert.ok(stormyPos < plain, `POS in the storm ${stormyPos} < ${plain}`);
});

test('an information live inject changes neither the weather nor the units', () => {
  const s = spec();
  const info: DrillAction = { atS: 300, kind: 'live-inject', id: 'live-1', text: TEXT };
  const a = replay(s, [], 900);
  const b = replay(s, [info], 900);
  assert.deepEqual(b.weather(), a.weather());
  assert.deepEqual(
    b.units().map((u) => b.unitStatus(u.unit.id)),
    a.units().map((u) => a.unitStatus(u.unit.id)),
  );
  assert.equal(b.delivered().find((i) => i.id === 'live-1')?.kind, 'information');
});

test('a drill document records live injects of every kind and refuses bad ones naming the field', () => {
  const unitId = parseDrillDocument({ template: 'missing-diver', seed: 1 }, NO_LAND).spec.units[0]?.id as string;
  const doc = (live: Record<string, unknown>) => ({
    template: 'missing-diver',
    seed: 1,
    actions: [{ kind: 'live-inject', atS: 600, id: 'live-1', text: TEXT, ...live }],
  });
  assert.deepEqual(parseDrillDocument(doc({ injectKind: 'unit-breakdown', unitId }), NO_LAND).actions, [
    { atS: 600, kind: 'live-inject', id: 'live-1', text: TEXT, injectKind: 'unit-breakdown', unitId },
  ]);
  assert.deepEqual(parseDrillDocument(doc({ injectKind: 'weather-change', weather: STORM }), NO_LAND).actions, [
    { atS: 600, kind: 'live-inject', id: 'live-1', text: TEXT, injectKind: 'weather-change', weather: STORM },
  ]);
  assert.deepEqual(parseDrillDocument(doc({}), NO_LAND).actions, [
    { atS: 600, kind: 'live-inject', id: 'live-1', text: TEXT },
  ]);
  const fieldOf = (live: Record<string, unknown>): string | undefined => {
    try {
      parseDrillDocument(doc(live), NO_LAND);
    } catch (e) {
      assert.ok(isTandemError(e), String(e));
      return e.field;
    }
    return assert.fail(`accepted ${JSON.stringify(live)}`);
  };
  assert.equal(fieldOf({ injectKind: 'unit-breakdown', unitId: 'nope' }), 'actions[0].unitId');
  assert.equal(fieldOf({ injectKind: 'unit-breakdown' }), 'actions[0].unitId');
  assert.equal(fieldOf({ injectKind: 'weather-change' }), 'actions[0].weather');
  assert.equal(
    fieldOf({ injectKind: 'weather-change', weather: { ...STORM, seaHeightM: 99 } }),
    'actions[0].weather.seaHeightM',
  );
  assert.equal(fieldOf({ injectKind: 'flood' }), 'actions[0].injectKind');
  assert.equal(fieldOf({ unitId }), 'actions[0].unitId');
});
