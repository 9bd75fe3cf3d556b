/**
 * Drift engine benchmark on the OpenDrift reference case `const_open` (data/opendrift-reference): Leeway
 * category 26, 10 m/s wind toward east, 0.3 m/s current toward north, no land, 24 h at 600 s steps.
 * Cases: 10,000 and 100,000 particles, the engine in-process on one thread, and through the worker-thread
 * runner on 1 and 2 threads. Each case runs in its own child process (so peak RSS is per case), best of
 * `--repeat` runs (default 3). Figures: particle-steps per second on the engine time (slowest worker) and on
 * the wall time including thread start-up, and peak RSS. OpenDrift on this machine: 0.64 M (10k) and
 * 0.79 M (100k) particle-steps/s.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { NO_LAND, constantSource, parseDriftScenario, runDrift, summarizeFinal } from '@tandem/core';
import type { FinalSummary } from '@tandem/core';
import { runDriftScenario } from '@tandem/runner';

const OPENDRIFT_MPS: Readonly<Record<number, number>> = { 10000: 0.64, 100000: 0.79 };

function scenario(count: number) {
  return parseDriftScenario({
    object: { leewayCategoryId: 26 },
    seed: { lon: 3.0, lat: 60.0, radiusM: 1000, radiusType: 'gaussian', time: '2016-02-01T12:00:00Z', count },
    forcing: { wind: { eastMps: 10, northMps: 0 }, current: { eastMps: 0, northMps: 0.3 } },
    coast: { landMask: 'none' },
    options: { jibeProbabilityPerHour: 0.04 },
    run: { durationS: 86400, timeStepS: 600, outputStepS: 3600, rngSeed: 1 },
  });
}

interface CaseResult {
  mode: string;
  count: number;
  threads: number;
  particleSteps: number;
  computeS: number;
  wallS: number;
  /** CPU seconds (user + system, all threads) the process used during the run. */
  cpuS: number;
  maxRssMB: number;
  /** Final statistics (engine mode), to compare with the OpenDrift reference. */
  summary?: FinalSummary;
}

async function child(mode: string, count: number, threads: number, repeat: number): Promise<CaseResult> {
  const sc = scenario(count);
  let best: CaseResult | undefined;
  for (let r = 0; r < repeat; r++) {
    let res: { particleSteps: number; computeS: number; wallS: number; summary?: FinalSummary };
    const cpu0 = process.cpuUsage();
    if (mode === 'engine') {
      const env = {
        wind: constantSource('wind', { eastMps: 10, northMps: 0 }),
        current: constantSource('current', { eastMps: 0, northMps: 0.3 }),
        land: NO_LAND,
      };
      const t0 = performance.now();
      const out = runDrift(sc.config, env);
      const s = (performance.now() - t0) / 1000;
      res = { particleSteps: out.particleSteps, computeS: s, wallS: s, summary: summarizeFinal(out.trajectories) };
    } else {
      const out = await runDriftScenario(sc, { threads });
      res = { particleSteps: out.particleSteps, computeS: out.computeS, wallS: out.wallS };
    }
    const cpu = process.cpuUsage(cpu0);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    globalThis.gc?.();
    if (best === undefined || res.computeS < best.computeS) {
      best = { mode, count, threads, ...res, cpuS, maxRssMB: 0 };
    }
  }
  if (best === undefined) throw new Error('no runs');
  return { ...best, maxRssMB: process.resourceUsage().maxRSS / 1024 };
}

