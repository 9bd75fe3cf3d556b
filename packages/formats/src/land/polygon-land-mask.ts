/**
 * Point-in-land over polygons, indexed by a uniform lon/lat grid so that a query costs O(1) for most points.
 *
 * Each grid cell is all-water, all-land or mixed. For every cell the winding number at the midpoint of its
 * east side is precomputed by one horizontal sweep per grid row; a mixed cell also keeps the polygon edges that
 * touch it. A query in a mixed cell walks an axis-parallel path from the point east to the cell's east side and
 * then along that side to its midpoint, adding ±1 for each of the cell's edges it crosses (half-open rules, so a
 * vertex on the path is counted once). Land is a non-zero winding number (nonzero rule, after orienting every
 * outer ring counter-clockwise and every hole clockwise), so overlapping polygons make a union and holes (lakes,
 * the Caspian Sea) are water. Method: the winding number of Hormann & Agathos (2001) "The point in polygon
 * problem for arbitrary polygons", Computational Geometry 20:131–144, with a uniform-grid acceleration.
 *
 * Rings that cross the antimeridian (a longitude jump of more than 180° between neighbours, as in TopoJSON from
 * world-atlas) are unwrapped into continuous longitudes, and a ring that goes once round a pole (Antarctica) is
 * closed through that pole. Queries wrap the longitude and also test it shifted by ±360° where the polygons
 * extend past ±180°.
 */
import type { LandMask } from '@tandem/core';
import { TandemError } from '@tandem/core';

/**
 * A ring as GeoJSON positions `[lon, lat]` in degrees, or flat `[lon0, lat0, lon1, lat1, ...]`; the closing
 * point may be repeated or not.
 */
export type Ring = readonly (readonly number[])[] | Float64Array;
/** A polygon: outer ring first, then holes (GeoJSON order). */
export type PolygonRings = readonly Ring[];

/** Where a land mask has information; outside it the mask answers "water" (no land information). */
export interface LandMaskCoverage {
  /** [west, south, east, north] in degrees, or null when the mask covers the whole Earth. */
  readonly bboxDeg: readonly [number, number, number, number] | null;
  /** What a query outside the coverage returns: always water, since there is no land information there. */
  readonly outside: 'water';
}

/** A land mask that says where it has information, so a run report can warn about particles outside it. */
export interface CoveredLandMask extends LandMask {
  readonly coverage: LandMaskCoverage;
  /** True when (lon, lat) lies inside the coverage (always true for a global mask). */
  covers(lonDeg: number, latDeg: number): boolean;
}

export interface PolygonLandMaskOptions {
  /** Grid cell size in degrees; default chosen for about four cells per polygon edge. */
  readonly cellDeg?: number;
  /** Coverage to report: null (global, the default) or the box outside which the mask has no information. */
  readonly coverageBboxDeg?: readonly [number, number, number, number] | null;
}

const WATER = 0;
const LAND = 1;
const MIXED = 2;
const REFINED = 3;
/** Sub-cells per side of a refined coast cell. */
const SUB = 8;
/** Coast cells with at least this many edges are refined. */
const SUB_MIN_EDGES = 6;
/** Largest grid built (cells), bounding the index memory at about 40 MB. */
const MAX_CELLS = 1 << 22;
/** Largest number of polygon vertices accepted (Natural Earth 10 m land has about 0.41 M). */
export const MAX_POLYGON_VERTICES = 20_000_000;

/** Statistics of the built index, for benchmarks and tests. */
export interface PolygonIndexStats {
  readonly edges: number;
  readonly nx: number;
  readonly ny: number;
  readonly cellDeg: number;
  readonly mixedCells: number;
  readonly landCells: number;
  readonly edgeRefs: number;
  /** Coast cells split into sub-cells. */
  readonly refinedCells: number;
}

export class PolygonLandMask implements CoveredLandMask {
  readonly name: string;
  readonly coverage: LandMaskCoverage;
  readonly stats: PolygonIndexStats;
  readonly #edges: Float64Array;
  readonly #x0: number;
  readonly #y0: number;
  readonly #cell: number;
  readonly #inv: number;
  readonly #nx: number;
  readonly #ny: number;
  readonly #maxX: number;
  readonly #state: Uint8Array;
  readonly #winding: Int32Array;
  readonly #cellStart: Uint32Array;
  readonly #data: PolygonLandIndexData;
  readonly #subState: Uint8Array;
  readonly #subWinding: Int32Array;
  readonly #subCellStart: Uint32Array;
  readonly #subEdges: Float64Array;

