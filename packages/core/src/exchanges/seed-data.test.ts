import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geodesicInverse } from '../geo/index.ts';
import { SEED_AIRCRAFT_TYPES } from './aircraft-type.ts';
import { SEED_AIRFIELDS, seedAirfieldDatabase } from './seed-airfields.ts';
import { SEED_TEAMS } from './team.ts';

test('seed airfields validate, are unique and include the fields the teams use', () => {
  const db = seedAirfieldDatabase();
  assert.equal(db.all.length, SEED_AIRFIELDS.length);
  for (const icao of [
    'RKNW',
    'RKSM',
    'RKTN',
    'RKPK',
    'RKJJ',
    'RKPC',
    'RJST',
    'RJTY',
    'RJFN',
    'RJFF',
    'RJFK',
    'RJOI',
    'RJDC',
    'ROAH',
    'RODN',
  ]) {
    assert.ok(db.find(icao), icao);
  }
  for (const a of SEED_AIRFIELDS) {
    assert.ok(a.longestRunwayM > 1500 && a.longestRunwayM < 4100, `${a.icao} runway ${a.longestRunwayM}`);
    assert.ok(a.name.en !== '' && a.name.ko !== '' && a.name.ja !== '', a.icao);
    assert.ok(a.country === 'KR' ? a.icao.startsWith('RK') : /^R[JO]/.test(a.icao), `${a.icao} country prefix`);
  }
});

test('RKNW and ROAH use the reference points of issue 8, close to the OurAirports positions (150 m, 800 m)', () => {
  const db = seedAirfieldDatabase();
  assert.deepEqual(db.get('RKNW').position, [127.9604, 37.4381]);
  assert.deepEqual(db.get('ROAH').position, [127.6459, 26.1958]);
  assert.ok(geodesicInverse(db.get('RKNW').position, [127.960051, 37.437113]).distanceM < 150);
  assert.ok(geodesicInverse(db.get('ROAH').position, [127.639804, 26.192437]).distanceM < 800);
});

test('every aircraft figure carries a source and its kind; teams reference seeded types and bases', () => {
  for (const t of SEED_AIRCRAFT_TYPES) {
    for (const f of [
      t.cruiseTasMps,
      t.reserve.contingencyFraction,
      t.reserve.finalReserveS,
      t.minRunwayM,
      t.turnaroundS,
    ]) {
      assert.ok(f.source.length > 0 && (f.kind === 'input' || f.kind === 'published'));
    }
    for (const c of t.configurations) assert.equal(c.rangeM.kind, 'published');
  }
  const db = seedAirfieldDatabase();
  for (const team of SEED_TEAMS) {
    assert.ok(db.find(team.homeBaseIcao));
    for (const c of [...team.display, ...team.support]) {
      assert.ok(
        SEED_AIRCRAFT_TYPES.some((t) => t.id === c.typeId),
        c.typeId,
      );
    }
  }
});
