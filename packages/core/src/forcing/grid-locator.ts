/**
 * Grid locators: map particle positions (lon, lat in degrees) to fractional indices (i along the grid's x
 * columns, j along its y rows) of a gridded forcing field, in batches over struct-of-arrays positions.
 * A fractional index `i = 3.25` lies a quarter of the way from column 3 to column 4; bilinear interpolation
 * (`grid-sampler.ts`) works on these indices on the file's native grid, as OpenDrift's structured readers do
 * (sar-method.md §1).
 */

/**
 * A 1-D monotonic coordinate axis (ascending or descending). Regular axes (constant spacing within 1e-6 of
 * a step) use direct index arithmetic; irregular ones (Gaussian latitudes, stretched grids) a binary search.
 */
export class CoordinateAxis {
  readonly values: Float64Array;
  readonly length: number;
  readonly regular: boolean;
  readonly first: number;
  readonly step: number;
  readonly ascending: boolean;

  constructor(values: ArrayLike<number>) {
    const n = values.length;
    this.values = Float64Array.from(values);
    this.length = n;
    this.first = n > 0 ? this.values[0]! : NaN;
    const last = n > 0 ? this.values[n - 1]! : NaN;
    this.ascending = n < 2 || last > this.first;
    this.step = n > 1 ? (last - this.first) / (n - 1) : 0;
    // Coordinates stored as float32 (most model files) deviate from a regular step by a few ulps of the
    // largest value: allow 1e-6 of the step plus 1e-6 of that value.
    const tolerance = 1e-6 * Math.abs(this.step) + 1e-6 * Math.max(Math.abs(this.first), Math.abs(last));
    let regular = n > 1;
    for (let k = 1; k < n && regular; k++) {
      const d = this.values[k]! - this.values[k - 1]!;
      if (Math.abs(d - this.step) > tolerance) regular = false;
    }
    this.regular = regular;
  }

  /** True when the values are strictly monotonic and finite (a usable axis). */
  isMonotonic(): boolean {
    const v = this.values;
    for (let k = 0; k < v.length; k++) if (!Number.isFinite(v[k]!)) return false;
    for (let k = 1; k < v.length; k++) {
      const d = v[k]! - v[k - 1]!;
      if (this.ascending ? !(d > 0) : !(d < 0)) return false;
    }
    return true;
  }

  /** Fractional index of `x`, or NaN outside [first, last]. */
  fractionalIndex(x: number): number {
    const n = this.length;
    if (n === 1) return x === this.first ? 0 : NaN;
    if (this.regular) {
      const f = (x - this.first) / this.step;
      return f >= 0 && f <= n - 1 ? f : NaN;
    }
    const v = this.values;
    const asc = this.ascending;
    if (asc ? x < v[0]! || x > v[n - 1]! : x > v[0]! || x < v[n - 1]!) return NaN;
    if (!(x === x)) return NaN;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (asc ? v[mid]! <= x : v[mid]! >= x) lo = mid;
      else hi = mid;
    }
    return lo + (x - v[lo]!) / (v[hi]! - v[lo]!);
  }
}

/** Positions in, fractional indices out (NaN where the position is outside the grid). */
export interface GridLocator {
  /** Number of columns (x) and rows (y) of the native grid. */
  readonly nx: number;
  readonly ny: number;
  /** True when column nx-1 is followed by column 0 (a global longitude axis). */
  readonly periodicX: boolean;
  locate(
    lonDeg: Float64Array,
    latDeg: Float64Array,
    start: number,
    end: number,
    mask: Uint8Array | undefined,
    fi: Float64Array,
    fj: Float64Array,
  ): void;
}

/**
 * A regular or irregular longitude/latitude grid with 1-D axes. Longitudes may run 0–360 or −180–180;
 * particle longitudes are shifted by whole turns into the axis' range. Latitudes may descend. A longitude
 * axis that spans the globe (last + step = first + 360) is periodic: points between the last and first
 * column interpolate across the seam.
 */
