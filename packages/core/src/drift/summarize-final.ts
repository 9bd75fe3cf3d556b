/**
 * Statistics of the final positions, defined as in `data/opendrift-reference/README.md` so that runs compare
 * with the OpenDrift reference: over all seeded particles (status other than NotSeeded at the last output
 * time), mean lon/lat in degrees, population standard deviations (numpy's default ddof = 0) converted with
 * 111.32 km per degree, longitude scaled by cos(mean latitude).
 */
import { REFERENCE_KM_PER_DEGREE } from '../geo/index.ts';
import { ParticleStatus } from './trajectory-set.ts';
import type { TrajectorySet } from './trajectory-set.ts';

export interface FinalSummary {
  /** Seeded particles at the final time. */
  readonly count: number;
  readonly meanLon: number;
  readonly meanLat: number;
  readonly stdEastKm: number;
  readonly stdNorthKm: number;
  readonly strandedFraction: number;
  readonly capsizedFraction: number;
  readonly activeFraction: number;
  readonly noDataFraction: number;
}

/** Summarize the final output time of `set`; NaN statistics when no particle is seeded. */
export function summarizeFinal(set: TrajectorySet): FinalSummary {
  const n = set.count;
  const k = set.timesS.length - 1;
  const o = k * n;
  let count = 0;
  let sx = 0;
  let sy = 0;
  let stranded = 0;
  let capsized = 0;
  let active = 0;
  let noData = 0;
  const ref = n > 0 ? (set.lonDeg[o] as number) : 0;
  for (let i = 0; i < n; i++) {
    const s = set.status[o + i];
    if (s === ParticleStatus.NotSeeded) continue;
    count++;
    sx += unwrap((set.lonDeg[o + i] as number) - ref);
    sy += set.latDeg[o + i] as number;
    if (s === ParticleStatus.Stranded) stranded++;
    else if (s === ParticleStatus.Active) active++;
    else if (s === ParticleStatus.NoData) noData++;
    if (set.capsized[o + i] === 1) capsized++;
  }
  const mx = sx / count;
  const my = sy / count;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    if (set.status[o + i] === ParticleStatus.NotSeeded) continue;
    const dx = unwrap((set.lonDeg[o + i] as number) - ref) - mx;
    const dy = (set.latDeg[o + i] as number) - my;
    vx += dx * dx;
    vy += dy * dy;
  }
  const meanLat = my;
  let meanLon = ref + mx;
  if (meanLon >= 180) meanLon -= 360;
  else if (meanLon < -180) meanLon += 360;
  return {
    count,
    meanLon: count > 0 ? meanLon : NaN,
    meanLat: count > 0 ? meanLat : NaN,
    stdEastKm: Math.sqrt(vx / count) * REFERENCE_KM_PER_DEGREE * Math.cos((meanLat * Math.PI) / 180),
    stdNorthKm: Math.sqrt(vy / count) * REFERENCE_KM_PER_DEGREE,
    strandedFraction: stranded / count,
    capsizedFraction: capsized / count,
    activeFraction: active / count,
    noDataFraction: noData / count,
  };
}

/** Longitude difference in (-180, 180], so that a cloud across the antimeridian keeps its statistics. */
function unwrap(d: number): number {
  if (d > 180) return d - 360;
  if (d <= -180) return d + 360;
  return d;
}
