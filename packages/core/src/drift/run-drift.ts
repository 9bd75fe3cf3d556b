/**
 * The Monte Carlo Leeway drift engine's driver (`sar-method.md` §1; OpenDrift's Leeway model; Allen & Plourde
 * 1999; Breivik & Allen 2008): validates the run, seeds the particle range, then steps forward Euler with
 * `dt` (negative for backward runs). At each step it releases particles whose time has come (NotSeeded until
 * then, at their seed position), records outputs, samples wind and current for all active particles in
 * chunks at their start-of-step positions and time t, advances them (`leeway-step.ts`), and applies the
 * coastline: a particle on land after its move is stranded there (it would be on land at the start of the next
 * step), or with `previous` moved back to its start-of-step water position and kept active.
 *
 * State is struct-of-arrays typed arrays allocated once; the step loop allocates nothing but the rare NoData
 * event record. Randomness: one stream per particle (ADR 0003), so `runDrift` over particle ranges merged by
 * `mergeTrajectorySets` equals the single run bit for bit.
 */
import { TandemError } from '../errors/index.ts';
import { NO_LAND, SAMPLE_STATUS_NAMES, SampleStatus } from '../forcing/index.ts';
import type { EnvironmentSource, LandMask, SampleRequest, VectorField } from '../forcing/index.ts';
import { SECONDS_PER_HOUR, formatUtcTime } from '../units/index.ts';
import type { DriftConfig } from './drift-config.ts';
import { seedParticles } from './seed-particles.ts';
import { advanceChunk } from './leeway-step.ts';
import type { ChunkForcing, ParticleArrays, StepParams } from './leeway-step.ts';
import { ParticleStatus } from './trajectory-set.ts';
import type { TrajectorySet } from './trajectory-set.ts';
import { validateDriftConfig } from './validate-drift-config.ts';

/** The forcing and coastline a run needs (the narrow ports core declares; adapters implement them). */
export interface DriftEnvironment {
  readonly wind: EnvironmentSource;
  readonly current: EnvironmentSource;
  readonly land: LandMask;
}

/** The first time a particle found no forcing data: where, when, which field and why. */
export interface NoDataEvent {
  /** Global particle index. */
  readonly particle: number;
  readonly timeS: number;
  readonly lonDeg: number;
  readonly latDeg: number;
  readonly field: VectorField;
  /** The source's name. */
  readonly source: string;
  readonly status: SampleStatus;
  readonly reason: string;
}

/** Particles stopped for lack of data for one field and reason. */
export interface NoDataGroup {
  readonly field: VectorField;
  readonly status: SampleStatus;
  readonly count: number;
  /** The earliest event (lowest particle index among the earliest). */
  readonly first: NoDataEvent;
}

/** Most no-data events one `runDrift` call records individually. */
export const MAX_NODATA_EVENTS = 10_000;

export interface DriftRunOptions {
  /** First global particle index of the range to run (default 0). */
  readonly firstParticle?: number;
  /** Number of particles in the range (default: all from `firstParticle`). */
  readonly particleCount?: number;
  /** Called with the fraction of steps done (0..1) at every step. */
  readonly onProgress?: (fraction: number) => void;
}

export interface DriftResult {
  /** Trajectories of the requested particle range only. */
  readonly trajectories: TrajectorySet;
  /** First global particle index of `trajectories`. */
  readonly firstParticle: number;
  /** Number of particle moves made (active particles summed over steps). */
  readonly particleSteps: number;
  /**
   * First no-data event of each particle that left the forcing's coverage, in time then particle order; at most
   * `MAX_NODATA_EVENTS` are kept (the counts in `noDataGroups` are exact).
   */
  readonly noDataEvents: readonly NoDataEvent[];
  /** Exact counts of particles stopped for lack of data, per field and reason, with the earliest event of each. */
  readonly noDataGroups: readonly NoDataGroup[];
  /** Particles stranded on the coast at the end of the run. */
  readonly strandedCount: number;
  /** Particles stopped for lack of forcing data at the end of the run. */
  readonly noDataCount: number;
  /** Particles seeded on land and moved to the nearest water point. */
  readonly seededOnLandMovedCount: number;
  /** Particles seeded on land with no water within 200 km: stranded at their seed position. */
  readonly seededOnLandStuckCount: number;
}