export class LonLatGridLocator implements GridLocator {
  readonly nx: number;
  readonly ny: number;
  readonly periodicX: boolean;
  private readonly lon: CoordinateAxis;
  private readonly lat: CoordinateAxis;
  private readonly lonWest: number;

  constructor(lonDeg: ArrayLike<number>, latDeg: ArrayLike<number>) {
    this.lon = new CoordinateAxis(lonDeg);
    this.lat = new CoordinateAxis(latDeg);
    this.nx = this.lon.length;
    this.ny = this.lat.length;
    const lo = this.lon;
    this.periodicX = lo.regular && lo.ascending && Math.abs(lo.step * lo.length - 360) < 1e-6 * 360;
    this.lonWest = lo.ascending ? lo.first : lo.values[lo.length - 1]!;
  }

  locate(
    lonDeg: Float64Array,
    latDeg: Float64Array,
    start: number,
    end: number,
    mask: Uint8Array | undefined,
    fi: Float64Array,
    fj: Float64Array,
  ): void {
    const west = this.lonWest;
    const lonAxis = this.lon;
    const latAxis = this.lat;
    const periodic = this.periodicX;
    const nx = this.nx;
    for (let p = start; p < end; p++) {
      if (mask !== undefined && mask[p] === 0) continue;
      let lon = lonDeg[p]!;
      let d = lon - west;
      if (d < 0 || d >= 360) d = ((d % 360) + 360) % 360;
      lon = west + d;
      let i: number;
      if (periodic) {
        i = (lon - lonAxis.first) / lonAxis.step;
        if (i >= nx) i -= nx;
      } else {
        i = lonAxis.fractionalIndex(lon);
      }
      fi[p] = i;
      fj[p] = latAxis.fractionalIndex(latDeg[p]!);
    }
  }
}

/**
 * Maps (lon, lat) in degrees to fractional grid indices, or NaN where the projection is undefined. For a
 * projected grid this is "project, then divide by the grid spacing"; it may be slow (proj4 per call).
 */
export type FractionalIndexFunction = (lonDeg: number, latDeg: number, out: Float64Array) => void;

/** Options for `LookupTableGridLocator`. */
export interface LookupTableOptions {
  /** Table bounding box [west, south, east, north] in degrees (west may exceed east across 180°). */
  readonly bboxDeg: readonly [number, number, number, number];
  /** Table spacing in degrees of latitude and longitude. */
  readonly stepLonDeg: number;
  readonly stepLatDeg: number;
}

/**
 * A projected (or any smooth) grid located through a precomputed table: fractional indices are computed
 * exactly (by `exact`, e.g. proj4) at the nodes of a fine regular lon/lat table, then interpolated
 * bilinearly per particle. The projection is smooth at the table scale, so the interpolation error is second
 * order in the table spacing (measured in the tests against proj4: under 1e-3 grid cells for the Arctic20
 * and AROME grids). Where a table node is undefined, the exact function is called for that point.
 */
export class LookupTableGridLocator implements GridLocator {
  readonly nx: number;
  readonly ny: number;
  readonly periodicX = false;
  private readonly west: number;
  private readonly south: number;
  private readonly stepLon: number;
  private readonly stepLat: number;
  private readonly tnx: number;
  private readonly tny: number;
  private readonly tableI: Float32Array;
  private readonly tableJ: Float32Array;
  private readonly exact: FractionalIndexFunction | null;
  private readonly scratch = new Float64Array(2);

