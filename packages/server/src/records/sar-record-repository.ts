/**
 * SAR records (scenarios, drift runs, plans, data files) seen through one caller. Every read adds the
 * releasability predicate, so a partner's national record is absent from gets (404), lists, counts and
 * search alike; writes need the caller's nation to own the record, and each change is audited in its own
 * transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { TandemError } from '@tandem/core';
import type { Nation, RecordKind, Releasability, SarRecordsTable, Schema } from '../db/schema.ts';
import type { Dialect } from '../db/migrations.ts';
import type { Actor } from '../auth/roles.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { ServerError } from '../http/server-errors.ts';
import { isLowering, mostRestrictive, visibleTo } from './releasability.ts';

export interface SarRecord {
  readonly id: string;
  readonly kind: RecordKind;
  readonly title: string;
  readonly ownerNation: Nation;
  readonly releasability: Releasability;
  readonly organisationId: string;
  readonly createdBy: string;
  readonly body: unknown;
  readonly derivedFrom: readonly string[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewSarRecord {
  readonly title: string;
  readonly releasability: Releasability;
  readonly body: unknown;
  /** Ids of the records this one is derived from; its label becomes at most as open as theirs. */
  readonly derivedFrom?: readonly string[];
}

export interface RecordPage {
  readonly items: readonly SarRecord[];
  readonly total: number;
}

