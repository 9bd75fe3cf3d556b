/**
 * The output of a drift run, struct-of-arrays: positions and status of `count` particles at each of
 * `timesS.length` output times. Element [k * count + i] is particle i at output time k.
 * Writers (GeoJSON, CSV, NetCDF) and the probability grid consume this shape.
 */
export const ParticleStatus = {
  /** Not released yet (time-window or cone seeding releases particles over time). */
  NotSeeded: 0,
  Active: 1,
  /** Hit the coastline and stopped there. */
  Stranded: 2,
  /** Left every forcing source's coverage (no fallback chosen): stopped where the data ended. */
  NoData: 3,
} as const;
export type ParticleStatus = (typeof ParticleStatus)[keyof typeof ParticleStatus];

export const PARTICLE_STATUS_NAMES: Readonly<Record<ParticleStatus, string>> = {
  0: 'not_seeded',
  1: 'active',
  2: 'stranded',
  3: 'no_data',
};

export interface TrajectorySet {
  /** Number of particles. */
  readonly count: number;
  /** Output times, epoch seconds UTC, ascending for forward runs and descending for backward runs. */
  readonly timesS: Float64Array;
  readonly lonDeg: Float64Array;
  readonly latDeg: Float64Array;
  /** `ParticleStatus` per particle per output time. */
  readonly status: Uint8Array;
  /** 1 where the particle is capsized at that output time, else 0. */
  readonly capsized: Uint8Array;
  /** Leeway category id of each particle (several objects may share one run). */
  readonly categoryId: Uint16Array;
  /** Release time of each particle, epoch seconds. */
  readonly seedTimeS: Float64Array;
  /**
   * Probability weight of each particle (seeding weight / (seeding count × sum of seeding weights), summing to 1
   * over a whole run); absent means equal weights.
   */
  readonly weight?: Float64Array;
}
