import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nauticalMilesToMeters } from '../units/index.ts';
import { SEARCH_BASES, SEARCH_UNIT_TYPES, findSearchUnitType } from './search-unit-catalogue.ts';
import { sweepWidth } from './sweep-width.ts';

test('catalogue: both nations have ships, helicopters and patrol aircraft, each with figures and a source', () => {
  const ids = new Set<string>();
  for (const t of SEARCH_UNIT_TYPES) {
    assert.ok(!ids.has(t.id), `duplicate ${t.id}`);
    ids.add(t.id);
    assert.ok(t.source.length > 10, `${t.id} source`);
    for (const v of [t.searchSpeedMps, t.transitSpeedMps, t.enduranceS, t.searchHeightM]) assert.ok(v > 0, t.id);
    assert.ok(t.transitSpeedMps >= t.searchSpeedMps, `${t.id} transit ≥ search speed`);
    assert.equal(findSearchUnitType(t.id), t);
    // Every type has a usable sweep width for a 4-person raft in 10 NM visibility.
    const w = sweepWidth({
      platform: t.platform,
      heightM: t.searchHeightM,
      searchObject: 'Raft 4 person',
      visibilityM: nauticalMilesToMeters(10),
      speedMps: t.searchSpeedMps,
    });
    assert.ok(w.sweepWidthM > 0, `${t.id} sweep width`);
  }
  for (const nation of ['KR', 'JP'] as const) {
    for (const platform of ['boat', 'helicopter', 'aircraft'] as const) {
      assert.ok(
        SEARCH_UNIT_TYPES.some((t) => t.nation === nation && t.platform === platform),
        `${nation} ${platform}`,
      );
    }
    assert.ok(SEARCH_BASES.some((b) => b.nation === nation && b.kind === 'port'));
    assert.ok(SEARCH_BASES.some((b) => b.nation === nation && b.kind === 'air-base'));
  }
  for (const b of SEARCH_BASES) assert.ok(b.lonDeg > 120 && b.lonDeg < 146 && b.latDeg > 24 && b.latDeg < 46, b.id);
});
