/**
 * The what-if drift run: the case's last known position, object and constant environment as a `DriftConfig`
 * for core's `runDrift`, 5,000 particles over 24 h with dt 600 s by default (issue 6). The Web Worker runs it;
 * this module is pure so it is tested in Node.
 */
import { constantSource, epochSeconds, findLeewayCategory, meters, NO_LAND, seconds, TandemError } from '@tandem/core';
import type { DriftConfig, DriftEnvironment } from '@tandem/core';

/** What the page sends for one re-run. SI units, epoch seconds, vectors as east/north components. */
export interface WhatIfRequest {
  readonly lonDeg: number;
  readonly latDeg: number;
  /** 1-σ of the position uncertainty (circular normal), metres. */
  readonly radiusM: number;
  readonly startTimeS: number;
  readonly leewayCategoryId: number;
  /** Wind blowing toward, m/s. */
  readonly windEastMps: number;
  readonly windNorthMps: number;
  /** Current flowing toward, m/s. */
  readonly currentEastMps: number;
  readonly currentNorthMps: number;
  readonly particleCount?: number;
  readonly durationS?: number;
  readonly timeStepS?: number;
  readonly outputStepS?: number;
  readonly rngSeed?: number;
}

/** What-if defaults (issue 6): 5,000 particles, 24 h, 600 s steps, hourly outputs. */
export const WHATIF_DEFAULTS = {
  particleCount: 5000,
  durationS: 86400,
  timeStepS: 600,
  outputStepS: 3600,
  rngSeed: 1,
} as const;

/** Largest particle count a page may ask for (the worker's memory is bounded by it). */
export const WHATIF_MAX_PARTICLES = 100_000;

export function whatIfConfig(r: WhatIfRequest): DriftConfig {
  const count = r.particleCount ?? WHATIF_DEFAULTS.particleCount;
  if (!Number.isInteger(count) || count < 1 || count > WHATIF_MAX_PARTICLES) {
    throw new TandemError('OUT_OF_RANGE', `must be an integer in [1, ${WHATIF_MAX_PARTICLES}]`, 'particleCount');
  }
  return {
    seedings: [
      {
        kind: 'point',
        lonDeg: r.lonDeg,
        latDeg: r.latDeg,
        radiusM: meters(r.radiusM),
        radiusType: 'gaussian',
        timeWindowS: [epochSeconds(r.startTimeS), epochSeconds(r.startTimeS)],
        count,
        category: findLeewayCategory(r.leewayCategoryId),
        weight: 1,
      },
    ],
    options: { capsizing: false, jibeProbabilityPerHour: 0.04, coastlineAction: 'stranding' },
    run: {
      startTimeS: epochSeconds(r.startTimeS),
      durationS: seconds(r.durationS ?? WHATIF_DEFAULTS.durationS),
      timeStepS: seconds(r.timeStepS ?? WHATIF_DEFAULTS.timeStepS),
      outputStepS: seconds(r.outputStepS ?? WHATIF_DEFAULTS.outputStepS),
      backward: false,
      rngSeed: r.rngSeed ?? WHATIF_DEFAULTS.rngSeed,
    },
  };
}

/**
 * The constant environment of a what-if run. The browser has no coastline data for the engine, so the
 * what-if cloud ignores land (ADR 0007); the server's drift job strands particles on the Natural Earth coast.
 */
export function whatIfEnvironment(r: WhatIfRequest): DriftEnvironment {
  return {
    wind: constantSource('wind', { eastMps: r.windEastMps, northMps: r.windNorthMps }, 'wind'),
    current: constantSource('current', { eastMps: r.currentEastMps, northMps: r.currentNorthMps }, 'current'),
    land: NO_LAND,
  };
}
