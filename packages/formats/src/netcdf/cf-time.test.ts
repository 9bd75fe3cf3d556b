import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatUtcTime, isTandemError } from '@tandem/core';
import { cfTimesToEpochSeconds, parseCfTimeUnits } from './cf-time.ts';

const iso = (units: string, calendar: string | undefined, v: number): string =>
  formatUtcTime(cfTimesToEpochSeconds([v], parseCfTimeUnits(units, calendar, 'time'))[0]!);

test('standard calendars and unit spellings', () => {
  assert.equal(iso('seconds since 1970-01-01 00:00:00 +00:00', undefined, 1452729600), '2016-01-14T00:00:00Z');
  // grib_to_netcdf's time axis for dataDate 20260115 dataTime 0600 (checked with grib_ls).
  assert.equal(iso('hours since 1900-01-01 00:00:00.0', 'gregorian', 1104846), '2026-01-15T06:00:00Z');
  assert.equal(iso('days since 2016-02-01T12:00:00Z', 'proleptic_gregorian', 1.5), '2016-02-03T00:00:00Z');
  assert.equal(iso('minutes since 2016-1-1', 'standard', 90), '2016-01-01T01:30:00Z');
  assert.equal(iso('seconds since 1970-01-01 00:00:00 +01:00', undefined, 0), '1969-12-31T23:00:00Z');
  assert.equal(iso('hours since 2000-01-01 00:00:00 -0530', undefined, 0), '2000-01-01T05:30:00Z');
});

test('model calendars: noleap, all_leap, 360_day, julian', () => {
  // noleap: day 59 after 1 January is 1 March in every year.
  assert.equal(iso('days since 2000-01-01', 'noleap', 59), '2000-03-01T00:00:00Z');
  assert.equal(iso('days since 2000-01-01', '365_day', 365), '2001-01-01T00:00:00Z');
  // all_leap: day 59 is 29 February.
  assert.equal(iso('days since 2001-01-01', 'all_leap', 59), '2001-03-01T00:00:00Z');
  assert.equal(iso('days since 2000-01-01', '366_day', 31 + 28), '2000-02-29T00:00:00Z');
  // 360_day: 30-day months; day 59 is 30 February, read as 1 March 2000 (2000 is a leap year).
  assert.equal(iso('days since 2000-01-01', '360_day', 59), '2000-03-01T00:00:00Z');
  assert.equal(iso('days since 2000-01-01', '360_day', 360), '2001-01-01T00:00:00Z');
  // Julian calendar: 5 October 1582 (Julian) was 15 October 1582 (Gregorian), the day of the reform.
  assert.equal(iso('days since 1582-10-05', 'julian', 0), '1582-10-15T00:00:00Z');
  assert.equal(iso('days since 2000-01-01', 'julian', 0), '2000-01-14T00:00:00Z');
  // Mixed standard calendar: NCEP/NCAR reanalysis stores 1948-01-01 00Z as 17067072 hours since 1-1-1.
  assert.equal(iso('hours since 1-1-1 00:00:0.0', 'standard', 17067072), '1948-01-01T00:00:00Z');
  assert.equal(iso('hours since 1-1-1 00:00:0.0', undefined, 17067072), '1948-01-01T00:00:00Z');
});

test('bad time units are clear errors', () => {
  for (const [u, c] of [
    ['fortnights since 2000-01-01', undefined],
    ['days after 2000-01-01', undefined],
    ['days since 2000-13-01', undefined],
    ['days since 2000-01-01', 'mayan'],
  ] as const) {
    assert.throws(
      () => parseCfTimeUnits(u, c, 'f.nc:time'),
      (e: unknown) => isTandemError(e) && e.code === 'UNSUPPORTED_FILE' && e.message.startsWith('f.nc:time'),
      `${u} ${c}`,
    );
  }
});
