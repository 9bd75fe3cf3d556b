import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLeewayCategory } from '../drift/index.ts';
import type { LandMask } from '../forcing/index.ts';
import { createRng } from '../random/index.ts';
import { findSearchUnitType, sweepWidthObjects, SEARCH_BASES } from '../search/index.ts';
import type { DrillText } from './localized-text.ts';
import { findSeaArea, generateCasualtyPosition, SEA_AREAS } from './location-generator.ts';
import { DRILL_TEMPLATES, findDrillTemplate } from './scenario-library.ts';
import { SRR_REGIONS, srrHandOverText, srrNationAt } from './srr-regions.ts';
import { CAPABILITY_NAMES } from './drill-spec.ts';
import { HSEEP_RATING_LABELS } from './hseep-evaluation.ts';

function allTexts(v: unknown, out: DrillText[] = []): DrillText[] {
  if (v === null || typeof v !== 'object') return out;
  const o = v as Record<string, unknown>;
  if (typeof o['en'] === 'string' && typeof o['ko'] === 'string' && typeof o['ja'] === 'string')
    out.push(o as unknown as DrillText);
  for (const x of Object.values(o)) allTexts(x, out);
  return out;
}

test('the library has at least ten templates covering every accident type of issue 7', () => {
  assert.ok(DRILL_TEMPLATES.length >= 10);
  const ids = DRILL_TEMPLATES.map((t) => t.id);
  for (const id of [
    'person-overboard',
    'life-rafts-abandonment',
    'fishing-vessel-capsized-korean',
    'fishing-vessel-swamped-japanese',
    'ferry-fire-mass-rescue',
    'aircraft-ditching-mpa',
    'aircraft-ditching-helicopter',
    'disabled-vessel-adrift',
    'sinking-cargo-ship-rafts',
    'missing-diver',
    'collision-in-strait',
    'man-overboard-night',
  ])
    assert.ok(ids.includes(id), id);
  assert.equal(new Set(ids).size, ids.length);
  const cats = DRILL_TEMPLATES.flatMap((t) => t.objects.map((o) => findLeewayCategory(o.leewayCategory).description));
  assert.ok(cats.some((d) => d.includes('Korean fishing vessel')));
  assert.ok(cats.some((d) => d.includes('Japanese')));
  assert.equal(findDrillTemplate(' Person_Overboard ').id, 'person-overboard');
  assert.throws(() => findDrillTemplate('titanic'), /unknown drill template "titanic"/);
  const mass = findDrillTemplate('ferry-fire-mass-rescue');
  assert.ok(mass.objects.reduce((s, o) => s + o.persons.reduce((a, p) => a + p.count, 0), 0) >= 100);
});

test('every template resolves: Leeway categories, sweep-width objects, unit types of both nations, objectives', () => {
  const known = new Set(sweepWidthObjects());
  for (const t of DRILL_TEMPLATES) {
    for (const o of t.objects) {
      findLeewayCategory(o.leewayCategory);
      assert.ok(known.has(o.sweepWidthObject), `${t.id}: ${o.sweepWidthObject}`);
    }
    const nations = new Set(t.units.map((u) => findSearchUnitType(u.type)?.nation));
    assert.ok(nations.has('KR') && nations.has('JP'), `${t.id} has units of both nations`);
    for (const u of t.units) if (u.base !== undefined) assert.ok(SEARCH_BASES.some((b) => b.id === u.base));
    assert.ok(
      t.objectives.length > 0 && t.injects.some((i) => i.held === true),
      `${t.id}: objectives and contingencies`,
    );
    for (const k of ['sighting-report', 'weather-change', 'unit-breakdown'])
      assert.ok(
        t.injects.some((i) => i.kind === k),
        `${t.id}: ${k}`,
      );
    assert.ok(t.seaAreas.length > 0 && t.environment.label.en.startsWith('Idealized'));
  }
  assert.ok(DRILL_TEMPLATES.some((t) => t.injects.some((i) => i.kind === 'second-casualty')));
});

test('every user-facing text has English, Korean and Japanese, and contested names are neutral', () => {
  const texts = allTexts([
    DRILL_TEMPLATES,
    SRR_REGIONS,
    SEA_AREAS,
    CAPABILITY_NAMES,
    HSEEP_RATING_LABELS,
    srrHandOverText('KR', 'JP', [130, 35]),
  ]);
  assert.ok(texts.length > 100);
  for (const t of texts) {
    assert.ok(t.en.length > 0 && t.ko.length > 0 && t.ja.length > 0);
    assert.ok(/[\uac00-\ud7a3]/.test(t.ko) || /^[\x20-\x7e]*$/.test(t.ko), `Korean text: ${t.ko}`);
    assert.ok(/[\u3040-\u30ff\u4e00-\u9fff]/.test(t.ja) || /^[\x20-\x7e]*$/.test(t.ja), `Japanese text: ${t.ja}`);
    for (const s of [t.en, t.ko, t.ja]) {
      assert.ok(!/dokdo|takeshima|독도|竹島|独島/i.test(s), `contested island name in "${s}"`);
      const korea = /Korea Strait|대한해협|朝鮮海峡/.test(s);
      const tsushima = /Tsushima Strait|쓰시마 해협|対馬海峡/.test(s);
      assert.equal(korea, tsushima, `strait name without the other name in "${s}"`);
      const east = /East Sea|동해|東海/.test(s);
      const japan = /Sea of Japan|일본해|日本海/.test(s);
      assert.equal(east, japan, `sea name without the other name in "${s}"`);
    }
  }
});

test('SRR regions: known ports fall in their nation, the hand-over text names both RCCs', () => {
  const cases: [number, number, 'KR' | 'JP'][] = [
    [129.09, 35.0, 'KR'], // off Busan
    [126.5, 33.1, 'KR'], // south of Jeju
    [130.9, 37.4, 'KR'], // near 37.5N 130.9E
    [129.4, 34.4, 'JP'], // east of 34.4N 129.3E
    [130.5, 33.9, 'JP'], // Genkai Sea
    [133.2, 36.2, 'JP'],
    [128.8, 32.6, 'JP'],
  ];
  for (const [lon, lat, n] of cases) assert.equal(srrNationAt(lon, lat), n, `${lon}, ${lat}`);
  assert.equal(srrNationAt(150, 10), undefined);
  const t = srrHandOverText('KR', 'JP', [129.5, 34.8]);
  assert.ok(t.en.includes('Korea Coast Guard') && t.en.includes('Japan Coast Guard'));
});

test('the location generator is seeded, stays in its sea area and only returns water', () => {
  // A fake land mask: everything north of 34.5°N is land.
  const land: LandMask = { name: 'test', isLand: (_lon, lat) => lat > 34.5 };
  const area = findSeaArea('korea-strait');
  const a = generateCasualtyPosition(area, land, createRng(9, 1));
  const b = generateCasualtyPosition(area, land, createRng(9, 1));
  assert.deepEqual(a, b);
  for (let s = 0; s < 50; s++) {
    const p = generateCasualtyPosition(area, land, createRng(s, 1), 3000);
    assert.ok(!land.isLand(p[0], p[1]) && p[1] < 34.5 - 0.02, `${p}`);
    assert.ok(p[0] >= area.bboxDeg[0] && p[0] <= area.bboxDeg[2] && p[1] >= area.bboxDeg[1]);
  }
  const allLand: LandMask = { name: 'all', isLand: () => true };
  assert.throws(() => generateCasualtyPosition(area, allLand, createRng(1, 1)), /no water position/);
});
