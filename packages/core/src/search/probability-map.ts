/**
 * Probability maps: a weighted particle cloud in the plane of a Lambert azimuthal equal-area projection, and the
 * POC grid of equal-area square cells derived from it or from a datum (circular normal, uniform polygon).
 * Probabilities are normalised to sum to 1 over the map (`sar-method.md` §3; Stone 1975 ch. 1).
 */
import { TandemError } from '../errors/index.ts';
import type { LonLat } from '../geo/index.ts';
import type { Rng } from '../random/index.ts';
import type { TrajectorySet } from '../drift/index.ts';
import { ParticleStatus } from '../drift/index.ts';
import { lambertAzimuthalEqualArea } from './equal-area-projection.ts';
import type { PlaneProjection } from './equal-area-projection.ts';
import { cellIndexOf } from './closest-approach-pod.ts';
import type { CellFrame } from './closest-approach-pod.ts';
import { erf } from './detection.ts';

/** Possible target positions with probabilities summing to 1, projected metres. */
export interface ParticleCloud {
  readonly projection: PlaneProjection;
  readonly xM: Float64Array;
  readonly yM: Float64Array;
  readonly weight: Float64Array;
}

/** A POC grid: probability of containment per equal-area cell (row-major from the south-west, j * nx + i). */
export interface ProbabilityGrid extends CellFrame {
  readonly projection: PlaneProjection;
  readonly poc: Float64Array;
}

/** Positions of one scenario: parallel arrays, optional per-particle weights, and the scenario's weight. */
export interface ScenarioPositions {
  readonly lonDeg: ArrayLike<number>;
  readonly latDeg: ArrayLike<number>;
  readonly particleWeight?: ArrayLike<number>;
  /** Relative weight of the scenario (normalised over all scenarios). */
  readonly weight: number;
}

/** The weighted mean position of finite positions (the projection centre of a map). */
export function centroidLonLat(lonDeg: ArrayLike<number>, latDeg: ArrayLike<number>): LonLat {
  let sx = 0;
  let sy = 0;
  let sz = 0;
  let n = 0;
  for (let k = 0; k < lonDeg.length; k++) {
    const lo = lonDeg[k] as number;
    const la = latDeg[k] as number;
    if (!Number.isFinite(lo) || !Number.isFinite(la)) continue;
    const p = (la * Math.PI) / 180;
    const l = (lo * Math.PI) / 180;
    sx += Math.cos(p) * Math.cos(l);
    sy += Math.cos(p) * Math.sin(l);
    sz += Math.sin(p);
    n++;
  }
  if (n === 0)
    throw new TandemError('INVALID_INPUT', 'no valid positions to build a probability map from', 'probability');
  return [(Math.atan2(sy, sx) * 180) / Math.PI, (Math.atan2(sz, Math.hypot(sx, sy)) * 180) / Math.PI];
}

/**
 * Combine weighted scenarios into one cloud: within a scenario particles share its weight (in proportion to their
 * own weights when given); positions that are not finite (not yet seeded) are dropped.
 */
