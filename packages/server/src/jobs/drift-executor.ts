/**
 * The `drift` job: runs a stored scenario with the drift runner (@tandem/runner: worker threads, so the
 * server's event loop stays free) and keeps a summary in the drift-run record. The full trajectories stay in
 * the job result (`GET /api/jobs/:id/result`), each typed array as `{ dtype, base64 }` of its little-endian
 * bytes: encoding 5,000 particles × 25 outputs this way takes milliseconds, where JSON number arrays took over
 * 100 ms of the server's event loop (bench/server.bench.ts).
 * Relative file paths in a stored scenario resolve against `baseDir` (default: the server's working folder).
 */
import { runDriftScenario } from '@tandem/runner';
import type { DriftScenarioRun } from '@tandem/runner';
import type { JobContext, JobExecutor } from './worker-pool.ts';

interface DriftJobInput {
  readonly scenario: unknown;
  readonly scenarioId: string;
}

export interface DriftJobResult {
  readonly summary: DriftScenarioRun['summary'];
  readonly report: Omit<DriftScenarioRun['report'], 'noDataEvents'>;
  readonly trajectories: Record<string, unknown>;
  readonly computeS: number;
}

export interface EncodedArray {
  readonly dtype: 'f64' | 'u16' | 'u8';
  readonly base64: string;
}

function encode(a: Float64Array | Uint16Array | Uint8Array): EncodedArray {
  const dtype = a instanceof Float64Array ? 'f64' : a instanceof Uint16Array ? 'u16' : 'u8';
  return { dtype, base64: Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64') };
}

export function driftExecutor(options: { threads?: number; baseDir?: string } = {}): JobExecutor {
  return {
    async run(input: unknown, ctx: JobContext): Promise<DriftJobResult> {
      const { scenario } = input as DriftJobInput;
      ctx.progress(0, 'running drift');
      const run = await runDriftScenario(
        { doc: scenario, baseDir: options.baseDir ?? process.cwd() },
        {
          signal: ctx.signal,
          threads: options.threads ?? 1,
          onProgress: (f) => ctx.progress(f, `drift ${Math.round(f * 100)} %`),
        },
      );
      const t = run.trajectories;
      const { noDataEvents: _events, ...report } = run.report;
      return {
        summary: run.summary,
        report,
        computeS: run.computeS,
        trajectories: {
          count: t.count,
          timesS: encode(t.timesS),
          lonDeg: encode(t.lonDeg),
          latDeg: encode(t.latDeg),
          status: encode(t.status),
          capsized: encode(t.capsized),
          categoryId: encode(t.categoryId),
          seedTimeS: encode(t.seedTimeS),
          ...(t.weight === undefined ? {} : { weight: encode(t.weight) }),
        },
      };
    },
    recordBody(oldBody: unknown, result: unknown): unknown {
      const r = result as DriftJobResult;
      return {
        ...(oldBody as Record<string, unknown>),
        status: 'finished',
        summary: r.summary,
        warnings: r.report.warnings,
        particles: r.report.particles,
      };
    },
  };
}
