/**
 * Corrected sweep width W = W0 · fw · fv · ff (`sar-method.md` §3; IAMSAR Vol II ch. 4 and app. N; USCG
 * Addendum to the US National SAR Supplement). W0 from the tables in `sweep-width-table.ts`, interpolated
 * linearly in visibility and in height between the tabulated heights (clamped at the table's ends); fw from
 * the weather family of the object; fv from the speed-modifier tables (aircraft and helicopters; ships 1);
 * ff = 0.9 for a fatigued crew.
 */
import { TandemError } from '../errors/index.ts';
import { metersToFeet, metersToNauticalMiles, metersPerSecondToKnots, nauticalMilesToMeters } from '../units/index.ts';
import type { Meters } from '../units/index.ts';
import { SPEED_MODIFIER_TABLES, SWEEP_WIDTH_TABLES, WEATHER_CORRECTION_TYPES } from './sweep-width-table.ts';
import type { SearchPlatform } from './sweep-width-table.ts';

export interface SweepWidthQuery {
  readonly platform: SearchPlatform;
  /** Observer eye height (boats) or search altitude (aircraft, helicopters), metres. */
  readonly heightM: number;
  /** Search object, a row name of the tables (e.g. "Raft 4 person", "Person in Water"). */
  readonly searchObject: string;
  /** Meteorological visibility, metres. */
  readonly visibilityM: number;
  /** Wind speed on scene, m/s (weather correction). Default 0. */
  readonly windSpeedMps?: number;
  /** Sea height on scene, metres (weather correction). Default 0. */
  readonly seaHeightM?: number;
  /** Search speed, m/s (speed correction for aircraft and helicopters). Default: the table's 1.0 column. */
  readonly speedMps?: number;
  /** Fatigued crew (ff = 0.9). Default false. */
  readonly fatigued?: boolean;
}

export interface SweepWidth {
  /** Corrected sweep width, metres. */
  readonly sweepWidthM: Meters;
  /** Uncorrected W0, metres. */
  readonly uncorrectedM: Meters;
  readonly weatherFactor: number;
  readonly speedFactor: number;
  readonly fatigueFactor: number;
}

/** Fatigue correction ff (IAMSAR Vol II ch. 4). */
export const FATIGUE_FACTOR = 0.9;

/**
 * Weather correction fw: winds 0–15 kt and seas 0–1 m → 1; winds 15–25 kt or seas 1–1.5 m → 0.5 (small objects) /
 * 0.9 (large); stronger → 0.25 / 0.9 (IAMSAR table as coded in public SAR tools, `data/sweep-width/README.md`).
 */
export function weatherFactor(family: 'small' | 'large', windSpeedMps: number, seaHeightM: number): number {
  const windKt = metersPerSecondToKnots(windSpeedMps);
  if (windKt > 25 || seaHeightM > 1.5) return family === 'small' ? 0.25 : 0.9;
  if (windKt > 15 || seaHeightM > 1) return family === 'small' ? 0.5 : 0.9;
  return 1;
}

function interp(xs: readonly number[], ys: readonly number[], x: number): number {
  if (x <= (xs[0] as number)) return ys[0] as number;
  for (let i = 1; i < xs.length; i++) {
    const x1 = xs[i] as number;
    if (x <= x1) {
      const x0 = xs[i - 1] as number;
      const f = (x - x0) / (x1 - x0);
      return (ys[i - 1] as number) + f * ((ys[i] as number) - (ys[i - 1] as number));
    }
  }
  return ys[ys.length - 1] as number;
}

/** Search-object names the sweep-width tables know. */
export function sweepWidthObjects(): string[] {
  return Object.keys(WEATHER_CORRECTION_TYPES);
}

/**
 * The table's own name of a search object, matched without regard to case, spacing or "<=" / ">=" written for
 * "≤" / "≥"; undefined when no row matches.
 */
export function sweepWidthObjectName(name: string): string | undefined {
  const norm = (s: string): string =>
    s
      .toLowerCase()
      .replace(/<=/g, '≤')
      .replace(/>=/g, '≥')
      .replace(/\s+/g, ' ')
      .replace(/ ?([≤≥]) ?/g, '$1')
      .trim();
  const n = norm(name);
  return sweepWidthObjects().find((o) => norm(o) === n);
}

/** The corrected sweep width of a platform for an object in given conditions. */
export function sweepWidth(query: SweepWidthQuery, field = 'sweepWidth'): SweepWidth {
  const q = { ...query, searchObject: sweepWidthObjectName(query.searchObject) ?? query.searchObject };
  const family = WEATHER_CORRECTION_TYPES[q.searchObject];
  if (family === undefined) {
    throw new TandemError(
      'UNKNOWN_CATEGORY',
      `unknown search object "${q.searchObject}"; known: ${sweepWidthObjects().join(', ')}`,
      `${field}.searchObject`,
    );
  }
  if (!(q.visibilityM > 0))
    throw new TandemError('INVALID_INPUT', `must be > 0 m, got ${q.visibilityM}`, `${field}.visibilityM`);
  if (!(q.heightM >= 0)) throw new TandemError('INVALID_INPUT', `must be ≥ 0 m, got ${q.heightM}`, `${field}.heightM`);
  const tables = SWEEP_WIDTH_TABLES.filter((t) => t.platform === q.platform).sort((a, b) => a.heightFt - b.heightFt);
  if (tables.length === 0)
    throw new TandemError('INVALID_INPUT', `unknown platform "${q.platform}"`, `${field}.platform`);
  const visNm = metersToNauticalMiles(q.visibilityM);
  const heights = tables.map((t) => t.heightFt);
  const atHeight = tables.map((t) => {
    const row = t.widthsNm[q.searchObject];
    if (row === undefined)
      throw new TandemError('UNKNOWN_CATEGORY', `no sweep width for "${q.searchObject}"`, `${field}.searchObject`);
    return interp(t.visibilityNm, row, visNm);
  });
  const w0Nm = interp(heights, atHeight, metersToFeet(q.heightM));
  const fw = weatherFactor(family, q.windSpeedMps ?? 0, q.seaHeightM ?? 0);
  let fv = 1;
  if (q.platform !== 'boat' && q.speedMps !== undefined) {
    const t = SPEED_MODIFIER_TABLES.find((s) => s.platform === q.platform);
    const row = t?.factors[q.searchObject];
    if (t !== undefined && row !== undefined) fv = interp(t.speedKt, row, metersPerSecondToKnots(q.speedMps));
  }
  const ff = q.fatigued === true ? FATIGUE_FACTOR : 1;
  const uncorrectedM = nauticalMilesToMeters(w0Nm);
  return {
    sweepWidthM: (uncorrectedM * fw * fv * ff) as Meters,
    uncorrectedM,
    weatherFactor: fw,
    speedFactor: fv,
    fatigueFactor: ff,
  };
}
