/**
 * Worker-thread side of the `drift` job: runs the scenario with @tandem/runner (which starts its own engine
 * threads) and encodes the result here, so that environment loading, merging, summarising and encoding the
 * trajectories never run on the server's event loop, at a lower CPU priority than the loop. Messages: `progress`,
 * then `done` (the result as JSON text and its small part) or `error`.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { runDriftScenario } from '@tandem/runner';
import { isTandemError } from '@tandem/core';
import { encodeDriftRun } from './drift-result-encoding.ts';

interface DriftThreadInput {
  readonly scenario: unknown;
  readonly baseDir: string;
  readonly threads: number;
}

/**
 * Lowers this thread's scheduling priority (nice 10). On Linux nice values are per thread and inherited by
 * threads it creates, so the runner's engine threads run below the server's event loop and requests keep
 * their latency while drifts compute (on 2 cores the loop otherwise waited for CPU up to ~200 ms). Elsewhere,
 * or without /proc, nothing changes.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    /* not Linux: keep the default priority */
  }
}

const port = parentPort;
if (port !== null) {
  lowerPriority();
  const input = workerData as DriftThreadInput;
  let last = -1;
  try {
    const run = await runDriftScenario(
      { doc: input.scenario, baseDir: input.baseDir },
      {
        threads: input.threads,
        onProgress: (f) => {
          if (f - last >= 0.01 || f === 1) {
            last = f;
            port.postMessage({ type: 'progress', fraction: f });
          }
        },
      },
    );
    // Serialized here, not on the server's event loop, and sent as transferred UTF-8 bytes: a multi-megabyte
    // string sent as such cost the loop 15-30 ms to receive. The summary and report travel beside it.
    const result = encodeDriftRun(run);
    const bytes = new TextEncoder().encode(JSON.stringify(result));
    port.postMessage(
      {
        type: 'done',
        json: bytes,
        meta: { summary: result.summary, report: result.report, computeS: result.computeS },
      },
      [bytes.buffer],
    );
  } catch (err) {
    port.postMessage(
      isTandemError(err)
        ? { type: 'error', code: err.code, message: err.message, field: err.field }
        : { type: 'error', code: 'INTERNAL', message: String((err as Error).message ?? err) },
    );
  }
}
