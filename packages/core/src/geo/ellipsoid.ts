/**
 * The WGS 84 ellipsoid (NIMA TR8350.2, 3rd ed., 2000) and the one mean Earth radius of the project.
 */
export const WGS84_A_M = 6378137;
export const WGS84_F = 1 / 298.257223563;
export const WGS84_B_M = WGS84_A_M * (1 - WGS84_F);
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);
/** IUGG mean radius R1 = (2a + b)/3, for spherical approximations (equal-area cells, quick distances). */
export const MEAN_EARTH_RADIUS_M = (2 * WGS84_A_M + WGS84_B_M) / 3;
/** Kilometres per degree used by the OpenDrift reference statistics (`data/opendrift-reference/README.md`). */
export const REFERENCE_KM_PER_DEGREE = 111.32;

const DEG = Math.PI / 180;

/** Meridional radius of curvature M(lat) in metres. */
export function meridionalRadiusM(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  const w = 1 - WGS84_E2 * s * s;
  return (WGS84_A_M * (1 - WGS84_E2)) / (w * Math.sqrt(w));
}

/** Prime-vertical radius of curvature N(lat) in metres. */
export function primeVerticalRadiusM(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  return WGS84_A_M / Math.sqrt(1 - WGS84_E2 * s * s);
}

/** Metres per degree of latitude and of longitude at a latitude (local tangent plane scale factors). */
export function metersPerDegree(latDeg: number): { readonly northM: number; readonly eastM: number } {
  return {
    northM: meridionalRadiusM(latDeg) * DEG,
    eastM: primeVerticalRadiusM(latDeg) * Math.cos(latDeg * DEG) * DEG,
  };
}
