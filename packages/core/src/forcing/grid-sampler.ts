/**
 * The hot-loop kernel of gridded forcing: bilinear in space on the native grid, linear in time between the
 * two bracketing time slabs (sar-method.md §1; OpenDrift's structured readers do the same). Slabs hold
 * east/north components in m/s at grid nodes, row-major `[j * nx + i]`, already rotated and land-filled, so
 * the loop is pure index arithmetic on typed arrays with no allocation.
 */
import { SampleStatus } from './environment-source.ts';
import type { SampleOutput } from './environment-source.ts';

/** One time slab of a vector field at the grid nodes. */
export interface VectorSlab {
  readonly eastMps: Float32Array;
  readonly northMps: Float32Array;
}

/**
 * Interpolates between `slab0` (weight 1 − `w`) and `slab1` (weight `w`) at fractional indices `fi`/`fj`
 * (NaN = outside the grid). Writes OutsideSpace for NaN indices and Missing when any corner is NaN.
 * `periodicX` joins column nx−1 to column 0.
 */
export function sampleVectorSlabs(
  slab0: VectorSlab,
  slab1: VectorSlab,
  w: number,
  nx: number,
  periodicX: boolean,
  fi: Float64Array,
  fj: Float64Array,
  start: number,
  end: number,
  mask: Uint8Array | undefined,
  out: SampleOutput,
): void {
  if (w === 0 || slab0 === slab1) {
    sampleOneSlab(slab0, nx, periodicX, fi, fj, start, end, mask, out);
    return;
  }
  const e0 = slab0.eastMps;
  const n0 = slab0.northMps;
  const e1 = slab1.eastMps;
  const n1 = slab1.northMps;
  const w0 = 1 - w;
  const oe = out.eastMps;
  const on = out.northMps;
  const os = out.status;
  for (let p = start; p < end; p++) {
    if (mask !== undefined && mask[p] === 0) continue;
    const x = fi[p]!;
    const y = fj[p]!;
    if (!(x === x && y === y)) {
      oe[p] = NaN;
      on[p] = NaN;
      os[p] = SampleStatus.OutsideSpace;
      continue;
    }
    let i0 = Math.floor(x);
    let j0 = Math.floor(y);
    let i1 = i0 + 1;
    let j1 = j0 + 1;
    if (i1 >= nx) {
      if (periodicX) i1 = 0;
      else {
        i1 = i0;
        i0 = i0 > 0 ? i0 - 1 : 0;
      }
    }
    const wx = x - i0;
    if (j1 * nx >= e0.length) {
      j1 = j0;
      j0 = j0 > 0 ? j0 - 1 : 0;
    }
    const wy = y - j0;
    const k00 = j0 * nx + i0;
    const k10 = j0 * nx + i1;
    const k01 = j1 * nx + i0;
    const k11 = j1 * nx + i1;
    const a00 = (1 - wx) * (1 - wy);
    const a10 = wx * (1 - wy);
    const a01 = (1 - wx) * wy;
    const a11 = wx * wy;
    const east =
      w0 * (a00 * e0[k00]! + a10 * e0[k10]! + a01 * e0[k01]! + a11 * e0[k11]!) +
      w * (a00 * e1[k00]! + a10 * e1[k10]! + a01 * e1[k01]! + a11 * e1[k11]!);
    const north =
      w0 * (a00 * n0[k00]! + a10 * n0[k10]! + a01 * n0[k01]! + a11 * n0[k11]!) +
      w * (a00 * n1[k00]! + a10 * n1[k10]! + a01 * n1[k01]! + a11 * n1[k11]!);
    if (east === east && north === north) {
      oe[p] = east;
      on[p] = north;
      os[p] = SampleStatus.Ok;
    } else {
      oe[p] = NaN;
      on[p] = NaN;
      os[p] = SampleStatus.Missing;
    }
  }
}

