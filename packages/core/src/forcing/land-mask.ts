/**
 * The coastline port: is a position on land? Implementations: Natural Earth polygons (default), a user's
 * GeoJSON polygons, or a raster mask (NetCDF, land = 1). The test sits in the drift engine's hot loop, so
 * implementations index their geometry for fast point queries.
 */
export interface LandMask {
  readonly name: string;
  /** True when (lon, lat) in degrees is on land. */
  isLand(lonDeg: number, latDeg: number): boolean;
}

/** A land mask with no land (open sea everywhere): `coast.landMask = "none"`. */
export const NO_LAND: LandMask = { name: 'none', isLand: () => false };
