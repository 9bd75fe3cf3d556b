/**
 * CF time coordinates (CF Conventions 1.11 §4.4): `units = "<unit> since <reference date>"` and a
 * `calendar`. Values are converted to epoch seconds UTC. Supported calendars: standard/gregorian (mixed: a
 * reference date before the 1582-10-15 reform is read in the Julian calendar, later ones in the Gregorian;
 * elapsed time is real time either way), proleptic_gregorian, noleap/365_day, all_leap/366_day, 360_day and
 * julian.
 * For the non-standard model calendars a value is first turned into that calendar's date and time, which is
 * then read as a real UTC date (so 360_day's 30 February becomes 2 March, as CF's `cftime` to-real
 * conversions do for model output).
 */
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_MINUTE, TandemError } from '@tandem/core';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  second: 1,
  seconds: 1,
  sec: 1,
  secs: 1,
  s: 1,
  minute: SECONDS_PER_MINUTE,
  minutes: SECONDS_PER_MINUTE,
  min: SECONDS_PER_MINUTE,
  mins: SECONDS_PER_MINUTE,
  hour: SECONDS_PER_HOUR,
  hours: SECONDS_PER_HOUR,
  hr: SECONDS_PER_HOUR,
  hrs: SECONDS_PER_HOUR,
  h: SECONDS_PER_HOUR,
  day: SECONDS_PER_DAY,
  days: SECONDS_PER_DAY,
  d: SECONDS_PER_DAY,
};

export type CfCalendar = 'proleptic_gregorian' | 'noleap' | 'all_leap' | '360_day' | 'julian';

const CALENDARS: Readonly<Record<string, CfCalendar>> = {
  standard: 'proleptic_gregorian',
  gregorian: 'proleptic_gregorian',
  proleptic_gregorian: 'proleptic_gregorian',
  noleap: 'noleap',
  '365_day': 'noleap',
  all_leap: 'all_leap',
  '366_day': 'all_leap',
  '360_day': '360_day',
  julian: 'julian',
};

/** A parsed CF time unit: value × `unitSeconds` after `reference` (a date in `calendar`). */
export interface CfTimeUnits {
  readonly unitSeconds: number;
  readonly calendar: CfCalendar;
  readonly reference: {
    readonly year: number;
    readonly month: number;
    readonly day: number;
    /** Seconds into the reference day, UTC (time-zone offset applied). */
    readonly secondOfDay: number;
  };
}

const MONTH_DAYS_NOLEAP = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function parseCfTimeUnits(units: string, calendar: string | undefined, field: string): CfTimeUnits {
  const m =
    /^\s*([a-zA-Z]+)\s+since\s+(-?\d{1,4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}(?:\.\d*)?))?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?\s*$/i.exec(
      units,
    );
  if (m === null) {
    throw new TandemError('UNSUPPORTED_FILE', `time units "${units}" are not "<unit> since <date>"`, field);
  }
  const unitSeconds = UNIT_SECONDS[m[1]!.toLowerCase()];
  if (unitSeconds === undefined) {
    throw new TandemError('UNSUPPORTED_FILE', `time unit "${m[1]}" is not seconds, minutes, hours or days`, field);
  }
  const calName = (calendar ?? 'standard').trim().toLowerCase();
  const cal = CALENDARS[calName];
  if (cal === undefined) throw new TandemError('UNSUPPORTED_FILE', `calendar "${calendar}" is not supported`, field);
  const year = Number(m[2]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  const hh = Number(m[5] ?? 0);
  const mm = Number(m[6] ?? 0);
  const ss = Number(m[7] ?? 0);
  let tz = 0;
  const zone = m[8];
  if (zone !== undefined && /^[+-]/.test(zone)) {
    const z = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
    tz = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * SECONDS_PER_HOUR + Number(z[3] ?? 0) * SECONDS_PER_MINUTE);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hh > 24 || mm > 59 || ss >= 61) {
    throw new TandemError('UNSUPPORTED_FILE', `time reference date in "${units}" is not a valid date`, field);
  }
  // The mixed Julian/Gregorian "standard" calendar: a reference date before the 1582-10-15 reform is a
  // Julian-calendar date (as in udunits and cftime; NCEP reanalysis uses "hours since 1-1-1 00:00:0.0").
  const beforeReform = year < 1582 || (year === 1582 && (month < 10 || (month === 10 && day < 15)));
  const mixedJulian = calName !== 'proleptic_gregorian' && cal === 'proleptic_gregorian' && beforeReform;
  return {
    unitSeconds,
    calendar: mixedJulian ? 'julian' : cal,
    reference: { year, month, day, secondOfDay: hh * SECONDS_PER_HOUR + mm * SECONDS_PER_MINUTE + ss - tz },
  };
}

