import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cloudForDatum, parsePlanDocument, planSearch } from '@tandem/core';
import { dateTimeGroup, formatPosition, MESSAGE_LANGUAGES, sarSitrep, searchActionMessage } from './search-messages.ts';

const doc = parsePlanDocument({
  probability: { circularNormal: { lon: 131.86, lat: 37.24, sigmaM: 5000 } },
  startTime: '2026-05-01T06:00:00Z',
  units: [
    { id: 'KCG-5001', nation: 'KR', sweepWidthM: 4000, speedMps: 6, enduranceS: 40000, base: [129.38, 36.03] },
    { id: 'JCG-PLH', nation: 'JP', sweepWidthM: 4000, speedMps: 6, enduranceS: 40000, base: [133.07, 35.55] },
  ],
  grid: { nx: 40, ny: 40 },
});
const plan = planSearch(doc, cloudForDatum(doc));
const info = {
  from: 'RCC-A',
  to: ['RCC-B', 'KCG-5001', 'JCG-PLH'],
  timeS: Date.parse('2026-05-01T05:30:00Z') / 1000,
  casualty: 'F/V, 12 m, white hull',
  personsAtRisk: 4,
  datum: [131.86, 37.24] as const,
};

/** Names of contested places and waters, in every language, that a shared message must not contain. */
const FORBIDDEN = [
  'Dokdo',
  'Takeshima',
  'Liancourt',
  '독도',
  '竹島',
  '竹岛',
  'Sea of Japan',
  'East Sea',
  '동해',
  '日本海',
  '東海',
];

test('search action message and SITREP in three languages: every part, every unit, coordinates only', () => {
  for (const lang of MESSAGE_LANGUAGES) {
    const sam = searchActionMessage(plan, lang, info);
    const sit = sarSitrep(plan, lang, { ...info, sitrepNumber: 2 });
    for (const text of [sam, sit]) {
      for (const bad of FORBIDDEN) assert.ok(!text.includes(bad), `${lang} mentions ${bad}`);
      assert.ok(text.includes('010530Z MAY 26'));
      assert.ok(text.includes(formatPosition(info.datum, lang)));
    }
    for (const part of ['1.', '2.', '3.', '4.', '5.', '6.'])
      assert.ok(sam.includes(`\n${part}`), `${lang} SAM part ${part}`);
    for (const part of 'ABCDEFGHJKLMN')
      assert.ok(sit.includes(`\n${part}.`) || sit.includes(`\n${part}. `), `${lang} SITREP ${part}`);
    for (const u of plan.units) {
      assert.ok(sam.includes(u.id));
      const csp = u.waypoints[0];
      if (csp !== undefined) assert.ok(sam.includes(formatPosition(csp, lang)), `${lang} CSP of ${u.id}`);
    }
  }
  assert.match(searchActionMessage(plan, 'ko', info), /수색 실행 메시지/);
  assert.match(sarSitrep(plan, 'ja', info), /SAR状況報告/);
});

test('positions in degrees and decimal minutes; date-time group', () => {
  assert.equal(formatPosition([131.8667, 37.2417], 'en'), '37-14.5N 131-52.0E');
  assert.equal(formatPosition([131.8667, 37.2417], 'ko'), '북위 37°14.5′ 동경 131°52.0′');
  assert.equal(formatPosition([131.8667, 37.2417], 'ja'), '北緯37度14.5分 東経131度52.0分');
  assert.equal(formatPosition([-0.99999, -10.5], 'en'), '10-30.0S 001-00.0W');
  assert.equal(dateTimeGroup(Date.parse('2026-12-31T23:59:00Z') / 1000), '312359Z DEC 26');
});

test('creep direction is across the legs of a parallel sweep', () => {
  const d = parsePlanDocument({
    probability: { circularNormal: { lon: 130, lat: 35, sigmaM: 5000 } },
    units: [
      {
        id: 'PS',
        nation: 'JP',
        sweepWidthM: 1000,
        speedMps: 10,
        enduranceS: 90000,
        base: [130, 35],
        pattern: {
          kind: 'parallel',
          area: [
            [129.9, 34.95],
            [130.1, 34.95],
            [130.1, 35.05],
            [129.9, 35.05],
          ],
          trackSpacingM: 1000,
        },
      },
    ],
    mode: 'evaluate',
    grid: { nx: 30, ny: 30 },
  });
  const text = searchActionMessage(planSearch(d, cloudForDatum(d)), 'en', info);
  // Legs run east-west along the long side; the search advances north or south.
  assert.match(text, /creep direction (00[0-2]|35[89]|17[89]|18[0-2])T/);
});
