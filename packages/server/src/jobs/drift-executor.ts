/**
 * The `drift` job: runs a stored scenario with the drift runner (@tandem/runner: worker threads, so the
 * server's event loop stays free) and keeps a summary in the drift-run record. The full trajectories stay in
 * the job result (`GET /api/jobs/:id/result`), typed arrays as plain JSON arrays (NaN as null).
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

function plain(a: ArrayLike<number>): (number | null)[] {
  return Array.from(a, (x) => (Number.isFinite(x) ? x : null));
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
          timesS: plain(t.timesS),
          lonDeg: plain(t.lonDeg),
          latDeg: plain(t.latDeg),
          status: plain(t.status),
          capsized: plain(t.capsized),
          categoryId: plain(t.categoryId),
          seedTimeS: plain(t.seedTimeS),
          ...(t.weight === undefined ? {} : { weight: plain(t.weight) }),
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
