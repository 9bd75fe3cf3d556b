/**
 * Density of drift particles on a lon/lat grid at one output time: how many released particles (active,
 * stranded or out of data) fall in each cell, and which fraction of the probability that is: the particles'
 * weights (or equal weights when the run has none) normalised over the particles released at that time. The first step from a Monte Carlo drift to a
 * probability-of-containment map (`sar-method.md` §3; Breivik & Allen 2008 §4).
 *
 * With `{ cellSizeM }` the grid is built around the cloud: square cells of that size in metres at the cloud's
 * centre latitude (WGS 84 radii of curvature there), so cells are equal in metres near the cloud. With explicit
 * bounds `{ west, south, east, north, nx, ny }` the grid is the user's; particles outside it are counted in
 * `outside`. Cells are half-open [west, east) × [south, north), except that the grid's east and north edges are
 * closed. A grid may cross the antimeridian (`east < west`, or longitudes beyond 180°).
 */
import { TandemError } from '../errors/index.ts';
import { metersPerDegree } from '../geo/index.ts';
import type { EpochSeconds } from '../units/index.ts';
import { ParticleStatus } from './trajectory-set.ts';
import type { TrajectorySet } from './trajectory-set.ts';

export type DensityGridSpec =
  | { readonly cellSizeM: number }
  | {
      readonly west: number;
      readonly south: number;
      readonly east: number;
      readonly north: number;
      readonly nx: number;
      readonly ny: number;
    };

export interface DensityGrid {
  readonly outputIndex: number;
  readonly timeS: EpochSeconds;
  /** Grid bounds in degrees; `east` may exceed 180 when the grid crosses the antimeridian. */
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
  readonly nx: number;
  readonly ny: number;
  /** Cell size in degrees of longitude and latitude. */
  readonly cellLonDeg: number;
  readonly cellLatDeg: number;
  /** Particles per cell, row-major from the south-west corner: cell (i, j) at [j * nx + i]. */
  readonly counts: Uint32Array;
  /** Probability per cell: the cell's share of the released particles' total weight (count / total if unweighted). */
  readonly fraction: Float64Array;
  /** Released particles at this output time (inside and outside the grid). */
  readonly total: number;
  /** Released particles outside the grid (always 0 for a grid built around the cloud). */
  readonly outside: number;
}

/** Largest grid built (cells). */
export const MAX_DENSITY_CELLS = 4_000_000;

/** Bounds [west, south, east, north] in degrees of cell (i, j). */
export function densityCellBounds(grid: DensityGrid, i: number, j: number): [number, number, number, number] {
  const w = grid.west + i * grid.cellLonDeg;
  const s = grid.south + j * grid.cellLatDeg;
  return [w, s, w + grid.cellLonDeg, s + grid.cellLatDeg];
}

function finite(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new TandemError('INVALID_INPUT', `expected a finite number, got ${String(v)}`, field);
  }
  return v;
}

