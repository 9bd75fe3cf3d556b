/**
 * The gridded `EnvironmentSource`: one vector field on one horizontal grid, over the time steps of one or
 * several files. Time slabs (the surface level of both components at one time) are read lazily, decoded
 * (scale, offset, fill, units), rotated to east/north at the nodes and land-filled, and kept in a small LRU
 * cache; sampling is then the typed-array kernel of core (`sampleVectorSlabs`): bilinear in space, linear in
 * time between the bracketing slabs. Once the points sampled at one time (over all calls: the engine samples
 * in chunks) reach half the grid's nodes, the two slabs are blended in time once and the remaining points
 * sample the blend, which halves the memory reads per point.
 */
import { SampleStatus, blendSlabs, fillMissingByDilation, sampleVectorSlabs } from '@tandem/core';
import type {
  EnvironmentSource,
  EpochSeconds,
  SampleOutput,
  SampleRequest,
  SourceCoverage,
  VectorField,
  VectorSlab,
} from '@tandem/core';
import type { NcFile } from '../netcdf/netcdf-file.ts';
import { decodeValues } from '../netcdf/cf-decode.ts';
import type { ValueDecoder } from '../netcdf/cf-decode.ts';
import type { GridGeometry } from './grid-geometry.ts';

/** Where one time step's slab lives. */
export interface TimeStep {
  readonly timeS: number;
  readonly file: NcFile;
  readonly xName: string;
  readonly yName: string;
  /** Slab start per dimension (time and vertical fixed) and count (1, except ny and nx). */
  readonly start: readonly number[];
  readonly count: readonly number[];
  readonly xDecoder: ValueDecoder;
  readonly yDecoder: ValueDecoder;
  readonly xUnitFactor: number;
  readonly yUnitFactor: number;
}

export interface GriddedSourceOptions {
  /** Time slabs kept decoded (default 4: two bracketing slabs for each of two consecutive steps). */
  readonly cacheSlabs?: number;
  /** Rotate grid-relative components to east/north (decided from the variables and the projection). */
  readonly rotate: boolean;
  /** Fill land/missing cells by 3×3 dilation (default true, sar-method.md §1). */
  readonly fillLand?: boolean;
}

/** What a gridded source tells reports and `tandem data check` about itself. */
export interface GriddedSourceInfo {
  readonly files: readonly string[];
  readonly variables: readonly [string, string];
  readonly matchedBy: string;
  readonly rotated: boolean;
  readonly grid: string;
  readonly nx: number;
  readonly ny: number;
  readonly timeSteps: number;
  readonly vertical: string | null;
  /** Slabs decoded so far (cache misses). */
  readonly slabsDecoded: number;
}

export class GriddedSource implements EnvironmentSource {
  readonly name: string;
  readonly fields: readonly VectorField[];
  readonly coverage: SourceCoverage;
  readonly grid: GridGeometry;
  readonly timesS: Float64Array;
  private readonly field: VectorField;
  private readonly steps: readonly TimeStep[];
  private readonly rotate: boolean;
  private readonly fillLand: boolean;
  private readonly capacity: number;
  private readonly cache = new Map<number, VectorSlab>();
  private fi = new Float64Array(0);
  private fj = new Float64Array(0);
  private lastK = 0;
  private decoded = 0;
  /** The time-blended slab of the last sampled time, reused while the time does not change. */
  private blended: VectorSlab | null = null;
  private blendedKey = '';
  /** Points sampled so far at `pointsKey` (time step and weight): blending pays once they exceed the nodes. */
  private pointsKey = '';
  private pointsAtKey = 0;
  private readonly infoBase: Omit<GriddedSourceInfo, 'slabsDecoded'>;

  constructor(
    name: string,
    field: VectorField,
    grid: GridGeometry,
    steps: readonly TimeStep[],
    opts: GriddedSourceOptions,
    info: Omit<GriddedSourceInfo, 'slabsDecoded'>,
  ) {
    this.name = name;
    this.field = field;
    this.fields = [field];
    this.grid = grid;
    this.steps = steps;
    this.timesS = Float64Array.from(steps, (s) => s.timeS);
    this.rotate = opts.rotate && grid.rotationCos !== null;
    this.fillLand = opts.fillLand ?? true;
    this.capacity = Math.max(2, opts.cacheSlabs ?? 4);
    const n = steps.length;
    this.coverage = {
      bboxDeg: grid.bboxDeg,
      timeRange: n === 0 ? null : [steps[0]!.timeS as EpochSeconds, steps[n - 1]!.timeS as EpochSeconds],
    };
    this.infoBase = info;
  }

