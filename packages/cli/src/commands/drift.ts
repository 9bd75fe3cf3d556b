/**
 * `tandem drift SCENARIO.json [--out DIR] [--summary FILE] [--threads N]`: runs a Leeway drift scenario on
 * worker threads and writes its outputs. Into DIR: `trajectory.nc` (CF trajectory NetCDF), `tracks.geojson`,
 * `final.geojson`, `particles.csv`, `density.geojson` (particle density at the final time) and `run.json`
 * (scenario, summary, report, output times). Every file is written under a temporary name and renamed only when
 * all are complete, so a failed run never leaves partial output that looks finished.
 * Exit codes: 0 ok, 1 the run failed (bad scenario, forcing, files), 2 usage error.
 */
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readJsonDocument, writeFilesAtomically } from '../output-files.ts';
import { densityGrid, formatUtcTime, isTandemError, particleCount, parseDriftScenario } from '@tandem/core';
import type { FinalSummary } from '@tandem/core';
import {
  densityGridToGeoJson,
  finalPositionsToGeoJson,
  trajectoriesToCsv,
  trajectoriesToGeoJsonTracks,
  writeTrajectoryNetcdf,
} from '@tandem/formats';
import { runDriftScenario } from '@tandem/runner';
import type { DriftScenarioRun } from '@tandem/runner';
import type { CommandIo } from '../main.ts';

export const summary = 'run a Leeway drift scenario (Monte Carlo) and write trajectories, density and a summary';

const USAGE = `usage: tandem drift SCENARIO.json [--out DIR] [--summary FILE] [--threads N] [--quiet]

  SCENARIO.json   drift scenario document (docs/schemas/drift-scenario.schema.json)
  --out DIR       write trajectory.nc, tracks.geojson, final.geojson, particles.csv, density.geojson, run.json
  --summary FILE  write the final statistics and run figures as JSON
  --threads N     worker threads (default: 1 below 20,000 particles, else the number of CPUs, at most 8)
  --quiet         no progress bar or summary on the terminal
`;

/** Particles below which one thread is the default (worker start-up outweighs the gain). */
const ONE_THREAD_BELOW = 20_000;