/** `sampleVectorSlabs` for one slab (a time step exactly, or slabs already blended in time). */
function sampleOneSlab(
  slab: VectorSlab,
  nx: number,
  periodicX: boolean,
  fi: Float64Array,
  fj: Float64Array,
  start: number,
  end: number,
  mask: Uint8Array | undefined,
  out: SampleOutput,
): void {
  const e0 = slab.eastMps;
  const n0 = slab.northMps;
  const oe = out.eastMps;
  const on = out.northMps;
  const os = out.status;
  const size = e0.length;
  for (let p = start; p < end; p++) {
    if (mask !== undefined && mask[p] === 0) continue;
    const x = fi[p]!;
    const y = fj[p]!;
    if (!(x === x && y === y)) {
      oe[p] = NaN;
      on[p] = NaN;
      os[p] = SampleStatus.OutsideSpace;
      continue;
    }
    let i0 = Math.floor(x);
    let j0 = Math.floor(y);
    let i1 = i0 + 1;
    let j1 = j0 + 1;
    if (i1 >= nx) {
      if (periodicX) i1 = 0;
      else {
        i1 = i0;
        i0 = i0 > 0 ? i0 - 1 : 0;
      }
    }
    if (j1 * nx >= size) {
      j1 = j0;
      j0 = j0 > 0 ? j0 - 1 : 0;
    }
    const wx = x - i0;
    const wy = y - j0;
    const k00 = j0 * nx + i0;
    const k10 = j0 * nx + i1;
    const k01 = j1 * nx + i0;
    const k11 = j1 * nx + i1;
    const a00 = (1 - wx) * (1 - wy);
    const a10 = wx * (1 - wy);
    const a01 = (1 - wx) * wy;
    const a11 = wx * wy;
    const east = a00 * e0[k00]! + a10 * e0[k10]! + a01 * e0[k01]! + a11 * e0[k11]!;
    const north = a00 * n0[k00]! + a10 * n0[k10]! + a01 * n0[k01]! + a11 * n0[k11]!;
    if (east === east && north === north) {
      oe[p] = east;
      on[p] = north;
      os[p] = SampleStatus.Ok;
    } else {
      oe[p] = NaN;
      on[p] = NaN;
      os[p] = SampleStatus.Missing;
    }
  }
}

/**
 * Blends two slabs linearly in time into `out` (weight 1 − `w` on `a`, `w` on `b`). Sampling one blended
 * slab gives the same values as blending at every point, and is cheaper when particles outnumber nodes.
 */
export function blendSlabs(a: VectorSlab, b: VectorSlab, w: number, out: VectorSlab): void {
  const w0 = 1 - w;
  const ae = a.eastMps;
  const an = a.northMps;
  const be = b.eastMps;
  const bn = b.northMps;
  const oe = out.eastMps;
  const on = out.northMps;
  for (let k = 0; k < oe.length; k++) {
    oe[k] = w0 * ae[k]! + w * be[k]!;
    on[k] = w0 * an[k]! + w * bn[k]!;
  }
}

/**
 * Fills NaN cells (land, fill values) by repeated 3×3 dilation: each pass gives every missing cell that has
 * at least one valid neighbour the mean of its neighbours that were valid before the pass, until no cell
 * changes or `maxPasses` is reached. This extends currents to the coast so that particles near land do not
 * meet missing values (sar-method.md §1; OpenDrift fills masked cells likewise before interpolation).
 * Works in place on a row-major `ny × nx` array and visits only the advancing front, so a pass costs
 * the size of the front, not of the grid (O(nx·ny) in all). Returns the number of passes made.
 */
export function fillMissingByDilation(values: Float32Array, nx: number, ny: number, maxPasses: number): number {
  const n = nx * ny;
  /** 0 = valid, 1 = missing and not yet queued, 2 = queued in the current front. */
  const state = new Uint8Array(n);
  let front: number[] = [];
  for (let k = 0; k < n; k++) if (!(values[k]! === values[k]!)) state[k] = 1;
  const queueNeighbours = (k: number, into: number[]): void => {
    const i = k % nx;
    const j = (k - i) / nx;
    for (let dj = -1; dj <= 1; dj++) {
      const jj = j + dj;
      if (jj < 0 || jj >= ny) continue;
      for (let di = -1; di <= 1; di++) {
        const ii = i + di;
        if (ii < 0 || ii >= nx) continue;
        const q = jj * nx + ii;
        if (state[q] === 1) {
          state[q] = 2;
          into.push(q);
        }
      }
    }
  };
  for (let k = 0; k < n; k++) if (state[k] === 0) queueNeighbours(k, front);
  let passes = 0;
  const newValues: number[] = [];
  while (front.length > 0 && passes < maxPasses) {
    newValues.length = 0;
    for (const k of front) {
      const i = k % nx;
      const j = (k - i) / nx;
      let sum = 0;
      let count = 0;
      for (let dj = -1; dj <= 1; dj++) {
        const jj = j + dj;
        if (jj < 0 || jj >= ny) continue;
        for (let di = -1; di <= 1; di++) {
          const ii = i + di;
          if (ii < 0 || ii >= nx) continue;
          const q = jj * nx + ii;
          if (state[q] === 0) {
            sum += values[q]!;
            count++;
          }
        }
      }
      newValues.push(sum / count);
    }
    for (let f = 0; f < front.length; f++) {
      values[front[f]!] = newValues[f]!;
      state[front[f]!] = 0;
    }
    const next: number[] = [];
    for (const k of front) queueNeighbours(k, next);
    front = next;
    passes++;
  }
  return passes;
}