  info(): GriddedSourceInfo {
    return { ...this.infoBase, slabsDecoded: this.decoded };
  }

  /** Decodes (or takes from the cache) the slab of time step `k`. */
  slab(k: number): VectorSlab {
    const hit = this.cache.get(k);
    if (hit !== undefined) {
      this.cache.delete(k);
      this.cache.set(k, hit);
      return hit;
    }
    const s = this.decode(k);
    this.cache.set(k, s);
    if (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return s;
  }

  private decode(k: number): VectorSlab {
    const step = this.steps[k]!;
    const { nx, ny, transposed } = this.grid;
    const n = nx * ny;
    const u = new Float32Array(n);
    const v = new Float32Array(n);
    decodeValues(step.file.read(step.xName, step.start, step.count), step.xDecoder, step.xUnitFactor, u);
    decodeValues(step.file.read(step.yName, step.start, step.count), step.yDecoder, step.yUnitFactor, v);
    let east = u;
    let north = v;
    if (transposed) {
      east = new Float32Array(n);
      north = new Float32Array(n);
      for (let i = 0; i < nx; i++) {
        for (let j = 0; j < ny; j++) {
          east[j * nx + i] = u[i * ny + j]!;
          north[j * nx + i] = v[i * ny + j]!;
        }
      }
    }
    if (this.rotate) {
      const c = this.grid.rotationCos!;
      const sn = this.grid.rotationSin!;
      for (let q = 0; q < n; q++) {
        const gu = east[q]!;
        const gv = north[q]!;
        east[q] = gu * c[q]! - gv * sn[q]!;
        north[q] = gu * sn[q]! + gv * c[q]!;
      }
    }
    if (this.fillLand) {
      fillMissingByDilation(east, nx, ny, nx + ny);
      fillMissingByDilation(north, nx, ny, nx + ny);
    }
    this.decoded++;
    return { eastMps: east, northMps: north };
  }

  sample(field: VectorField, req: SampleRequest, out: SampleOutput): void {
    const { start, end, activeMask: mask } = req;
    const times = this.timesS;
    const t = req.timeS;
    const nt = times.length;
    let status: number = SampleStatus.Ok;
    if (field !== this.field) status = SampleStatus.NoField;
    else if (nt === 0) status = SampleStatus.OutsideTime;
    else if (!(t >= times[0]! && t <= times[nt - 1]!)) status = SampleStatus.OutsideTime;
    if (status !== SampleStatus.Ok) {
      for (let p = start; p < end; p++) {
        if (mask !== undefined && mask[p] === 0) continue;
        out.eastMps[p] = NaN;
        out.northMps[p] = NaN;
        out.status[p] = status;
      }
      return;
    }
    let k = this.lastK < nt ? this.lastK : 0;
    if (!(times[k]! <= t && (k + 1 >= nt || t <= times[k + 1]!))) {
      let lo = 0;
      let hi = nt - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (times[mid]! <= t) lo = mid;
        else hi = mid;
      }
      k = lo;
    }
    this.lastK = k;
    const k1 = k + 1 < nt ? k + 1 : k;
    const w = k1 === k ? 0 : (t - times[k]!) / (times[k1]! - times[k]!);
    let s0 = this.slab(k);
    let s1 = w === 0 ? s0 : this.slab(k1);
    const nodes = this.grid.nx * this.grid.ny;
    const key = `${k} ${w}`;
    if (key !== this.pointsKey) {
      this.pointsKey = key;
      this.pointsAtKey = 0;
    }
    this.pointsAtKey += end - start;
    if (w !== 0 && (this.blendedKey === key || 2 * this.pointsAtKey >= nodes)) {
      if (this.blended === null || this.blendedKey !== key) {
        this.blended ??= { eastMps: new Float32Array(nodes), northMps: new Float32Array(nodes) };
        blendSlabs(s0, s1, w, this.blended);
        this.blendedKey = key;
      }
      s0 = this.blended;
      s1 = this.blended;
    }
    if (this.fi.length < end) {
      this.fi = new Float64Array(Math.max(end, this.fi.length * 2));
      this.fj = new Float64Array(this.fi.length);
    }
    const g = this.grid;
    g.locator.locate(req.lonDeg, req.latDeg, start, end, mask, this.fi, this.fj);
    sampleVectorSlabs(s0, s1, w, g.nx, g.locator.periodicX, this.fi, this.fj, start, end, mask, out);
  }

  close(): void {
    for (const f of new Set(this.steps.map((s) => s.file))) f.close();
    this.cache.clear();
  }
}