  /** Build the index from polygons, or adopt an index built elsewhere (`indexData`, e.g. in another thread). */
  constructor(data: PolygonLandIndexData);
  constructor(name: string, polygons: readonly PolygonRings[], options?: PolygonLandMaskOptions);
  constructor(
    nameOrData: string | PolygonLandIndexData,
    polygons: readonly PolygonRings[] = [],
    options: PolygonLandMaskOptions = {},
  ) {
    const d = typeof nameOrData === 'string' ? buildPolygonLandIndex(nameOrData, polygons, options) : nameOrData;
    this.name = d.name;
    this.coverage = { bboxDeg: d.coverageBboxDeg, outside: 'water' };
    this.#edges = d.cellEdgeCoords;
    this.#x0 = d.x0;
    this.#y0 = d.y0;
    this.#cell = d.cellDeg;
    this.#inv = 1 / d.cellDeg;
    this.#nx = d.nx;
    this.#ny = d.ny;
    this.#maxX = d.x0 + d.nx * d.cellDeg;
    this.#state = d.state;
    this.#winding = d.winding;
    this.#cellStart = d.cellStart;
    this.stats = d.stats;
    this.#data = d;
    this.#subState = d.subState;
    this.#subWinding = d.subWinding;
    this.#subCellStart = d.subCellStart;
    this.#subEdges = d.subEdgeCoords;
  }

  /** The index as plain typed arrays: post it to worker threads (structured clone) instead of rebuilding there. */
  get indexData(): PolygonLandIndexData {
    return this.#data;
  }

