import { TandemError } from '../errors/index.ts';
import { degreesToRadians, metersPerSecondToKnots } from '../units/index.ts';
import { localized } from './localized-text.ts';
import type { LocalizedText } from './localized-text.ts';

/** Wind vector, m/s, as east/north components of where the air moves TO (convention of architecture.md). */
export interface WindVector {
  readonly eastMps: number;
  readonly northMps: number;
}

/**
 * The narrow port the ferry planner reads winds from: no wind, a constant wind, or (later) a forcing-data
 * adapter sampling the wind at cruise level. `timeInvariant` lets the planner cache leg times.
 */
export interface WindAloft {
  readonly description: LocalizedText;
  readonly timeInvariant: boolean;
  /** True when the wind is zero everywhere: legs are then flown at TAS without integration. */
  readonly calm?: boolean;
  windAt(lonDeg: number, latDeg: number, timeUtc: number): WindVector;
}

export function noWind(): WindAloft {
  return {
    description: localized('no wind', '무풍', '無風'),
    timeInvariant: true,
    calm: true,
    windAt: () => ({ eastMps: 0, northMps: 0 }),
  };
}

/** A uniform wind blowing FROM `fromDeg` (degrees true) at `speedMps`. */
export function constantWind(fromDeg: number, speedMps: number): WindAloft {
  if (!Number.isFinite(fromDeg))
    throw new TandemError('INVALID_INPUT', 'wind direction must be finite', 'wind.fromDeg');
  if (!Number.isFinite(speedMps) || speedMps < 0 || speedMps > 150) {
    throw new TandemError('OUT_OF_RANGE', 'wind speed must be in [0, 150] m/s', 'wind.speedMps');
  }
  const rad = degreesToRadians(fromDeg);
  const from = String(Math.round(((fromDeg % 360) + 360) % 360)).padStart(3, '0');
  const kt = metersPerSecondToKnots(speedMps).toFixed(0);
  const v: WindVector = { eastMps: -speedMps * Math.sin(rad), northMps: -speedMps * Math.cos(rad) };
  return {
    description: localized(
      `wind from ${from}° at ${kt} kt`,
      `바람 ${from}° 방향에서 ${kt} kt`,
      `風 ${from}° から ${kt} kt`,
    ),
    timeInvariant: true,
    calm: speedMps === 0,
    windAt: () => v,
  };
}

/**
 * Ground speed along a track of azimuth `trackDeg` for true airspeed `tasMps` in wind `w` (the wind triangle:
 * heading corrected so the crosswind is cancelled). Returns NaN when the crosswind equals or exceeds TAS or the
 * resulting ground speed is not positive: the track cannot be flown.
 */
export function groundSpeedMps(trackDeg: number, tasMps: number, w: WindVector): number {
  const a = degreesToRadians(trackDeg);
  const te = Math.sin(a);
  const tn = Math.cos(a);
  const along = w.eastMps * te + w.northMps * tn;
  const cross = w.eastMps * tn - w.northMps * te;
  if (Math.abs(cross) >= tasMps) return NaN;
  const gs = Math.sqrt(tasMps * tasMps - cross * cross) + along;
  return gs > 0 ? gs : NaN;
}
