/**
 * The authorization matrix's policy shape (routes/authorization-matrix.test.ts), shared so each area states the
 * policy of its own routes in its own file (matrix-policy-*.ts), written independently of the route definitions.
 */
import type { Kysely } from 'kysely';
import type { Role } from '../auth/roles.ts';
import type { Nation, RecordKind, Releasability, Schema } from '../db/schema.ts';
import type { SarRecordRepository } from '../records/sar-record-repository.ts';
import type { Actor } from '../auth/roles.ts';

export const READERS: Role[] = [
  'administrator',
  'sar_planner',
  'exercise_controller',
  'evaluator',
  'observer',
  'viewer',
];
export const EDITORS: Role[] = ['administrator', 'sar_planner', 'exercise_controller'];
export const ADMIN: Role[] = ['administrator'];
export const LABELS: Releasability[] = ['national', 'bilateral', 'public'];

export type JobState = 'queued' | 'succeeded' | 'failed';
export interface Policy {
  /** 'public', 'signedIn' or the roles allowed. */
  readonly who: 'public' | 'signedIn' | readonly Role[];
  /** The `:id` (or body id) addresses a KR-owned object of this kind with the case's label. */
  readonly target?: { record: RecordKind } | { job: JobState } | { bodyScenario: true } | { bodyDriftRun: true };
  /**
   * Success needs more than access (a finished run, a built web app): then passing the gate is enough,
   * i.e. any answer but 401, 403 and (for a visible target) 404.
   */
  readonly gateOnly?: boolean;
  /** Only the owner nation may do it (a write). */
  readonly ownerOnly?: boolean;
  readonly body?: (c: Case) => unknown;
  readonly freshSession?: boolean;
  /**
   * Prepares the case's target when `target` does not fit: creates what the route addresses (owned by KR with
   * the case's label, through `env.repo` or `env.db`) and returns the id for `:id` and/or the body to send.
   * A route with `setup` is treated like one with a target for the 404 rule unless `untargeted` is set.
   */
  readonly setup?: (c: Case, env: SetupEnv) => Promise<{ readonly id?: string; readonly body?: unknown }>;
  readonly untargeted?: boolean;
}
export interface SetupEnv {
  readonly repo: SarRecordRepository;
  readonly db: Kysely<Schema>;
  /** The KR actor that owns the targets. */
  readonly owner: Actor;
}
export interface Case {
  readonly nation: Nation;
  readonly role: Role;
  readonly label: Releasability;
  readonly n: number;
}
