/**
 * Page for `bench/web-whatif.bench.ts`: runs the what-if worker `n` times in a row at moving positions (as a
 * drag does) and reports the round trip (post to answer) and the engine time inside the worker, milliseconds.
 */
import { WhatIfClient, whatIfWorkerCount } from './whatif-client.ts';
import type { WhatIfRequest } from './whatif-config.ts';

declare global {
  interface Window {
    runWhatIfBench?: (
      n: number,
    ) => Promise<{ roundTripMs: number[]; computeMs: number[]; count: number; outputs: number; workers: number }>;
  }
}

const BASE: WhatIfRequest = {
  lonDeg: 129.05,
  latDeg: 34.75,
  radiusM: 1852,
  startTimeS: Date.UTC(2026, 0, 15) / 1000,
  leewayCategoryId: 26,
  windEastMps: 7.07,
  windNorthMps: -7.07,
  currentEastMps: 0.21,
  currentNorthMps: 0.21,
};

window.runWhatIfBench = (n: number) =>
  new Promise((resolve, reject) => {
    const roundTripMs: number[] = [];
    const computeMs: number[] = [];
    let count = 0;
    let outputs = 0;
    let k = 0;
    const client = new WhatIfClient((answer, ms) => {
      if (answer instanceof Error) {
        client.terminate();
        reject(answer);
        return;
      }
      roundTripMs.push(ms);
      computeMs.push(answer.computeMs);
      count = answer.count;
      outputs = answer.timesS.length;
      k++;
      if (k >= n) {
        client.terminate();
        resolve({ roundTripMs, computeMs, count, outputs, workers: whatIfWorkerCount() });
      } else client.request({ ...BASE, lonDeg: BASE.lonDeg + 0.01 * k, latDeg: BASE.latDeg + 0.005 * k });
    });
    client.request(BASE);
  });

const status = document.getElementById('status');
if (status !== null) status.textContent = 'ready';