export function cloudFromScenarios(
  scenarios: readonly ScenarioPositions[],
  projection?: PlaneProjection,
): ParticleCloud {
  if (scenarios.length === 0) throw new TandemError('INVALID_INPUT', 'at least one scenario is needed', 'probability');
  let total = 0;
  let count = 0;
  scenarios.forEach((s, i) => {
    if (!(Number.isFinite(s.weight) && s.weight >= 0)) {
      throw new TandemError(
        'INVALID_INPUT',
        `scenario weight must be ≥ 0, got ${s.weight}`,
        `probability.scenarios[${i}].weight`,
      );
    }
    total += s.weight;
    count += s.lonDeg.length;
  });
  if (!(total > 0)) throw new TandemError('INVALID_INPUT', 'scenario weights sum to 0', 'probability.scenarios');
  const proj =
    projection ??
    lambertAzimuthalEqualArea(
      centroidLonLat(
        scenarios.flatMap((s) => Array.from(s.lonDeg)),
        scenarios.flatMap((s) => Array.from(s.latDeg)),
      ),
    );
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const w = new Float64Array(count);
  let n = 0;
  let used = 0;
  for (const s of scenarios) {
    let sum = 0;
    for (let k = 0; k < s.lonDeg.length; k++) {
      if (!Number.isFinite(s.lonDeg[k]) || !Number.isFinite(s.latDeg[k])) continue;
      sum += s.particleWeight === undefined ? 1 : Math.max(0, s.particleWeight[k] as number);
    }
    if (!(sum > 0) || s.weight === 0) continue;
    used += s.weight;
    for (let k = 0; k < s.lonDeg.length; k++) {
      const lo = s.lonDeg[k] as number;
      const la = s.latDeg[k] as number;
      if (!Number.isFinite(lo) || !Number.isFinite(la)) continue;
      const pw = s.particleWeight === undefined ? 1 : Math.max(0, s.particleWeight[k] as number);
      const [px, py] = proj.forward(lo, la);
      x[n] = px;
      y[n] = py;
      w[n] = (s.weight * pw) / sum;
      n++;
    }
  }
  if (n === 0 || !(used > 0)) throw new TandemError('INVALID_INPUT', 'no particle has a position', 'probability');
  const weight = w.subarray(0, n);
  for (let k = 0; k < n; k++) weight[k] = (weight[k] as number) / used;
  return { projection: proj, xM: x.subarray(0, n), yM: y.subarray(0, n), weight };
}

/**
 * Positions of a drift run at `atTimeS` (epoch s), linearly interpolated between the bracketing output times;
 * particles not yet seeded at either bracket are left out. `particleWeight` (optional) weights scenarios.
 */
export function positionsAtTime(set: TrajectorySet, atTimeS: number): { lonDeg: Float64Array; latDeg: Float64Array } {
  const nt = set.timesS.length;
  if (nt === 0) throw new TandemError('INVALID_INPUT', 'the drift run has no output times', 'probability.driftRun');
  const t0 = set.timesS[0] as number;
  const t1 = set.timesS[nt - 1] as number;
  const lo = Math.min(t0, t1);
  const hi = Math.max(t0, t1);
  if (!(atTimeS >= lo - 1e-6 && atTimeS <= hi + 1e-6)) {
    throw new TandemError(
      'TIME_OUTSIDE_FORCING',
      `atTime is outside the drift run's output times`,
      'probability.atTime',
    );
  }
  let k = 0;
  const asc = t1 >= t0;
  while (k < nt - 2 && (asc ? (set.timesS[k + 1] as number) < atTimeS : (set.timesS[k + 1] as number) > atTimeS)) k++;
  const ta = set.timesS[k] as number;
  const tb = set.timesS[Math.min(k + 1, nt - 1)] as number;
  const f = tb === ta ? 0 : Math.min(1, Math.max(0, (atTimeS - ta) / (tb - ta)));
  const n = set.count;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const kb = Math.min(k + 1, nt - 1);
  for (let i = 0; i < n; i++) {
    const a = k * n + i;
    const b = kb * n + i;
    const sa = set.status[a];
    const sb = set.status[b];
    const aOk = sa !== ParticleStatus.NotSeeded && Number.isFinite(set.lonDeg[a]);
    const bOk = sb !== ParticleStatus.NotSeeded && Number.isFinite(set.lonDeg[b]);
    if (aOk && bOk) {
      let dl = (set.lonDeg[b] as number) - (set.lonDeg[a] as number);
      if (dl > 180) dl -= 360;
      if (dl < -180) dl += 360;
      lon[i] = (set.lonDeg[a] as number) + f * dl;
      lat[i] = (set.latDeg[a] as number) + f * ((set.latDeg[b] as number) - (set.latDeg[a] as number));
    } else if (aOk && f < 0.5) {
      lon[i] = set.lonDeg[a] as number;
      lat[i] = set.latDeg[a] as number;
    } else if (bOk && f >= 0.5) {
      lon[i] = set.lonDeg[b] as number;
      lat[i] = set.latDeg[b] as number;
    } else {
      lon[i] = NaN;
      lat[i] = NaN;
    }
  }
  return { lonDeg: lon, latDeg: lat };
}

