/**
 * A drift run's trajectories back from its stored job result. The job store keeps results as JSON, where typed
 * arrays become index-keyed objects; this rebuilds the `TrajectorySet` and checks every length against the
 * particle and time counts (a damaged result is an error, never a partial set).
 */
import { TandemError } from '@tandem/core';
import type { TrajectorySet } from '@tandem/core';
import type { RequestContext } from '../routes/route-spec.ts';

const DTYPES = { f64: Float64Array, u16: Uint16Array, u8: Uint8Array } as const;

/** An array stored as `{ dtype, base64 }` (little-endian typed-array bytes, see jobs/drift-executor.ts). */
function decodeBase64(v: unknown): number[] | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { dtype, base64 } = v as { dtype?: unknown; base64?: unknown };
  if (typeof base64 !== 'string' || typeof dtype !== 'string' || !(dtype in DTYPES)) return undefined;
  const Type = DTYPES[dtype as keyof typeof DTYPES];
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.byteLength % Type.BYTES_PER_ELEMENT !== 0) return undefined;
  return Array.from(new Type(bytes.buffer, 0, bytes.byteLength / Type.BYTES_PER_ELEMENT));
}

function numbers(v: unknown, field: string, length: number): number[] {
  const arr =
    decodeBase64(v) ??
    (Array.isArray(v) ? (v as unknown[]) : typeof v === 'object' && v !== null ? Object.values(v) : undefined);
  if (arr === undefined || arr.length !== length) {
    throw new TandemError('INVALID_INPUT', `the stored drift result has no valid ${field}`, field);
  }
  return arr.map((x) => (typeof x === 'number' ? x : NaN));
}

/** The trajectory set of a finished drift job result. */
export function trajectoriesFromResult(result: unknown): TrajectorySet {
  const t = (result as { trajectories?: Record<string, unknown> } | null)?.trajectories;
  if (t === undefined || t === null) throw new TandemError('INVALID_INPUT', 'the drift result has no trajectories');
  const count = t['count'];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 10_000_000) {
    throw new TandemError('INVALID_INPUT', 'the stored drift result has no valid particle count', 'count');
  }
  const rawTimes = decodeBase64(t['timesS']) ?? t['timesS'];
  const timesS = Float64Array.from(numbers(rawTimes, 'timesS', Object.keys((rawTimes as object | null) ?? {}).length));
  const nt = timesS.length;
  if (nt < 1 || nt * count > 200_000_000) throw new TandemError('INVALID_INPUT', 'bad output time count', 'timesS');
  const set: TrajectorySet = {
    count,
    timesS,
    lonDeg: Float64Array.from(numbers(t['lonDeg'], 'lonDeg', nt * count)),
    latDeg: Float64Array.from(numbers(t['latDeg'], 'latDeg', nt * count)),
    status: Uint8Array.from(numbers(t['status'], 'status', nt * count)),
    capsized: Uint8Array.from(numbers(t['capsized'], 'capsized', nt * count)),
    categoryId: Uint16Array.from(numbers(t['categoryId'], 'categoryId', count)),
    seedTimeS: Float64Array.from(numbers(t['seedTimeS'], 'seedTimeS', count)),
    ...(t['weight'] === undefined || t['weight'] === null
      ? {}
      : { weight: Float64Array.from(numbers(t['weight'], 'weight', count)) }),
  };
  return set;
}

/** The drift run record (visible to the caller) and its finished job's trajectories. */
export async function loadDriftRun(
  ctx: RequestContext,
  driftRunId: string,
): Promise<{ record: { id: string; title: string; releasability: string }; set: TrajectorySet; jobId: string }> {
  const record = await ctx.records().get('drift_run', driftRunId);
  const jobRow = await ctx.database.db
    .selectFrom('jobs')
    .select(['id'])
    .where('record_id', '=', record.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (jobRow === undefined) throw new TandemError('NOT_FOUND', 'the drift run has no job', 'driftRunId');
  const { job, result } = await ctx.jobs.result(ctx.actor, jobRow.id);
  if (result === undefined) {
    throw new TandemError('CONFLICT', `the drift run's job is ${job.status}, not finished`, 'driftRunId');
  }
  return { record, set: trajectoriesFromResult(result), jobId: jobRow.id };
}
