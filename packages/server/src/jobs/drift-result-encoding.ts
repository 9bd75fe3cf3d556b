/**
 * How a drift job's result is stored: summary, report (without the per-particle event list) and the
 * trajectories, each typed array as `{ dtype, base64 }` of its little-endian bytes. Encoding 5,000 particles ×
 * 25 outputs this way takes milliseconds, where JSON number arrays took over 100 ms (bench/server.bench.ts).
 * `web/drift-run-result.ts` reads it back.
 */
import type { DriftScenarioRun } from '@tandem/runner';

export interface EncodedArray {
  readonly dtype: 'f64' | 'u16' | 'u8';
  readonly base64: string;
}

export interface DriftJobResult {
  readonly summary: DriftScenarioRun['summary'];
  readonly report: Omit<DriftScenarioRun['report'], 'noDataEvents'>;
  readonly trajectories: Record<string, unknown>;
  readonly computeS: number;
}

function encode(a: Float64Array | Uint16Array | Uint8Array): EncodedArray {
  const dtype = a instanceof Float64Array ? 'f64' : a instanceof Uint16Array ? 'u16' : 'u8';
  return { dtype, base64: Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64') };
}

export function encodeDriftRun(run: DriftScenarioRun): DriftJobResult {
  const t = run.trajectories;
  const { noDataEvents: _events, ...report } = run.report;
  return {
    summary: run.summary,
    report,
    computeS: run.computeS,
    trajectories: {
      count: t.count,
      timesS: encode(t.timesS),
      lonDeg: encode(t.lonDeg),
      latDeg: encode(t.latDeg),
      status: encode(t.status),
      capsized: encode(t.capsized),
      categoryId: encode(t.categoryId),
      seedTimeS: encode(t.seedTimeS),
      ...(t.weight === undefined ? {} : { weight: encode(t.weight) }),
    },
  };
}
