/**
 * The forcing port. Physics asks for vector fields by name; sources (constant, time series, gridded files,
 * composites) supply them. Modelled on OpenDrift's split of models and readers, with CF standard names as the
 * vocabulary: `wind` is (`x_wind`, `y_wind`) at 10 m, `current` is (`x_sea_water_velocity`,
 * `y_sea_water_velocity`) at the surface. Values are always returned as east/north components in m/s (sources
 * rotate grid-relative vectors). Wind components give the direction the wind blows *toward*.
 *
 * Sampling is batched over struct-of-arrays particle positions and never allocates: the caller owns the
 * output arrays. Where a source has no data for a point it writes NaN and a `SampleStatus` reason; it never
 * writes a silent zero.
 */
import type { EpochSeconds } from '../units/index.ts';

export type VectorField = 'wind' | 'current';

/** CF standard names of each vector field's components (east/north after rotation). */
export const VECTOR_FIELD_STANDARD_NAMES: Readonly<Record<VectorField, readonly [string, string]>> = {
  wind: ['x_wind', 'y_wind'],
  current: ['x_sea_water_velocity', 'y_sea_water_velocity'],
};

/** Why a point got no value. Stored per particle as a Uint8. */
export const SampleStatus = {
  Ok: 0,
  /** The position is outside the source's horizontal coverage. */
  OutsideSpace: 1,
  /** The time is outside the source's time coverage. */
  OutsideTime: 2,
  /** Inside the coverage but the value is missing (fill value, masked land not filled). */
  Missing: 3,
  /** The source does not provide this field. */
  NoField: 4,
} as const;
export type SampleStatus = (typeof SampleStatus)[keyof typeof SampleStatus];

export const SAMPLE_STATUS_NAMES: Readonly<Record<SampleStatus, string>> = {
  0: 'ok',
  1: 'outside the source area',
  2: 'outside the source time range',
  3: 'missing value (fill or land)',
  4: 'field not provided',
};

/** Horizontal and time coverage of a source; `null` bounds mean unbounded (constant sources). */
export interface SourceCoverage {
  /** [west, south, east, north] in degrees, or null when the source covers the whole Earth. */
  readonly bboxDeg: readonly [number, number, number, number] | null;
  /** [start, end] in epoch seconds UTC, or null when the source is valid at all times. */
  readonly timeRange: readonly [EpochSeconds, EpochSeconds] | null;
}

/** Points to sample: indices [start, end) of struct-of-arrays positions. */
export interface SampleRequest {
  readonly timeS: EpochSeconds | number;
  readonly lonDeg: Float64Array;
  readonly latDeg: Float64Array;
  readonly start: number;
  readonly end: number;
  /** When given, points whose mask value is 0 are skipped (outputs untouched). */
  readonly activeMask?: Uint8Array;
}

/** Caller-owned outputs, indexed like the request's positions. */
export interface SampleOutput {
  readonly eastMps: Float64Array;
  readonly northMps: Float64Array;
  readonly status: Uint8Array;
}

export interface EnvironmentSource {
  /** Short human name, shown in run reports ("constant wind 10 m/s toward 090", "Arctic20 ROMS"). */
  readonly name: string;
  readonly fields: readonly VectorField[];
  readonly coverage: SourceCoverage;
  /**
   * Sample `field` at the request's points and time: bilinear in space, linear in time for gridded sources.
   * Writes east/north m/s and a status per point; NaN with a non-Ok status where there is no data.
   */
  sample(field: VectorField, request: SampleRequest, out: SampleOutput): void;
}
