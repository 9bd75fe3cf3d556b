/**
 * The `plan` job: plans a search on a finished drift run (web/web-plan.ts: core's `planSearch`, the Bayesian
 * update when tracks are given, GPX/KML/GeoJSON and messages) in a worker thread (`plan-thread.ts`), and fills
 * in the plan record created with the job. The job result is the full planning response (`WebPlanResponse`),
 * stored once under the attempt fencing of the job store; the record body keeps the plan document and a
 * summary (`planRecordBody`), the same body the synchronous `POST /api/web/plan` saves. Cancelling terminates
 * the thread.
 */
import { Worker } from 'node:worker_threads';
import { TandemError } from '@tandem/core';
import type { ErrorCode } from '@tandem/core';
import type { WebPlanRequest } from '../web/web-plan.ts';
import { SerializedResult } from './job-store.ts';
import type { JobContext, JobExecutor } from './worker-pool.ts';

/** Stored as the job's input by `POST /api/plan-jobs`, which checked the caller may see the drift run. */
export interface PlanJobInput {
  readonly request: WebPlanRequest;
  /** The drift run's finished job, whose result holds the trajectories. */
  readonly driftJobId: string;
}

type ThreadMessage =
  | { type: 'done'; json: Uint8Array; meta: Record<string, unknown> }
  | { type: 'error'; code: ErrorCode; message: string; field?: string };

const THREAD = new URL('./plan-thread.ts', import.meta.url);

export function planExecutor(): JobExecutor {
  return {
    async run(input: unknown, ctx: JobContext): Promise<SerializedResult> {
      const { request, driftJobId } = input as PlanJobInput;
      ctx.progress(0, 'reading the drift run');
      const driftResult = await ctx.readResultBytes(driftJobId);
      if (driftResult === undefined) {
        throw new TandemError('CONFLICT', 'the drift run has no stored result', 'driftRunId');
      }
      if (ctx.signal.aborted) throw new Error('plan job aborted');
      ctx.progress(0.2, 'planning the search');
      return new Promise<SerializedResult>((resolve, reject) => {
        const worker = new Worker(THREAD, {
          workerData: { driftResult, request },
          transferList: [driftResult.buffer as ArrayBuffer],
        });
        let settled = false;
        const finish = (f: () => void): void => {
          if (settled) return;
          settled = true;
          ctx.signal.removeEventListener('abort', onAbort);
          f();
          void worker.terminate();
        };
        const onAbort = (): void => finish(() => reject(new Error('plan job aborted')));
        ctx.signal.addEventListener('abort', onAbort);
        worker.on('message', (m: ThreadMessage) => {
          if (m.type === 'done') finish(() => resolve(new SerializedResult(m.json, m.meta)));
          else {
            const prefix = m.field === undefined ? '' : `${m.field}: `;
            const message = m.message.startsWith(prefix) ? m.message.slice(prefix.length) : m.message;
            finish(() => reject(new TandemError(m.code, message, m.field)));
          }
        });
        worker.on('error', (err) => finish(() => reject(err)));
        worker.on('exit', (code) => finish(() => reject(new Error(`plan thread exited with code ${code}`))));
      });
    },
    recordBody(oldBody: unknown, meta: unknown): unknown {
      return { ...(oldBody as Record<string, unknown>), status: 'finished', ...(meta as Record<string, unknown>) };
    },
  };
}