/** Tolerance for release and output time comparisons, seconds. */
const TIME_EPS_S = 1e-6;
/** Particles per sampling batch: the forcing outputs of one batch stay in cache. */
const CHUNK = 2048;

function checkTimeCoverage(source: EnvironmentSource, what: string, t: number): void {
  const range = source.coverage.timeRange;
  if (range === null) return;
  if (t < range[0] || t > range[1]) {
    throw new TandemError(
      'TIME_OUTSIDE_FORCING',
      `the run starts at ${formatUtcTime(t)}, outside the ${what} source "${source.name}" ` +
        `(${formatUtcTime(range[0])} to ${formatUtcTime(range[1])})`,
      'run.startTime',
    );
  }
}

/** Run the Leeway model for a particle range of `config` in `env`. Throws `TandemError` on bad input. */
export function runDrift(config: DriftConfig, env: DriftEnvironment, opts: DriftRunOptions = {}): DriftResult {
  const total = validateDriftConfig(config);
  const first = opts.firstParticle ?? 0;
  if (!Number.isInteger(first) || first < 0 || first >= total) {
    throw new TandemError('OUT_OF_RANGE', `first particle must be an integer in [0, ${total})`, 'firstParticle');
  }
  const n = opts.particleCount ?? total - first;
  if (!Number.isInteger(n) || n < 1 || first + n > total) {
    throw new TandemError(
      'OUT_OF_RANGE',
      `particle count must be an integer in [1, ${total - first}]`,
      'particleCount',
    );
  }
  const { run, options } = config;
  const backward = run.backward;
  checkTimeCoverage(env.wind, 'wind', run.startTimeS);
  checkTimeCoverage(env.current, 'current', run.startTimeS);
  for (const s of config.seedings) {
    const times = s.kind === 'point' ? s.timeWindowS : [s.from.timeS, s.to.timeS];
    for (const t of times) {
      if (backward ? t > run.startTimeS + TIME_EPS_S : t < run.startTimeS - TIME_EPS_S) {
        throw new TandemError(
          'OUT_OF_RANGE',
          `a release time is ${backward ? 'after' : 'before'} the run start (${formatUtcTime(run.startTimeS)})`,
          `seed[${config.seedings.indexOf(s)}].time`,
        );
      }
    }
  }

  const land = env.land;
  const hasLand = land !== NO_LAND;
  const seeded = seedParticles(config, first, n, land);
  const lon = seeded.lonDeg;
  const lat = seeded.latDeg;
  const release = seeded.releaseTimeS;
  const p: ParticleArrays = {
    lonDeg: lon,
    latDeg: lat,
    sinLat: lat.map((y) => Math.sin((y * Math.PI) / 180)),
    cosLat: lat.map((y) => Math.cos((y * Math.PI) / 180)),
    prevLonDeg: new Float64Array(options.coastlineAction === 'previous' ? n : 0),
    prevLatDeg: new Float64Array(options.coastlineAction === 'previous' ? n : 0),
    status: new Uint8Array(n),
    active: new Uint8Array(n),
    capsized: new Uint8Array(n),
    dwSlope: seeded.dwSlope,
    dwOffset: seeded.dwOffset,
    cwSlope: seeded.cwSlope,
    cwOffset: seeded.cwOffset,
    cwSideSlope: seeded.cwSideSlope,
    right: seeded.right,
    rng: seeded.streams.state,
  };
  const { status, active, capsized } = p;
  const chunk = Math.min(n, CHUNK);
  const windOut = {
    eastMps: new Float64Array(chunk),
    northMps: new Float64Array(chunk),
    status: new Uint8Array(chunk),
  };
  const curOut = { eastMps: new Float64Array(chunk), northMps: new Float64Array(chunk), status: new Uint8Array(chunk) };
  const forcing: ChunkForcing = {
    windEastMps: windOut.eastMps,
    windNorthMps: windOut.northMps,
    windStatus: windOut.status,
    currentEastMps: curOut.eastMps,
    currentNorthMps: curOut.northMps,
    currentStatus: curOut.status,
  };
  /**
   * Two reusable requests per chunk, on views of the state arrays (no allocation per step): with the active mask,
   * and without it for chunks where every particle is active (sources then fill whole ranges). `chunkActive`
   * counts the active particles of each chunk; chunks with none are skipped.
   */
  const requests: ChunkRequest[] = [];
  const fullRequests: SampleRequest[] = [];
  for (let c0 = 0; c0 < n; c0 += chunk) {
    const c1 = Math.min(n, c0 + chunk);
    const views = { lonDeg: lon.subarray(c0, c1), latDeg: lat.subarray(c0, c1), start: 0, end: c1 - c0 };
    requests.push({ timeS: 0, ...views, activeMask: active.subarray(c0, c1) });
    fullRequests.push({ timeS: 0, ...views });
  }
  const chunkActive = new Int32Array(requests.length);

  const dtAbs = run.timeStepS;
  const dt = backward ? -dtAbs : dtAbs;
  const nSteps = Math.round(run.durationS / dtAbs);
  const stepsPerOutput = Math.round(run.outputStepS / dtAbs);
  const outSteps: number[] = [];
  for (let j = 0; j <= nSteps; j += stepsPerOutput) outSteps.push(j);
  if (outSteps[outSteps.length - 1] !== nSteps) outSteps.push(nSteps);
  const nOut = outSteps.length;
  const timesS = new Float64Array(nOut);
  for (let k = 0; k < nOut; k++) timesS[k] = run.startTimeS + (outSteps[k] as number) * dt;
  const outLon = new Float64Array(nOut * n);
  const outLat = new Float64Array(nOut * n);
  const outStatus = new Uint8Array(nOut * n);
  const outCapsized = new Uint8Array(nOut * n);

  const params: StepParams = {
    dtS: dt,
    jibeProbability: 1 - Math.pow(1 - options.jibeProbabilityPerHour, dtAbs / SECONDS_PER_HOUR),
    capsizing: options.capsizing && !backward,
    capsizeScale: dtAbs / SECONDS_PER_HOUR,
    keepPrevious: options.coastlineAction === 'previous',
  };
  const previous = params.keepPrevious;
  const noDataEvents: NoDataEvent[] = [];
  const groups = new Map<string, NoDataGroup>();
  let particleSteps = 0;
  let moved = 0;
  let stuck = 0;
  for (let i = 0; i < n; i++) {
    const fix = seeded.landFix[i];
    if (fix === 1) moved++;
    else if (fix === 2) stuck++;
  }

  let stepTime = 0;
  const onNoData = (i: number, windStatus: number, currentStatus: number): void => {
    const windBad = windStatus !== SampleStatus.Ok;
    const src = windBad ? env.wind : env.current;
    const st = (windBad ? windStatus : currentStatus) as SampleStatus;
    const field: VectorField = windBad ? 'wind' : 'current';
    const key = `${field}:${st}`;
    const g = groups.get(key);
    if (g !== undefined && noDataEvents.length >= MAX_NODATA_EVENTS) {
      groups.set(key, { ...g, count: g.count + 1 });
      return;
    }
    const ev: NoDataEvent = {
      particle: first + i,
      timeS: stepTime,
      lonDeg: lon[i] as number,
      latDeg: lat[i] as number,
      field,
      source: src.name,
      status: st,
      reason: SAMPLE_STATUS_NAMES[st] ?? `status ${st}`,
    };
    if (noDataEvents.length < MAX_NODATA_EVENTS) noDataEvents.push(ev);
    groups.set(key, g === undefined ? { field, status: st, count: 1, first: ev } : { ...g, count: g.count + 1 });
  };

  /** Particles not yet released, per chunk (chunks with none skip the release scan). */
  const chunkPending = new Int32Array(requests.length);
  for (let c = 0; c < requests.length; c++) chunkPending[c] = Math.min(n, (c + 1) * chunk) - c * chunk;
  /** Release the particles of chunk `c` whose release time has come at time `t`. */
  const releaseChunk = (c: number, t: number): void => {
    if ((chunkPending[c] as number) === 0) return;
    const end = Math.min(n, (c + 1) * chunk);
    for (let i = c * chunk; i < end; i++) {
      if (status[i] !== ParticleStatus.NotSeeded) continue;
      const r = release[i] as number;
      if (backward ? r >= t - TIME_EPS_S : r <= t + TIME_EPS_S) {
        chunkPending[c] = (chunkPending[c] as number) - 1;
        if (seeded.landFix[i] === 2) {
          status[i] = ParticleStatus.Stranded;
        } else {
          status[i] = ParticleStatus.Active;
          active[i] = 1;
          chunkActive[c] = (chunkActive[c] as number) + 1;
        }
      }
    }
  };
  const releaseAll = (t: number): void => {
    for (let c = 0; c < requests.length; c++) releaseChunk(c, t);
  };
  const record = (k: number): void => {
    const o = k * n;
    outLon.set(lon, o);
    outLat.set(lat, o);
    outStatus.set(status, o);
    outCapsized.set(capsized, o);
  };

  /**
   * Chunk-major stepping: between two output times each chunk runs all its steps before the next chunk starts,
   * so its state stays in cache. Particles are independent within a step (own coefficients, own random stream,
   * forcing sampled at their own position), so the order changes nothing in the result; per step the order is
   * release, move, coastline, as in a step-major loop.
   */
  releaseAll(run.startTimeS);
  record(0);
  opts.onProgress?.(0);
  for (let k = 1; k < nOut; k++) {
    const jA = outSteps[k - 1] as number;
    const jB = outSteps[k] as number;
    for (let c = 0; c < requests.length; c++) {
      const c0 = c * chunk;
      const masked = requests[c] as ChunkRequest;
      const c1 = c0 + masked.end;
      for (let j = jA; j < jB; j++) {
        const t = run.startTimeS + j * dt;
        if (j !== jA) releaseChunk(c, t);
        const nActive = chunkActive[c] as number;
        if (nActive === 0) continue;
        stepTime = t;
        const req = nActive === masked.end ? (fullRequests[c] as { timeS: number }) : masked;
        req.timeS = t;
        env.wind.sample('wind', req as SampleRequest, windOut);
        env.current.sample('current', req as SampleRequest, curOut);
        const movedNow = advanceChunk(p, forcing, c0, masked.end, params, onNoData);
        chunkActive[c] = movedNow;
        particleSteps += movedNow;
        if (!hasLand) continue;
        for (let i = c0; i < c1; i++) {
          if (active[i] === 0) continue;
          if (!land.isLand(lon[i] as number, lat[i] as number)) continue;
          if (previous) {
            lon[i] = p.prevLonDeg[i] as number;
            lat[i] = p.prevLatDeg[i] as number;
            p.sinLat[i] = Math.sin(((lat[i] as number) * Math.PI) / 180);
            p.cosLat[i] = Math.cos(((lat[i] as number) * Math.PI) / 180);
          } else {
            status[i] = ParticleStatus.Stranded;
            active[i] = 0;
            chunkActive[c] = (chunkActive[c] as number) - 1;
          }
        }
      }
    }
    releaseAll(run.startTimeS + jB * dt);
    record(k);
    opts.onProgress?.(jB / nSteps);
  }

  let strandedCount = 0;
  let noDataCount = 0;
  for (let i = 0; i < n; i++) {
    if (status[i] === ParticleStatus.Stranded) strandedCount++;
    else if (status[i] === ParticleStatus.NoData) noDataCount++;
  }
  return {
    trajectories: {
      count: n,
      timesS,
      lonDeg: outLon,
      latDeg: outLat,
      status: outStatus,
      capsized: outCapsized,
      categoryId: seeded.categoryId,
      seedTimeS: release,
      weight: seeded.weight,
    },
    firstParticle: first,
    particleSteps,
    noDataEvents,
    noDataGroups: [...groups.values()],
    strandedCount,
    noDataCount,
    seededOnLandMovedCount: moved,
    seededOnLandStuckCount: stuck,
  };
}

interface ChunkRequest {
  timeS: number;
  readonly lonDeg: Float64Array;
  readonly latDeg: Float64Array;
  readonly start: number;
  readonly end: number;
  readonly activeMask: Uint8Array;
}