/** `count` particles drawn from a circular normal (σ per axis, metres) centred on `center`. */
export function circularNormalCloud(center: LonLat, sigmaM: number, count: number, rng: Rng): ParticleCloud {
  if (!(sigmaM > 0 && Number.isFinite(sigmaM)))
    throw new TandemError('INVALID_INPUT', `must be > 0, got ${sigmaM}`, 'probability.circularNormal.sigmaM');
  const projection = lambertAzimuthalEqualArea(center);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const w = new Float64Array(count).fill(1 / count);
  for (let k = 0; k < count; k++) {
    x[k] = sigmaM * rng.normal();
    y[k] = sigmaM * rng.normal();
  }
  return { projection, xM: x, yM: y, weight: w };
}

/** Even-odd point-in-polygon test for a ring of plane points. */
export function pointInRing(x: number, y: number, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as readonly [number, number];
    const [xj, yj] = ring[j] as readonly [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** x coordinates where the horizontal line at `y` crosses the ring's edges, ascending (even-odd rule). */
export function ringCrossings(ring: readonly (readonly [number, number])[], y: number): number[] {
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as readonly [number, number];
    const [xj, yj] = ring[j] as readonly [number, number];
    if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  return xs.sort((a, b) => a - b);
}

/** Area of a plane ring, m² (shoelace). */
export function ringAreaM2(ring: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as readonly [number, number];
    const b = ring[i] as readonly [number, number];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(s) / 2;
}

function validatePolygon(polygon: readonly LonLat[], field: string): void {
  if (!Array.isArray(polygon) || polygon.length < 3)
    throw new TandemError('INVALID_INPUT', 'a polygon needs at least 3 [lon, lat] points', field);
  polygon.forEach((p, i) => {
    if (
      !Array.isArray(p) ||
      p.length < 2 ||
      !Number.isFinite(p[0]) ||
      !Number.isFinite(p[1]) ||
      Math.abs(p[1]) > 90 ||
      Math.abs(p[0]) > 360
    ) {
      throw new TandemError('INVALID_INPUT', 'must be [lon, lat] in degrees', `${field}[${i}]`);
    }
  });
}

/** Particles on a regular lattice (about `count` of them) inside a polygon, equal weights: a uniform target. */
export function uniformPolygonCloud(
  polygon: readonly LonLat[],
  count: number,
  field = 'probability.uniform.polygon',
): ParticleCloud {
  validatePolygon(polygon, field);
  const projection = lambertAzimuthalEqualArea(
    centroidLonLat(
      polygon.map((p) => p[0]),
      polygon.map((p) => p[1]),
    ),
  );
  const ring = polygon.map((p) => projection.forward(p[0], p[1]));
  const area = ringAreaM2(ring);
  if (!(area > 0)) throw new TandemError('INVALID_INPUT', 'the polygon has no area', field);
  const step = Math.sqrt(area / count);
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
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = minY + step / 2; y < maxY; y += step) {
    const cross = ringCrossings(ring, y);
    for (let c = 0; c + 1 < cross.length; c += 2) {
      const a = cross[c] as number;
      const b = cross[c + 1] as number;
      // Lattice columns x = minX + (k + 1/2) step inside [a, b).
      for (let k = Math.ceil((a - minX) / step - 0.5); minX + (k + 0.5) * step < b; k++) {
        xs.push(minX + (k + 0.5) * step);
        ys.push(y);
      }
    }
  }
  if (xs.length === 0) throw new TandemError('INVALID_INPUT', 'the polygon is too small for the lattice', field);
  return {
    projection,
    xM: Float64Array.from(xs),
    yM: Float64Array.from(ys),
    weight: new Float64Array(xs.length).fill(1 / xs.length),
  };
}

/** A frame of nx × ny square cells covering [minX, maxX] × [minY, maxY] (centred, the larger span fills). */
export function frameAround(minX: number, maxX: number, minY: number, maxY: number, nx: number, ny: number): CellFrame {
  if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 1 && ny >= 1 && nx * ny <= 16_000_000)) {
    throw new TandemError('OUT_OF_RANGE', `grid ${nx} x ${ny} must be whole, ≥ 1 and at most 16 million cells`, 'grid');
  }
  const span = Math.max((maxX - minX) / nx, (maxY - minY) / ny, 1);
  const cellM = span;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return { x0M: cx - (nx * cellM) / 2, y0M: cy - (ny * cellM) / 2, cellM, nx, ny };
}

