/**
 * Land masks as plain data for worker threads: build (or read) a mask once on the main thread, post
 * `toLandMaskTransfer(mask)` in `workerData` or a message (structured clone copies the typed arrays; a few tens
 * of MB for Natural Earth, milliseconds), and rebuild the query object with `fromLandMaskTransfer` in the worker.
 * This avoids re-reading and re-indexing Natural Earth (about a second) in every thread.
 */
import { TandemError } from '@tandem/core';
import type { CoveredLandMask, PolygonLandIndexData } from './polygon-land-mask.ts';
import { PolygonLandMask } from './polygon-land-mask.ts';
import type { RasterLandMaskGrid } from './raster-land-mask.ts';
import { RasterLandMask } from './raster-land-mask.ts';
import { NO_LAND_MASK } from './read-land-mask.ts';

export type LandMaskTransfer =
  | { readonly kind: 'none' }
  | { readonly kind: 'polygons'; readonly index: PolygonLandIndexData }
  | { readonly kind: 'raster'; readonly name: string; readonly grid: RasterLandMaskGrid };

export function toLandMaskTransfer(mask: CoveredLandMask): LandMaskTransfer {
  if (mask instanceof PolygonLandMask) return { kind: 'polygons', index: mask.indexData };
  if (mask instanceof RasterLandMask) return { kind: 'raster', name: mask.name, grid: mask.grid };
  if (mask === NO_LAND_MASK) return { kind: 'none' };
  throw new TandemError('INTERNAL', `land mask "${mask.name}" cannot be sent to a worker`, 'coast.landMask');
}

export function fromLandMaskTransfer(t: LandMaskTransfer): CoveredLandMask {
  switch (t.kind) {
    case 'none':
      return NO_LAND_MASK;
    case 'polygons':
      return new PolygonLandMask(t.index);
    case 'raster':
      return new RasterLandMask(t.name, t.grid);
  }
}
