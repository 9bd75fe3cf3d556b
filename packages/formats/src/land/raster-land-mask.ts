/**
 * A land mask from a raster on a regular lon/lat grid (land = 1), such as the GSHHG full-resolution masks
 * rasterised with GMT `grdlandmask` (`data/forcing/landmask_gshhg_f_*.nc`: 1-D `lon` and `lat` at cell centres,
 * pixel registration, byte `z`). A query takes the cell that contains the point (nearest centre).
 *
 * Outside the raster there is no land information: `isLand` answers water there, and `coverage` / `covers()`
 * say so, so that the drift run report can warn when particles leave the mask (never a silent assumption).
 */
import { TandemError } from '@tandem/core';
import type { CoveredLandMask, LandMaskCoverage } from './polygon-land-mask.ts';

export interface RasterLandMaskGrid {
  /** Cell-centre longitudes, degrees, evenly spaced, ascending or descending. */
  readonly lonDeg: ArrayLike<number>;
  /** Cell-centre latitudes, degrees, evenly spaced, ascending or descending. */
  readonly latDeg: ArrayLike<number>;
  /**
   * One bit per cell, 1 = land: cell k = j·nx + i (row-major [lat][lon], lon fastest) is bit k % 8 of byte
   * k >> 3 (`packLandBits`). Eight times smaller than a byte per cell: the 0.0005° Norway mask is 6 MB.
   */
  readonly landBits: Uint8Array;
}

export class RasterLandMask implements CoveredLandMask {
  readonly name: string;
  readonly coverage: LandMaskCoverage;
  readonly #bits: Uint8Array;
  readonly #nx: number;
  readonly #ny: number;
  readonly #lon0: number;
  readonly #lat0: number;
  readonly #invDx: number;
  readonly #invDy: number;
  readonly #west: number;
  readonly #east: number;
  readonly #south: number;
  readonly #north: number;
  /** The raster as given: plain typed data that can be posted to worker threads. */
  readonly grid: RasterLandMaskGrid;

  constructor(name: string, grid: RasterLandMaskGrid) {
    this.name = name;
    this.grid = grid;
    const nx = grid.lonDeg.length;
    const ny = grid.latDeg.length;
    if (nx < 2 || ny < 2)
      throw new TandemError('UNSUPPORTED_FILE', 'a raster land mask needs at least 2×2 cells', name);
    if (grid.landBits.length !== Math.ceil((nx * ny) / 8)) {
      throw new TandemError('UNSUPPORTED_FILE', `mask has ${grid.landBits.length} bytes for ${ny}×${nx} cells`, name);
    }
    const dx = regularStep(grid.lonDeg, name, 'lon');
    const dy = regularStep(grid.latDeg, name, 'lat');
    this.#bits = grid.landBits;
    this.#nx = nx;
    this.#ny = ny;
    this.#lon0 = grid.lonDeg[0] as number;
    this.#lat0 = grid.latDeg[0] as number;
    this.#invDx = 1 / dx;
    this.#invDy = 1 / dy;
    const lonA = this.#lon0 - dx / 2;
    const lonB = this.#lon0 + (nx - 0.5) * dx;
    const latA = this.#lat0 - dy / 2;
    const latB = this.#lat0 + (ny - 0.5) * dy;
    this.#west = Math.min(lonA, lonB);
    this.#east = Math.max(lonA, lonB);
    this.#south = Math.min(latA, latB);
    this.#north = Math.max(latA, latB);
    this.coverage = { bboxDeg: [this.#west, this.#south, this.#east, this.#north], outside: 'water' };
  }

  isLand(lonDeg: number, latDeg: number): boolean {
    const lon = this.#nearLon(lonDeg);
    const fi = Math.floor((lon - this.#lon0) * this.#invDx + 0.5);
    const fj = Math.floor((latDeg - this.#lat0) * this.#invDy + 0.5);
    if (!(fi >= 0 && fi < this.#nx && fj >= 0 && fj < this.#ny)) return false;
    const k = fj * this.#nx + fi;
    return (((this.#bits[k >> 3] as number) >> (k & 7)) & 1) === 1;
  }

  covers(lonDeg: number, latDeg: number): boolean {
    const lon = this.#nearLon(lonDeg);
    return lon >= this.#west && lon <= this.#east && latDeg >= this.#south && latDeg <= this.#north;
  }

  /** The longitude ±360° that falls in the raster's range, if any. */
  #nearLon(lonDeg: number): number {
    if (lonDeg < this.#west && lonDeg + 360 <= this.#east) return lonDeg + 360;
    if (lonDeg > this.#east && lonDeg - 360 >= this.#west) return lonDeg - 360;
    return lonDeg;
  }
}

/** Pack `n` cells into bits (bit k % 8 of byte k >> 3), cell k land when `isLand(k)`. */
export function packLandBits(n: number, isLand: (k: number) => boolean): Uint8Array {
  const bits = new Uint8Array(Math.ceil(n / 8));
  for (let k = 0; k < n; k++) if (isLand(k)) bits[k >> 3] = (bits[k >> 3] as number) | (1 << (k & 7));
  return bits;
}

function regularStep(v: ArrayLike<number>, name: string, axis: string): number {
  const n = v.length;
  const first = v[0] as number;
  const step = ((v[n - 1] as number) - first) / (n - 1);
  if (!Number.isFinite(step) || step === 0 || Math.abs(step * (n - 1)) > 720) {
    throw new TandemError('UNSUPPORTED_FILE', `${axis} is not a valid coordinate axis`, `${name}: ${axis}`);
  }
  for (let k = 0; k < n; k++) {
    if (Math.abs((v[k] as number) - (first + k * step)) > 1e-3 * Math.abs(step)) {
      throw new TandemError('UNSUPPORTED_FILE', `${axis} is not evenly spaced (at index ${k})`, `${name}: ${axis}`);
    }
  }
  return step;
}
