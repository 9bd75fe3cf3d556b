/**
 * The audit log: every change (who, what, when, before, after) appended in the same transaction as the
 * change, to a table that triggers make append-only. Each entry's `hash` is SHA-256 over its fields and the
 * previous entry's hash, so editing or deleting any entry breaks the chain from there on (`verifyAuditChain`).
 * `audit_head` holds the last sequence number and hash; updating it row-locks, which serialises appenders
 * on PostgreSQL (SQLite has a single writer). Deleting the newest entries is caught by comparing with the head.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditLogTable, Schema } from '../db/schema.ts';
import type { Dialect } from '../db/migrations.ts';
import type { Actor } from '../auth/roles.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly ownerNation: string;
  readonly releasability: string;
  readonly before: unknown;
  readonly after: unknown;
}

type Hashed = Omit<AuditLogTable, 'hash'>;

/** SHA-256 (hex) of an entry: its fields in a fixed order, JSON-encoded, then the previous hash. */
export function auditHash(e: Hashed): string {
  const fields = [
    Number(e.seq),
    e.at,
    e.actor_id,
    e.actor_nation,
    e.action,
    e.entity,
    e.entity_id,
    e.owner_nation,
    e.releasability,
    e.before,
    e.after,
    e.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

function json(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

/** Appends one entry; call inside the transaction that makes the change. */
export async function appendAudit(
  trx: Transaction<Schema>,
  dialect: Dialect,
  actor: Actor,
  entry: AuditEntry,
  at: Date = new Date(),
): Promise<void> {
  let headQuery = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (dialect === 'postgres') headQuery = headQuery.forUpdate();
  const head = await headQuery.executeTakeFirstOrThrow();
  const row: Hashed = {
    seq: Number(head.seq) + 1,
    at: at.toISOString(),
    actor_id: actor.userId,
    actor_nation: actor.nation,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    owner_nation: entry.ownerNation,
    releasability: entry.releasability,
    before: json(entry.before),
    after: json(entry.after),
    prev_hash: head.hash,
  };
  const hash = auditHash(row);
  await trx
    .insertInto('audit_log')
    .values({ ...row, hash })
    .execute();
  await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  /** What is wrong and at which sequence number; empty when ok. */
  readonly problems: readonly string[];
}

/** Recomputes the whole chain; reads in pages so a long log does not sit in memory at once. */
export async function verifyAuditChain(db: Kysely<Schema>): Promise<AuditVerification> {
  const problems: string[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  const page = 1000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(page)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) problems.push(`entries ${expectedSeq}..${seq - 1} are missing`);
      if (r.prev_hash !== prevHash) problems.push(`entry ${seq}: previous-hash link broken`);
      if (auditHash({ ...r, seq }) !== r.hash) problems.push(`entry ${seq}: content does not match its hash`);
      prevHash = r.hash;
      expectedSeq = seq + 1;
      entries++;
      if (problems.length > 100) break;
    }
    if (rows.length < page || problems.length > 100) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (head === undefined) problems.push('audit head is missing');
  else if (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    problems.push(`log ends at entry ${expectedSeq - 1} but the head records entry ${Number(head.seq)}`);
  }
  return { ok: problems.length === 0, entries, problems };
}
