/**
 * CF packed-data and missing-data decoding (CF Conventions 1.11 §8.1 and §2.5.1) and velocity units.
 * A stored value is missing when it equals `_FillValue` or a `missing_value`, or falls outside `valid_min`,
 * `valid_max` or `valid_range` (all compared in the stored, packed type); otherwise the value is
 * `stored × scale_factor + add_offset` and then converted to m/s.
 */
import { METERS_PER_SECOND_PER_KNOT, SECONDS_PER_HOUR, TandemError } from '@tandem/core';
import type { NcVariable } from './netcdf-file.ts';
import { attributeNumber, attributeNumbers } from './netcdf-file.ts';

/** Default fill values of the NetCDF-C library, used when a variable declares none (NetCDF User Guide). */
const DEFAULT_FILL: Readonly<Record<string, number>> = {
  byte: -127,
  short: -32767,
  int: -2147483647,
  float: 9.969209968386869e36,
  double: 9.969209968386869e36,
};

const METERS_PER_KILOMETER = 1000;
const METERS_PER_CENTIMETER = 0.01;

/**
 * Velocity unit strings (UDUNITS spellings seen in model output) → factor to m/s. Knots use the exact
 * 1852/3600 from core/units.
 */
const VELOCITY_UNITS: Readonly<Record<string, number>> = {
  'm/s': 1,
  'm s-1': 1,
  'm s**-1': 1,
  'm.s-1': 1,
  'm s^-1': 1,
  'meter second-1': 1,
  'meters second-1': 1,
  'meter/second': 1,
  'meters/second': 1,
  'meters per second': 1,
  'metre/second': 1,
  'metres/second': 1,
  mps: 1,
  'cm/s': METERS_PER_CENTIMETER,
  'cm s-1': METERS_PER_CENTIMETER,
  'centimeter/second': METERS_PER_CENTIMETER,
  'centimeters/second': METERS_PER_CENTIMETER,
  'centimeter second-1': METERS_PER_CENTIMETER,
  'centimeters second-1': METERS_PER_CENTIMETER,
  knot: METERS_PER_SECOND_PER_KNOT,
  knots: METERS_PER_SECOND_PER_KNOT,
  kt: METERS_PER_SECOND_PER_KNOT,
  kts: METERS_PER_SECOND_PER_KNOT,
  kn: METERS_PER_SECOND_PER_KNOT,
  'km/h': METERS_PER_KILOMETER / SECONDS_PER_HOUR,
  'km h-1': METERS_PER_KILOMETER / SECONDS_PER_HOUR,
  kmh: METERS_PER_KILOMETER / SECONDS_PER_HOUR,
  kph: METERS_PER_KILOMETER / SECONDS_PER_HOUR,
};

/** Factor from a velocity `units` attribute to m/s; a missing attribute is refused, never assumed. */
export function velocityUnitFactor(units: string | undefined, field: string): number {
  if (units === undefined || units.trim() === '') {
    throw new TandemError(
      'UNSUPPORTED_FILE',
      'velocity variable has no units attribute (expected m/s, cm/s, knots or km/h)',
      field,
    );
  }
  const key = units.trim().toLowerCase().replace(/\s+/g, ' ');
  const f = VELOCITY_UNITS[key];
  if (f === undefined) {
    throw new TandemError('UNSUPPORTED_FILE', `velocity units "${units}" are not m/s, cm/s, knots or km/h`, field);
  }
  return f;
}

/** Factor from a length `units` attribute (projection coordinates) to metres. */
export function lengthUnitFactor(units: string | undefined, field: string): number {
  const key = (units ?? 'm').trim().toLowerCase();
  if (['m', 'meter', 'meters', 'metre', 'metres', '1'].includes(key) || key === '') return 1;
  if (['km', 'kilometer', 'kilometers', 'kilometre', 'kilometres'].includes(key)) return METERS_PER_KILOMETER;
  if (['100 km', '100km'].includes(key)) return 100 * METERS_PER_KILOMETER;
  throw new TandemError('UNSUPPORTED_FILE', `projection coordinate units "${units}" are not m or km`, field);
}

/** How to turn stored values of one variable into physical values. */
export interface ValueDecoder {
  readonly scale: number;
  readonly offset: number;
  /** Stored values that mean "missing". */
  readonly missing: readonly number[];
  readonly validMin: number;
  readonly validMax: number;
}

export function valueDecoder(v: NcVariable): ValueDecoder {
  const a = v.attributes;
  const scale = attributeNumber(a['scale_factor']) ?? 1;
  const offset = attributeNumber(a['add_offset']) ?? 0;
  const missing: number[] = [];
  const fill = attributeNumber(a['_FillValue']);
  if (fill !== undefined) missing.push(fill);
  else if (DEFAULT_FILL[v.type] !== undefined) missing.push(DEFAULT_FILL[v.type]!);
  for (const m of attributeNumbers(a['missing_value']) ?? []) missing.push(m);
  const range = attributeNumbers(a['valid_range']);
  const validMin = attributeNumber(a['valid_min']) ?? range?.[0] ?? -Infinity;
  const validMax = attributeNumber(a['valid_max']) ?? range?.[1] ?? Infinity;
  if (!Number.isFinite(scale) || !Number.isFinite(offset)) {
    throw new TandemError('UNSUPPORTED_FILE', 'scale_factor or add_offset is not a finite number', v.name);
  }
  return { scale, offset, missing, validMin, validMax };
}

/** Float32 rounding of fill values stored as float (9.96921e36 in a float variable). */
function sameStored(a: number, b: number): boolean {
  return a === b || Math.fround(a) === Math.fround(b);
}

/** Decodes stored values in place-free fashion into `out` (NaN where missing), times `unitFactor`. */
export function decodeValues(raw: Float64Array, d: ValueDecoder, unitFactor: number, out: Float32Array): void {
  const { scale, offset, missing, validMin, validMax } = d;
  const m0 = missing[0];
  const nm = missing.length;
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k]!;
    let bad = !(r === r) || r < validMin || r > validMax;
    if (!bad && nm > 0) {
      if (sameStored(r, m0!)) bad = true;
      else for (let q = 1; q < nm; q++) if (sameStored(r, missing[q]!)) bad = true;
    }
    out[k] = bad ? NaN : (r * scale + offset) * unitFactor;
  }
}

/** Decodes a coordinate variable (no unit conversion), NaN where missing. */
export function decodeCoordinate(raw: Float64Array, v: NcVariable): Float64Array {
  const d = valueDecoder(v);
  const f32 = new Float32Array(raw.length);
  const out = new Float64Array(raw.length);
  if (d.scale === 1 && d.offset === 0 && attributeNumber(v.attributes['_FillValue']) === undefined) {
    out.set(raw);
    return out;
  }
  decodeValues(raw, d, 1, f32);
  for (let k = 0; k < raw.length; k++) out[k] = raw[k]! * d.scale + d.offset;
  for (let k = 0; k < raw.length; k++) if (Number.isNaN(f32[k]!)) out[k] = NaN;
  return out;
}
