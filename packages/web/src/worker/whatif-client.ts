/**
 * The page's side of the what-if workers. The particles are split over a few module workers (runs over particle
 * ranges merge bit for bit into the single run, ADR 0003) and the parts are merged here. While the user drags,
 * positions arrive faster than the engine runs: only one job is in flight and only the newest waiting request is
 * kept, so the cloud follows the pointer with at most one run of lag and no queue builds up.
 */
import { WHATIF_DEFAULTS } from './whatif-config.ts';
import type { WhatIfRequest } from './whatif-config.ts';
import type { WhatIfAnswer, WhatIfJob, WhatIfReply } from './whatif-protocol.ts';

/** Workers used: the logical cores the browser reports, at most 4. */
export function whatIfWorkerCount(): number {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
}

/** Particle ranges [first, count] splitting `total` as evenly as possible over `parts`. */
export function splitParticles(total: number, parts: number): [number, number][] {
  const n = Math.max(1, Math.min(parts, total));
  const out: [number, number][] = [];
  let first = 0;
  for (let k = 0; k < n; k++) {
    const count = Math.floor(total / n) + (k < total % n ? 1 : 0);
    out.push([first, count]);
    first += count;
  }
  return out;
}

/** One answer from the parts of a split run (time-major arrays, particle ranges in order). */
export function mergeAnswers(parts: readonly WhatIfAnswer[]): WhatIfAnswer {
  const first = parts[0];
  if (first === undefined) throw new Error('no parts to merge');
  if (parts.length === 1) return first;
  const total = parts.reduce((s, p) => s + p.count, 0);
  const nt = first.timesS.length;
  const lon = new Float32Array(nt * total);
  const lat = new Float32Array(nt * total);
  for (const p of parts) {
    for (let k = 0; k < nt; k++) {
      lon.set(p.lonDeg.subarray(k * p.count, (k + 1) * p.count), k * total + p.firstParticle);
      lat.set(p.latDeg.subarray(k * p.count, (k + 1) * p.count), k * total + p.firstParticle);
    }
  }
  return {
    id: first.id,
    ok: true,
    firstParticle: 0,
    count: total,
    timesS: first.timesS,
    lonDeg: lon,
    latDeg: lat,
    computeMs: Math.max(...parts.map((p) => p.computeMs)),
  };
}

export class WhatIfClient {
  #workers: Worker[];
  #nextId = 1;
  #busy = false;
  #pending: WhatIfRequest | undefined;
  #parts: WhatIfAnswer[] = [];
  #expected = 0;
  #answered = 0;
  #currentId = 0;
  #failed: Error | undefined;
  #listener: (answer: WhatIfAnswer | Error, roundTripMs: number) => void;
  #sentAt = 0;

  constructor(listener: (answer: WhatIfAnswer | Error, roundTripMs: number) => void, workers = whatIfWorkerCount()) {
    this.#listener = listener;
    this.#workers = Array.from({ length: workers }, () => {
      const w = new Worker(new URL('./whatif-worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (e: MessageEvent<WhatIfReply>) => this.#receive(e.data);
      return w;
    });
  }

  /** Ask for a run; replaces any request still waiting. */
  request(r: WhatIfRequest): void {
    this.#pending = r;
    this.#flush();
  }

  #receive(reply: WhatIfReply): void {
    if (reply.id !== this.#currentId) return;
    if (reply.ok) this.#parts.push(reply);
    else this.#failed ??= new Error(reply.message);
    this.#answered++;
    if (this.#answered < this.#expected) return;
    const ms = performance.now() - this.#sentAt;
    const failed = this.#failed;
    const parts = [...this.#parts].sort((a, b) => a.firstParticle - b.firstParticle);
    this.#parts = [];
    this.#failed = undefined;
    this.#busy = false;
    this.#listener(failed ?? mergeAnswers(parts), ms);
    this.#flush();
  }

  #flush(): void {
    if (this.#busy || this.#pending === undefined) return;
    const request = this.#pending;
    const id = this.#nextId++;
    this.#pending = undefined;
    this.#busy = true;
    this.#sentAt = performance.now();
    const ranges = splitParticles(request.particleCount ?? WHATIF_DEFAULTS.particleCount, this.#workers.length);
    this.#expected = ranges.length;
    this.#answered = 0;
    this.#currentId = id;
    ranges.forEach(([firstParticle, particleCount], k) => {
      const job: WhatIfJob = { id, request, firstParticle, particleCount };
      this.#workers[k]?.postMessage(job);
    });
  }

  terminate(): void {
    for (const w of this.#workers) w.terminate();
  }
}