/** Bounding frame of a cloud, widened by `marginFraction` of its span on every side. */
export function frameForCloud(cloud: ParticleCloud, nx: number, ny: number, marginFraction = 0.05): CellFrame {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let k = 0; k < cloud.xM.length; k++) {
    if (!((cloud.weight[k] as number) > 0)) continue;
    minX = Math.min(minX, cloud.xM[k] as number);
    maxX = Math.max(maxX, cloud.xM[k] as number);
    minY = Math.min(minY, cloud.yM[k] as number);
    maxY = Math.max(maxY, cloud.yM[k] as number);
  }
  const m = marginFraction * Math.max(maxX - minX, maxY - minY, 100);
  return frameAround(minX - m, maxX + m, minY - m, maxY + m, nx, ny);
}

/** POC grid of a cloud: each particle's weight added to its cell; renormalised over the particles inside. */
export function gridFromCloud(cloud: ParticleCloud, frame: CellFrame): ProbabilityGrid {
  const poc = new Float64Array(frame.nx * frame.ny);
  let total = 0;
  for (let k = 0; k < cloud.xM.length; k++) {
    const c = cellIndexOf(frame, cloud.xM[k] as number, cloud.yM[k] as number);
    if (c < 0) continue;
    const w = cloud.weight[k] as number;
    poc[c] = (poc[c] as number) + w;
    total += w;
  }
  if (total > 0) for (let c = 0; c < poc.length; c++) poc[c] = (poc[c] as number) / total;
  return { ...frame, projection: cloud.projection, poc };
}

/** Standard normal CDF Φ. */
function phi(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

/**
 * POC grid of a circular normal (σ per axis, metres) centred on the projection centre: each cell gets the exact
 * integral [Φ(x1/σ) - Φ(x0/σ)][Φ(y1/σ) - Φ(y0/σ)], renormalised over the grid.
 */
export function gridFromCircularNormal(projection: PlaneProjection, sigmaM: number, frame: CellFrame): ProbabilityGrid {
  const px = new Float64Array(frame.nx);
  const py = new Float64Array(frame.ny);
  for (let i = 0; i < frame.nx; i++)
    px[i] = phi((frame.x0M + (i + 1) * frame.cellM) / sigmaM) - phi((frame.x0M + i * frame.cellM) / sigmaM);
  for (let j = 0; j < frame.ny; j++)
    py[j] = phi((frame.y0M + (j + 1) * frame.cellM) / sigmaM) - phi((frame.y0M + j * frame.cellM) / sigmaM);
  const poc = new Float64Array(frame.nx * frame.ny);
  let total = 0;
  for (let j = 0; j < frame.ny; j++) {
    for (let i = 0; i < frame.nx; i++) {
      const v = (px[i] as number) * (py[j] as number);
      poc[j * frame.nx + i] = v;
      total += v;
    }
  }
  for (let c = 0; c < poc.length; c++) poc[c] = (poc[c] as number) / total;
  return { ...frame, projection, poc };
}

/** Rescale `values` in place so that they sum to 1 (left as is when they sum to 0). Returns the old sum. */
export function normalizeInPlace(values: Float64Array): number {
  let s = 0;
  for (let k = 0; k < values.length; k++) s += values[k] as number;
  if (s > 0) for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) / s;
  return s;
}

/**
 * POC grid of a uniform target over a polygon (plane ring, metres): each cell gets the fraction of its area inside
 * the polygon, estimated on a `sub` × `sub` lattice of points per cell, renormalised over the grid.
 */
