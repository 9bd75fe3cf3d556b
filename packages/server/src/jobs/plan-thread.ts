/**
 * Worker-thread side of the `plan` job: parses the drift run's stored result (transferred UTF-8 bytes),
 * plans the search (web/web-plan.ts) and sends the response back as transferred UTF-8 JSON bytes with the
 * plan record's body beside it, so that neither the multi-megabyte parse nor the planning (about 0.2 s for
 * 5,000 particles) runs on the server's event loop. Messages: `done` or `error`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isTandemError } from '@tandem/core';
import { trajectoriesFromResult } from '../web/drift-run-result.ts';
import { planFromDriftRun, planRecordBody } from '../web/web-plan.ts';
import type { WebPlanRequest } from '../web/web-plan.ts';

interface PlanThreadInput {
  readonly driftResult: Uint8Array;
  readonly request: WebPlanRequest;
}

const port = parentPort;
if (port !== null) {
  const input = workerData as PlanThreadInput;
  try {
    const set = trajectoriesFromResult(JSON.parse(new TextDecoder().decode(input.driftResult)) as unknown);
    const response = planFromDriftRun(set, input.request);
    const bytes = new TextEncoder().encode(JSON.stringify(response));
    port.postMessage({ type: 'done', json: bytes, meta: planRecordBody(response) }, [bytes.buffer]);
  } catch (err) {
    port.postMessage(
      isTandemError(err)
        ? { type: 'error', code: err.code, message: err.message, field: err.field }
        : { type: 'error', code: 'INTERNAL', message: String((err as Error).message ?? err) },
    );
  }
}
