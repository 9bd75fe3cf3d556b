/**
 * The page's side of the what-if worker. While the user drags, positions arrive faster than the engine runs:
 * only one job is in flight and only the newest waiting request is kept, so the cloud follows the pointer with
 * at most one run of lag and no queue builds up.
 */
import type { WhatIfRequest } from './whatif-config.ts';
import type { WhatIfAnswer, WhatIfJob, WhatIfReply } from './whatif-protocol.ts';

export class WhatIfClient {
  #worker: Worker;
  #nextId = 1;
  #busy = false;
  #pending: WhatIfRequest | undefined;
  #listener: (answer: WhatIfAnswer | Error, roundTripMs: number) => void;
  #sentAt = 0;

  constructor(listener: (answer: WhatIfAnswer | Error, roundTripMs: number) => void) {
    this.#listener = listener;
    this.#worker = new Worker(new URL('./whatif-worker.ts', import.meta.url), { type: 'module' });
    this.#worker.onmessage = (e: MessageEvent<WhatIfReply>) => {
      const ms = performance.now() - this.#sentAt;
      this.#busy = false;
      const reply = e.data;
      this.#listener(reply.ok ? reply : new Error(reply.message), ms);
      this.#flush();
    };
  }

  /** Ask for a run; replaces any request still waiting. */
  request(r: WhatIfRequest): void {
    this.#pending = r;
    this.#flush();
  }

  #flush(): void {
    if (this.#busy || this.#pending === undefined) return;
    const job: WhatIfJob = { id: this.#nextId++, request: this.#pending };
    this.#pending = undefined;
    this.#busy = true;
    this.#sentAt = performance.now();
    this.#worker.postMessage(job);
  }

  terminate(): void {
    this.#worker.terminate();
  }
}