export function gridFromPolygon(
  projection: PlaneProjection,
  ring: readonly (readonly [number, number])[],
  frame: CellFrame,
  sub = 4,
): ProbabilityGrid {
  const poc = new Float64Array(frame.nx * frame.ny);
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
  const i0 = Math.max(0, Math.floor((minX - frame.x0M) / frame.cellM));
  const i1 = Math.min(frame.nx, Math.ceil((maxX - frame.x0M) / frame.cellM));
  const j0 = Math.max(0, Math.floor((minY - frame.y0M) / frame.cellM));
  const j1 = Math.min(frame.ny, Math.ceil((maxY - frame.y0M) / frame.cellM));
  // Scanlines through the sub-rows: each crossing pair fills the sub-columns between them.
  const subW = frame.cellM / sub;
  for (let j = j0; j < j1; j++) {
    for (let b = 0; b < sub; b++) {
      const y = frame.y0M + (j + (b + 0.5) / sub) * frame.cellM;
      const cross = ringCrossings(ring, y);
      for (let c = 0; c + 1 < cross.length; c += 2) {
        const xa = cross[c] as number;
        const xb = cross[c + 1] as number;
        const k0 = Math.max(i0 * sub, Math.ceil((xa - frame.x0M) / subW - 0.5));
        const k1 = Math.min(i1 * sub - 1, Math.ceil((xb - frame.x0M) / subW - 0.5) - 1);
        for (let k = k0; k <= k1; k++) {
          const cell = j * frame.nx + Math.floor(k / sub);
          poc[cell] = (poc[cell] as number) + 1;
        }
      }
    }
  }
  normalizeInPlace(poc);
  return { ...frame, projection, poc };
}

/**
 * Kernel-smoothed POC grid of a particle cloud: the binned weights blurred by a Gaussian of bandwidth
 * h = σ n_eff^(-1/6) (Silverman's rule for two dimensions, Silverman 1986 eq. 4.14; σ the mean axis standard
 * deviation, n_eff = 1 / Σ w²). Without it, a grid much finer than the particles are dense leaves most cells
 * empty and an optimiser would put its effort on the particles themselves rather than on the density they sample.
 */
export function smoothedGridFromCloud(cloud: ParticleCloud, frame: CellFrame): ProbabilityGrid {
  const g = gridFromCloud(cloud, frame);
  let sw = 0;
  let sw2 = 0;
  let mx = 0;
  let my = 0;
  for (let k = 0; k < cloud.xM.length; k++) {
    const w = cloud.weight[k] as number;
    sw += w;
    sw2 += w * w;
    mx += w * (cloud.xM[k] as number);
    my += w * (cloud.yM[k] as number);
  }
  if (!(sw > 0)) return g;
  mx /= sw;
  my /= sw;
  let v = 0;
  for (let k = 0; k < cloud.xM.length; k++) {
    const w = cloud.weight[k] as number;
    v += w * (((cloud.xM[k] as number) - mx) ** 2 + ((cloud.yM[k] as number) - my) ** 2);
  }
  const sigma = Math.sqrt(v / (2 * sw));
  const nEff = (sw * sw) / sw2;
  const hCells = (sigma * Math.pow(nEff, -1 / 6)) / frame.cellM;
  if (!(hCells > 0.5)) return g;
  return { ...g, poc: gaussianBlur(g.poc, frame.nx, frame.ny, Math.min(hCells, 25)) };
}

/** Separable Gaussian blur (σ in cells, kernel ±3σ, edges not wrapped), renormalised to the input's sum. */
export function gaussianBlur(values: Float64Array, nx: number, ny: number, sigmaCells: number): Float64Array {
  const r = Math.max(1, Math.ceil(3 * sigmaCells));
  const kernel = new Float64Array(2 * r + 1);
  for (let d = -r; d <= r; d++) kernel[d + r] = Math.exp(-(d * d) / (2 * sigmaCells * sigmaCells));
  const tmp = new Float64Array(nx * ny);
  const out = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const v = values[j * nx + i] as number;
      if (v === 0) continue;
      for (let d = Math.max(-r, -i); d <= Math.min(r, nx - 1 - i); d++)
        tmp[j * nx + i + d] = (tmp[j * nx + i + d] as number) + v * (kernel[d + r] as number);
    }
  }
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const v = tmp[j * nx + i] as number;
      if (v === 0) continue;
      for (let d = Math.max(-r, -j); d <= Math.min(r, ny - 1 - j); d++)
        out[(j + d) * nx + i] = (out[(j + d) * nx + i] as number) + v * (kernel[d + r] as number);
    }
  }
  let a = 0;
  let b = 0;
  for (let c = 0; c < values.length; c++) {
    a += values[c] as number;
    b += out[c] as number;
  }
  if (b > 0) for (let c = 0; c < out.length; c++) out[c] = ((out[c] as number) * a) / b;
  return out;
}
