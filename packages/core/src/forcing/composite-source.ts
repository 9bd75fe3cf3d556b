/**
 * Several forcing sources at once, by priority: each point takes its value from the first source that has
 * one (a regional high-resolution current inside a global one), then from the user's explicit fallback if
 * one was set, else it gets NaN and the most telling reason. Nothing is ever silently zero (issue 3; the
 * silent zero wind when a file misses the run is OpenDrift users' most reported pitfall).
 *
 * The run report says which source served how many samples and particles, and where and when each
 * particle first left every source's coverage. Particles are identified by their index in the request's
 * position arrays.
 */
import { SAMPLE_STATUS_NAMES, SampleStatus } from './environment-source.ts';
import type {
  EnvironmentSource,
  SampleOutput,
  SampleRequest,
  SourceCoverage,
  VectorField,
} from './environment-source.ts';
import type { EpochSeconds } from '../units/index.ts';

/** How much one source served one field. */
export interface SourceUsage {
  readonly name: string;
  /** Point samples served (one per particle per call). */
  readonly samples: number;
  /** Distinct particles served at least once. */
  readonly particles: number;
}

/** Where and when a particle first had no value from any source (and no fallback). */
export interface CoverageExit {
  readonly particle: number;
  readonly lonDeg: number;
  readonly latDeg: number;
  readonly timeS: number;
  readonly reason: string;
}

export interface FieldReport {
  readonly sources: readonly SourceUsage[];
  /** Present when a fallback was set. */
  readonly fallback: SourceUsage | null;
  readonly uncovered: {
    readonly samples: number;
    readonly particles: number;
    /** The first exit of each particle, at most `maxRecordedExits`, in order of occurrence. */
    readonly exits: readonly CoverageExit[];
  };
}

export interface SourceReport {
  readonly fields: Partial<Record<VectorField, FieldReport>>;
}

export interface CombineOptions {
  /** Used only where every source lacks a value; only when the user chose one. */
  readonly fallback?: EnvironmentSource;
  /** Cap on recorded coverage exits per field (default 1000). */
  readonly maxRecordedExits?: number;
}

export type CompositeSource = EnvironmentSource & {
  readonly sources: readonly EnvironmentSource[];
  report(): SourceReport;
};

class UsageCounter {
  samples = 0;
  particles = 0;
  seen = new Uint8Array(0);

