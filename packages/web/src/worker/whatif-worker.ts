/**
 * The what-if Web Worker: runs core's `runDrift` off the main thread so dragging the last known position stays
 * smooth (architecture.md: heavy work in Web Workers). Positions go back as transferable Float32 arrays.
 */
import { isTandemError, runDrift } from '@tandem/core';
import { whatIfConfig, whatIfEnvironment } from './whatif-config.ts';
import type { WhatIfJob, WhatIfReply } from './whatif-protocol.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WhatIfJob>) => void) | null;
  postMessage(message: WhatIfReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id, request, firstParticle, particleCount } = e.data;
  try {
    const t0 = performance.now();
    const result = runDrift(whatIfConfig(request), whatIfEnvironment(request), { firstParticle, particleCount });
    const set = result.trajectories;
    const lon = Float32Array.from(set.lonDeg);
    const lat = Float32Array.from(set.latDeg);
    const times = Float64Array.from(set.timesS);
    const computeMs = performance.now() - t0;
    scope.postMessage(
      { id, ok: true, firstParticle, count: set.count, timesS: times, lonDeg: lon, latDeg: lat, computeMs },
      [lon.buffer, lat.buffer, times.buffer],
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    scope.postMessage({ id, ok: false, message, field: isTandemError(err) ? err.field : undefined }, []);
  }
};
