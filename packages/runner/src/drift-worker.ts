/**
 * Worker-thread bootstrap: turns on Node's on-disk compile cache (in the OS temp directory) before loading the
 * engine, so that every worker after the first skips parsing and type-stripping the TypeScript modules again
 * (about 0.4 s of CPU per worker start), then runs `drift-worker-main.ts`.
 */
import { enableCompileCache } from 'node:module';

try {
  enableCompileCache();
} catch {
  // The cache is only a speed-up: without it the worker loads the same modules from source.
}
await import('./drift-worker-main.ts');
