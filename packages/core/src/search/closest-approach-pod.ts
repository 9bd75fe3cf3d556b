/**
 * POD per particle from the tracks a unit runs: the closest point of approach x of each leg to the particle,
 * through the unit's lateral range curve, legs combined as independent glimpses 1 - Π(1 - p(x_leg))
 * (`sar-method.md` §3; Koopman 1980 ch. 3). Struct-of-arrays: particles as x/y typed arrays in the plane of the
 * probability grid (metres), legs as a flat Float64Array [x0, y0, x1, y1, ...].
 */
import type { SensorModel } from './detection.ts';

/** The cells of an equal-area grid (projected metres), enough to bin positions. */
export interface CellFrame {
  /** West edge and south edge of the grid, projected metres. */
  readonly x0M: number;
  readonly y0M: number;
  /** Square cell side, metres. */
  readonly cellM: number;
  readonly nx: number;
  readonly ny: number;
}

/** Cell index of a projected position, or -1 outside the frame. */
export function cellIndexOf(frame: CellFrame, xM: number, yM: number): number {
  const i = Math.floor((xM - frame.x0M) / frame.cellM);
  const j = Math.floor((yM - frame.y0M) / frame.cellM);
  if (i < 0 || j < 0 || i >= frame.nx || j >= frame.ny) return -1;
  return j * frame.nx + i;
}

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
export function segmentDistanceSquared(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * Multiply `miss[k]` (probability that particle k is still undetected) by the probability that this unit's
 * legs miss it. `frame` is needed only for the `exponential` model (coverage per cell).
 */
export function applyLegsToMiss(
  xM: Float64Array,
  yM: Float64Array,
  legs: Float64Array,
  sweepWidthM: number,
  model: SensorModel,
  miss: Float64Array,
  frame?: CellFrame,
): void {
  const n = xM.length;
  const nLegs = legs.length >> 2;
  if (nLegs === 0 || !(sweepWidthM > 0)) return;
  if (model === 'exponential') {
    if (frame === undefined) throw new Error('applyLegsToMiss: exponential model needs a cell frame');
    const coverage = cellCoverage(legs, sweepWidthM, frame);
    for (let k = 0; k < n; k++) {
      const c = cellIndexOf(frame, xM[k] as number, yM[k] as number);
      if (c >= 0) miss[k] = (miss[k] as number) * Math.exp(-(coverage[c] as number));
    }
    return;
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let l = 0; l < nLegs; l++) {
    const ax = legs[4 * l] as number;
    const ay = legs[4 * l + 1] as number;
    const bx = legs[4 * l + 2] as number;
    const by = legs[4 * l + 3] as number;
    minX = Math.min(minX, ax, bx);
    maxX = Math.max(maxX, ax, bx);
    minY = Math.min(minY, ay, by);
    maxY = Math.max(maxY, ay, by);
  }
  if (model === 'definite-range') {
    const r = sweepWidthM / 2;
    const r2 = r * r;
    for (let k = 0; k < n; k++) {
      const px = xM[k] as number;
      const py = yM[k] as number;
      if (px < minX - r || px > maxX + r || py < minY - r || py > maxY + r) continue;
      for (let l = 0; l < nLegs; l++) {
        const d2 = segmentDistanceSquared(
          px,
          py,
          legs[4 * l] as number,
          legs[4 * l + 1] as number,
          legs[4 * l + 2] as number,
          legs[4 * l + 3] as number,
        );
        if (d2 <= r2) {
          miss[k] = 0;
          break;
        }
      }
    }
    return;
  }
  // Inverse cube: Π exp(-W²/(4π x_l²)) = exp(-W²/(4π) Σ 1/x_l²). Beyond 300 W a leg's p(x) < 1e-6: skipped.
  const a = (sweepWidthM * sweepWidthM) / (4 * Math.PI);
  const far = 300 * sweepWidthM;
  const tiny = 1e-6 * sweepWidthM * sweepWidthM;
  for (let k = 0; k < n; k++) {
    const px = xM[k] as number;
    const py = yM[k] as number;
    if (px < minX - far || px > maxX + far || py < minY - far || py > maxY + far) continue;
    let s = 0;
    for (let l = 0; l < nLegs; l++) {
      const d2 = segmentDistanceSquared(
        px,
        py,
        legs[4 * l] as number,
        legs[4 * l + 1] as number,
        legs[4 * l + 2] as number,
        legs[4 * l + 3] as number,
      );
      s += 1 / (d2 > tiny ? d2 : tiny);
    }
    miss[k] = (miss[k] as number) * Math.exp(-a * s);
  }
}

/**
 * Coverage per cell, W · (track length in the cell) / (cell area), legs sampled every ≤ cell/16 metres.
 */
export function cellCoverage(legs: Float64Array, sweepWidthM: number, frame: CellFrame): Float64Array {
  const out = new Float64Array(frame.nx * frame.ny);
  const step = frame.cellM / 16;
  const nLegs = legs.length >> 2;
  const perM = sweepWidthM / (frame.cellM * frame.cellM);
  for (let l = 0; l < nLegs; l++) {
    const ax = legs[4 * l] as number;
    const ay = legs[4 * l + 1] as number;
    const bx = legs[4 * l + 2] as number;
    const by = legs[4 * l + 3] as number;
    const len = Math.hypot(bx - ax, by - ay);
    const m = Math.max(1, Math.ceil(len / step));
    const piece = len / m;
    for (let q = 0; q < m; q++) {
      const t = (q + 0.5) / m;
      const c = cellIndexOf(frame, ax + t * (bx - ax), ay + t * (by - ay));
      if (c >= 0) out[c] = (out[c] as number) + piece * perM;
    }
  }
  return out;
}

/** Probability of success Σ w_k (1 - miss_k) of a weighted particle set (weights summing to 1). */
export function posFromMiss(weight: Float64Array, miss: Float64Array): number {
  let s = 0;
  for (let k = 0; k < weight.length; k++) s += (weight[k] as number) * (1 - (miss[k] as number));
  return s;
}

/**
 * Random search (Koopman's exponential detection) over an area: particles inside the ring (plane metres) are
 * missed with probability exp(-coverage), coverage = W · L / A; particles outside are untouched.
 */
export function applyAreaCoverageToMiss(
  xM: Float64Array,
  yM: Float64Array,
  ring: readonly (readonly [number, number])[],
  coverage: number,
  miss: Float64Array,
): void {
  if (!(coverage > 0) || ring.length < 3) return;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const f = Math.exp(-coverage);
  for (let k = 0; k < xM.length; k++) {
    const x = xM[k] as number;
    const y = yM[k] as number;
    if (x < minX || x > maxX || y < minY || y > maxY) continue;
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as readonly [number, number];
      const [xj, yj] = ring[j] as readonly [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    if (inside) miss[k] = (miss[k] as number) * f;
  }
}

/**
 * A frame for the exponential (random search) model of tracks run: cells merged k × k so that a cell is at least
 * `minCellM` wide (random search needs several track spacings per cell).
 */
export function coarsenFrame(frame: CellFrame, minCellM: number): CellFrame {
  const k = Math.max(1, Math.ceil(minCellM / frame.cellM));
  return {
    x0M: frame.x0M,
    y0M: frame.y0M,
    cellM: frame.cellM * k,
    nx: Math.ceil(frame.nx / k),
    ny: Math.ceil(frame.ny / k),
  };
}
