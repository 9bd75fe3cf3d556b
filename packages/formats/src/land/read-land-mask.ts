/**
 * Opens the coastline a scenario asks for (`coast.landMask`): `"naturalearth"` (Natural Earth 10 m land, the
 * default), `"none"` (open sea everywhere), or a path, resolved against `baseDir`, to a GeoJSON polygon mask
 * (`.geojson`, `.json`) or a NetCDF raster mask with land = 1 (`.nc`, `.nc4`, `.cdf`).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, resolve } from 'node:path';
import type { CoastSpec } from '@tandem/core';
import { TandemError } from '@tandem/core';
import { geoJsonLandMask } from './geojson-land-mask.ts';
import { naturalEarthLandMask } from './natural-earth-land-mask.ts';
import { readNetcdfLandMask } from './netcdf-land-mask.ts';
import type { CoveredLandMask } from './polygon-land-mask.ts';

/** Largest GeoJSON land mask read (bytes). */
export const MAX_GEOJSON_MASK_BYTES = 512 * 1024 * 1024;

/** The global "no land" mask, with its coverage. */
export const NO_LAND_MASK: CoveredLandMask = {
  name: 'none',
  coverage: { bboxDeg: null, outside: 'water' },
  isLand: () => false,
  covers: () => true,
};

export async function readLandMask(spec: CoastSpec, baseDir: string): Promise<CoveredLandMask> {
  const ref = spec.landMask;
  if (ref === 'naturalearth') return naturalEarthLandMask();
  if (ref === 'none') return NO_LAND_MASK;
  const path = isAbsolute(ref) ? ref : resolve(baseDir, ref);
  const ext = extname(path).toLowerCase();
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('not a file');
    size = s.size;
  } catch {
    throw new TandemError('NOT_FOUND', `land mask file not found: ${path}`, 'coast.landMask');
  }
  if (ext === '.geojson' || ext === '.json') {
    if (size > MAX_GEOJSON_MASK_BYTES) {
      throw new TandemError('FILE_TOO_LARGE', `GeoJSON land mask of ${size} bytes is too large`, path);
    }
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      throw new TandemError('UNSUPPORTED_FILE', `not valid JSON: ${(e as Error).message}`, path);
    }
    return geoJsonLandMask(doc, path);
  }
  if (ext === '.nc' || ext === '.nc4' || ext === '.cdf' || ext === '.netcdf') return readNetcdfLandMask(path);
  throw new TandemError(
    'UNSUPPORTED_FILE',
    `unsupported land mask "${ext}": use "naturalearth", "none", a .geojson/.json or a .nc file`,
    'coast.landMask',
  );
}
