/**
 * A particle density grid (`densityGrid` in @tandem/core) as GeoJSON: one Polygon per cell (closed ring,
 * counter-clockwise as RFC 7946 asks), by default only the cells that hold particles. Longitudes east of 180°
 * are kept as they are for a grid across the antimeridian.
 */
import { densityCellBounds, formatUtcTime } from '@tandem/core';
import type { DensityGrid } from '@tandem/core';
import type { GeoJsonFeature, GeoJsonFeatureCollection } from './trajectory-geojson.ts';

export interface PolygonGeometry {
  readonly type: 'Polygon';
  readonly coordinates: readonly (readonly (readonly [number, number])[])[];
}

export interface DensityCellProperties {
  /** Column (west → east) and row (south → north) of the cell. */
  readonly i: number;
  readonly j: number;
  readonly count: number;
  readonly fraction: number;
  readonly time: string;
}

export function densityGridToGeoJson(
  grid: DensityGrid,
  options: { readonly includeEmpty?: boolean } = {},
): GeoJsonFeatureCollection<PolygonGeometry, DensityCellProperties> {
  const time = formatUtcTime(grid.timeS);
  const features: GeoJsonFeature<PolygonGeometry, DensityCellProperties>[] = [];
  for (let j = 0; j < grid.ny; j++) {
    for (let i = 0; i < grid.nx; i++) {
      const c = j * grid.nx + i;
      const count = grid.counts[c] as number;
      if (count === 0 && options.includeEmpty !== true) continue;
      const [w, s, e, n] = densityCellBounds(grid, i, j);
      features.push({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
        properties: { i, j, count, fraction: grid.fraction[c] as number, time },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