/** Density cells of about a tenth of the cloud's larger spread, rounded to 1-2-5 × 10^k m, 100 m to 50 km. */
function densityCellM(s: FinalSummary): number {
  const target = (Math.max(s.stdEastKm, s.stdNorthKm) * 1000) / 10;
  if (!(target > 100)) return 100;
  const p = Math.pow(10, Math.floor(Math.log10(target)));
  const m = target / p;
  const nice = (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  return Math.min(50_000, nice);
}

function finalBlock(s: FinalSummary) {
  return {
    count: s.count,
    meanLon: s.meanLon,
    meanLat: s.meanLat,
    stdEastKm: s.stdEastKm,
    stdNorthKm: s.stdNorthKm,
    strandedFraction: s.strandedFraction,
    capsizedFraction: s.capsizedFraction,
    activeFraction: s.activeFraction,
    noDataFraction: s.noDataFraction,
  };
}

function outputs(dir: string, run: DriftScenarioRun, doc: unknown): [string, string | Uint8Array][] {
  const set = run.trajectories;
  const last = set.timesS.length - 1;
  const cellSizeM = densityCellM(run.summary);
  const grid = densityGrid(set, last, { cellSizeM });
  const runJson = {
    scenario: doc,
    summary: finalBlock(run.summary),
    report: run.report,
    outputTimes: Array.from(set.timesS, (t) => formatUtcTime(t)),
    particleSteps: run.particleSteps,
    wallS: run.wallS,
    threads: run.threads,
    density: { file: 'density.geojson', time: formatUtcTime(grid.timeS), cellSizeM, total: grid.total },
  };
  return [
    [
      join(dir, 'trajectory.nc'),
      writeTrajectoryNetcdf(set, {
        title: run.scenario.name ?? 'Tandem Leeway drift',
        scenarioJson: JSON.stringify(doc),
        history: `tandem drift (${run.threads} thread(s))`,
        ...(run.scenario.description === undefined ? {} : { comment: run.scenario.description }),
      }),
    ],
    [join(dir, 'tracks.geojson'), JSON.stringify(trajectoriesToGeoJsonTracks(set))],
    [join(dir, 'final.geojson'), JSON.stringify(finalPositionsToGeoJson(set))],
    [join(dir, 'particles.csv'), trajectoriesToCsv(set)],
    [join(dir, 'density.geojson'), JSON.stringify(densityGridToGeoJson(grid))],
    [join(dir, 'run.json'), JSON.stringify(runJson, null, 2) + '\n'],
  ];
}

function progressBar(io: CommandIo): ((f: number) => void) | undefined {
  if (io.stderr.isTTY !== true) return undefined;
  let shown = -1;
  return (f) => {
    const pct = Math.floor(f * 100);
    if (pct === shown) return;
    shown = pct;
    const width = 30;
    const full = Math.round((pct / 100) * width);
    io.stderr.write(`\rdrifting [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(pct).padStart(3)}%`);
    if (pct >= 100) io.stderr.write('\n');
  };
}

function printSummary(io: CommandIo, run: DriftScenarioRun, outDir: string | undefined): void {
  const s = run.summary;
  const lines = [
    `particles       ${s.count} (${run.report.particles} seeded over the run)`,
    `final time      ${formatUtcTime(run.trajectories.timesS[run.trajectories.timesS.length - 1] as number)}`,
    `mean position   ${s.meanLat.toFixed(5)}°N ${s.meanLon.toFixed(5)}°E`,
    `spread (1 sd)   ${s.stdEastKm.toFixed(2)} km east-west, ${s.stdNorthKm.toFixed(2)} km north-south`,
    `status          active ${pct(s.activeFraction)}, stranded ${pct(s.strandedFraction)}, no data ${pct(s.noDataFraction)}, capsized ${pct(s.capsizedFraction)}`,
    `forcing         wind: ${run.report.sources.wind}; current: ${run.report.sources.current}; coast: ${run.report.sources.land}`,
    `compute         ${run.particleSteps} particle-steps, ${run.computeS.toFixed(2)} s in the engine ` +
      `(${(run.particleSteps / run.computeS / 1e6).toFixed(1)} M/s), ${run.wallS.toFixed(2)} s wall on ${run.threads} thread(s)`,
  ];
  if (outDir !== undefined) lines.push(`outputs         ${outDir}`);
  for (const w of run.report.warnings) lines.push(`warning         ${w}`);
  io.stdout.write(lines.join('\n') + '\n');
}

function pct(f: number): string {
  return `${(100 * f).toFixed(1)} %`;
}

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  let values: {
    out?: string | undefined;
    summary?: string | undefined;
    threads?: string | undefined;
    quiet?: boolean;
    help?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        summary: { type: 'string' },
        threads: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    io.stderr.write(`tandem drift: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help === true) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] === undefined) {
    io.stderr.write(`tandem drift: give exactly one scenario file\n${USAGE}`);
    return 2;
  }
  let threads: number | undefined;
  if (values.threads !== undefined) {
    threads = Number(values.threads);
    if (!/^\d+$/.test(values.threads) || threads < 1 || threads > 256) {
      io.stderr.write(`tandem drift: --threads: expected an integer from 1 to 256, got "${values.threads}"\n`);
      return 2;
    }
  }
  const scenarioPath = resolve(positionals[0]);
  const outDir = values.out === undefined ? undefined : resolve(values.out);
  try {
    const doc = readJsonDocument(scenarioPath, positionals[0], 'scenario');
    const baseDir = dirname(scenarioPath);
    const scenario = parseDriftScenario(doc, { baseDir });
    const n = particleCount(scenario.config);
    const nThreads = threads ?? (n < ONE_THREAD_BELOW ? 1 : Math.min(8, availableParallelism()));
    const bar = values.quiet === true ? undefined : progressBar(io);
    const result = await runDriftScenario(scenario, {
      threads: nThreads,
      baseDir,
      ...(bar === undefined ? {} : { onProgress: bar }),
    });
    const files: [string, string | Uint8Array][] = outDir === undefined ? [] : outputs(outDir, result, doc);
    if (values.summary !== undefined) {
      const summaryJson = {
        final: finalBlock(result.summary),
        particleSteps: result.particleSteps,
        wallS: result.wallS,
        threads: result.threads,
        computeS: result.computeS,
        particleStepsPerS: result.particleSteps / result.wallS,
      };
      files.push([resolve(values.summary), JSON.stringify(summaryJson, null, 2) + '\n']);
    }
    writeFilesAtomically(files);
    if (values.quiet !== true) printSummary(io, result, outDir);
    return 0;
  } catch (err) {
    if (isTandemError(err)) {
      io.stderr.write(`tandem drift: ${err.message}\n`);
      return 1;
    }
    io.stderr.write(`tandem drift: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    return 1;
  }
}
