import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUtcTime, SECONDS_PER_DAY } from '../units/index.ts';
import type { Clearance, ClearanceLeg } from './clearance.ts';
import { checkClearances, clearanceFromJson, requiredClearances } from './clearance.ts';
import { seedAirfieldDatabase } from './seed-airfields.ts';

const db = seedAirfieldDatabase();
const dep = parseUtcTime('2026-01-28T01:00:00Z');
const leg: ClearanceLeg = { fromIcao: 'RKNW', toIcao: 'ROAH', departureUtc: dep, arrivalUtc: dep + 5400 };
const approved: Clearance = {
  id: 'c1',
  country: 'JP',
  kind: 'landing',
  fromIcao: 'RKNW',
  toIcao: 'ROAH',
  status: 'approved',
  requestedUtc: dep - 45 * SECONDS_PER_DAY,
  approvedUtc: dep - 20 * SECONDS_PER_DAY,
  reference: 'MOFA-2026-0117',
  validFromUtc: dep - SECONDS_PER_DAY,
  validToUtc: dep + 3 * SECONDS_PER_DAY,
};

test('a Korean team landing in Japan needs a Japanese landing clearance; a domestic leg needs none', () => {
  assert.deepEqual(requiredClearances(leg, db, 'KR'), [{ country: 'JP', kind: 'landing' }]);
  assert.deepEqual(requiredClearances({ ...leg, fromIcao: 'RKNW', toIcao: 'RKPK' }, db, 'KR'), []);
  assert.deepEqual(
    requiredClearances({ ...leg, fromIcao: 'RKPK', toIcao: 'RKPC', overflownCountries: ['JP'] }, db, 'KR'),
    [{ country: 'JP', kind: 'overflight' }],
  );
  assert.deepEqual(requiredClearances({ ...leg, fromIcao: 'ROAH', toIcao: 'RKPK' }, db, 'KR'), [
    { country: 'JP', kind: 'overflight' },
  ]);
});

test('warnings appear for legs that lack an approved clearance', () => {
  const missing = checkClearances([leg], [], db, 'KR', dep - 60 * SECONDS_PER_DAY);
  assert.deepEqual(
    missing.map((w) => w.code),
    ['MISSING'],
  );
  assert.equal(missing[0]!.requestByUtc, dep - 30 * SECONDS_PER_DAY);
  assert.match(missing[0]!.message.ko, /허가/);
  const overdue = checkClearances([leg], [], db, 'KR', dep - 10 * SECONDS_PER_DAY);
  assert.deepEqual(
    overdue.map((w) => w.code),
    ['MISSING', 'REQUEST_DUE'],
  );
  const pending = checkClearances([leg], [{ ...approved, status: 'requested' }], db, 'KR', dep - 40 * SECONDS_PER_DAY);
  assert.deepEqual(
    pending.map((w) => w.code),
    ['NOT_APPROVED'],
  );
  const denied = checkClearances([leg], [{ ...approved, status: 'denied' }], db, 'KR', dep);
  assert.deepEqual(
    denied.map((w) => w.code),
    ['DENIED'],
  );
});

test('an approved clearance valid at the flight time clears the leg; outside its validity it does not', () => {
  assert.deepEqual(checkClearances([leg], [approved], db, 'KR', dep), []);
  const expired = checkClearances([leg], [{ ...approved, validToUtc: dep - 1 }], db, 'KR', dep);
  assert.deepEqual(
    expired.map((w) => w.code),
    ['NOT_VALID_AT_FLIGHT_TIME'],
  );
  const late = checkClearances([leg], [{ ...approved, requestedUtc: dep - 5 * SECONDS_PER_DAY }], db, 'KR', dep);
  assert.deepEqual(
    late.map((w) => w.code),
    ['REQUESTED_LATE'],
  );
});

test('lead times are a per-country rule', () => {
  const rules = [{ country: 'JP', kind: 'landing' as const, leadTimeDays: 7, source: 'test' }];
  const w = checkClearances([leg], [{ ...approved, requestedUtc: dep - 10 * SECONDS_PER_DAY }], db, 'KR', dep, rules);
  assert.deepEqual(w, []);
});

test('a clearance for another leg does not count', () => {
  const other = { ...approved, fromIcao: 'RKPK' };
  assert.deepEqual(
    checkClearances([leg], [other], db, 'KR', dep - 60 * SECONDS_PER_DAY).map((w) => w.code),
    ['MISSING'],
  );
});

test('clearances from JSON are validated field by field', () => {
  const c = clearanceFromJson({
    id: 'c1',
    country: 'jp',
    kind: 'landing',
    from: 'rknw',
    to: 'ROAH',
    status: 'approved',
    requested: '2025-12-01T00:00:00Z',
    reference: 'MOFA-1',
    validFrom: '2026-01-27T00:00:00Z',
    validTo: '2026-01-31T00:00:00Z',
  });
  assert.deepEqual(checkClearances([leg], [c], db, 'KR', dep), []);
  assert.throws(() => clearanceFromJson({ ...c, kind: 'parking' }, 'clearances[3]'), { field: 'clearances[3].kind' });
  assert.throws(
    () =>
      clearanceFromJson({
        id: 'x',
        country: 'JP',
        kind: 'landing',
        from: 'RKNW',
        to: 'ROAH',
        status: 'approved',
        validTo: 'soon',
      }),
    { code: 'INVALID_INPUT', field: 'clearance.validTo' },
  );
  assert.throws(() => clearanceFromJson([]), { field: 'clearance' });
});
