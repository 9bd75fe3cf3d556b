import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_LAND } from '../forcing/index.ts';
import { createAutoPlayer } from './auto-player.ts';
import { createDrillSpec } from './drill-spec.ts';
import { playerView } from './player-view.ts';
import { openDrill } from './run-drill.ts';
import { findDrillTemplate } from './scenario-library.ts';

const START = Date.parse('2026-06-01T00:00:00Z') / 1000;

/** Every number in a JSON text, as written. */
function numbersIn(json: string): Set<string> {
  return new Set(json.match(/-?\d+\.\d+(e-?\d+)?/g) ?? []);
}

test('the player view never contains the hidden truth', () => {
  for (const id of ['ferry-fire-mass-rescue', 'person-overboard']) {
    const base = createDrillSpec(findDrillTemplate(id), {
      seed: 5,
      startTimeS: START,
      land: NO_LAND,
      truthSeed: 987654,
    });
    const spec = { ...base, planningParticles: 200, durationS: 3 * 3600 };
    const { session } = openDrill(spec, NO_LAND);
    const auto = createAutoPlayer(session, { land: NO_LAND, particles: 200 });
    for (let t = 0; t <= 2.5 * 3600; t += 600) auto.decide(session.advanceTo(t));
    const view = playerView(session);
    const json = JSON.stringify(view);
    // No truth structures or seeds.
    for (const key of [
      'truth',
      'truthSeed',
      'truthTracks',
      'casualtyPosition',
      'track',
      'releaseAtS',
      'pending',
      'held',
    ])
      assert.ok(!json.includes(`"${key}"`), `${id}: key ${key} leaked`);
    assert.ok(!json.includes('987654'), `${id}: truth seed leaked`);
    // No true position, at any time, of any truth object (before detection), nor the true casualty position.
    const nums = numbersIn(json);
    const truth = session.truth;
    for (const v of truth.casualtyPosition) assert.ok(!nums.has(String(v)), `${id}: casualty position leaked`);
    truth.objects.forEach((o) => {
      for (let k = 0; k < o.track.atS.length; k++) {
        const [lon, lat] = truth.projection.inverse(o.track.xM[k] as number, o.track.yM[k] as number);
        assert.ok(!(nums.has(String(lon)) && nums.has(String(lat))), `${id}: truth position of ${o.object.id} leaked`);
      }
    });
    // Contingency and not-yet-due injects are absent; controller-only events are absent.
    assert.ok(!json.includes('contingency-sighting') && !json.includes('contingency-info'));
    assert.ok(!json.includes('"weather-1"'), 'the 6 h weather inject is not yet delivered at 2.5 h');
    assert.ok(view.timeline.every((e) => e.audience === 'players'));
    assert.ok(view.injects.some((i) => i.kind === 'mayday-relay'));
    // Persons truly at risk are only what the reports say (MAYDAY lists the initial objects).
    if (id === 'ferry-fire-mass-rescue') assert.ok(view.injects.some((i) => i.kind === 'second-casualty'));
  }
});

test('releasing a contingency inject delivers it to players; live injects too', () => {
  const spec = {
    ...createDrillSpec(findDrillTemplate('missing-diver'), { seed: 3, startTimeS: START, land: NO_LAND }),
    planningParticles: 100,
  };
  const { session } = openDrill(spec, NO_LAND);
  session.advanceTo(600);
  // A held sighting's position is drawn when it is released; until then its text says so in each language.
  const held = session.pending().find((p) => p.inject.id === 'contingency-sighting');
  assert.ok(held !== undefined && held.held);
  assert.match(held.inject.text.en, /\(position given when released\)/);
  assert.match(held.inject.text.ko, /투입 시 위치 통보/);
  assert.match(held.inject.text.ja, /投入時に位置を通報/);
  session.releaseInject('contingency-info');
  session.releaseInject('contingency-sighting');
  session.addLiveInject({ id: 'live-1', text: { en: 'Fuel state check', ko: '연료 상태 확인', ja: '燃料状態確認' } });
  session.advanceTo(1200);
  const ids = playerView(session).injects.map((i) => i.id);
  assert.ok(ids.includes('contingency-info'));
  assert.ok(ids.includes('live-1'));
  // Released at 600 s (scheduled for 9 h): reported where the diver is at 600 s, within a few reporting errors.
  const sighting = playerView(session).injects.find((i) => i.id === 'contingency-sighting');
  assert.ok(sighting?.position !== undefined, 'the released sighting has a position');
  assert.equal(sighting.atS, 600);
  assert.match(sighting.text.en, /sighting at \d+\.\d{3}N \d+\.\d{3}E/);
  const diver = session.truth.objects[0];
  assert.ok(diver !== undefined);
  const k = diver.track.atS.findIndex((t) => t >= 600);
  const [lon, lat] = session.truth.projection.inverse(diver.track.xM[k] as number, diver.track.yM[k] as number);
  const eastM = (sighting.position.lonDeg - lon) * 111_320 * Math.cos((lat * Math.PI) / 180);
  const northM = (sighting.position.latDeg - lat) * 110_540;
  assert.ok(Math.hypot(eastM, northM) < 4 * sighting.position.errorM, `${Math.hypot(eastM, northM)} m off`);
});