/** Days from 1970-01-01 of a proleptic Gregorian date (Date.UTC handles years 0–9999 via setUTCFullYear). */
function gregorianDays(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / 1000 / SECONDS_PER_DAY;
}

/** Julian-calendar date → Julian day number (Meeus, Astronomical Algorithms, ch. 7), then to days from 1970. */
function julianCalendarDays(year: number, month: number, day: number): number {
  let y = year;
  let m = month;
  if (m <= 2) {
    y -= 1;
    m += 12;
  }
  const jd = Math.floor(365.25 * (y + 4716)) + Math.floor(30.6001 * (m + 1)) + day - 1524.5;
  return jd - 2440587.5;
}

function calendarDayOfModel(cal: '360_day' | 'noleap' | 'all_leap', year: number, month: number, day: number): number {
  if (cal === '360_day') return year * 360 + (month - 1) * 30 + (day - 1);
  const len = cal === 'noleap' ? 365 : 366;
  let doy = day - 1;
  for (let k = 0; k < month - 1; k++) doy += MONTH_DAYS_NOLEAP[k]! + (cal === 'all_leap' && k === 1 ? 1 : 0);
  return year * len + doy;
}

function modelDayToDate(cal: '360_day' | 'noleap' | 'all_leap', dayNumber: number): [number, number, number] {
  if (cal === '360_day') {
    const year = Math.floor(dayNumber / 360);
    const r = dayNumber - year * 360;
    return [year, Math.floor(r / 30) + 1, (r % 30) + 1];
  }
  const len = cal === 'noleap' ? 365 : 366;
  const year = Math.floor(dayNumber / len);
  let r = dayNumber - year * len;
  let month = 0;
  for (;;) {
    const ml = MONTH_DAYS_NOLEAP[month]! + (cal === 'all_leap' && month === 1 ? 1 : 0);
    if (r < ml || month === 11) break;
    r -= ml;
    month++;
  }
  return [year, month + 1, r + 1];
}

/** Converts CF time values to epoch seconds UTC. */
export function cfTimesToEpochSeconds(values: ArrayLike<number>, units: CfTimeUnits): Float64Array {
  const out = new Float64Array(values.length);
  const { year, month, day, secondOfDay } = units.reference;
  const cal = units.calendar;
  if (cal === 'proleptic_gregorian' || cal === 'julian') {
    const refDays = cal === 'julian' ? julianCalendarDays(year, month, day) : gregorianDays(year, month, day);
    const base = refDays * SECONDS_PER_DAY + secondOfDay;
    for (let k = 0; k < values.length; k++) out[k] = base + values[k]! * units.unitSeconds;
    return out;
  }
  const refDay = calendarDayOfModel(cal, year, month, day);
  for (let k = 0; k < values.length; k++) {
    const s = secondOfDay + values[k]! * units.unitSeconds;
    const dayOffset = Math.floor(s / SECONDS_PER_DAY);
    const [y, mo, d] = modelDayToDate(cal, refDay + dayOffset);
    out[k] = gregorianDays(y, mo, d) * SECONDS_PER_DAY + (s - dayOffset * SECONDS_PER_DAY);
  }
  return out;
}