  isLand(lonDeg: number, latDeg: number): boolean {
    if (!(latDeg >= -90 && latDeg <= 90)) return false;
    let x = lonDeg;
    if (x < -180 || x >= 180) x = ((((x + 180) % 360) + 360) % 360) - 180;
    if (this.#test(x, latDeg)) return true;
    if (x + 360 <= this.#maxX && this.#test(x + 360, latDeg)) return true;
    return x - 360 >= this.#x0 && this.#test(x - 360, latDeg);
  }

  covers(lonDeg: number, latDeg: number): boolean {
    const b = this.coverage.bboxDeg;
    if (b === null) return true;
    return lonDeg >= b[0] && lonDeg <= b[2] && latDeg >= b[1] && latDeg <= b[3];
  }

  #test(x: number, y: number): boolean {
    const fi = (x - this.#x0) * this.#inv;
    const fj = (y - this.#y0) * this.#inv;
    if (!(fi >= 0 && fj >= 0 && fi < this.#nx && fj < this.#ny)) return false;
    const i = fi | 0;
    const j = fj | 0;
    const c = j * this.#nx + i;
    const st = this.#state[c] as number;
    if (st === WATER) return false;
    if (st === LAND) return true;
    if (st === REFINED) {
      const block = this.#winding[c] as number;
      const a = Math.min(SUB - 1, ((fi - i) * SUB) | 0);
      const b = Math.min(SUB - 1, ((fj - j) * SUB) | 0);
      const sc = block * SUB * SUB + b * SUB + a;
      const sst = this.#subState[sc] as number;
      if (sst !== MIXED) return sst === LAND;
      const sub = this.#cell / SUB;
      const xe = this.#x0 + i * this.#cell + (a + 1) * sub;
      const yc = this.#y0 + j * this.#cell + (b + 0.5) * sub;
      const p0 = 4 * (this.#subCellStart[sc] as number);
      const p1 = 4 * (this.#subCellStart[sc + 1] as number);
      return windingInCell(this.#subEdges, p0, p1, x, y, xe, yc, this.#subWinding[sc] as number) > 0;
    }
    const xe = this.#x0 + (i + 1) * this.#cell;
    const yc = this.#y0 + (j + 0.5) * this.#cell;
    const p0 = 4 * (this.#cellStart[c] as number);
    const p1 = 4 * (this.#cellStart[c + 1] as number);
    return windingInCell(this.#edges, p0, p1, x, y, xe, yc, this.#winding[c] as number) > 0;
  }
}

/**
 * Winding number at (x, y) inside a cell, given `w0`, the winding number at the midpoint (xe, yc) of the cell's
 * east side, and the cell's edges `e[p0 .. p1)` (four numbers each): walk from (x, y) east to (xe, y), then along
 * the east side to (xe, yc), adding ±1 for each edge crossed (half-open rules count a vertex on the path once).
 */
function windingInCell(
  e: Float64Array,
  p0: number,
  p1: number,
  x: number,
  y: number,
  xe: number,
  yc: number,
  w0: number,
): number {
  const up = y > yc;
  let w = w0;
  for (let p = p0; p < p1; p += 4) {
    const x1 = e[p] as number;
    const y1 = e[p + 1] as number;
    const x2 = e[p + 2] as number;
    const y2 = e[p + 3] as number;
    if (y1 <= y !== y2 <= y) {
      const xi = x1 + ((y - y1) * (x2 - x1)) / (y2 - y1);
      if (xi > x && xi <= xe) w += y2 > y1 ? 1 : -1;
    }
    if (x1 <= xe !== x2 <= xe) {
      const yi = y1 + ((xe - x1) * (y2 - y1)) / (x2 - x1);
      if (up ? yi > yc && yi <= y : yi <= yc && yi > y) w += up === x2 > x1 ? 1 : -1;
    }
  }
  return w;
}

/** Plain-data form of a polygon land index (typed arrays and numbers), transferable between threads. */
export interface PolygonLandIndexData {
  readonly name: string;
  readonly coverageBboxDeg: readonly [number, number, number, number] | null;
  readonly x0: number;
  readonly y0: number;
  readonly cellDeg: number;
  readonly nx: number;
  readonly ny: number;
  /** Per cell: 0 water, 1 land, 2 mixed (edges listed here), 3 refined (split into sub-cells). */
  readonly state: Uint8Array;
  /** Per cell: winding number at the midpoint of its east side; for a refined cell, its sub-cell block number. */
  readonly winding: Int32Array;
  /**
   * Per cell: its edges are entries cellStart[c] .. cellStart[c + 1] - 1 of `cellEdgeCoords`, each four numbers
   * (lon1, lat1, lon2, lat2) in degrees, outer rings counter-clockwise; an edge is copied into every cell it
   * touches so that a query reads one contiguous block.
   */
  readonly cellStart: Uint32Array;
  readonly cellEdgeCoords: Float64Array;
  /**
   * Coast cells with many edges are split into SUB × SUB sub-cells: sub-cell (a, b) of block k is entry
   * k·SUB² + b·SUB + a of the sub arrays, laid out like the cell arrays (states 0, 1, 2).
   */
  readonly subState: Uint8Array;
  readonly subWinding: Int32Array;
  readonly subCellStart: Uint32Array;
  readonly subEdgeCoords: Float64Array;
  readonly stats: PolygonIndexStats;
}

/** Build the grid index of `polygons` (see the file comment for the method). */
export function buildPolygonLandIndex(
  name: string,
  polygons: readonly PolygonRings[],
  options: PolygonLandMaskOptions = {},
): PolygonLandIndexData {
  const rings = prepareRings(polygons);
  let nEdges = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const r of rings) {
    nEdges += r.length / 2;
    for (let k = 0; k < r.length; k += 2) {
      const x = r[k] as number;
      const y = r[k + 1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  const ax = new Float64Array(nEdges);
  const ay = new Float64Array(nEdges);
  const bx = new Float64Array(nEdges);
  const by = new Float64Array(nEdges);
  let e = 0;
  for (const r of rings) {
    const n = r.length / 2;
    for (let k = 0; k < n; k++) {
      const k2 = (k + 1) % n;
      const x1 = r[2 * k] as number;
      const y1 = r[2 * k + 1] as number;
      const x2 = r[2 * k2] as number;
      const y2 = r[2 * k2 + 1] as number;
      if (x1 === x2 && y1 === y2) continue;
      ax[e] = x1;
      ay[e] = y1;
      bx[e] = x2;
      by[e] = y2;
      e++;
    }
  }
  nEdges = e;
  if (nEdges === 0) {
    minX = 0;
    maxX = 1;
    minY = 0;
    maxY = 1;
  }
  const width = Math.max(maxX - minX, 1e-6);
  const height = Math.max(maxY - minY, 1e-6);
  let cell = options.cellDeg ?? Math.sqrt((width * height) / Math.min(MAX_CELLS, Math.max(4096, 4 * nEdges)));
  if (!(cell > 0) || !Number.isFinite(cell)) {
    throw new TandemError('INVALID_INPUT', `grid cell size must be > 0 degrees, got ${cell}`, 'cellDeg');
  }
  while (Math.ceil(width / cell + 1) * Math.ceil(height / cell + 1) > MAX_CELLS) cell *= 1.25;
  const x0 = minX - cell * 0.5;
  const y0 = minY - cell * 0.5;
  const nx = Math.ceil((maxX - x0) / cell + 0.5);
  const ny = Math.ceil((maxY - y0) / cell + 0.5);
  const nCells = nx * ny;

  const cellStart = new Uint32Array(nCells + 1);
  forEachEdgeCell(ax, ay, bx, by, nEdges, x0, y0, cell, nx, ny, (c) => {
    cellStart[c + 1] = (cellStart[c + 1] as number) + 1;
  });
  for (let c = 0; c < nCells; c++) cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
  const edgeRefs = cellStart[nCells] as number;
  const cellEdges = new Uint32Array(edgeRefs);
  const fill = cellStart.slice(0, nCells);
  forEachEdgeCell(ax, ay, bx, by, nEdges, x0, y0, cell, nx, ny, (c, edge) => {
    const at = fill[c] as number;
    cellEdges[at] = edge;
    fill[c] = at + 1;
  });

  // Winding number at each cell's east-side midpoint, one sweep per row along y = row centre.
  const winding = new Int32Array(nCells);
  const state = new Uint8Array(nCells);
  const stamp = new Int32Array(nEdges).fill(-1);
  let crossX = new Float64Array(1024);
  let crossS = new Int8Array(1024);
  let order = new Uint32Array(1024);
  let mixedCells = 0;
  let landCells = 0;
  for (let j = 0; j < ny; j++) {
    const yc = y0 + (j + 0.5) * cell;
    let m = 0;
    for (let i = 0; i < nx; i++) {
      const c = j * nx + i;
      for (let p = cellStart[c] as number, end = cellStart[c + 1] as number; p < end; p++) {
        const k = cellEdges[p] as number;
        if (stamp[k] === j) continue;
        stamp[k] = j;
        const y1 = ay[k] as number;
        const y2 = by[k] as number;
        if (y1 <= yc === y2 <= yc) continue;
        if (m === crossX.length) {
          const bigger = new Float64Array(m * 2);
          bigger.set(crossX);
          crossX = bigger;
          const s2 = new Int8Array(m * 2);
          s2.set(crossS);
          crossS = s2;
          order = new Uint32Array(m * 2);
        }
        const x1 = ax[k] as number;
        crossX[m] = x1 + ((yc - y1) * ((bx[k] as number) - x1)) / (y2 - y1);
        crossS[m] = y2 > y1 ? 1 : -1;
        m++;
      }
    }
    for (let q = 0; q < m; q++) order[q] = q;
    const sorted = order.subarray(0, m).sort((a, b) => (crossX[a] as number) - (crossX[b] as number));
    let w = 0;
    let q = m - 1;
    for (let i = nx - 1; i >= 0; i--) {
      const xe = x0 + (i + 1) * cell;
      while (q >= 0 && (crossX[sorted[q] as number] as number) > xe) {
        w += crossS[sorted[q] as number] as number;
        q--;
      }
      const c = j * nx + i;
      winding[c] = w;
      if ((cellStart[c + 1] as number) > (cellStart[c] as number)) {
        state[c] = MIXED;
        mixedCells++;
      } else if (w > 0) {
        state[c] = LAND;
        landCells++;
      } else {
        state[c] = WATER;
      }
    }
  }

  const cellEdgeCoords = new Float64Array(4 * edgeRefs);
  for (let p = 0; p < edgeRefs; p++) {
    const k = cellEdges[p] as number;
    cellEdgeCoords[4 * p] = ax[k] as number;
    cellEdgeCoords[4 * p + 1] = ay[k] as number;
    cellEdgeCoords[4 * p + 2] = bx[k] as number;
    cellEdgeCoords[4 * p + 3] = by[k] as number;
  }
  const sub = buildSubGrids(cellStart, cellEdgeCoords, winding, x0, y0, cell, nx, ny);
  // Refined cells keep their block number in `winding` and no edges of their own.
  const keptStart = new Uint32Array(nCells + 1);
  let kept = 0;
  for (let c = 0; c < nCells; c++) {
    const block = sub.subBlock[c] as number;
    if (block >= 0) {
      state[c] = REFINED;
      winding[c] = block;
    } else {
      const p0 = cellStart[c] as number;
      const p1 = cellStart[c + 1] as number;
      cellEdgeCoords.copyWithin(4 * kept, 4 * p0, 4 * p1);
      kept += p1 - p0;
    }
    keptStart[c + 1] = kept;
  }
  return {
    name,
    coverageBboxDeg: options.coverageBboxDeg ?? null,
    x0,
    y0,
    cellDeg: cell,
    nx,
    ny,
    state,
    winding,
    cellStart: keptStart,
    cellEdgeCoords: cellEdgeCoords.slice(0, 4 * kept),
    ...sub.data,
    stats: { edges: nEdges, nx, ny, cellDeg: cell, mixedCells, landCells, edgeRefs, refinedCells: sub.blocks },
  };
}

/** Split every coast cell with at least SUB_MIN_EDGES edges into SUB × SUB sub-cells (same scheme, one level down). */
function buildSubGrids(
  cellStart: Uint32Array,
  cellEdgeCoords: Float64Array,
  winding: Int32Array,
  x0: number,
  y0: number,
  cell: number,
  nx: number,
  ny: number,
): {
  blocks: number;
  subBlock: Int32Array;
  data: Pick<PolygonLandIndexData, 'subState' | 'subWinding' | 'subCellStart' | 'subEdgeCoords'>;
} {
  const nCells = nx * ny;
  const subBlock = new Int32Array(nCells).fill(-1);
  let blocks = 0;
  for (let c = 0; c < nCells; c++) {
    if ((cellStart[c + 1] as number) - (cellStart[c] as number) >= SUB_MIN_EDGES) subBlock[c] = blocks++;
  }
  const per = SUB * SUB;
  const subState = new Uint8Array(blocks * per);
  const subWinding = new Int32Array(blocks * per);
  const subCellStart = new Uint32Array(blocks * per + 1);
  let subEdgeCoords = new Float64Array(4 * Math.max(1024, cellEdgeCoords.length / 2));
  let maxEdges = 0;
  for (let c = 0; c < nCells; c++)
    maxEdges = Math.max(maxEdges, (cellStart[c + 1] as number) - (cellStart[c] as number));
  const ax = new Float64Array(maxEdges);
  const ay = new Float64Array(maxEdges);
  const bx = new Float64Array(maxEdges);
  const by = new Float64Array(maxEdges);
  const counts = new Uint32Array(per);
  const fillAt = new Uint32Array(per);
  const crossX = new Float64Array(maxEdges);
  const crossS = new Int8Array(maxEdges);
  const s = cell / SUB;
  let total = 0;
  for (let c = 0; c < nCells; c++) {
    const block = subBlock[c] as number;
    if (block < 0) continue;
    const i = c % nx;
    const j = (c - i) / nx;
    const cw = x0 + i * cell;
    const cs = y0 + j * cell;
    const p0 = cellStart[c] as number;
    const m = (cellStart[c + 1] as number) - p0;
    for (let k = 0; k < m; k++) {
      ax[k] = cellEdgeCoords[4 * (p0 + k)] as number;
      ay[k] = cellEdgeCoords[4 * (p0 + k) + 1] as number;
      bx[k] = cellEdgeCoords[4 * (p0 + k) + 2] as number;
      by[k] = cellEdgeCoords[4 * (p0 + k) + 3] as number;
    }
    counts.fill(0);
    forEachEdgeCell(ax, ay, bx, by, m, cw, cs, s, SUB, SUB, (sc) => {
      counts[sc] = (counts[sc] as number) + 1;
    });
    const xe = cw + cell;
    const yc = cs + cell / 2;
    const w0 = winding[c] as number;
    // Winding at each sub-cell's east-side midpoint: per sub-row, at the coarse cell's east side, then westward.
    for (let b = 0; b < SUB; b++) {
      const y = cs + (b + 0.5) * s;
      const base = windingInCell(cellEdgeCoords, 4 * p0, 4 * (p0 + m), xe, y, xe, yc, w0);
      let nCross = 0;
      for (let k = 0; k < m; k++) {
        const y1 = ay[k] as number;
        const y2 = by[k] as number;
        if (y1 <= y === y2 <= y) continue;
        const x1 = ax[k] as number;
        const xi = x1 + ((y - y1) * ((bx[k] as number) - x1)) / (y2 - y1);
        if (xi > xe) continue;
        crossX[nCross] = xi;
        crossS[nCross] = y2 > y1 ? 1 : -1;
        nCross++;
      }
      for (let a = 0; a < SUB; a++) {
        const xa = cw + (a + 1) * s;
        let w = base;
        for (let q = 0; q < nCross; q++) if ((crossX[q] as number) > xa) w += crossS[q] as number;
        const sc = b * SUB + a;
        const g = block * per + sc;
        subWinding[g] = w;
        subState[g] = (counts[sc] as number) > 0 ? MIXED : w > 0 ? LAND : WATER;
      }
    }
    for (let sc = 0; sc < per; sc++) {
      fillAt[sc] = total;
      total += counts[sc] as number;
      subCellStart[block * per + sc + 1] = total;
    }
    if (4 * total > subEdgeCoords.length) {
      const bigger = new Float64Array(Math.max(4 * total, 2 * subEdgeCoords.length));
      bigger.set(subEdgeCoords);
      subEdgeCoords = bigger;
    }
    const out = subEdgeCoords;
    forEachEdgeCell(ax, ay, bx, by, m, cw, cs, s, SUB, SUB, (sc, k) => {
      const q = fillAt[sc] as number;
      fillAt[sc] = q + 1;
      out[4 * q] = ax[k] as number;
      out[4 * q + 1] = ay[k] as number;
      out[4 * q + 2] = bx[k] as number;
      out[4 * q + 3] = by[k] as number;
    });
  }
  subEdgeCoords = subEdgeCoords.slice(0, 4 * total);
  return { blocks, subBlock, data: { subState, subWinding, subCellStart, subEdgeCoords } };
}

/** Visit every (cell, edge) pair where the edge touches the closed cell (expanded by a hair for round-off). */
function forEachEdgeCell(
  ax: Float64Array,
  ay: Float64Array,
  bx: Float64Array,
  by: Float64Array,
  nEdges: number,
  x0: number,
  y0: number,
  cell: number,
  nx: number,
  ny: number,
  visit: (cellIndex: number, edge: number) => void,
): void {
  const eps = 1e-7;
  const inv = 1 / cell;
  const clampI = (v: number): number => (v < 0 ? 0 : v >= nx ? nx - 1 : v);
  const clampJ = (v: number): number => (v < 0 ? 0 : v >= ny ? ny - 1 : v);
  for (let k = 0; k < nEdges; k++) {
    const x1 = ax[k] as number;
    const y1 = ay[k] as number;
    const x2 = bx[k] as number;
    const y2 = by[k] as number;
    const j0 = clampJ(Math.floor((Math.min(y1, y2) - y0) * inv - eps));
    const j1 = clampJ(Math.floor((Math.max(y1, y2) - y0) * inv + eps));
    for (let j = j0; j <= j1; j++) {
      let xlo: number;
      let xhi: number;
      if (y1 === y2 || j0 === j1) {
        xlo = Math.min(x1, x2);
        xhi = Math.max(x1, x2);
      } else {
        const yb0 = y0 + (j - eps) * cell;
        const yb1 = y0 + (j + 1 + eps) * cell;
        let ta = (yb0 - y1) / (y2 - y1);
        let tb = (yb1 - y1) / (y2 - y1);
        if (ta > tb) [ta, tb] = [tb, ta];
        ta = Math.max(0, ta);
        tb = Math.min(1, tb);
        const xa = x1 + ta * (x2 - x1);
        const xb = x1 + tb * (x2 - x1);
        xlo = Math.min(xa, xb);
        xhi = Math.max(xa, xb);
      }
      const i0 = clampI(Math.floor((xlo - x0) * inv - eps));
      const i1 = clampI(Math.floor((xhi - x0) * inv + eps));
      for (let i = i0; i <= i1; i++) visit(j * nx + i, k);
    }
  }
}

/**
 * Rings as flat [x0, y0, x1, y1, ...] arrays without the closing point: validated, longitudes unwrapped across
 * the antimeridian, pole-encircling rings closed through their pole, each ring shifted by a multiple of 360° so
 * its west end lies in [-180, 180), outer rings counter-clockwise and holes clockwise.
 */
function prepareRings(polygons: readonly PolygonRings[]): Float64Array[] {
  const out: Float64Array[] = [];
  let vertices = 0;
  for (let p = 0; p < polygons.length; p++) {
    const poly = polygons[p] as PolygonRings;
    for (let r = 0; r < poly.length; r++) {
      const ring = poly[r] as Ring;
      vertices += ring instanceof Float64Array ? ring.length / 2 : ring.length;
      if (vertices > MAX_POLYGON_VERTICES) {
        throw new TandemError('FILE_TOO_LARGE', `more than ${MAX_POLYGON_VERTICES} polygon vertices`, 'coordinates');
      }
      const flat = unwrapRing(ring, `polygon ${p} ring ${r}`);
      if (flat === null) continue;
      const area = signedArea(flat);
      if (area === 0) continue;
      if ((r === 0) !== area > 0) reverseRing(flat);
      out.push(flat);
    }
  }
  return out;
}

function unwrapRing(ring: Ring, where: string): Float64Array | null {
  const flat = ring instanceof Float64Array;
  const lonAt = (k: number): unknown => (flat ? ring[2 * k] : ring[k]?.[0]);
  const latAt = (k: number): unknown => (flat ? ring[2 * k + 1] : ring[k]?.[1]);
  let n = flat ? Math.floor(ring.length / 2) : ring.length;
  if (n === 0) return null;
  if (n > 1 && lonAt(0) === lonAt(n - 1) && latAt(0) === latAt(n - 1)) n--;
  if (n < 3) return null;
  const pts = new Float64Array(2 * n + 6);
  let len = 0;
  let shift = 0;
  let prevLon = NaN;
  for (let k = 0; k < n; k++) {
    const lon = lonAt(k);
    const lat = latAt(k);
    if (
      typeof lon !== 'number' ||
      typeof lat !== 'number' ||
      !Number.isFinite(lon) ||
      !Number.isFinite(lat) ||
      lat < -90 ||
      lat > 90 ||
      Math.abs(lon) > 540
    ) {
      throw new TandemError('INVALID_INPUT', `position ${k} is not a valid [lon, lat] in degrees`, where);
    }
    if (k > 0) {
      const d = lon + shift - prevLon;
      if (d > 180) shift -= 360 * Math.round(d / 360);
      else if (d < -180) shift += 360 * Math.round(-d / 360);
    }
    prevLon = lon + shift;
    pts[len++] = prevLon;
    pts[len++] = lat;
  }
  // Closing edge: does it also jump? Then the ring winds once round a pole.
  const lon0 = pts[0] as number;
  const d = lon0 - prevLon;
  if (Math.abs(d) > 180) {
    let sumLat = 0;
    for (let k = 1; k < len; k += 2) sumLat += pts[k] as number;
    const poleLat = sumLat < 0 ? -90 : 90;
    const endLon = lon0 - 360 * Math.round(d / 360);
    pts.set([endLon, pts[1] as number, endLon, poleLat, lon0, poleLat], len);
    len += 6;
  }
  const out = pts.subarray(0, len);
  let minLon = Infinity;
  for (let k = 0; k < len; k += 2) minLon = Math.min(minLon, out[k] as number);
  const k360 = Math.floor((minLon + 180) / 360);
  if (k360 !== 0) for (let k = 0; k < len; k += 2) out[k] = (out[k] as number) - 360 * k360;
  return out;
}

function signedArea(r: Float64Array): number {
  const n = r.length / 2;
  let a = 0;
  for (let k = 0; k < n; k++) {
    const k2 = (k + 1) % n;
    a += (r[2 * k] as number) * (r[2 * k2 + 1] as number) - (r[2 * k2] as number) * (r[2 * k + 1] as number);
  }
  return a / 2;
}

function reverseRing(r: Float64Array): void {
  const n = r.length / 2;
  for (let a = 0, b = n - 1; a < b; a++, b--) {
    const x = r[2 * a] as number;
    const y = r[2 * a + 1] as number;
    r[2 * a] = r[2 * b] as number;
    r[2 * a + 1] = r[2 * b + 1] as number;
    r[2 * b] = x;
    r[2 * b + 1] = y;
  }
}
