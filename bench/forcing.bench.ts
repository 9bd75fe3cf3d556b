/**
 * Gridded-forcing drift benchmark (issue 3): Leeway category 26, 10,000 and 100,000 particles seeded
 * gaussian 1,000 m at 15.0°E 72.0°N at 2016-02-01T12:00Z, 24 h with dt 600 s, in the Arctic20 ROMS surface
 * current (NetCDF-3, polar stereographic, grid-relative u/v rotated to east/north) with a constant 10 m/s
 * wind toward the east, land from the GSHHG Barents raster. OpenDrift on this machine: 0.24 M particle-steps/s
 * (10k) and 0.29 M (100k); the target is 30 times that.
 *
 * "engine" times `runDrift` alone with the environment built beforehand (the hot loop: sampling the gridded
 * current and the wind, moves, land test); "scenario" times `runDriftScenario` end to end (worker start,
 * file opening, lookup-table build, land mask read, merge) on 1 and 2 threads. The engine is also timed with a
 * constant current (0.14 m/s) in place of the file, to show what the gridded sampling costs.
 */
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { constantSource, parseDriftScenario, runDrift } from '@tandem/core';
import { makeProjection, openGriddedSource } from '@tandem/formats';
import { buildEnvironment, runDriftScenario } from '@tandem/runner';

const repo = fileURLToPath(new URL('..', import.meta.url));
const OPENDRIFT_MPS: Readonly<Record<number, number>> = { 10_000: 0.24e6, 100_000: 0.29e6 };

function doc(count: number, gridded = true): unknown {
  return {
    object: { leewayCategoryId: 26 },
    seed: { lon: 15.0, lat: 72.0, radiusM: 1000, radiusType: 'gaussian', time: '2016-02-01T12:00:00Z', count },
    forcing: {
      wind: { eastMps: 10, northMps: 0 },
      current: gridded ? { files: ['data/forcing/Arctic20_1to5Feb_2016.nc'] } : { eastMps: 0.1, northMps: 0.1 },
    },
    coast: { landMask: 'data/forcing/landmask_gshhg_f_barents_8-24E_70-75N_0.005deg.nc' },
    run: { durationS: 86400, timeStepS: 600, outputStepS: 3600, rngSeed: 1 },
  };
}

/** Locating and sampling alone: 100,000 positions around the seed point, 144 times (one per step). */
async function kernels(): Promise<string> {
  const n = 100_000;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    lon[k] = 15 + ((k % 316) - 158) * 0.0002;
    lat[k] = 72 + (Math.floor(k / 316) - 158) * 0.0001;
  }
  const src = await openGriddedSource([`${repo}data/forcing/Arctic20_1to5Feb_2016.nc`], 'current');
  const grid = src.parts[0]!.grid;
  const proj = makeProjection(grid.projection!.definition, 'bench');
  const fi = new Float64Array(n);
  const fj = new Float64Array(n);
  let t0 = performance.now();
  for (let k = 0; k < n; k++) {
    const [x, y] = proj.forward(lon[k]!, lat[k]!);
    fi[k] = x;
    fj[k] = y;
  }
  const proj4PerS = n / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (let r = 0; r < 20; r++) grid.locator.locate(lon, lat, 0, n, undefined, fi, fj);
  const tablePerS = (20 * n) / ((performance.now() - t0) / 1000);
  const out = { eastMps: new Float64Array(n), northMps: new Float64Array(n), status: new Uint8Array(n) };
  const t = 1454328000;
  src.sample('current', { timeS: t, lonDeg: lon, latDeg: lat, start: 0, end: n }, out);
  t0 = performance.now();
  for (let step = 0; step < 144; step++) {
    src.sample('current', { timeS: t + step * 600, lonDeg: lon, latDeg: lat, start: 0, end: n }, out);
  }
  const griddedPerS = (144 * n) / ((performance.now() - t0) / 1000);
  const c = constantSource('current', { eastMps: 0.1, northMps: 0.1 });
  t0 = performance.now();
  for (let step = 0; step < 144; step++) {
    c.sample('current', { timeS: t + step * 600, lonDeg: lon, latDeg: lat, start: 0, end: n }, out);
  }
  const constantPerS = (144 * n) / ((performance.now() - t0) / 1000);
  src.close();
  return (
    `Locating positions on the polar stereographic grid: proj4 per point ${(proj4PerS / 1e6).toFixed(2)} M/s, ` +
    `lookup table ${(tablePerS / 1e6).toFixed(1)} M/s (×${(tablePerS / proj4PerS).toFixed(0)})\n` +
    `Sampling the current (locate + bilinear × linear in time, slabs cached): gridded ${(griddedPerS / 1e6).toFixed(1)} M ` +
    `samples/s, constant ${(constantPerS / 1e6).toFixed(0)} M samples/s\n`
  );
}

process.stdout.write(await kernels());

/** CPU seconds (user + system, all threads of this process) since `since`. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}

const rows: string[][] = [];
for (const count of [10_000, 100_000]) {
  for (const gridded of [true, false]) {
    const scenario = parseDriftScenario(doc(count, gridded), { baseDir: repo });
    const built = await buildEnvironment(scenario, repo);
    try {
      runDrift(scenario.config, built.env, { particleCount: Math.min(count, 1000) });
      globalThis.gc?.();
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const r = runDrift(scenario.config, built.env);
      const s = (performance.now() - t0) / 1000;
      const cpu = cpuSeconds(c0);
      const rate = r.particleSteps / s;
      rows.push([
        String(count),
        gridded ? 'engine, 1 thread' : 'engine, constant current (comparison)',
        s.toFixed(2),
        cpu.toFixed(2),
        (r.particleSteps / 1e6).toFixed(2),
        (rate / 1e6).toFixed(2),
        (rate / OPENDRIFT_MPS[count]!).toFixed(0),
        (r.particleSteps / cpu / 1e6).toFixed(2),
        `${r.strandedCount} stranded, ${r.noDataCount} no data`,
      ]);
    } finally {
      built.close();
    }
  }
  for (const threads of [1, 2]) {
    globalThis.gc?.();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const run = await runDriftScenario({ doc: doc(count), baseDir: repo }, { threads });
    const s = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(c0);
    const rate = run.particleSteps / s;
    rows.push([
      String(count),
      `scenario, ${run.threads} thread${run.threads > 1 ? 's' : ''}`,
      s.toFixed(2),
      cpu.toFixed(2),
      (run.particleSteps / 1e6).toFixed(2),
      (rate / 1e6).toFixed(2),
      (rate / OPENDRIFT_MPS[count]!).toFixed(0),
      (run.particleSteps / cpu / 1e6).toFixed(2),
      `${run.report.strandedCount} stranded, ${run.report.noDataCount} no data`,
    ]);
  }
}

const head = [
  'particles',
  'run',
  'wall s',
  'CPU s',
  'M steps',
  'M steps/s',
  '× OpenDrift',
  'M steps/CPU-s',
  'end state',
];
const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
const line = (r: string[]): string =>
  r.map((c, k) => (k < 2 || k === 8 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
process.stdout.write(
  'Gridded forcing: Arctic20 surface current + constant wind 10 m/s east, GSHHG Barents land, cat. 26, 24 h, dt 600 s\n' +
    `${line(head)}\n${rows.map(line).join('\n')}\n` +
    'OpenDrift reference: 0.24 M steps/s (10k), 0.29 M steps/s (100k); target ×30.\n' +
    `CPU s: this process and its worker threads (user + system); on a shared machine M steps/CPU-s is the steadier\n` +
    `figure. Load average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores.\n`,
);
