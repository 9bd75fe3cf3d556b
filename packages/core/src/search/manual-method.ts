/**
 * The IAMSAR manual method (`sar-method.md` §2): left and right leeway divergence datums from the manual leeway
 * table, total probable error, search radius and area, and the optimal search factor derived from optimal
 * search theory beside the safety factors of simple practice.
 * Sources: IMO/ICAO IAMSAR Manual Vol II (Doc 9731) ch. 4 and app. K, L, N; USCG Addendum to the US National SAR
 * Supplement; Australian NATSAR Manual app. J (fix errors, table J-1); Koopman 1980; Stone 1975.
 */
import { TandemError } from '../errors/index.ts';
import { geodesicDirect, geodesicInverse } from '../geo/index.ts';
import type { LonLat } from '../geo/index.ts';
import { knotsToMetersPerSecond, metersPerSecondToKnots, nauticalMilesToMeters } from '../units/index.ts';
import { erf, podFromCoverage } from './detection.ts';
import type { SensorModel } from './detection.ts';
import { MANUAL_LEEWAY_TABLE } from './leeway-manual-table.ts';
import type { ManualLeewayObject } from './leeway-manual-table.ts';

const DEG = Math.PI / 180;

/** Find a manual-table object by its description (case-insensitive). */
export function manualLeewayObject(description: string, field = 'searchObject'): ManualLeewayObject {
  const d = description.trim().toLowerCase();
  const o = MANUAL_LEEWAY_TABLE.find((m) => m.description.toLowerCase() === d);
  if (o === undefined)
    throw new TandemError('UNKNOWN_CATEGORY', `"${description}" is not in the manual leeway table`, field);
  return o;
}

/** Manual leeway speed, m/s: a · U10 + b in knots (converted at the edge), never negative. */
export function manualLeewaySpeedMps(o: ManualLeewayObject, windSpeedMps: number): number {
  const kt = o.rateKtPerKtWind * metersPerSecondToKnots(windSpeedMps) + o.offsetKt;
  return Math.max(0, knotsToMetersPerSecond(kt));
}

/** One interval of constant drift conditions. */
export interface DriftInterval {
  readonly durationS: number;
  /** Total water current (tidal + sea + wind current), toward east / north, m/s. */
  readonly currentEastMps: number;
  readonly currentNorthMps: number;
  /** 10 m wind: direction it blows from (degrees true) and speed (m/s). */
  readonly windFromDeg: number;
  readonly windSpeedMps: number;
}

export interface ManualDatumInput {
  /** Last known position. */
  readonly lkp: LonLat;
  readonly searchObject: ManualLeewayObject;
  readonly intervals: readonly DriftInterval[];
  /** X: the distressed craft's position error, metres (see `FIX_ERRORS`). */
  readonly positionErrorM: number;
  /** Y: the search craft's navigation error, metres. */
  readonly searchCraftErrorM: number;
  /** De as a fraction of the drift distance; 0.3 in simple practice (IAMSAR). */
  readonly driftErrorFraction?: number;
  /** Search factor f_s (R = f_s · E). Default: the practice value for a first search, 1.1. */
  readonly searchFactor?: number;
}

/** One divergence datum and its error circle. */
export interface Datum {
  readonly position: LonLat;
  /** Distance drifted from the LKP, metres. */
  readonly driftM: number;
  /** Drift error De, metres. */
  readonly driftErrorM: number;
  /** Total probable error E = √(X² + Y² + De²), metres. */
  readonly totalProbableErrorM: number;
  /** Search radius R = f_s · E, metres. */
  readonly searchRadiusM: number;
}

export interface ManualDatumResult {
  readonly left: Datum;
  readonly right: Datum;
  /** Midpoint of the left and right datums. */
  readonly mean: LonLat;
  /** Divergence distance between the left and right datums, metres. */
  readonly divergenceDistanceM: number;
  /**
   * `separate`: the two circles do not overlap (DD > R_left + R_right), two squares of side 2R;
   * `combined`: one rectangle enclosing both circles (threshold to confirm against IAMSAR Vol II fig. 4-x).
   */
  readonly areaKind: 'separate' | 'combined';
  /** Search area(s) as closed rings of [lon, lat]. */
  readonly areas: readonly (readonly LonLat[])[];
  /** Total search area, m². */
  readonly areaM2: number;
}

