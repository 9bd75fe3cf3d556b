/**
 * A drift run as the engine sees it: validated, in SI units and epoch seconds. The scenario document
 * (JSON, `docs/schemas/drift-scenario.schema.json`) is parsed into this by `parseDriftScenario`.
 * Method and defaults: `sar-method.md` §1 (OpenDrift Leeway behaviour; Allen & Plourde 1999; Breivik & Allen 2008).
 */
import type { EpochSeconds, Meters, Seconds } from '../units/index.ts';

/** One Leeway search-object category (a row of `data/leeway/leeway_object_categories.csv`). */
export interface LeewayCategory {
  /** 1-based id, the same as OpenDrift's `object_type`. */
  readonly id: number;
  readonly key: string;
  /** 0 = main class (mean values), 1..3 = sub-class depth. */
  readonly subclassLevel: number;
  readonly description: string;
  /** Downwind slope in % of U10 (cm/s per m/s), offset and residual std in cm/s. */
  readonly downwindSlopePct: number;
  readonly downwindOffsetCmS: number;
  readonly downwindStdCmS: number;
  readonly crosswindRightSlopePct: number;
  readonly crosswindRightOffsetCmS: number;
  readonly crosswindRightStdCmS: number;
  readonly crosswindLeftSlopePct: number;
  readonly crosswindLeftOffsetCmS: number;
  readonly crosswindLeftStdCmS: number;
}

export type RadiusDistribution = 'gaussian' | 'uniform';

/** Particles released around one position, at one time or evenly over a time window. */
export interface PointSeeding {
  readonly kind: 'point';
  readonly lonDeg: number;
  readonly latDeg: number;
  /** 1-σ per axis for `gaussian`, disk radius for `uniform`. */
  readonly radiusM: Meters;
  readonly radiusType: RadiusDistribution;
  /** Release window [t0, t1]; t0 = t1 for a single release time. Particle k of n at t0 + k (t1 - t0)/(n - 1). */
  readonly timeWindowS: readonly [EpochSeconds, EpochSeconds];
  readonly count: number;
  /** Leeway category of this seeding's particles. */
  readonly category: LeewayCategory;
  /** Relative weight of this seeding as a scenario (probability maps); default 1. */
  readonly weight: number;
}

/** Particles released along the geodesic from `from` to `to`, position, time and radius varying linearly. */
export interface ConeSeeding {
  readonly kind: 'cone';
  readonly from: {
    readonly lonDeg: number;
    readonly latDeg: number;
    readonly timeS: EpochSeconds;
    readonly radiusM: Meters;
  };
  readonly to: {
    readonly lonDeg: number;
    readonly latDeg: number;
    readonly timeS: EpochSeconds;
    readonly radiusM: Meters;
  };
  readonly radiusType: RadiusDistribution;
  readonly count: number;
  readonly category: LeewayCategory;
  readonly weight: number;
}

export type Seeding = PointSeeding | ConeSeeding;

export type CoastlineAction = 'stranding' | 'previous';

export interface DriftOptions {
  /** Allow upright → capsized transitions (`sar-method.md` §1). Default false. */
  readonly capsizing: boolean;
  /** Jibing probability per hour, default 0.04 (OpenDrift default). */
  readonly jibeProbabilityPerHour: number;
  /** On hitting land: stop there (`stranding`, default, as OpenDrift) or move back to the previous water position. */
  readonly coastlineAction: CoastlineAction;
}

export interface DriftRunSpec {
  /** Start of the integration: for forward runs the earliest release, for backward runs the latest. */
  readonly startTimeS: EpochSeconds;
  /** Length of the run, > 0. */
  readonly durationS: Seconds;
  /** Step length, > 0; the direction is given by `backward`. Default 600 s. */
  readonly timeStepS: Seconds;
  /** Output interval, a whole multiple of `timeStepS`. Default 3600 s. */
  readonly outputStepS: Seconds;
  /** Integrate backward in time (backtracking from a sighting): dt is negated. */
  readonly backward: boolean;
  /** Seed of the run's random streams (ADR 0003). */
  readonly rngSeed: number;
}

export interface DriftConfig {
  readonly seedings: readonly Seeding[];
  readonly options: DriftOptions;
  readonly run: DriftRunSpec;
}

/** Total number of particles over all seedings. */
export function particleCount(config: Pick<DriftConfig, 'seedings'>): number {
  let n = 0;
  for (const s of config.seedings) n += s.count;
  return n;
}
