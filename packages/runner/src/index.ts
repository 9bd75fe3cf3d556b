export * from './build-environment.ts';
export * from './run-drift-scenario.ts';
export type { WorkerRunResult } from './worker-protocol.ts';