/**
 * Fix errors X by navigation means (NATSAR Manual table J-1): metres, and INS error growth per hour since the
 * last update.
 */
export const FIX_ERRORS = {
  source: 'Australian National SAR Manual app. J, table J-1',
  gpsM: nauticalMilesToMeters(0.1),
  radarM: nauticalMilesToMeters(1),
  visualFixM: nauticalMilesToMeters(1),
  celestialM: nauticalMilesToMeters(2),
  insPerHourM: nauticalMilesToMeters(0.5),
} as const;

/** Dead-reckoning error as a fraction of the DR distance by craft type (~5–15 %; to confirm, IAMSAR Vol II app. K). */
export const DEAD_RECKONING_ERROR_FRACTION = {
  source: 'IAMSAR Vol II app. K as quoted by training sources (to confirm)',
  ship: 0.05,
  multiEngineAircraft: 0.05,
  singleEngineAircraft: 0.1,
  smallCraft: 0.15,
} as const;

/** Safety factors of simple practice for successive searches 1..5 (US NSS older guidance; to confirm). */
export const PRACTICE_SEARCH_FACTORS: readonly number[] = [1.1, 1.6, 2.0, 2.3, 2.5];

function square(center: LonLat, halfSideM: number, axisDeg: number, halfLengthM = halfSideM): LonLat[] {
  const corners: [number, number][] = [
    [-halfLengthM, -halfSideM],
    [-halfLengthM, halfSideM],
    [halfLengthM, halfSideM],
    [halfLengthM, -halfSideM],
  ];
  const ring = corners.map(([a, b]) => {
    const e = a * Math.sin(axisDeg * DEG) + b * Math.cos(axisDeg * DEG);
    const n = a * Math.cos(axisDeg * DEG) - b * Math.sin(axisDeg * DEG);
    return geodesicDirect(center, (Math.atan2(e, n) / DEG + 360) % 360, Math.hypot(e, n));
  });
  ring.push(ring[0] as LonLat);
  return ring;
}

/** Left and right divergence datums, total probable error, search radius and area. */
export function manualDatum(input: ManualDatumInput): ManualDatumResult {
  if (input.intervals.length === 0)
    throw new TandemError('INVALID_INPUT', 'at least one drift interval is needed', 'intervals');
  let le = 0;
  let ln = 0;
  let re = 0;
  let rn = 0;
  input.intervals.forEach((iv, k) => {
    if (!(iv.durationS >= 0))
      throw new TandemError('INVALID_INPUT', 'duration must be ≥ 0 s', `intervals[${k}].durationS`);
    if (!(iv.windSpeedMps >= 0))
      throw new TandemError('INVALID_INPUT', 'wind speed must be ≥ 0', `intervals[${k}].windSpeedMps`);
    const downwind = iv.windFromDeg + 180;
    const v = manualLeewaySpeedMps(input.searchObject, iv.windSpeedMps);
    const div = input.searchObject.divergenceDeg;
    const l = (downwind - div) * DEG;
    const r = (downwind + div) * DEG;
    le += (iv.currentEastMps + v * Math.sin(l)) * iv.durationS;
    ln += (iv.currentNorthMps + v * Math.cos(l)) * iv.durationS;
    re += (iv.currentEastMps + v * Math.sin(r)) * iv.durationS;
    rn += (iv.currentNorthMps + v * Math.cos(r)) * iv.durationS;
  });
  const frac = input.driftErrorFraction ?? 0.3;
  const fs = input.searchFactor ?? (PRACTICE_SEARCH_FACTORS[0] as number);
  const datum = (e: number, n: number): Datum => {
    const driftM = Math.hypot(e, n);
    const position = driftM > 0 ? geodesicDirect(input.lkp, (Math.atan2(e, n) / DEG + 360) % 360, driftM) : input.lkp;
    const driftErrorM = frac * driftM;
    const E = Math.sqrt(input.positionErrorM ** 2 + input.searchCraftErrorM ** 2 + driftErrorM ** 2);
    return { position, driftM, driftErrorM, totalProbableErrorM: E, searchRadiusM: fs * E };
  };
  const left = datum(le, ln);
  const right = datum(re, rn);
  const inv = geodesicInverse(left.position, right.position);
  const dd = inv.distanceM;
  const mean = dd > 0 ? geodesicDirect(left.position, inv.initialBearingDeg, dd / 2) : left.position;
  const separate = dd > left.searchRadiusM + right.searchRadiusM;
  if (separate) {
    return {
      left,
      right,
      mean,
      divergenceDistanceM: dd,
      areaKind: 'separate',
      areas: [square(left.position, left.searchRadiusM, 0), square(right.position, right.searchRadiusM, 0)],
      areaM2: 4 * left.searchRadiusM ** 2 + 4 * right.searchRadiusM ** 2,
    };
  }
  const R = Math.max(left.searchRadiusM, right.searchRadiusM);
  return {
    left,
    right,
    mean,
    divergenceDistanceM: dd,
    areaKind: 'combined',
    areas: [square(mean, R, dd > 0 ? inv.initialBearingDeg : 0, R + dd / 2)],
    areaM2: 2 * R * (2 * R + dd),
  };
}

