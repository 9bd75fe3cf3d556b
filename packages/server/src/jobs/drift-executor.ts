/**
 * The `drift` job: runs a stored scenario with the drift runner (@tandem/runner, worker threads, so the
 * server's event loop stays free) and keeps a summary in the drift-run record. The full trajectories stay in
 * the job result (fetched with `GET /api/jobs/:id/result`).
 */
import * as runner from '@tandem/runner';
import { TandemError } from '@tandem/core';
import type { JobContext, JobExecutor } from './worker-pool.ts';

interface DriftJobInput {
  readonly scenario: unknown;
  readonly scenarioId: string;
}

type RunDriftScenario = (
  scenario: unknown,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void; threads?: number },
) => Promise<unknown>;

function runnerFunction(): RunDriftScenario | undefined {
  const f = (runner as Record<string, unknown>)['runDriftScenario'];
  return typeof f === 'function' ? (f as RunDriftScenario) : undefined;
}

export function driftExecutor(options: { threads?: number } = {}): JobExecutor {
  return {
    async run(input: unknown, ctx: JobContext): Promise<unknown> {
      const run = runnerFunction();
      if (run === undefined)
        throw new TandemError('TOOL_MISSING', 'the drift runner is not available in this build', 'kind');
      const { scenario } = input as DriftJobInput;
      ctx.progress(0, 'running drift');
      return run(scenario, {
        signal: ctx.signal,
        onProgress: (f) => ctx.progress(f, `drift ${Math.round(f * 100)} %`),
        ...(options.threads === undefined ? {} : { threads: options.threads }),
      });
    },
    recordBody(oldBody: unknown, result: unknown): unknown {
      const summary = (result as { summary?: unknown } | null)?.summary ?? null;
      return { ...(oldBody as Record<string, unknown>), status: 'finished', summary };
    },
  };
}
