/** The extent of a GeoJSON collection, for fitting a map to what it shows. */
import type { FeatureCollection, Geometry, Position } from 'geojson';

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

/**
 * [[west, south], [east, north]] of every position, padded to at least `minSpanDeg` on each axis (a single point
 * still gets a useful view); undefined for an empty collection. Longitudes are taken as given (no antimeridian
 * handling: the areas served lie between 120° E and 150° E).
 */
export function collectionBounds(
  fc: FeatureCollection<Geometry>,
  minSpanDeg = 0.5,
): [[number, number], [number, number]] | undefined {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const f of fc.features) {
    for (const p of positions(f.geometry)) {
      const lon = p[0];
      const lat = p[1];
      if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  if (!Number.isFinite(w)) return undefined;
  const padLon = Math.max(0, (minSpanDeg - (e - w)) / 2);
  const padLat = Math.max(0, (minSpanDeg - (n - s)) / 2);
  return [
    [w - padLon, Math.max(-85, s - padLat)],
    [e + padLon, Math.min(85, n + padLat)],
  ];
}
