/** Messages between the page and the what-if Web Worker. */
import type { WhatIfRequest } from './whatif-config.ts';

export interface WhatIfJob {
  /** Increasing id; the page keeps only the newest answer. */
  readonly id: number;
  readonly request: WhatIfRequest;
  /** The particle range this worker runs (runs over ranges merge bit for bit into the whole run, ADR 0003). */
  readonly firstParticle: number;
  readonly particleCount: number;
}

/** The cloud at every output time: particle i at output k is at index k·count + i (time-major, as core). */
export interface WhatIfAnswer {
  readonly id: number;
  readonly ok: true;
  /** First global particle of these arrays (0 for a merged answer). */
  readonly firstParticle: number;
  readonly count: number;
  readonly timesS: Float64Array;
  readonly lonDeg: Float32Array;
  readonly latDeg: Float32Array;
  /** Engine time of the run inside the worker (the slowest worker for a merged answer), milliseconds. */
  readonly computeMs: number;
}

export interface WhatIfFailure {
  readonly id: number;
  readonly ok: false;
  readonly message: string;
  readonly field: string | undefined;
}

export type WhatIfReply = WhatIfAnswer | WhatIfFailure;