export function densityGrid(set: TrajectorySet, outputIndex: number, spec: DensityGridSpec): DensityGrid {
  const nt = set.timesS.length;
  if (!Number.isInteger(outputIndex) || outputIndex < 0 || outputIndex >= nt) {
    throw new TandemError(
      'OUT_OF_RANGE',
      `output index must be within [0, ${nt - 1}], got ${outputIndex}`,
      'outputIndex',
    );
  }
  const n = set.count;
  const base = outputIndex * n;
  const released = (i: number): boolean => {
    const o = base + i;
    return (
      set.status[o] !== ParticleStatus.NotSeeded &&
      Number.isFinite(set.lonDeg[o] as number) &&
      Number.isFinite(set.latDeg[o] as number)
    );
  };
  let total = 0;
  let weightSum = 0;
  let refLon = NaN;
  for (let i = 0; i < n; i++) {
    if (!released(i)) continue;
    total++;
    weightSum += set.weight === undefined ? 1 : (set.weight[i] as number);
    if (Number.isNaN(refLon)) refLon = set.lonDeg[base + i] as number;
  }

  let west: number;
  let south: number;
  let nx: number;
  let ny: number;
  let dLon: number;
  let dLat: number;
  if ('cellSizeM' in spec) {
    const size = finite(spec.cellSizeM, 'cellSizeM');
    if (size <= 0) throw new TandemError('OUT_OF_RANGE', `must be greater than 0, got ${size}`, 'cellSizeM');
    let minLon = Infinity;
    let maxLon = -Infinity;
    let minLat = Infinity;
    let maxLat = -Infinity;
    for (let i = 0; i < n; i++) {
      if (!released(i)) continue;
      const lon = unwrapNear(set.lonDeg[base + i] as number, refLon);
      const lat = set.latDeg[base + i] as number;
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
    if (total === 0) {
      minLon = maxLon = 0;
      minLat = maxLat = 0;
    }
    const m = metersPerDegree((minLat + maxLat) / 2);
    dLat = size / m.northM;
    dLon = size / Math.max(m.eastM, 1e-9);
    nx = Math.floor((maxLon - minLon) / dLon) + 1;
    ny = Math.floor((maxLat - minLat) / dLat) + 1;
    if (!(nx * ny <= MAX_DENSITY_CELLS)) {
      throw new TandemError(
        'OUT_OF_RANGE',
        `cells of ${size} m give ${nx}×${ny} cells over the cloud; at most ${MAX_DENSITY_CELLS}`,
        'cellSizeM',
      );
    }
    west = (minLon + maxLon) / 2 - (nx * dLon) / 2;
    south = (minLat + maxLat) / 2 - (ny * dLat) / 2;
  } else {
    west = finite(spec.west, 'west');
    south = finite(spec.south, 'south');
    let east = finite(spec.east, 'east');
    const north = finite(spec.north, 'north');
    nx = finite(spec.nx, 'nx');
    ny = finite(spec.ny, 'ny');
    for (const [k, v] of [
      ['nx', nx],
      ['ny', ny],
    ] as const) {
      if (!Number.isInteger(v) || v < 1) throw new TandemError('OUT_OF_RANGE', `must be a whole number ≥ 1`, k);
    }
    if (nx * ny > MAX_DENSITY_CELLS) {
      throw new TandemError('OUT_OF_RANGE', `${nx}×${ny} cells; at most ${MAX_DENSITY_CELLS}`, 'nx');
    }
    if (south < -90 || north > 90 || !(north > south)) {
      throw new TandemError('OUT_OF_RANGE', 'need -90 ≤ south < north ≤ 90', 'south');
    }
    if (east <= west) east += 360;
    if (east - west > 360) throw new TandemError('OUT_OF_RANGE', 'the grid spans more than 360°', 'east');
    dLon = (east - west) / nx;
    dLat = (north - south) / ny;
  }

  const counts = new Uint32Array(nx * ny);
  const fraction = new Float64Array(nx * ny);
  let outside = 0;
  const mid = west + (nx * dLon) / 2;
  for (let i = 0; i < n; i++) {
    if (!released(i)) continue;
    const lon = unwrapNear(set.lonDeg[base + i] as number, mid);
    const lat = set.latDeg[base + i] as number;
    let ci = Math.floor((lon - west) / dLon);
    let cj = Math.floor((lat - south) / dLat);
    if (ci === nx && lon <= west + nx * dLon * (1 + 1e-12)) ci = nx - 1;
    if (cj === ny && lat <= south + ny * dLat * (1 + 1e-12)) cj = ny - 1;
    if (ci < 0 || ci >= nx || cj < 0 || cj >= ny) {
      outside++;
      continue;
    }
    const c = cj * nx + ci;
    counts[c] = (counts[c] as number) + 1;
    const w = set.weight === undefined ? 1 : (set.weight[i] as number);
    fraction[c] = (fraction[c] as number) + (weightSum > 0 ? w / weightSum : 0);
  }
  return {
    outputIndex,
    timeS: set.timesS[outputIndex] as EpochSeconds,
    west,
    south,
    east: west + nx * dLon,
    north: south + ny * dLat,
    nx,
    ny,
    cellLonDeg: dLon,
    cellLatDeg: dLat,
    counts,
    fraction,
    total,
    outside,
  };
}

/** `lon` shifted by a multiple of 360° to lie within 180° of `ref`. */
function unwrapNear(lon: number, ref: number): number {
  if (!Number.isFinite(ref)) return lon;
  return lon + 360 * Math.round((ref - lon) / 360);
}
