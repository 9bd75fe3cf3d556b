import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liveInjectRequest } from './drill-model.ts';
import type { LiveInjectForm } from './drill-model.ts';
import { drillsMessages } from './messages.ts';

const EMPTY: LiveInjectForm = {
  text: { en: '', ko: '', ja: '' },
  kind: 'information',
  unitId: '',
  windKt: '',
  windFromDeg: '',
  visibilityNm: '',
  seaHeightM: '',
};

test('an information inject needs a text in one language; the others take it', () => {
  assert.deepEqual(liveInjectRequest(EMPTY), { problem: 'missing' });
  assert.deepEqual(liveInjectRequest({ ...EMPTY, text: { en: ' ', ko: ' 기상 악화 ', ja: '' } }), {
    text: { en: '기상 악화', ko: '기상 악화', ja: '기상 악화' },
    effect: { kind: 'information' },
  });
});

test('a unit breakdown names its unit', () => {
  const form: LiveInjectForm = { ...EMPTY, kind: 'unit-breakdown', text: { en: 'Engine failure', ko: '', ja: '' } };
  assert.deepEqual(liveInjectRequest(form), { problem: 'noUnit' });
  const req = liveInjectRequest({ ...form, unitId: 'kr-kcg-3000t-1' });
  assert.ok('effect' in req);
  assert.deepEqual(req.effect, { kind: 'unit-breakdown', unitId: 'kr-kcg-3000t-1' });
});

test('a weather change converts knots and nautical miles to SI at the edge', () => {
  const form: LiveInjectForm = {
    ...EMPTY,
    kind: 'weather-change',
    text: { en: 'Gale', ko: '강풍', ja: '強風' },
    windKt: '35',
    windFromDeg: '360',
    visibilityNm: '0.5',
    seaHeightM: '3,5',
  };
  const req = liveInjectRequest(form);
  assert.ok('effect' in req && req.effect.kind === 'weather-change');
  // 1 kt = 1852/3600 m/s; 1 NM = 1852 m (exact by definition).
  assert.ok(Math.abs(req.effect.weather.windSpeedMps - (35 * 1852) / 3600) < 1e-9);
  assert.ok(Math.abs(req.effect.weather.visibilityM - 926) < 1e-9);
  assert.equal(req.effect.weather.windFromDeg, 0);
  assert.equal(req.effect.weather.seaHeightM, 3.5);
});

test('weather out of the API ranges or missing is refused with the field’s message', () => {
  const form: LiveInjectForm = {
    ...EMPTY,
    kind: 'weather-change',
    text: { en: 'Gale', ko: '', ja: '' },
    windKt: '20',
    windFromDeg: '90',
    visibilityNm: '2',
    seaHeightM: '1',
  };
  assert.ok('effect' in liveInjectRequest(form));
  const cases: [Partial<LiveInjectForm>, string][] = [
    [{ windKt: '' }, 'badWind'],
    [{ windKt: '117' }, 'badWind'],
    [{ windKt: '-1' }, 'badWind'],
    [{ windFromDeg: '361' }, 'badWindFrom'],
    [{ windFromDeg: 'north' }, 'badWindFrom'],
    [{ visibilityNm: '0.05' }, 'badVisibility'],
    [{ visibilityNm: '54' }, 'badVisibility'],
    [{ seaHeightM: '21' }, 'badSea'],
  ];
  for (const [change, problem] of cases) {
    assert.deepEqual(liveInjectRequest({ ...form, ...change }), { problem }, JSON.stringify(change));
    for (const lang of ['en', 'ko', 'ja'] as const)
      assert.ok(problem in drillsMessages[lang].live, `${lang} drills.live.${problem}`);
  }
});
