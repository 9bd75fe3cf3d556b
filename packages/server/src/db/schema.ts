/**
 * Table shapes as Kysely sees them. Portable column types only: text ids (UUID), text ISO-8601 UTC times,
 * JSON documents as text, booleans as 0/1 integers, epoch milliseconds as bigint (parsed to number).
 */

export type Nation = 'KR' | 'JP';
export type Releasability = 'national' | 'bilateral' | 'public';
/** SAR records. */
export type SarRecordKind = 'scenario' | 'drift_run' | 'plan' | 'data_file';
/** Drills (issue 7): one record per drill; its ordered actions live in the drill tables (schema-drills.ts). */
export type DrillRecordKind = 'drill';
/** Aerobatic-team exchanges (issue 8). */
export type ExchangeRecordKind =
  'team' | 'aircraft_type' | 'airfield' | 'ferry_plan' | 'clearance' | 'support_item' | 'exchange_event';
/** S&T and AI dialogues, the AI use register and follow-through (issue 8). */
export type DialogueRecordKind = 'dialogue_series' | 'dialogue_session' | 'action_item' | 'ai_use_entry' | 'commitment';
/**
 * Every labelled record lives in one table (`sar_records`, named before the other areas arrived): owner nation,
 * releasability, JSON body, derived-from links, version and audit are the same for all of them.
 */
export type RecordKind = SarRecordKind | DrillRecordKind | ExchangeRecordKind | DialogueRecordKind;
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface OrganisationsTable {
  id: string;
  nation: Nation;
  service: string;
  unit: string;
  name: string;
  /** 1 when every member must sign in with a TOTP second factor. */
  totp_required: number;
  created_at: string;
}

export interface UsersTable {
  id: string;
  organisation_id: string;
  nation: Nation;
  username: string;
  display_name: string;
  /** JSON array of role names. */
  roles: string;
  /** argon2id PHC string. */
  password_hash: string;
  totp_secret: string | null;
  failed_logins: number;
  /** Epoch ms until which sign-in is refused after repeated failures; 0 when not locked. */
  locked_until_ms: number;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at_ms: number;
}

export interface SarRecordsTable {
  id: string;
  kind: RecordKind;
  title: string;
  owner_nation: Nation;
  releasability: Releasability;
  organisation_id: string;
  created_by: string;
  /** JSON document (scenario, drift-run summary, plan, data-file description). */
  body: string;
  /** JSON array of the ids this record was derived from. */
  derived_from: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string;
  actor_nation: string;
  action: string;
  entity: string;
  entity_id: string;
  owner_nation: string;
  releasability: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  record_id: string;
  owner_nation: Nation;
  releasability: Releasability;
  created_by: string;
  status: JobStatus;
  /** Attempt number of the current or last run; a result is stored only by the attempt holding the lease. */
  attempt: number;
  max_attempts: number;
  progress: number;
  message: string;
  input: string;
  error: string | null;
  cancel_requested: number;
  lease_owner: string | null;
  lease_until_ms: number;
  created_at: string;
  updated_at: string;
}

export interface JobRunsTable {
  job_id: string;
  attempt: number;
  worker: string;
  started_at: string;
}

export interface JobResultsTable {
  job_id: string;
  attempt: number;
  result: string;
  created_at: string;
}

import type { DrillTables } from './schema-drills.ts';
import type { ExchangeTables } from './schema-exchanges.ts';
import type { DialogueTables } from './schema-dialogues.ts';

export interface Schema extends DrillTables, ExchangeTables, DialogueTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  sar_records: SarRecordsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  jobs: JobsTable;
  job_runs: JobRunsTable;
  job_results: JobResultsTable;
}
