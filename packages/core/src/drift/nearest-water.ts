/**
 * Moves a position found on land to the nearest water point the land mask knows (`sar-method.md` §1:
 * "particles seeded on land move to the nearest ocean point"). A land mask only answers point queries, so
 * the search walks rings of geometrically growing radius (25 m × 1.15^k, up to 200 km) with an arc spacing
 * about equal to the ring spacing; on the first ring with water it bisects along each water bearing to the
 * coast (to 1 m) and returns the closest water point found (7.5° bearing resolution: within about 0.2 % of the
 * true nearest distance).
 */
import { offsetByMeters } from '../geo/index.ts';
import type { LonLat } from '../geo/index.ts';
import type { LandMask } from '../forcing/index.ts';

const FIRST_RING_M = 25;
const RING_GROWTH = 1.15;
const MAX_SEARCH_M = 200_000;
const BEARINGS_PER_RING = 48;
const DEG = Math.PI / 180;

function at(origin: LonLat, bearingDeg: number, distM: number): LonLat {
  return offsetByMeters(origin, distM * Math.sin(bearingDeg * DEG), distM * Math.cos(bearingDeg * DEG));
}

/** The nearest water position found from `origin` (which is on land), or undefined when none within 200 km. */
export function nearestWater(land: LandMask, origin: LonLat): LonLat | undefined {
  let inner = 0;
  for (let r = FIRST_RING_M; r <= MAX_SEARCH_M; r *= RING_GROWTH) {
    let best: LonLat | undefined;
    let bestDist = Infinity;
    for (let k = 0; k < BEARINGS_PER_RING; k++) {
      const bearing = (360 * k) / BEARINGS_PER_RING;
      const p = at(origin, bearing, r);
      if (land.isLand(p[0], p[1])) continue;
      let lo = inner;
      let hi = r;
      let water = p;
      while (hi - lo > 1) {
        const mid = 0.5 * (lo + hi);
        const q = at(origin, bearing, mid);
        if (land.isLand(q[0], q[1])) lo = mid;
        else {
          hi = mid;
          water = q;
        }
      }
      if (hi < bestDist) {
        bestDist = hi;
        best = water;
      }
    }
    if (best !== undefined) return best;
    inner = r;
  }
  return undefined;
}
