/**
 * Worker-thread body of `runDriftScenario` (started by `drift-worker.ts`): rebuilds the environment from the
 * scenario, runs the Leeway engine on its particle range, posts progress and then the trajectories (typed-array
 * buffers transferred, not copied). Errors go back as plain data (code, message, field) and are rebuilt as
 * TandemError on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isTandemError, runDrift } from '@tandem/core';
import type { ParsedDriftScenario } from '@tandem/core';
import { buildEnvironment } from './build-environment.ts';
import type { WorkerMessage } from './worker-protocol.ts';

interface Job {
  readonly scenario: ParsedDriftScenario;
  readonly baseDir: string;
  readonly firstParticle: number;
  readonly particleCount: number;
}

const port = parentPort;
if (port === null) throw new Error('drift-worker.ts must run in a worker thread');
const job = workerData as Job;
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

try {
  const built = await buildEnvironment(job.scenario, job.baseDir);
  try {
    let last = -1;
    const t0 = performance.now();
    const res = runDrift(job.scenario.config, built.env, {
      firstParticle: job.firstParticle,
      particleCount: job.particleCount,
      onProgress: (fraction) => {
        if (fraction - last >= 0.01 || fraction === 1) {
          last = fraction;
          post({ type: 'progress', fraction });
        }
      },
    });
    const computeS = (performance.now() - t0) / 1000;
    const t = res.trajectories;
    const buffers = [t.lonDeg, t.latDeg, t.status, t.capsized, t.categoryId, t.seedTimeS, t.weight]
      .filter((a) => a !== undefined)
      .map((a) => a.buffer as ArrayBuffer);
    post(
      {
        type: 'result',
        result: {
          ...res,
          sources: { wind: built.env.wind.name, current: built.env.current.name, land: built.env.land.name },
          computeS,
        },
      },
      buffers,
    );
  } finally {
    built.close();
  }
} catch (err) {
  post({
    type: 'error',
    code: isTandemError(err) ? err.code : 'INTERNAL',
    message:
      isTandemError(err) && err.field !== undefined
        ? err.message.slice(err.field.length + 2)
        : String((err as Error)?.message ?? err),
    field: isTandemError(err) ? err.field : undefined,
    stack: isTandemError(err) ? undefined : (err as Error)?.stack,
  });
}
