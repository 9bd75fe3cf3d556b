/**
 * The in-process worker pool: polls the job table, runs up to `concurrency` jobs at once through the
 * executor registered for each job kind, renews leases while they run and stops a run whose lease was lost
 * or whose cancel was requested. Heavy executors (the drift engine) run in worker threads via
 * @tandem/runner, so the event loop stays free for requests.
 */
import { randomUUID } from 'node:crypto';
import { SerializedResult } from './job-store.ts';
import type { ClaimedJob, JobStore } from './job-store.ts';
import type { JobDelivery } from './boss-transport.ts';

export interface JobContext {
  readonly jobId: string;
  readonly attempt: number;
  readonly recordId: string;
  readonly signal: AbortSignal;
  /** Progress in [0, 1] and a short message; stored at the next heartbeat. */
  progress(fraction: number, message?: string): void;
  /**
   * Another job's stored result as UTF-8 JSON bytes, to hand to a worker thread (a plan reads its drift run's
   * trajectories); undefined if it has none.
   */
  readResultBytes(jobId: string): Promise<Uint8Array | undefined>;
}

export interface JobExecutor {
  run(input: unknown, ctx: JobContext): Promise<unknown>;
  /**
   * New body of the produced record from its old body and the result (e.g. a drift run's summary); for a
   * `SerializedResult`, its `meta`.
   */
  recordBody?(oldBody: unknown, result: unknown): unknown;
}

export interface WorkerPoolOptions {
  readonly store: JobStore;
  readonly executors: Readonly<Record<string, JobExecutor>>;
  readonly concurrency?: number;
  /** Lease length; a worker that stops renewing for this long is presumed dead. Default 15 s. */
  readonly leaseMs?: number;
  /** Idle polling interval, default 250 ms. */
  readonly pollMs?: number;
  readonly workerId?: string;
}

export class WorkerPool {
  readonly workerId: string;
  readonly #store: JobStore;
  readonly #executors: Readonly<Record<string, JobExecutor>>;
  readonly #concurrency: number;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #running = new Set<Promise<void>>();
  readonly #controllers = new Set<AbortController>();
  #stopped = true;
  #timer: NodeJS.Timeout | undefined;
  #wake: (() => void) | undefined;

  constructor(options: WorkerPoolOptions) {
    this.#store = options.store;
    this.#executors = options.executors;
    this.#concurrency = options.concurrency ?? 2;
    this.#leaseMs = options.leaseMs ?? 15_000;
    this.#pollMs = options.pollMs ?? 250;
    this.workerId = options.workerId ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    void this.#loop();
  }

  /** Wakes the poller now (a job was just queued in this process). */
  poke(): void {
    this.#wake?.();
  }

  /** Stops claiming and aborts running jobs; their leases expire and another worker resumes them. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    for (const c of this.#controllers) c.abort();
    await Promise.allSettled([...this.#running]);
  }

  async #loop(): Promise<void> {
    while (!this.#stopped) {
      let claimed = false;
      if (this.#running.size < this.#concurrency) {
        try {
          const kinds = Object.keys(this.#executors);
          const transport = this.#store.transport;
          let job: ClaimedJob | undefined;
          let delivery: JobDelivery | undefined;
          if (transport === undefined) job = await this.#store.claim(this.workerId, this.#leaseMs, kinds);
          else {
            delivery = await transport.fetch(kinds);
            if (delivery !== undefined) {
              claimed = true;
              const c = await this.#store.claimById(delivery.jobId, this.workerId, this.#leaseMs);
              if (c.state === 'claimed') job = c.job;
              else if (c.state === 'busy') await delivery.deferUntil(c.leaseUntilMs);
              else await delivery.ack();
            }
          }
          if (job !== undefined) {
            claimed = true;
            const p = this.#run(job, delivery).finally(() => {
              this.#running.delete(p);
              this.#wake?.();
            });
            this.#running.add(p);
          }
        } catch {
          /* database briefly unavailable: try again at the next tick */
        }
      }
      if (!claimed) {
        await new Promise<void>((resolve) => {
          this.#wake = resolve;
          this.#timer = setTimeout(resolve, this.#pollMs);
        });
        clearTimeout(this.#timer);
        this.#wake = undefined;
      }
    }
  }

  /** Runs a claimed job; its transport message is acknowledged once the job row is final (not on `stop`). */
  async #run(job: ClaimedJob, delivery?: JobDelivery): Promise<void> {
    const executor = this.#executors[job.kind];
    if (executor === undefined) return;
    const controller = new AbortController();
    this.#controllers.add(controller);
    let fraction = 0;
    let message = 'running';
    let cancelled = false;
    const beat = async (): Promise<void> => {
      const state = await this.#store
        .heartbeat(job, this.workerId, this.#leaseMs, fraction, message)
        .catch(() => 'ok' as const);
      if (state === 'lost') controller.abort();
      if (state === 'cancel') {
        cancelled = true;
        controller.abort();
      }
    };
    const interval = setInterval(() => void beat(), Math.max(50, Math.floor(this.#leaseMs / 4)));
    const ctx: JobContext = {
      jobId: job.id,
      attempt: job.attempt,
      recordId: job.recordId,
      signal: controller.signal,
      progress(f, m) {
        fraction = f;
        if (m !== undefined) message = m;
      },
      readResultBytes: (jobId) => this.#store.resultBytesById(jobId),
    };
    try {
      const result = await executor.run(job.input, ctx);
      clearInterval(interval);
      if (controller.signal.aborted) {
        if (cancelled) await this.#store.finishWithout(job, this.workerId, 'cancelled', null);
        return;
      }
      const body = executor.recordBody;
      await this.#store.complete(
        job,
        this.workerId,
        result,
        body === undefined ? undefined : (old) => body(old, result instanceof SerializedResult ? result.meta : result),
      );
    } catch (err) {
      clearInterval(interval);
      if (cancelled) await this.#store.finishWithout(job, this.workerId, 'cancelled', null);
      else if (!controller.signal.aborted) {
        await this.#store.finishWithout(job, this.workerId, 'failed', String((err as Error).message ?? err));
      }
    } finally {
      this.#controllers.delete(controller);
      if (delivery !== undefined && !this.#stopped) await delivery.ack().catch(() => undefined);
    }
  }
}