export function toSarRecord(r: SarRecordsTable): SarRecord {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    ownerNation: r.owner_nation,
    releasability: r.releasability,
    organisationId: r.organisation_id,
    createdBy: r.created_by,
    body: JSON.parse(r.body) as unknown,
    derivedFrom: JSON.parse(r.derived_from) as string[],
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function kindLabel(kind: RecordKind): string {
  return kind.replace('_', ' ');
}

/** Escapes LIKE wildcards so a search term matches literally. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class SarRecordRepository {
  readonly #db: Kysely<Schema>;
  readonly #dialect: Dialect;
  readonly #actor: Actor;

  constructor(db: Kysely<Schema>, dialect: Dialect, actor: Actor) {
    this.#db = db;
    this.#dialect = dialect;
    this.#actor = actor;
  }

  #visible(db: Kysely<Schema> | Transaction<Schema> = this.#db) {
    return db.selectFrom('sar_records').where(visibleTo(this.#actor));
  }

  async list(kind: RecordKind | undefined, opts: { q?: string; limit: number; offset: number }): Promise<RecordPage> {
    let base = this.#visible();
    if (kind !== undefined) base = base.where('kind', '=', kind);
    if (opts.q !== undefined && opts.q !== '') {
      base = base.where(sql<boolean>`lower(title) like ${likePattern(opts.q)} escape '\\'`);
    }
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(opts.limit).offset(opts.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toSarRecord), total: Number(count.n) };
  }

  /** Every record of a kind visible to the caller, read page by page (500 a page). */
  async listAll(kind: RecordKind): Promise<SarRecord[]> {
    const out: SarRecord[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await this.list(kind, { limit: 500, offset });
      out.push(...page.items);
      if (page.items.length < 500 || out.length >= page.total) return out;
    }
  }

  async count(kind: RecordKind | undefined): Promise<number> {
    let base = this.#visible();
    if (kind !== undefined) base = base.where('kind', '=', kind);
    const r = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The record, or NOT_FOUND when it does not exist or the caller may not see it (indistinguishable). */
  async get(kind: RecordKind | undefined, id: string, trx?: Transaction<Schema>): Promise<SarRecord> {
    let q = this.#visible(trx).selectAll().where('id', '=', id);
    if (kind !== undefined) q = q.where('kind', '=', kind);
    const row = await q.executeTakeFirst();
    if (row === undefined) {
      throw new TandemError('NOT_FOUND', `no ${kind === undefined ? 'record' : kindLabel(kind)} with this id`, 'id');
    }
    return toSarRecord(row);
  }

  #requireOwner(rec: SarRecord): void {
    if (rec.ownerNation !== this.#actor.nation) {
      throw new TandemError('FORBIDDEN', `only the owner nation (${rec.ownerNation}) may change this record`, 'id');
    }
  }

  async create(kind: RecordKind, input: NewSarRecord, id: string = randomUUID()): Promise<SarRecord> {
    return this.#db.transaction().execute(async (trx) => this.createIn(trx, kind, input, id));
  }

  /** `create` inside a caller's transaction (a drift run and its job are stored together). */
  async createIn(trx: Transaction<Schema>, kind: RecordKind, input: NewSarRecord, id: string): Promise<SarRecord> {
    const derivedFrom = [...new Set(input.derivedFrom ?? [])];
    const labels: Releasability[] = [input.releasability];
    for (const src of derivedFrom) labels.push((await this.get(undefined, src, trx)).releasability);
    const now = new Date().toISOString();
    const row: SarRecordsTable = {
      id,
      kind,
      title: input.title,
      owner_nation: this.#actor.nation,
      releasability: mostRestrictive(labels),
      organisation_id: this.#actor.organisationId,
      created_by: this.#actor.userId,
      body: JSON.stringify(input.body ?? {}),
      derived_from: JSON.stringify(derivedFrom),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('sar_records').values(row).execute();
    const rec = toSarRecord(row);
    await appendAudit(trx, this.#dialect, this.#actor, {
      action: `${kind}.create`,
      entity: 'sar_record',
      entityId: id,
      ownerNation: row.owner_nation,
      releasability: row.releasability,
      before: null,
      after: rec,
    });
    return rec;
  }

  async update(
    kind: RecordKind,
    id: string,
    patch: { title?: string; body?: unknown; expectedVersion?: number },
  ): Promise<SarRecord> {
    return this.#db.transaction().execute(async (trx) => {
      const before = await this.get(kind, id, trx);
      this.#requireOwner(before);
      if (patch.expectedVersion !== undefined && patch.expectedVersion !== before.version) {
        throw new TandemError(
          'CONFLICT',
          `record is at version ${before.version}, not ${patch.expectedVersion}`,
          'version',
        );
      }
      const now = new Date().toISOString();
      const set = {
        title: patch.title ?? before.title,
        body: JSON.stringify(patch.body === undefined ? before.body : patch.body),
        version: before.version + 1,
        updated_at: now,
      };
      await trx.updateTable('sar_records').set(set).where('id', '=', id).execute();
      const after = await this.get(kind, id, trx);
      await appendAudit(trx, this.#dialect, this.#actor, {
        action: `${kind}.update`,
        entity: 'sar_record',
        entityId: id,
        ownerNation: before.ownerNation,
        releasability: before.releasability,
        before,
        after,
      });
      return after;
    });
  }

  async delete(kind: RecordKind, id: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const before = await this.get(kind, id, trx);
      this.#requireOwner(before);
      await trx.deleteFrom('sar_records').where('id', '=', id).execute();
      await appendAudit(trx, this.#dialect, this.#actor, {
        action: `${kind}.delete`,
        entity: 'sar_record',
        entityId: id,
        ownerNation: before.ownerNation,
        releasability: before.releasability,
        before,
        after: null,
      });
    });
  }

  /**
   * Changes the label. Raising (more restrictive) is open to the owner nation's editors; lowering needs an
   * approver (administrator) of the owner nation and is audited as `releasability.lower` with the reason.
   * A derived record cannot be made more open than its inputs.
   */
  async setReleasability(kind: RecordKind, id: string, to: Releasability, reason: string): Promise<SarRecord> {
    return this.#db.transaction().execute(async (trx) => {
      const before = await this.get(kind, id, trx);
      this.#requireOwner(before);
      const lowering = isLowering(before.releasability, to);
      if (lowering && !this.#actor.roles.includes('administrator')) {
        throw new ServerError(
          'APPROVER_REQUIRED',
          `lowering ${before.releasability} to ${to} needs an administrator of ${before.ownerNation}`,
          'releasability',
        );
      }
      if (lowering) {
        for (const src of before.derivedFrom) {
          const input = await this.#visible(trx).select(['releasability']).where('id', '=', src).executeTakeFirst();
          if (input !== undefined && isLowering(input.releasability, to)) {
            throw new TandemError(
              'CONFLICT',
              `derived from ${src} labelled ${input.releasability}; cannot be more open`,
              'releasability',
            );
          }
        }
      }
      const now = new Date().toISOString();
      await trx
        .updateTable('sar_records')
        .set({ releasability: to, version: before.version + 1, updated_at: now })
        .where('id', '=', id)
        .execute();
      await trx.updateTable('jobs').set({ releasability: to }).where('record_id', '=', id).execute();
      const after = await this.get(kind, id, trx);
      await appendAudit(trx, this.#dialect, this.#actor, {
        action: lowering ? 'releasability.lower' : 'releasability.raise',
        entity: 'sar_record',
        entityId: id,
        ownerNation: before.ownerNation,
        releasability: mostRestrictive([before.releasability, to]),
        before: { releasability: before.releasability },
        after: { releasability: to, reason, approver: lowering ? this.#actor.userId : null },
      });
      return after;
    });
  }
}
