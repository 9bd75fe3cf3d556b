/**
 * pg-boss as the job transport on PostgreSQL (ADR 0011): one pg-boss queue per job kind, in pg-boss's own
 * schema (`pgboss`) of the app's database. A message carries only the job id; the `jobs` row stays the
 * source of truth for status, progress, releasability and the fenced, exactly-once result (job-store.ts).
 *
 * - The message is inserted in the same transaction as the job row (pg-boss's `db` option), so a committed
 *   job always has a message and a rolled-back one never does.
 * - A worker fetches a message, claims the row by id (attempt fencing), runs it and completes the message.
 *   A worker that dies leaves its message active; pg-boss's maintenance expires it after `expireSeconds`
 *   and puts it back for retry, and the next worker's claim finds the row's lease expired and re-runs it
 *   (the row's `max_attempts` caps it at one re-run).
 * - A message delivered while the row's lease is still held by a live worker (a job longer than the
 *   expiry) is completed and replaced by a deferred one that starts when that lease ends: one message is
 *   always outstanding for an unfinished job.
 */
import PgBoss from 'pg-boss';
import { CompiledQuery } from 'kysely';
import type { Transaction } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** What a worker receives: a job id to claim, and what to do with the message afterwards. */
export interface JobDelivery {
  readonly jobId: string;
  readonly kind: string;
  /** Done with this message (the job finished, failed, was cancelled, or is gone). */
  ack(): Promise<void>;
  /** The job's lease is held by a live worker until `untilMs`: look again then. */
  deferUntil(untilMs: number): Promise<void>;
}

/** Delivers job ids to workers; the in-process pool polls the job table itself when there is none. */
export interface JobTransport {
  /** Queues a message for job `id` inside the transaction that stores its row. */
  sendIn(trx: Transaction<Schema>, job: { readonly id: string; readonly kind: string }): Promise<void>;
  /** The next message for one of `kinds`, if any. */
  fetch(kinds: readonly string[]): Promise<JobDelivery | undefined>;
  stop(): Promise<void>;
}

export interface BossTransportOptions {
  readonly databaseUrl: string;
  /** Seconds after which an un-acknowledged (dead worker's) message is redelivered; default 30. */
  readonly expireSeconds?: number;
  /** How often pg-boss expires messages, seconds (at least 1); default 10. */
  readonly maintenanceSeconds?: number;
  /** Connections in pg-boss's own pool; default 2. */
  readonly poolSize?: number;
}

/** pg-boss allows letters, digits, `_`, `-` in queue names. */
export function queueName(kind: string): string {
  return `tandem_job_${kind.replace(/[^\w-]/g, '_')}`;
}

interface JobMessage {
  readonly jobId: string;
}

/** Redeliveries pg-boss grants a message; the job row (not this) limits how often a job runs. */
const BOSS_RETRY_LIMIT = 20;

export class BossTransport implements JobTransport {
  readonly #boss: PgBoss;
  readonly #expireSeconds: number;
  readonly #queues = new Map<string, Promise<void>>();

  private constructor(boss: PgBoss, expireSeconds: number) {
    this.#boss = boss;
    this.#expireSeconds = expireSeconds;
  }

  static async start(options: BossTransportOptions): Promise<BossTransport> {
    const boss = new PgBoss({
      connectionString: options.databaseUrl,
      schema: 'pgboss',
      max: options.poolSize ?? 2,
      supervise: true,
      schedule: false,
      migrate: true,
      maintenanceIntervalSeconds: options.maintenanceSeconds ?? 10,
    });
    boss.on('error', () => undefined);
    await boss.start();
    return new BossTransport(boss, Math.max(1, Math.round(options.expireSeconds ?? 30)));
  }

  #ensureQueue(kind: string): Promise<void> {
    const name = queueName(kind);
    let p = this.#queues.get(name);
    if (p === undefined) {
      p = (async () => {
        if ((await this.#boss.getQueue(name)) !== null) return;
        try {
          await this.#boss.createQueue(name, {
            name,
            retryLimit: BOSS_RETRY_LIMIT,
            retryDelay: 0,
            expireInSeconds: this.#expireSeconds,
          });
        } catch (err) {
          // another process created it meanwhile
          if ((await this.#boss.getQueue(name)) === null) throw err;
        }
      })();
      p.catch(() => this.#queues.delete(name));
      this.#queues.set(name, p);
    }
    return p;
  }

  async sendIn(trx: Transaction<Schema>, job: { readonly id: string; readonly kind: string }): Promise<void> {
    await this.#ensureQueue(job.kind);
    const db = {
      executeSql: async (text: string, values: unknown[]) => {
        const r = await trx.executeQuery(CompiledQuery.raw(text, values));
        return { rows: r.rows as unknown[] };
      },
    };
    await this.#boss.send(queueName(job.kind), { jobId: job.id } satisfies JobMessage, { db });
  }

  async fetch(kinds: readonly string[]): Promise<JobDelivery | undefined> {
    for (const kind of kinds) {
      await this.#ensureQueue(kind);
      const name = queueName(kind);
      const [msg] = await this.#boss.fetch<JobMessage>(name, { batchSize: 1 });
      if (msg === undefined) continue;
      const jobId = msg.data.jobId;
      const ack = async (): Promise<void> => {
        await this.#boss.complete(name, msg.id);
      };
      return {
        jobId,
        kind,
        ack,
        deferUntil: async (untilMs) => {
          await this.#boss.send(name, { jobId } satisfies JobMessage, { startAfter: new Date(untilMs + 100) });
          await ack();
        },
      };
    }
    return undefined;
  }

  async stop(): Promise<void> {
    await this.#boss.stop({ graceful: false, wait: true, close: true });
  }
}
