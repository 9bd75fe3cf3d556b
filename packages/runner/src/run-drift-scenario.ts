/**
 * Runs a drift scenario across worker threads (Node adapter shared by the CLI and the server). The particles
 * are split into contiguous index ranges, one per thread; each worker rebuilds the environment from the
 * serializable scenario and runs the core engine on its range; the parts are merged in index order. Because each
 * particle has its own random stream (ADR 0003) the result is bit-identical for any number of threads.
 * Progress is the particle-weighted mean of the workers' progress; an AbortSignal terminates the workers.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  TandemError,
  formatUtcTime,
  mergeTrajectorySets,
  parseDriftScenario,
  particleCount,
  summarizeFinal,
} from '@tandem/core';
import type { FinalSummary, NoDataEvent, ParsedDriftScenario, TrajectorySet } from '@tandem/core';
import type { WorkerMessage, WorkerRunResult } from './worker-protocol.ts';

export interface RunDriftScenarioOptions {
  /** Worker threads (default 1); capped at the particle count. */
  readonly threads?: number;
  /** Called with the fraction done, 0..1. */
  readonly onProgress?: (fraction: number) => void;
  /** Aborting terminates the workers and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Directory relative paths resolve against, for an already parsed scenario (default: the working directory). */
  readonly baseDir?: string;
}

/** Particles that stopped for lack of forcing, grouped by field, source and reason. */
export interface NoDataSummary {
  readonly field: string;
  readonly source: string;
  readonly reason: string;
  readonly count: number;
  /** The earliest event of the group. */
  readonly firstTime: string;
  readonly firstTimeS: number;
  readonly firstLonDeg: number;
  readonly firstLatDeg: number;
  readonly firstParticle: number;
}

export interface DriftRunReport {
  readonly particles: number;
  readonly threads: number;
  readonly particleSteps: number;
  readonly sources: { readonly wind: string; readonly current: string; readonly land: string };
  readonly strandedCount: number;
  readonly noDataCount: number;
  readonly seededOnLandMovedCount: number;
  readonly seededOnLandStuckCount: number;
  readonly noData: readonly NoDataSummary[];
  /** The first (at most 1000) no-data events, in time then particle order. */
  readonly noDataEvents: readonly NoDataEvent[];
  /** Plain-language warnings for the user (left the forcing, moved off land). */
  readonly warnings: readonly string[];
}

export interface DriftScenarioRun {
  readonly scenario: ParsedDriftScenario;
  readonly trajectories: TrajectorySet;
  readonly summary: FinalSummary;
  readonly report: DriftRunReport;
  readonly particleSteps: number;
  readonly threads: number;
  /** Wall-clock seconds of the run (workers started to results merged). */
  readonly wallS: number;
  /** Engine seconds of the slowest worker (without thread start-up, environment loading and merging). */
  readonly computeS: number;
}

const MAX_REPORTED_EVENTS = 1000;

/** Read and parse a scenario file; relative paths in it resolve against its folder. */
export async function loadDriftScenario(path: string): Promise<{ scenario: ParsedDriftScenario; baseDir: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new TandemError('NOT_FOUND', `cannot read the scenario file: ${(err as Error).message}`, path);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new TandemError('INVALID_INPUT', `the scenario is not valid JSON: ${(err as Error).message}`, path);
  }
  const baseDir = dirname(resolve(path));
  return { scenario: parseDriftScenario(doc, { baseDir }), baseDir };
}

function splitRanges(total: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < parts; k++) {
    const a = Math.floor((total * k) / parts);
    const b = Math.floor((total * (k + 1)) / parts);
    if (b > a) out.push([a, b - a]);
  }
  return out;
}

function runWorker(
  job: { scenario: ParsedDriftScenario; baseDir: string; firstParticle: number; particleCount: number },
  onProgress: (fraction: number) => void,
  workers: Set<Worker>,
): Promise<WorkerRunResult> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(new URL('./drift-worker.ts', import.meta.url), { workerData: job });
    workers.add(worker);
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      workers.delete(worker);
      fn();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.fraction);
      else if (m.type === 'result') {
        settle(() => resolvePromise(m.result));
        void worker.terminate();
      } else {
        const err = new TandemError(m.code, m.message, m.field);
        if (m.stack !== undefined) err.stack = m.stack;
        settle(() => reject(err));
        void worker.terminate();
      }
    });
    worker.on('error', (err) =>
      settle(() => reject(new TandemError('INTERNAL', `drift worker failed: ${err.message}`))),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new TandemError('INTERNAL', `drift worker exited (code ${code}) without a result`))),
    );
  });
}

