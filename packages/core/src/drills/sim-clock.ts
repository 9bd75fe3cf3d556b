/**
 * The drill's simulated clock. Core never reads a wall clock: the caller (server, CLI) passes wall time in, and the
 * clock maps it to drill seconds, accelerated by `factor` (1 = real time), pausable. Pure values, no state.
 */
import { TandemError } from '../errors/index.ts';

export interface SimClock {
  /** Drill seconds at `anchorWallS`. */
  readonly anchorDrillS: number;
  /** Wall time (s, any epoch the caller uses consistently) of the anchor. */
  readonly anchorWallS: number;
  /** Drill seconds per wall second; 0 when paused. */
  readonly factor: number;
}

/** A clock starting at drill second 0 at `wallS`. */
export function startSimClock(wallS: number, factor: number): SimClock {
  if (!(Number.isFinite(factor) && factor >= 0 && factor <= 10000))
    throw new TandemError('OUT_OF_RANGE', `acceleration must be in [0, 10000], got ${factor}`, 'factor');
  return { anchorDrillS: 0, anchorWallS: wallS, factor };
}

/** Drill seconds at wall time `wallS`. */
export function simulatedTime(c: SimClock, wallS: number): number {
  return c.anchorDrillS + Math.max(0, wallS - c.anchorWallS) * c.factor;
}

/** Change the acceleration at `wallS` (0 pauses) without a jump in drill time. */
export function setClockFactor(c: SimClock, wallS: number, factor: number): SimClock {
  if (!(Number.isFinite(factor) && factor >= 0 && factor <= 10000))
    throw new TandemError('OUT_OF_RANGE', `acceleration must be in [0, 10000], got ${factor}`, 'factor');
  return { anchorDrillS: simulatedTime(c, wallS), anchorWallS: wallS, factor };
}