const [, , role, mode, countArg, threadsArg, repeatArg] = process.argv;
if (role === '--child') {
  const r = await child(mode ?? 'engine', Number(countArg), Number(threadsArg), Number(repeatArg));
  process.stdout.write(JSON.stringify(r) + '\n');
} else {
  const repeatIdx = process.argv.indexOf('--repeat');
  const repeat = repeatIdx > 0 ? Number(process.argv[repeatIdx + 1]) : 3;
  const cases: [string, number, number][] = [
    ['engine', 10000, 1],
    ['runner', 10000, 1],
    ['runner', 10000, 2],
    ['engine', 100000, 1],
    ['runner', 100000, 1],
    ['runner', 100000, 2],
  ];
  const self = fileURLToPath(import.meta.url);
  const rows: CaseResult[] = [];
  for (const [mode, count, threads] of cases) {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', self, '--child', mode, String(count), String(threads), String(repeat)],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exitCode = 1;
      continue;
    }
    rows.push(JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as CaseResult);
  }
  const head = [
    'case',
    'particles',
    'threads',
    'particle-steps',
    'engine s',
    'M steps/s',
    'x OpenDrift',
    'wall s',
    'M/s wall',
    'peak RSS MB',
  ];
  const lines = rows.map((r) => {
    const mps = r.particleSteps / r.computeS / 1e6;
    return [
      r.mode === 'engine' ? 'engine in-process' : 'runner (workers)',
      String(r.count),
      String(r.threads),
      String(r.particleSteps),
      r.computeS.toFixed(3),
      mps.toFixed(1),
      (mps / (OPENDRIFT_MPS[r.count] ?? NaN)).toFixed(0),
      r.wallS.toFixed(3),
      (r.particleSteps / r.wallS / 1e6).toFixed(1),
      (r.particleSteps / r.cpuS / 1e6).toFixed(1),
      r.maxRssMB.toFixed(0),
    ];
  });
  const widths = head.map((h, k) => Math.max(h.length, ...lines.map((l) => (l[k] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells.map((c, k) => (k === 0 ? c.padEnd(widths[k] ?? 0) : c.padStart(widths[k] ?? 0))).join('  ');
  process.stdout.write(
    `const_open (Leeway cat. 26, 24 h, dt 600 s), best of ${repeat}; OpenDrift 0.64 M/s (10k), 0.79 M/s (100k)\n`,
  );
  process.stdout.write(fmt(head) + '\n' + lines.map(fmt).join('\n') + '\n');
  process.stdout.write(
    'engine s / M steps/s: time inside runDrift (slowest worker); wall: incl. thread start-up and merge;\n' +
      'M/s per CPU-s: particle-steps per CPU second of the whole process (less sensitive to other load).\n',
  );
  const refPath = fileURLToPath(new URL('../data/opendrift-reference/const_open.json', import.meta.url));
  const ref = JSON.parse(readFileSync(refPath, 'utf8')) as {
    results: { count: number; meanLon: number; meanLat: number; stdEastKm: number; stdNorthKm: number }[];
  };
  process.stdout.write('\nagreement with OpenDrift (same particle count; mean differences in units of std/sqrt(n)):\n');
  for (const r of rows) {
    const s = r.summary;
    const o = ref.results.find((x) => x.count === r.count);
    if (s === undefined || o === undefined) continue;
    const kmLon = 111.32 * Math.cos((s.meanLat * Math.PI) / 180);
    const se = (km: number) => km / Math.sqrt(r.count);
    process.stdout.write(
      `  n=${r.count}: meanLon ${s.meanLon.toFixed(5)} vs ${o.meanLon} (${(((s.meanLon - o.meanLon) * kmLon) / se(s.stdEastKm)).toFixed(2)}), ` +
        `meanLat ${s.meanLat.toFixed(5)} vs ${o.meanLat} (${(((s.meanLat - o.meanLat) * 111.32) / se(s.stdNorthKm)).toFixed(2)}), ` +
        `stdEast ${s.stdEastKm.toFixed(2)} vs ${o.stdEastKm} km (${(100 * (s.stdEastKm / o.stdEastKm - 1)).toFixed(1)} %), ` +
        `stdNorth ${s.stdNorthKm.toFixed(2)} vs ${o.stdNorthKm} km (${(100 * (s.stdNorthKm / o.stdNorthKm - 1)).toFixed(1)} %)\n`,
    );
  }
  const load = loadavg()[0] ?? 0;
  process.stdout.write(`load average at the end: ${load.toFixed(2)} on ${availableParallelism()} CPUs\n`);
}
