/**
 * Trajectories in the drill's plane (Lambert azimuthal equal-area metres, x east, y north), times in seconds from
 * the drill start, struct-of-arrays `[k * count + i]` with NaN where a particle is not in the water. Used for the
 * hidden truth and for the probability clouds whose coverage the drill scores.
 */
import { ParticleStatus } from '../drift/index.ts';
import type { TrajectorySet } from '../drift/index.ts';
import type { PlaneProjection } from '../search/index.ts';

export interface PlaneTracks {
  readonly count: number;
  /** Output times, s from the drill start, ascending. */
  readonly atS: Float64Array;
  readonly xM: Float64Array;
  readonly yM: Float64Array;
}

/** Project a forward drift run into the drill plane. */
export function planeTracksFromSet(set: TrajectorySet, proj: PlaneProjection, drillStartS: number): PlaneTracks {
  const nt = set.timesS.length;
  const n = set.count;
  const atS = new Float64Array(nt);
  for (let k = 0; k < nt; k++) atS[k] = (set.timesS[k] as number) - drillStartS;
  const xM = new Float64Array(nt * n).fill(NaN);
  const yM = new Float64Array(nt * n).fill(NaN);
  for (let j = 0; j < nt * n; j++) {
    if (set.status[j] === ParticleStatus.NotSeeded) continue;
    const lon = set.lonDeg[j] as number;
    const lat = set.latDeg[j] as number;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const [x, y] = proj.forward(lon, lat);
    xM[j] = x;
    yM[j] = y;
  }
  return { count: n, atS, xM, yM };
}

/**
 * Positions of every particle at `atS` (linear between the bracketing outputs; before the first output or where
 * either bracket is missing, NaN; after the last output the last position) written into `outX`, `outY`.
 */
export function tracksAt(t: PlaneTracks, atS: number, outX: Float64Array, outY: Float64Array): void {
  const nt = t.atS.length;
  const n = t.count;
  if (nt === 0 || atS < (t.atS[0] as number)) {
    outX.fill(NaN, 0, n);
    outY.fill(NaN, 0, n);
    return;
  }
  let lo = 0;
  let hi = nt - 1;
  if (atS >= (t.atS[hi] as number)) lo = hi;
  else {
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((t.atS[mid] as number) <= atS) lo = mid;
      else hi = mid;
    }
  }
  const kb = Math.min(lo + 1, nt - 1);
  const ta = t.atS[lo] as number;
  const tb = t.atS[kb] as number;
  const f = tb > ta ? Math.min(1, (atS - ta) / (tb - ta)) : 0;
  for (let i = 0; i < n; i++) {
    const a = lo * n + i;
    const b = kb * n + i;
    const xa = t.xM[a] as number;
    const xb = t.xM[b] as number;
    outX[i] = xa + f * (xb - xa);
    outY[i] = (t.yM[a] as number) + f * ((t.yM[b] as number) - (t.yM[a] as number));
  }
}
