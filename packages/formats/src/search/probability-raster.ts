/**
 * A POC grid as a GeoTIFF in the grid's own CRS (Lambert azimuthal equal-area, so every pixel has the same area and
 * no resampling changes the probabilities). Rows are flipped: the grid counts from the south, TIFF from the top.
 */
import type { ProbabilityGrid } from '@tandem/core';
import { writeGeoTiff } from './geotiff-writer.ts';

/** GeoTIFF bytes of a probability grid (float32 POC per cell). */
export function probabilityGridToGeoTiff(
  grid: ProbabilityGrid,
  description = 'Tandem POC (probability of containment per cell)',
): Uint8Array {
  const values = new Float32Array(grid.nx * grid.ny);
  for (let j = 0; j < grid.ny; j++) {
    const row = grid.ny - 1 - j;
    for (let i = 0; i < grid.nx; i++) values[row * grid.nx + i] = grid.poc[j * grid.nx + i] as number;
  }
  return writeGeoTiff({
    width: grid.nx,
    height: grid.ny,
    values,
    originX: grid.x0M,
    originY: grid.y0M + grid.ny * grid.cellM,
    pixelSizeX: grid.cellM,
    pixelSizeY: grid.cellM,
    crs: { kind: 'laea', centerLonDeg: grid.projection.centerLonDeg, centerLatDeg: grid.projection.centerLatDeg },
    description,
  });
}