/** σ of the circular normal whose 50 % circle has radius E (E = σ √(2 ln 2)). */
export function sigmaFromProbableError(totalProbableErrorM: number): number {
  return totalProbableErrorM / Math.sqrt(2 * Math.LN2);
}

export interface SearchFactorResult {
  /** Search factor f_s: search radius R = f_s · E; the area is the square of side 2R. */
  readonly searchFactor: number;
  /** Coverage Z / (2R)² at that factor. */
  readonly coverage: number;
  /** POS of uniform coverage of the square. */
  readonly pos: number;
}

/** POS of uniform coverage of the square of side 2 f_s E around a circular-normal datum, for effort Zr E². */
export function squarePos(searchFactor: number, relativeEffort: number, model: SensorModel): number {
  const sigmaOverE = 1 / Math.sqrt(2 * Math.LN2);
  const poc = erf(searchFactor / (sigmaOverE * Math.SQRT2)) ** 2;
  return poc * podFromCoverage(model, relativeEffort / (4 * searchFactor * searchFactor));
}

/**
 * The optimal search factor for relative effort Zr = Z / E² (`sar-method.md` §2, derived from §4): the f_s that
 * maximises POS of uniform coverage of the square of side 2 f_s E, the target circular normal with 50 % radius E.
 * `inverse-cube` gives IAMSAR's "ideal search conditions" curve, `exponential` its "normal" curve.
 */
export function optimalSearchFactor(relativeEffort: number, model: SensorModel): SearchFactorResult {
  if (!(relativeEffort > 0)) throw new TandemError('INVALID_INPUT', 'relative effort must be > 0', 'relativeEffort');
  let lo = 0.05;
  let hi = 10;
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = squarePos(a, relativeEffort, model);
  let fb = squarePos(b, relativeEffort, model);
  for (let i = 0; i < 100; i++) {
    if (fa < fb) {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = squarePos(b, relativeEffort, model);
    } else {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = squarePos(a, relativeEffort, model);
    }
  }
  const fs = (lo + hi) / 2;
  return { searchFactor: fs, coverage: relativeEffort / (4 * fs * fs), pos: squarePos(fs, relativeEffort, model) };
}

/**
 * Stone's unconstrained optimum for the same target (exponential detection): a disc of radius R* with
 * R*² = 2σ √(z/π), POS* = 1 - (1 + H) e^{-H}, H = √(z / (π σ²)). Returned as the ratio R* : E and POS*.
 */
export function stoneOptimum(relativeEffort: number): { radiusFactor: number; pos: number } {
  const sigma = sigmaFromProbableError(1);
  const H = Math.sqrt(relativeEffort / (Math.PI * sigma * sigma));
  const r2 = 2 * sigma * Math.sqrt(relativeEffort / Math.PI);
  return { radiusFactor: Math.sqrt(r2), pos: 1 - (1 + H) * Math.exp(-H) };
}
