/** A WGS 84 position in degrees, GeoJSON order: `[lon, lat]`. */
export type LonLat = readonly [lonDeg: number, latDeg: number];

/** Longitude wrapped to [-180, 180). */
export function wrapLongitudeDeg(lonDeg: number): number {
  const w = (((lonDeg + 180) % 360) + 360) % 360;
  return w - 180;
}

/** True when lon is finite in [-180, 360] and lat finite in [-90, 90]. */
export function isValidLonLat(lonDeg: number, latDeg: number): boolean {
  return (
    Number.isFinite(lonDeg) &&
    Number.isFinite(latDeg) &&
    lonDeg >= -180 &&
    lonDeg <= 360 &&
    latDeg >= -90 &&
    latDeg <= 90
  );
}