  /**
   * `exact` fills the table (and serves points whose table corners are undefined); with `tables` given the
   * table is taken as is (see `curvilinearGridLocator`) and `exact` may be null.
   */
  constructor(
    nx: number,
    ny: number,
    exact: FractionalIndexFunction | null,
    opts: LookupTableOptions,
    tables?: { readonly tableI: Float32Array; readonly tableJ: Float32Array },
  ) {
    this.nx = nx;
    this.ny = ny;
    this.exact = exact;
    const [w, s, e, n] = opts.bboxDeg;
    const east = e < w ? e + 360 : e;
    this.west = w;
    this.south = s;
    this.stepLon = opts.stepLonDeg;
    this.stepLat = opts.stepLatDeg;
    this.tnx = Math.max(2, Math.ceil((east - w) / this.stepLon) + 1);
    this.tny = Math.max(2, Math.ceil((n - s) / this.stepLat) + 1);
    const size = this.tnx * this.tny;
    if (tables !== undefined) {
      this.tableI = tables.tableI;
      this.tableJ = tables.tableJ;
      return;
    }
    this.tableI = new Float32Array(size);
    this.tableJ = new Float32Array(size);
    if (exact === null) {
      this.tableI.fill(NaN);
      this.tableJ.fill(NaN);
      return;
    }
    const out = new Float64Array(2);
    for (let r = 0; r < this.tny; r++) {
      const lat = Math.min(90, s + r * this.stepLat);
      for (let c = 0; c < this.tnx; c++) {
        exact(w + c * this.stepLon, lat, out);
        this.tableI[r * this.tnx + c] = out[0]!;
        this.tableJ[r * this.tnx + c] = out[1]!;
      }
    }
  }

  /** Table dimensions (columns, rows), for builders that fill the table themselves. */
  static tableShape(opts: LookupTableOptions): { readonly tnx: number; readonly tny: number } {
    const [w, , e] = opts.bboxDeg;
    const east = e < w ? e + 360 : e;
    return {
      tnx: Math.max(2, Math.ceil((east - w) / opts.stepLonDeg) + 1),
      tny: Math.max(2, Math.ceil((opts.bboxDeg[3] - opts.bboxDeg[1]) / opts.stepLatDeg) + 1),
    };
  }

  /** Number of table nodes (memory is 8 bytes per node). */
  get tableSize(): number {
    return this.tnx * this.tny;
  }

  locate(
    lonDeg: Float64Array,
    latDeg: Float64Array,
    start: number,
    end: number,
    mask: Uint8Array | undefined,
    fi: Float64Array,
    fj: Float64Array,
  ): void {
    const { west, south, stepLon, stepLat, tnx, tny, tableI, tableJ, nx, ny } = this;
    const maxI = nx - 1;
    const maxJ = ny - 1;
    for (let p = start; p < end; p++) {
      if (mask !== undefined && mask[p] === 0) continue;
      const lon = lonDeg[p]!;
      const lat = latDeg[p]!;
      let d = lon - west;
      if (d < 0 || d >= 360) d = ((d % 360) + 360) % 360;
      const x = d / stepLon;
      const y = (lat - south) / stepLat;
      let i = NaN;
      let j = NaN;
      if (x >= 0 && y >= 0 && x < tnx - 1 && y < tny - 1) {
        const c = Math.floor(x);
        const r = Math.floor(y);
        const wx = x - c;
        const wy = y - r;
        const k = r * tnx + c;
        const i00 = tableI[k]!;
        const i10 = tableI[k + 1]!;
        const i01 = tableI[k + tnx]!;
        const i11 = tableI[k + tnx + 1]!;
        i = (i00 * (1 - wx) + i10 * wx) * (1 - wy) + (i01 * (1 - wx) + i11 * wx) * wy;
        const j00 = tableJ[k]!;
        const j10 = tableJ[k + 1]!;
        const j01 = tableJ[k + tnx]!;
        const j11 = tableJ[k + tnx + 1]!;
        j = (j00 * (1 - wx) + j10 * wx) * (1 - wy) + (j01 * (1 - wx) + j11 * wx) * wy;
        if (!(i === i && j === j) && lat === lat && lon === lon && this.exact !== null) {
          this.exact(lon, lat, this.scratch);
          i = this.scratch[0]!;
          j = this.scratch[1]!;
        }
      }
      fi[p] = i >= 0 && i <= maxI ? i : NaN;
      fj[p] = j >= 0 && j <= maxJ ? j : NaN;
    }
  }
}

