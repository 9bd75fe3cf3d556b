/**
 * The job table as a queue with leases. A worker claims a job by bumping its `attempt` and taking a lease;
 * it renews the lease while running (heartbeat) and stores the result only while it still holds that
 * attempt's lease (fencing). A job whose worker dies (lease expired) is claimed again, at most
 * `max_attempts` times in all (default 2: the first run and exactly one re-run). `job_results` has the job
 * id as primary key and the insert ignores conflicts, so a result is never stored twice.
 * Works on both dialects and across processes sharing one database (ADR 0010).
 */
import { createHash, randomUUID } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { TandemError } from '@tandem/core';
import type { JobStatus, JobsTable, Nation, Releasability, Schema } from '../db/schema.ts';
import type { Dialect } from '../db/migrations.ts';
import type { Actor } from '../auth/roles.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { visibleTo } from '../records/releasability.ts';
import type { JobTransport } from './boss-transport.ts';

export const DEFAULT_MAX_ATTEMPTS = 2;

/** Results larger than this go to a file beside an embedded database instead of into the row. */
export const INLINE_RESULT_LIMIT_CHARS = 64 * 1024;

/** The row's stand-in for a result kept in a file: name and SHA-256 of its content. */
interface ResultFileRef {
  readonly $file: string;
  readonly sha256: string;
}

