/**
 * The `plan` job: plans a search on a finished drift run (web/web-plan.ts: core's `planSearch`, the Bayesian
 * update when tracks are given, GPX/KML/GeoJSON and messages) and fills in the plan record created with the
 * job. The job result is the full planning response (`WebPlanResponse`), stored once under the attempt fencing
 * of the job store; the record body keeps the plan document and a summary (`planRecordBody`), the same body
 * the synchronous `POST /api/web/plan` saves.
 */
import { TandemError } from '@tandem/core';
import { trajectoriesFromResult } from '../web/drift-run-result.ts';
import { planFromDriftRun, planRecordBody } from '../web/web-plan.ts';
import type { WebPlanRequest, WebPlanResponse } from '../web/web-plan.ts';
import type { JobContext, JobExecutor } from './worker-pool.ts';

/** Stored as the job's input by `POST /api/plan-jobs`, which checked the caller may see the drift run. */
export interface PlanJobInput {
  readonly request: WebPlanRequest;
  /** The drift run's finished job, whose result holds the trajectories. */
  readonly driftJobId: string;
}

export function planExecutor(): JobExecutor {
  return {
    async run(input: unknown, ctx: JobContext): Promise<WebPlanResponse> {
      const { request, driftJobId } = input as PlanJobInput;
      ctx.progress(0, 'reading the drift run');
      const stored = await ctx.readResult(driftJobId);
      if (stored === undefined) {
        throw new TandemError('CONFLICT', 'the drift run has no stored result', 'driftRunId');
      }
      const set = trajectoriesFromResult(stored);
      if (ctx.signal.aborted) throw new Error('plan job aborted');
      ctx.progress(0.3, 'planning the search');
      return planFromDriftRun(set, request);
    },
    recordBody(oldBody: unknown, result: unknown): unknown {
      return {
        ...(oldBody as Record<string, unknown>),
        status: 'finished',
        ...planRecordBody(result as WebPlanResponse),
      };
    },
  };
}