  mark(p: number): void {
    this.samples++;
    if (p >= this.seen.length) {
      const grown = new Uint8Array(Math.max(p + 1, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    if (this.seen[p] === 0) {
      this.seen[p] = 1;
      this.particles++;
    }
  }
}

interface FieldState {
  readonly perSource: UsageCounter[];
  readonly fallback: UsageCounter;
  readonly uncovered: UsageCounter;
  readonly exits: CoverageExit[];
}

/** Ranks reasons: a value known to be missing says more than "outside the time range", then "outside". */
const STATUS_RANK: Readonly<Record<number, number>> = {
  [SampleStatus.Missing]: 4,
  [SampleStatus.OutsideTime]: 3,
  [SampleStatus.OutsideSpace]: 2,
  [SampleStatus.NoField]: 1,
};

function unionCoverage(sources: readonly EnvironmentSource[]): SourceCoverage {
  let bbox: [number, number, number, number] | null = null;
  let time: [number, number] | null = null;
  let globalSpace = false;
  let allTime = false;
  for (const s of sources) {
    const b = s.coverage.bboxDeg;
    if (b === null) globalSpace = true;
    else if (bbox === null) bbox = [b[0], b[1], b[2], b[3]];
    else bbox = [Math.min(bbox[0], b[0]), Math.min(bbox[1], b[1]), Math.max(bbox[2], b[2]), Math.max(bbox[3], b[3])];
    const t = s.coverage.timeRange;
    if (t === null) allTime = true;
    else if (time === null) time = [t[0], t[1]];
    else time = [Math.min(time[0], t[0]), Math.max(time[1], t[1])];
  }
  return {
    bboxDeg: globalSpace ? null : bbox,
    timeRange: allTime || time === null ? null : [time[0] as EpochSeconds, time[1] as EpochSeconds],
  };
}

/**
 * Combines sources by priority (first = highest). The result samples like any source and adds `report()`.
 * The coverage is the union of the sources' coverages (a bounding box, so points inside it may still be
 * uncovered; the per-point status says so).
 */
export function combineSources(sources: readonly EnvironmentSource[], opts: CombineOptions = {}): CompositeSource {
  const fallback = opts.fallback;
  const maxExits = opts.maxRecordedExits ?? 1000;
  const fields = [...new Set(sources.flatMap((s) => s.fields).concat(fallback?.fields ?? []))];
  const state = new Map<VectorField, FieldState>();
  for (const f of fields) {
    state.set(f, {
      perSource: sources.map(() => new UsageCounter()),
      fallback: new UsageCounter(),
      uncovered: new UsageCounter(),
      exits: [],
    });
  }
  let pending = new Uint8Array(0);
  let bestStatus = new Uint8Array(0);
  let tmpEast = new Float64Array(0);
  let tmpNorth = new Float64Array(0);
  let tmpStatus = new Uint8Array(0);
  let tmpOut: SampleOutput = { eastMps: tmpEast, northMps: tmpNorth, status: tmpStatus };
  const nameParts = sources.map((s) => s.name);
  if (fallback) nameParts.push(`fallback ${fallback.name}`);

  function ensure(n: number): void {
    if (pending.length >= n) return;
    const size = Math.max(n, pending.length * 2);
    pending = new Uint8Array(size);
    bestStatus = new Uint8Array(size);
    tmpEast = new Float64Array(size);
    tmpNorth = new Float64Array(size);
    tmpStatus = new Uint8Array(size);
    tmpOut = { eastMps: tmpEast, northMps: tmpNorth, status: tmpStatus };
  }

  function sample(field: VectorField, request: SampleRequest, out: SampleOutput): void {
    const { start, end } = request;
    const mask = request.activeMask;
    const st = state.get(field);
    if (st === undefined) {
      for (let p = start; p < end; p++) {
        if (mask !== undefined && mask[p] === 0) continue;
        out.eastMps[p] = NaN;
        out.northMps[p] = NaN;
        out.status[p] = SampleStatus.NoField;
      }
      return;
    }
    ensure(end);
    let left = 0;
    for (let p = start; p < end; p++) {
      const active = mask === undefined || mask[p] !== 0 ? 1 : 0;
      pending[p] = active;
      bestStatus[p] = SampleStatus.NoField;
      left += active;
    }
    const sub: SampleRequest = { ...request, activeMask: pending };
    for (let s = 0; s < sources.length && left > 0; s++) {
      const src = sources[s]!;
      if (!src.fields.includes(field)) continue;
      src.sample(field, sub, tmpOut);
      const counter = st.perSource[s]!;
      for (let p = start; p < end; p++) {
        if (pending[p] === 0) continue;
        const status = tmpStatus[p]!;
        if (status === SampleStatus.Ok) {
          out.eastMps[p] = tmpEast[p]!;
          out.northMps[p] = tmpNorth[p]!;
          out.status[p] = SampleStatus.Ok;
          pending[p] = 0;
          left--;
          counter.mark(p);
        } else if ((STATUS_RANK[status] ?? 0) > (STATUS_RANK[bestStatus[p]!] ?? 0)) {
          bestStatus[p] = status;
        }
      }
    }
    if (left === 0) return;
    if (fallback !== undefined && fallback.fields.includes(field)) {
      fallback.sample(field, sub, tmpOut);
      for (let p = start; p < end; p++) {
        if (pending[p] === 0) continue;
        if (tmpStatus[p] === SampleStatus.Ok) {
          out.eastMps[p] = tmpEast[p]!;
          out.northMps[p] = tmpNorth[p]!;
          out.status[p] = SampleStatus.Ok;
          pending[p] = 0;
          st.fallback.mark(p);
        }
      }
    }
    for (let p = start; p < end; p++) {
      if (pending[p] === 0) continue;
      out.eastMps[p] = NaN;
      out.northMps[p] = NaN;
      const status = bestStatus[p]! as SampleStatus;
      out.status[p] = status;
      const firstTime = p >= st.uncovered.seen.length || st.uncovered.seen[p] === 0;
      st.uncovered.mark(p);
      if (firstTime && st.exits.length < maxExits) {
        st.exits.push({
          particle: p,
          lonDeg: request.lonDeg[p]!,
          latDeg: request.latDeg[p]!,
          timeS: request.timeS,
          reason: SAMPLE_STATUS_NAMES[status],
        });
      }
    }
  }

  function report(): SourceReport {
    const out: Partial<Record<VectorField, FieldReport>> = {};
    for (const [f, st] of state) {
      out[f] = {
        sources: sources.map((s, k) => ({
          name: s.name,
          samples: st.perSource[k]!.samples,
          particles: st.perSource[k]!.particles,
        })),
        fallback: fallback
          ? { name: fallback.name, samples: st.fallback.samples, particles: st.fallback.particles }
          : null,
        uncovered: { samples: st.uncovered.samples, particles: st.uncovered.particles, exits: st.exits.slice() },
      };
    }
    return { fields: out };
  }

  return {
    name: nameParts.join(', then '),
    fields,
    coverage: unionCoverage(fallback ? [...sources, fallback] : sources),
    sources,
    sample,
    report,
  };
}