function buildReport(results: readonly WorkerRunResult[], total: number, threads: number): DriftRunReport {
  const first = results[0];
  if (first === undefined) throw new TandemError('INTERNAL', 'no worker results');
  let particleSteps = 0;
  let strandedCount = 0;
  let noDataCount = 0;
  let moved = 0;
  let stuck = 0;
  const events: NoDataEvent[] = [];
  const groups = new Map<string, NoDataSummary>();
  for (const r of results) {
    particleSteps += r.particleSteps;
    strandedCount += r.strandedCount;
    noDataCount += r.noDataCount;
    moved += r.seededOnLandMovedCount;
    stuck += r.seededOnLandStuckCount;
    for (const e of r.noDataEvents) if (events.length < MAX_REPORTED_EVENTS * results.length) events.push(e);
    for (const g of r.noDataGroups) {
      const e = g.first;
      const key = `${g.field}\u0000${e.source}\u0000${e.reason}`;
      const prev = groups.get(key);
      const earlier =
        prev === undefined ||
        e.timeS < prev.firstTimeS ||
        (e.timeS === prev.firstTimeS && e.particle < prev.firstParticle);
      const base = earlier
        ? {
            field: g.field,
            source: e.source,
            reason: e.reason,
            firstTime: formatUtcTime(e.timeS),
            firstTimeS: e.timeS,
            firstLonDeg: e.lonDeg,
            firstLatDeg: e.latDeg,
            firstParticle: e.particle,
          }
        : prev;
      groups.set(key, { ...base, count: (prev?.count ?? 0) + g.count });
    }
  }
  events.sort((a, b) => a.timeS - b.timeS || a.particle - b.particle);
  const warnings: string[] = [];
  for (const g of groups.values()) {
    warnings.push(
      `${g.count} particle(s) stopped with no ${g.field} data (${g.reason}; source "${g.source}"), ` +
        `the first at ${g.firstTime} at ${g.firstLatDeg.toFixed(4)}°N ${g.firstLonDeg.toFixed(4)}°E`,
    );
  }
  if (moved > 0) warnings.push(`${moved} particle(s) seeded on land were moved to the nearest water`);
  if (stuck > 0) warnings.push(`${stuck} particle(s) seeded on land found no water within 200 km and are stranded`);
  return {
    particles: total,
    threads,
    particleSteps,
    sources: first.sources,
    strandedCount,
    noDataCount,
    seededOnLandMovedCount: moved,
    seededOnLandStuckCount: stuck,
    noData: [...groups.values()],
    noDataEvents: events.slice(0, MAX_REPORTED_EVENTS),
    warnings,
  };
}

/**
 * Run a scenario given as a file path, a parsed scenario, or a raw JSON document with its `baseDir`.
 * Rejects with a TandemError (bad input, time outside the forcing, missing files) or the abort reason.
 */
export async function runDriftScenario(
  input: string | ParsedDriftScenario | { readonly doc: unknown; readonly baseDir: string },
  opts: RunDriftScenarioOptions = {},
): Promise<DriftScenarioRun> {
  let scenario: ParsedDriftScenario;
  let baseDir = resolve(opts.baseDir ?? '.');
  if (typeof input === 'string') {
    ({ scenario, baseDir } = await loadDriftScenario(input));
  } else if ('doc' in input) {
    baseDir = resolve(input.baseDir);
    scenario = parseDriftScenario(input.doc, { baseDir });
  } else scenario = input;

  const total = particleCount(scenario.config);
  const requested = opts.threads ?? 1;
  if (!Number.isInteger(requested) || requested < 1 || requested > 256) {
    throw new TandemError('OUT_OF_RANGE', 'threads must be an integer in [1, 256]', 'threads');
  }
  const ranges = splitRanges(total, Math.max(1, Math.min(requested, total)));
  const signal = opts.signal;
  signal?.throwIfAborted();

  const started = performance.now();
  const workers = new Set<Worker>();
  const fractions = new Float64Array(ranges.length);
  const report = (): void => {
    if (opts.onProgress === undefined) return;
    let done = 0;
    ranges.forEach(([, n], k) => (done += (fractions[k] as number) * n));
    opts.onProgress(total > 0 ? done / total : 1);
  };
  const onAbort = (): void => {
    for (const w of workers) void w.terminate();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let results: WorkerRunResult[];
  try {
    const all = Promise.all(
      ranges.map(([firstParticle, count], k) =>
        runWorker(
          { scenario, baseDir, firstParticle, particleCount: count },
          (f) => {
            fractions[k] = f;
            report();
          },
          workers,
        ),
      ),
    );
    const aborted =
      signal === undefined
        ? undefined
        : new Promise<never>((_, reject) => {
            if (signal.aborted) reject(signal.reason);
            signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          });
    results = await (aborted === undefined ? all : Promise.race([all, aborted]));
  } catch (err) {
    onAbort();
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const trajectories = mergeTrajectorySets(results.map((r) => r.trajectories));
  const wallS = (performance.now() - started) / 1000;
  const runReport = buildReport(results, total, ranges.length);
  return {
    scenario,
    trajectories,
    summary: summarizeFinal(trajectories),
    report: runReport,
    particleSteps: runReport.particleSteps,
    threads: ranges.length,
    wallS,
    computeS: Math.max(...results.map((r) => r.computeS)),
  };
}