/**
 * A locator for a curvilinear grid known only by its 2-D node longitudes and latitudes (row-major
 * `[j * nx + i]`), such as a ROMS or NEMO model grid without a `grid_mapping`. Each grid cell is scattered
 * onto the lookup-table nodes inside its lon/lat bounding box by inverting the cell's bilinear map
 * (Newton iterations); nodes outside every cell stay undefined, which reads as outside the grid.
 */
export function curvilinearGridLocator(
  lonDeg: Float64Array,
  latDeg: Float64Array,
  nx: number,
  ny: number,
  opts: LookupTableOptions,
): LookupTableGridLocator {
  const { tnx, tny } = LookupTableGridLocator.tableShape(opts);
  const tableI = new Float32Array(tnx * tny).fill(NaN);
  const tableJ = new Float32Array(tnx * tny).fill(NaN);
  const [west, south] = opts.bboxDeg;
  const sx = opts.stepLonDeg;
  const sy = opts.stepLatDeg;
  /** Longitude relative to the table's west edge, in [0, 360). */
  const rel = (lon: number): number => (((lon - west) % 360) + 360) % 360;
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const k = j * nx + i;
      const x00 = rel(lonDeg[k]!);
      let x10 = rel(lonDeg[k + 1]!);
      let x01 = rel(lonDeg[k + nx]!);
      let x11 = rel(lonDeg[k + nx + 1]!);
      // Keep the cell's corners on one side of the table's seam.
      if (x10 - x00 > 180) x10 -= 360;
      else if (x00 - x10 > 180) x10 += 360;
      if (x01 - x00 > 180) x01 -= 360;
      else if (x00 - x01 > 180) x01 += 360;
      if (x11 - x00 > 180) x11 -= 360;
      else if (x00 - x11 > 180) x11 += 360;
      const y00 = latDeg[k]!;
      const y10 = latDeg[k + 1]!;
      const y01 = latDeg[k + nx]!;
      const y11 = latDeg[k + nx + 1]!;
      if (!(
        x00 === x00 &&
        x10 === x10 &&
        x01 === x01 &&
        x11 === x11 &&
        y00 === y00 &&
        y10 === y10 &&
        y01 === y01 &&
        y11 === y11
      )) {
        continue;
      }
      const c0 = Math.max(0, Math.ceil(Math.min(x00, x10, x01, x11) / sx));
      const c1 = Math.min(tnx - 1, Math.floor(Math.max(x00, x10, x01, x11) / sx));
      const r0 = Math.max(0, Math.ceil((Math.min(y00, y10, y01, y11) - south) / sy));
      const r1 = Math.min(tny - 1, Math.floor((Math.max(y00, y10, y01, y11) - south) / sy));
      for (let r = r0; r <= r1; r++) {
        const py = south + r * sy;
        for (let c = c0; c <= c1; c++) {
          const px = c * sx;
          let u = 0.5;
          let v = 0.5;
          for (let it = 0; it < 8; it++) {
            const fx = (1 - u) * (1 - v) * x00 + u * (1 - v) * x10 + (1 - u) * v * x01 + u * v * x11 - px;
            const fy = (1 - u) * (1 - v) * y00 + u * (1 - v) * y10 + (1 - u) * v * y01 + u * v * y11 - py;
            const dxu = (1 - v) * (x10 - x00) + v * (x11 - x01);
            const dxv = (1 - u) * (x01 - x00) + u * (x11 - x10);
            const dyu = (1 - v) * (y10 - y00) + v * (y11 - y01);
            const dyv = (1 - u) * (y01 - y00) + u * (y11 - y10);
            const det = dxu * dyv - dxv * dyu;
            if (det === 0) break;
            u -= (fx * dyv - fy * dxv) / det;
            v -= (fy * dxu - fx * dyu) / det;
          }
          const eps = 1e-9;
          if (u >= -eps && u <= 1 + eps && v >= -eps && v <= 1 + eps) {
            tableI[r * tnx + c] = i + Math.min(1, Math.max(0, u));
            tableJ[r * tnx + c] = j + Math.min(1, Math.max(0, v));
          }
        }
      }
    }
  }
  return new LookupTableGridLocator(nx, ny, null, opts, { tableI, tableJ });
}
