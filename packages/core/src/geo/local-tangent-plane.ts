/**
 * Local tangent-plane moves on WGS 84: a displacement of (eastM, northM) applied with the ellipsoid's radii of
 * curvature at the start latitude. For the drift engine's steps (a few km) this agrees with the geodesic
 * direct solution to well under a metre (see `local-tangent-plane.test.ts`), at a fraction of the cost.
 */
import { meridionalRadiusM, primeVerticalRadiusM } from './ellipsoid.ts';
import type { LonLat } from './lon-lat.ts';

const DEG = Math.PI / 180;

/** Move a point by east/north metres. */
export function offsetByMeters(origin: LonLat, eastM: number, northM: number): LonLat {
  const lat = origin[1];
  const dLat = northM / (meridionalRadiusM(lat) * DEG);
  const dLon = eastM / (primeVerticalRadiusM(lat) * Math.cos(lat * DEG) * DEG);
  return [origin[0] + dLon, lat + dLat];
}

/** East/north metres from `origin` to `p` in the origin's tangent plane (small distances). */
export function toLocalMeters(origin: LonLat, p: LonLat): { eastM: number; northM: number } {
  const lat = origin[1];
  let dLon = p[0] - origin[0];
  if (dLon > 180) dLon -= 360;
  if (dLon < -180) dLon += 360;
  return {
    eastM: dLon * primeVerticalRadiusM(lat) * Math.cos(lat * DEG) * DEG,
    northM: (p[1] - lat) * meridionalRadiusM(lat) * DEG,
  };
}
