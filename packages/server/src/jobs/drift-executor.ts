/**
 * The `drift` job: runs a stored scenario in a worker thread (`drift-thread.ts`, which uses @tandem/runner and
 * its engine threads), so nothing of the run occupies the server's event loop, and keeps a summary in the
 * drift-run record. The full trajectories stay in the job result (`GET /api/jobs/:id/result`), encoded as in
 * `drift-result-encoding.ts`. Relative file paths in a stored scenario resolve against `baseDir` (default: the
 * server's working folder). Cancelling terminates the thread.
 */
import { Worker } from 'node:worker_threads';
import { TandemError } from '@tandem/core';
import type { ErrorCode } from '@tandem/core';
import type { DriftJobResult } from './drift-result-encoding.ts';
import type { JobContext, JobExecutor } from './worker-pool.ts';
import { SerializedResult } from './job-store.ts';

export type { DriftJobResult, EncodedArray } from './drift-result-encoding.ts';

interface DriftJobInput {
  readonly scenario: unknown;
  readonly scenarioId: string;
}

type ThreadMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; json: Uint8Array; meta: Pick<DriftJobResult, 'summary' | 'report' | 'computeS'> }
  | { type: 'error'; code: ErrorCode; message: string; field?: string };

const THREAD = new URL('./drift-thread.ts', import.meta.url);

export function driftExecutor(options: { threads?: number; baseDir?: string } = {}): JobExecutor {
  return {
    run(input: unknown, ctx: JobContext): Promise<SerializedResult> {
      const { scenario } = input as DriftJobInput;
      ctx.progress(0, 'running drift');
      return new Promise<SerializedResult>((resolve, reject) => {
        const worker = new Worker(THREAD, {
          workerData: { scenario, baseDir: options.baseDir ?? process.cwd(), threads: options.threads ?? 1 },
        });
        let settled = false;
        const finish = (f: () => void): void => {
          if (settled) return;
          settled = true;
          ctx.signal.removeEventListener('abort', onAbort);
          f();
          void worker.terminate();
        };
        const onAbort = (): void => finish(() => reject(new Error('drift job aborted')));
        ctx.signal.addEventListener('abort', onAbort);
        worker.on('message', (m: ThreadMessage) => {
          if (m.type === 'progress') ctx.progress(m.fraction, `drift ${Math.round(m.fraction * 100)} %`);
          else if (m.type === 'done') finish(() => resolve(new SerializedResult(m.json, m.meta)));
          else {
            const prefix = m.field === undefined ? '' : `${m.field}: `;
            const message = m.message.startsWith(prefix) ? m.message.slice(prefix.length) : m.message;
            finish(() => reject(new TandemError(m.code, message, m.field)));
          }
        });
        worker.on('error', (err) => finish(() => reject(err)));
        worker.on('exit', (code) => finish(() => reject(new Error(`drift thread exited with code ${code}`))));
      });
    },
    recordBody(oldBody: unknown, result: unknown): unknown {
      const r = result as Pick<DriftJobResult, 'summary' | 'report'>;
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
