/**
 * Degrees and decimal minutes, the way positions are read out on a bridge or in a SAR message
 * (IAMSAR Vol II: "3445.0N 12903.0E"; here with symbols: 34°45.0′N). Parsing accepts the symbols or spaces,
 * an optional hemisphere letter (N/S/E/W) or a sign, and plain decimal degrees.
 */
import { TandemError } from '@tandem/core';

export type Axis = 'lat' | 'lon';

const PATTERN =
  /^\s*([+-])?\s*(\d{1,3}(?:\.\d+)?)\s*(?:°|\s|d|$)\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:['′m])?)?\s*([NSEWnsew])?\s*$/u;

/** Decimal degrees from a degrees-minutes text; throws TandemError naming `field` when it is not understood. */
export function parseDegreesMinutes(text: string, axis: Axis, field: string = axis): number {
  const m = PATTERN.exec(text);
  if (m === null) throw new TandemError('INVALID_INPUT', `"${text}" is not degrees-minutes such as 34°45.0′N`, field);
  const [, sign, degText, minText, hemiText] = m;
  const deg = Number(degText);
  const min = minText === undefined ? 0 : Number(minText);
  if (minText !== undefined && !Number.isInteger(deg)) {
    throw new TandemError('INVALID_INPUT', 'give whole degrees when minutes follow', field);
  }
  if (min >= 60) throw new TandemError('OUT_OF_RANGE', 'minutes must be below 60', field);
  const hemi = hemiText?.toUpperCase();
  if (hemi !== undefined && (axis === 'lat' ? !'NS'.includes(hemi) : !'EW'.includes(hemi))) {
    throw new TandemError(
      'INVALID_INPUT',
      `${hemi} is not a ${axis === 'lat' ? 'latitude (N/S)' : 'longitude (E/W)'} hemisphere`,
      field,
    );
  }
  if (hemi !== undefined && sign !== undefined)
    throw new TandemError('INVALID_INPUT', 'give a sign or a hemisphere, not both', field);
  const negative = sign === '-' || hemi === 'S' || hemi === 'W';
  const value = (deg + min / 60) * (negative ? -1 : 1);
  const limit = axis === 'lat' ? 90 : 180;
  if (!(Math.abs(value) <= limit)) throw new TandemError('OUT_OF_RANGE', `must be within ±${limit}°`, field);
  return value;
}

/** "34°45.000′N" with `decimals` decimals of a minute (rounding never shows 60′). */
export function formatDegreesMinutes(value: number, axis: Axis, decimals = 3): string {
  const hemi = axis === 'lat' ? (value < 0 ? 'S' : 'N') : value < 0 ? 'W' : 'E';
  const scale = 10 ** decimals;
  const totalMin = Math.round(Math.abs(value) * 60 * scale) / scale;
  const deg = Math.floor(totalMin / 60 + 1e-12);
  const min = totalMin - deg * 60;
  const degText = String(deg).padStart(axis === 'lat' ? 2 : 3, '0');
  const minText = Math.max(0, min)
    .toFixed(decimals)
    .padStart(decimals + 3, '0');
  return `${degText}°${minText}′${hemi}`;
}
