/** Messages from a drift worker thread to the main thread. */
import type { DriftResult, ErrorCode } from '@tandem/core';

export interface WorkerRunResult extends DriftResult {
  /** Names of the sources and land mask the worker used, for the run report. */
  readonly sources: { readonly wind: string; readonly current: string; readonly land: string };
  /** Seconds the worker spent in the engine (environment already built). */
  readonly computeS: number;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'result'; readonly result: WorkerRunResult }
  | {
      readonly type: 'error';
      readonly code: ErrorCode;
      readonly message: string;
      readonly field: string | undefined;
      readonly stack: string | undefined;
    };