function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Writes `text` durably (temp file, fsync, rename) without blocking the event loop. */
async function writeDurably(path: string, text: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/**
 * A job result already serialized to JSON off the event loop (the drift thread does it: stringifying a
 * multi-megabyte result here held the loop for 15-30 ms, plus the garbage it left). `meta` is the small part
 * the produced record's body is made from (`JobExecutor.recordBody` receives it instead of the result).
 * `json` is the text or its UTF-8 bytes (bytes can be transferred from a thread without a copy).
 */
export class SerializedResult {
  readonly json: string | Uint8Array;
  readonly meta: unknown;
  constructor(json: string | Uint8Array, meta: unknown) {
    this.json = json;
    this.meta = meta;
  }
}

export interface JobView {
  readonly id: string;
  readonly kind: string;
  readonly recordId: string;
  readonly ownerNation: Nation;
  readonly releasability: Releasability;
  readonly status: JobStatus;
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly progress: number;
  readonly message: string;
  readonly error: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ClaimedJob {
  readonly id: string;
  readonly kind: string;
  readonly recordId: string;
  readonly attempt: number;
  readonly input: unknown;
  readonly ownerNation: Nation;
}

export function toJobView(r: JobsTable): JobView {
  return {
    id: r.id,
    kind: r.kind,
    recordId: r.record_id,
    ownerNation: r.owner_nation,
    releasability: r.releasability,
    status: r.status,
    attempt: Number(r.attempt),
    maxAttempts: Number(r.max_attempts),
    progress: Number(r.progress),
    message: r.message,
    error: r.error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const WORKER_ACTOR = (nation: Nation): Actor => ({
  userId: 'system:worker',
  username: 'worker',
  nation,
  organisationId: 'system',
  roles: [],
});

export class JobStore {
  readonly db: Kysely<Schema>;
  readonly dialect: Dialect;
  readonly #resultDir: string | undefined;
  /** Delivers queued jobs to workers (pg-boss on PostgreSQL); undefined: workers poll the table. */
  readonly transport: JobTransport | undefined;
  /** `resultDir`: where results over `INLINE_RESULT_LIMIT_CHARS` are kept (embedded database only). */
  constructor(db: Kysely<Schema>, dialect: Dialect, resultDir?: string, transport?: JobTransport) {
    this.db = db;
    this.dialect = dialect;
    this.#resultDir = resultDir;
    this.transport = transport;
  }

  async #readResult(stored: string): Promise<unknown> {
    const parsed = JSON.parse(stored) as unknown;
    const ref = parsed as Partial<ResultFileRef> | null;
    if (ref === null || typeof ref !== 'object' || typeof ref.$file !== 'string' || this.#resultDir === undefined) {
      return parsed;
    }
    const text = await readFile(join(this.#resultDir, ref.$file.replace(/[/\\]/g, '_')), 'utf8');
    if (sha256(text) !== ref.sha256) {
      throw new TandemError('INTERNAL', 'a stored job result does not match its checksum', 'result');
    }
    return JSON.parse(text) as unknown;
  }

  /** Queues a job inside the caller's transaction (stored with the record it produces). */
  async enqueueIn(
    trx: Transaction<Schema>,
    job: {
      kind: string;
      recordId: string;
      ownerNation: Nation;
      releasability: Releasability;
      createdBy: string;
      input: unknown;
      maxAttempts?: number;
    },
    id: string = randomUUID(),
  ): Promise<string> {
    const now = new Date().toISOString();
    await trx
      .insertInto('jobs')
      .values({
        id,
        kind: job.kind,
        record_id: job.recordId,
        owner_nation: job.ownerNation,
        releasability: job.releasability,
        created_by: job.createdBy,
        status: 'queued',
        attempt: 0,
        max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        progress: 0,
        message: 'queued',
        input: JSON.stringify(job.input),
        error: null,
        cancel_requested: 0,
        lease_owner: null,
        lease_until_ms: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await this.transport?.sendIn(trx, { id, kind: job.kind });
    return id;
  }

  /** Visible jobs for a caller (404 semantics as records). */
  async list(actor: Actor, limit: number, offset: number): Promise<{ items: JobView[]; total: number }> {
    const base = this.db.selectFrom('jobs').where(visibleTo(actor));
    const [rows, n] = await Promise.all([
      base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toJobView), total: Number(n.n) };
  }

  async get(actor: Actor, id: string): Promise<JobView> {
    const row = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where(visibleTo(actor))
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw new TandemError('NOT_FOUND', 'no job with this id', 'id');
    return toJobView(row);
  }

  async result(actor: Actor, id: string): Promise<{ job: JobView; result: unknown }> {
    const job = await this.get(actor, id);
    const row = await this.db.selectFrom('job_results').select(['result']).where('job_id', '=', id).executeTakeFirst();
    return { job, result: row === undefined ? undefined : await this.#readResult(row.result) };
  }

  /**
   * A finished job's result as UTF-8 JSON bytes for a worker thread (no caller: the route that queued the
   * dependent job checked that its caller may see this one); not parsed here, so a multi-megabyte result
   * never occupies the event loop. The bytes own their buffer (transferable). Undefined without a result.
   */
  async resultBytesById(id: string): Promise<Uint8Array | undefined> {
    const row = await this.db.selectFrom('job_results').select(['result']).where('job_id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;
    const ref = (row.result.length < 1024 ? JSON.parse(row.result) : null) as Partial<ResultFileRef> | null;
    if (ref === null || typeof ref !== 'object' || typeof ref.$file !== 'string' || this.#resultDir === undefined) {
      return new TextEncoder().encode(row.result);
    }
    const buf = await readFile(join(this.#resultDir, ref.$file.replace(/[/\\]/g, '_')));
    if (sha256(buf) !== ref.sha256) {
      throw new TandemError('INTERNAL', 'a stored job result does not match its checksum', 'result');
    }
    const own = buf.byteOffset === 0 && buf.buffer.byteLength === buf.byteLength;
    return own ? new Uint8Array(buf.buffer) : Uint8Array.prototype.slice.call(buf);
  }

  /** Owner nation's editors may cancel: a queued job stops at once, a running one at its next heartbeat. */
  async cancel(actor: Actor, id: string): Promise<JobView> {
    const job = await this.get(actor, id);
    if (job.ownerNation !== actor.nation) throw new TandemError('FORBIDDEN', 'only the owner nation may cancel', 'id');
    if (job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled') {
      throw new TandemError('CONFLICT', `job already ${job.status}`, 'id');
    }
    await this.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      await trx
        .updateTable('jobs')
        .set(
          job.status === 'queued'
            ? { status: 'cancelled', message: 'cancelled', updated_at: now, cancel_requested: 1 }
            : { cancel_requested: 1, updated_at: now },
        )
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, this.dialect, actor, {
        action: 'job.cancel',
        entity: 'job',
        entityId: id,
        ownerNation: job.ownerNation,
        releasability: job.releasability,
        before: { status: job.status },
        after: { cancelRequested: true },
      });
    });
    return this.get(actor, id);
  }

  /** Re-queues a failed or cancelled job for another `DEFAULT_MAX_ATTEMPTS` attempts. */
  async retry(actor: Actor, id: string): Promise<JobView> {
    const job = await this.get(actor, id);
    if (job.ownerNation !== actor.nation) throw new TandemError('FORBIDDEN', 'only the owner nation may retry', 'id');
    if (job.status !== 'failed' && job.status !== 'cancelled') {
      throw new TandemError('CONFLICT', `only a failed or cancelled job can be retried (it is ${job.status})`, 'id');
    }
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('jobs')
        .set({
          status: 'queued',
          max_attempts: job.attempt + DEFAULT_MAX_ATTEMPTS,
          cancel_requested: 0,
          error: null,
          progress: 0,
          message: 'queued (retry)',
          lease_owner: null,
          lease_until_ms: 0,
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await this.transport?.sendIn(trx, { id, kind: job.kind });
      await appendAudit(trx, this.dialect, actor, {
        action: 'job.retry',
        entity: 'job',
        entityId: id,
        ownerNation: job.ownerNation,
        releasability: job.releasability,
        before: { status: job.status },
        after: { status: 'queued' },
      });
    });
    return this.get(actor, id);
  }

  /**
   * Claims the oldest runnable job: queued, or running with an expired lease (its worker died). A job whose
   * attempts are used up is marked failed instead. Returns undefined when nothing is runnable.
   */
  async claim(
    workerId: string,
    leaseMs: number,
    kinds: readonly string[],
    nowMs: number = Date.now(),
  ): Promise<ClaimedJob | undefined> {
    if (kinds.length === 0) return undefined;
    for (let tries = 0; tries < 5; tries++) {
      const candidates = await this.db
        .selectFrom('jobs')
        .select(['id', 'attempt', 'max_attempts', 'status', 'cancel_requested'])
        .where('kind', 'in', kinds)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            eb.and([eb('status', '=', 'running'), eb('lease_until_ms', '<', nowMs)]),
          ]),
        )
        .orderBy('created_at')
        .limit(8)
        .execute();
      if (candidates.length === 0) return undefined;
      for (const c of candidates) {
        const claimed = await this.#tryClaim(c, workerId, leaseMs, nowMs);
        if (claimed !== undefined) return claimed;
      }
    }
    return undefined;
  }

  /**
   * Claims job `id` delivered by a transport: `claimed` (run it), `busy` (a live worker holds its lease until
   * `leaseUntilMs`) or `gone` (finished, cancelled, failed, out of attempts, or not there).
   */
  async claimById(
    id: string,
    workerId: string,
    leaseMs: number,
    nowMs: number = Date.now(),
  ): Promise<{ state: 'claimed'; job: ClaimedJob } | { state: 'busy'; leaseUntilMs: number } | { state: 'gone' }> {
    const c = await this.db
      .selectFrom('jobs')
      .select(['id', 'attempt', 'max_attempts', 'status', 'cancel_requested', 'lease_until_ms'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (c === undefined) return { state: 'gone' };
    if (c.status === 'running' && Number(c.lease_until_ms) >= nowMs) {
      return { state: 'busy', leaseUntilMs: Number(c.lease_until_ms) };
    }
    if (c.status !== 'queued' && c.status !== 'running') return { state: 'gone' };
    const job = await this.#tryClaim(c, workerId, leaseMs, nowMs);
    return job === undefined ? { state: 'gone' } : { state: 'claimed', job };
  }

  /**
   * One guarded claim of a runnable job (see `claim`); a job out of attempts or with a cancel request is
   * finished instead. Undefined when another claimer won or the job was finished here.
   */
  async #tryClaim(
    c: { id: string; attempt: number; max_attempts: number; cancel_requested: number },
    workerId: string,
    leaseMs: number,
    nowMs: number,
  ): Promise<ClaimedJob | undefined> {
    const attempt = Number(c.attempt);
    const now = new Date(nowMs).toISOString();
    const runnable = runnableAt(nowMs);
    if (attempt >= Number(c.max_attempts) || Number(c.cancel_requested) === 1) {
      const cancelled = Number(c.cancel_requested) === 1;
      await this.db
        .updateTable('jobs')
        .set({
          status: cancelled ? 'cancelled' : 'failed',
          message: cancelled ? 'cancelled' : 'failed',
          error: cancelled ? null : `worker stopped during attempt ${attempt}; no attempts left`,
          lease_owner: null,
          updated_at: now,
        })
        .where('id', '=', c.id)
        .where('attempt', '=', attempt)
        .where(runnable)
        .execute();
      return undefined;
    }
    const claimed = await this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('jobs')
        .set({
          status: 'running',
          attempt: attempt + 1,
          lease_owner: workerId,
          lease_until_ms: nowMs + leaseMs,
          message: attempt === 0 ? 'started' : `restarted (attempt ${attempt + 1})`,
          updated_at: now,
        })
        .where('id', '=', c.id)
        .where('attempt', '=', attempt)
        .where(runnable)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return undefined;
      await trx
        .insertInto('job_runs')
        .values({ job_id: c.id, attempt: attempt + 1, worker: workerId, started_at: now })
        .execute();
      return trx.selectFrom('jobs').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    });
    if (claimed !== undefined) {
      return {
        id: claimed.id,
        kind: claimed.kind,
        recordId: claimed.record_id,
        attempt: Number(claimed.attempt),
        input: JSON.parse(claimed.input) as unknown,
        ownerNation: claimed.owner_nation,
      };
    }
    return undefined;
  }

  /**
   * Renews the lease and records progress. Returns `lost` when another attempt owns the job now,
   * `cancel` when a cancel was requested, else `ok`.
   */
  async heartbeat(
    job: ClaimedJob,
    workerId: string,
    leaseMs: number,
    progress: number,
    message: string,
    nowMs: number = Date.now(),
  ): Promise<'ok' | 'lost' | 'cancel'> {
    const r = await this.db
      .updateTable('jobs')
      .set({
        lease_until_ms: nowMs + leaseMs,
        progress: Math.min(1, Math.max(0, progress)),
        message,
        updated_at: new Date(nowMs).toISOString(),
      })
      .where('id', '=', job.id)
      .where('attempt', '=', job.attempt)
      .where('lease_owner', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return 'lost';
    const row = await this.db
      .selectFrom('jobs')
      .select(['cancel_requested'])
      .where('id', '=', job.id)
      .executeTakeFirst();
    return row !== undefined && Number(row.cancel_requested) === 1 ? 'cancel' : 'ok';
  }

  /**
   * Stores the result and finishes the job, atomically and only if this worker still holds this attempt's
   * lease. `recordBody` (when given) replaces the produced record's body in the same transaction.
   * Returns false when fenced off (the result is then dropped).
   */
  async complete(
    job: ClaimedJob,
    workerId: string,
    result: unknown,
    recordBody?: (old: unknown) => unknown,
  ): Promise<boolean> {
    const raw = result instanceof SerializedResult ? result.json : JSON.stringify(result ?? null);
    const size = typeof raw === 'string' ? raw.length : raw.byteLength;
    let stored: string;
    let file: string | undefined;
    if (this.#resultDir !== undefined && size > INLINE_RESULT_LIMIT_CHARS) {
      const name = `${job.id}.${job.attempt}.json`;
      file = join(this.#resultDir, name);
      await writeDurably(file, raw);
      stored = JSON.stringify({ $file: name, sha256: sha256(raw) } satisfies ResultFileRef);
    } else {
      stored = typeof raw === 'string' ? raw : new TextDecoder().decode(raw);
    }
    const done = await this.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const r = await trx
        .updateTable('jobs')
        .set({ status: 'succeeded', progress: 1, message: 'finished', lease_owner: null, updated_at: now })
        .where('id', '=', job.id)
        .where('attempt', '=', job.attempt)
        .where('lease_owner', '=', workerId)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await trx
        .insertInto('job_results')
        .values({ job_id: job.id, attempt: job.attempt, result: stored, created_at: now })
        .onConflict((oc) => oc.column('job_id').doNothing())
        .execute();
      const rec = await trx.selectFrom('sar_records').selectAll().where('id', '=', job.recordId).executeTakeFirst();
      if (rec !== undefined && recordBody !== undefined) {
        const before = JSON.parse(rec.body) as unknown;
        const after = recordBody(before);
        await trx
          .updateTable('sar_records')
          .set({ body: JSON.stringify(after), version: Number(rec.version) + 1, updated_at: now })
          .where('id', '=', rec.id)
          .execute();
        await appendAudit(trx, this.dialect, WORKER_ACTOR(rec.owner_nation), {
          action: `${rec.kind}.result`,
          entity: 'sar_record',
          entityId: rec.id,
          ownerNation: rec.owner_nation,
          releasability: rec.releasability,
          before: { body: before },
          after: { body: after, jobId: job.id, attempt: job.attempt },
        });
      }
      return true;
    });
    if (!done && file !== undefined) await unlink(file).catch(() => undefined);
    return done;
  }

  /** Ends the attempt as failed or cancelled (fenced like `complete`). */
  async finishWithout(
    job: ClaimedJob,
    workerId: string,
    status: 'failed' | 'cancelled',
    error: string | null,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set({ status, error, message: status, lease_owner: null, updated_at: new Date().toISOString() })
      .where('id', '=', job.id)
      .where('attempt', '=', job.attempt)
      .where('lease_owner', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}

/** The claim condition repeated in the guarded update, so two claimers cannot both win. */
function runnableAt(nowMs: number) {
  return sql<boolean>`(status = 'queued' or (status = 'running' and lease_until_ms < ${nowMs}))`;
}
