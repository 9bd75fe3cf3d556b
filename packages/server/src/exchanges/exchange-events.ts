/**
 * Exchange events as labelled records (`exchange_event`): the body is core's `ExchangeEvent` plus the commitments
 * it carries out and its evidence. Every change goes through core's life-cycle functions inside one transaction
 * that re-reads the record (visibility applies), writes the new body with a version bump and appends the audit
 * entry. Content changes (held, postponed, cancelled) are the owner nation's; a confirmation is each side's own,
 * so the partner nation's officer may confirm an event it can see without owning it.
 */
import { randomUUID } from 'node:crypto';
import { TandemError, cancelEvent, confirmEvent, markHeld, postponeEvent, proposeEvent } from '@tandem/core';
import type { Evidence, ExchangeEvent, ExchangeEventKind, LocalizedText } from '@tandem/core';
import type { Transaction } from 'kysely';
import type { Releasability, Schema } from '../db/schema.ts';
import type { Dialect } from '../db/migrations.ts';
import type { TandemDatabase } from '../db/database.ts';
import type { Actor } from '../auth/roles.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { SarRecordRepository } from '../records/sar-record-repository.ts';
import type { SarRecord } from '../records/sar-record-repository.ts';

/** The stored body of an `exchange_event` record (contract with follow-through). */
export interface ExchangeEventBody extends ExchangeEvent {
  readonly commitmentIds: readonly string[];
  readonly evidence: readonly Evidence[];
  /** The ferry plan the event belongs to (a stopover), if any. */
  readonly ferryPlanId?: string;
}

export interface NewEventInput {
  readonly kind: ExchangeEventKind;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly airfieldIcao?: string;
  readonly startUtc: number;
  readonly endUtc: number;
  readonly releasability: Releasability;
  readonly commitmentIds: readonly string[];
  readonly ferryPlanId?: string;
}

/** Reads a stored event body tolerantly (older or hand-made records may miss the list fields). */
export function eventBody(rec: SarRecord): ExchangeEventBody {
  const b = rec.body as Partial<ExchangeEventBody>;
  return {
    ...(b as ExchangeEventBody),
    id: rec.id,
    confirmations: b.confirmations ?? {},
    history: b.history ?? [],
    commitmentIds: b.commitmentIds ?? [],
    evidence: b.evidence ?? [],
  };
}

export class ExchangeEvents {
  readonly #database: TandemDatabase;
  readonly #actor: Actor;
  readonly #repo: SarRecordRepository;

  constructor(database: TandemDatabase, actor: Actor) {
    this.#database = database;
    this.#actor = actor;
    this.#repo = new SarRecordRepository(database.db, database.dialect, actor);
  }

  get #dialect(): Dialect {
    return this.#database.dialect;
  }

  async propose(input: NewEventInput, id: string = randomUUID()): Promise<SarRecord> {
    const event = proposeEvent({
      id,
      kind: input.kind,
      title: input.title,
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.airfieldIcao === undefined ? {} : { airfieldIcao: input.airfieldIcao.toUpperCase() }),
      startUtc: input.startUtc,
      endUtc: input.endUtc,
    });
    const body: ExchangeEventBody = {
      ...event,
      commitmentIds: [...new Set(input.commitmentIds)],
      evidence: [],
      ...(input.ferryPlanId === undefined ? {} : { ferryPlanId: input.ferryPlanId }),
    };
    return this.#repo.create(
      'exchange_event',
      {
        title: input.title.en,
        releasability: input.releasability,
        body,
        derivedFrom: input.ferryPlanId === undefined ? [] : [input.ferryPlanId],
      },
      id,
    );
  }

  /** The caller's nation confirms its side. Open to the partner nation (it need not own the event). */
  async confirm(id: string, nowUtc: number): Promise<SarRecord> {
    return this.#change(id, 'confirm', false, (e) => ({
      ...e,
      ...confirmEvent(e, this.#actor.nation, this.#actor.username, nowUtc),
    }));
  }

  async markHeld(id: string, evidence: readonly Omit<Evidence, 'recordedUtc'>[], nowUtc: number): Promise<SarRecord> {
    if (evidence.length === 0) throw new TandemError('INVALID_INPUT', 'a held event needs evidence', 'evidence');
    return this.#change(id, 'held', true, (e) => ({
      ...e,
      ...markHeld(e, this.#actor.username, nowUtc),
      evidence: [...e.evidence, ...evidence.map((x) => ({ ...x, recordedUtc: nowUtc }))],
    }));
  }

  async cancel(id: string, reason: string, nowUtc: number, replacedById?: string): Promise<SarRecord> {
    if (replacedById !== undefined) await this.#repo.get('exchange_event', replacedById);
    return this.#change(id, 'cancel', true, (e) => ({
      ...e,
      ...cancelEvent(e, reason, this.#actor.username, nowUtc, replacedById),
    }));
  }

  /** Postpones to new dates: the original links to a new proposed event (same label and commitments). */
  async postpone(
    id: string,
    reason: string,
    replacement: { startUtc: number; endUtc: number },
    nowUtc: number,
  ): Promise<{ original: SarRecord; replacement: SarRecord }> {
    const newId = randomUUID();
    return this.#database.db.transaction().execute(async (trx) => {
      const rec = await this.#repo.get('exchange_event', id, trx);
      this.#requireOwner(rec);
      const before = eventBody(rec);
      const { original, replacement: next } = postponeEvent(before, reason, this.#actor.username, nowUtc, {
        id: newId,
        ...replacement,
      });
      const created = await this.#repo.createIn(
        trx,
        'exchange_event',
        {
          title: rec.title,
          releasability: rec.releasability,
          body: {
            ...next,
            commitmentIds: before.commitmentIds,
            evidence: [],
            ...(before.ferryPlanId === undefined ? {} : { ferryPlanId: before.ferryPlanId }),
          } satisfies ExchangeEventBody,
          derivedFrom: rec.derivedFrom,
        },
        newId,
      );
      const updated = await this.#write(trx, rec, { ...before, ...original }, 'postpone');
      return { original: updated, replacement: created };
    });
  }

  #requireOwner(rec: SarRecord): void {
    if (rec.ownerNation !== this.#actor.nation) {
      throw new TandemError('FORBIDDEN', `only the owner nation (${rec.ownerNation}) may change this event`, 'id');
    }
  }

  async #change(
    id: string,
    action: string,
    ownerOnly: boolean,
    apply: (e: ExchangeEventBody) => ExchangeEventBody,
  ): Promise<SarRecord> {
    return this.#database.db.transaction().execute(async (trx) => {
      const rec = await this.#repo.get('exchange_event', id, trx);
      if (ownerOnly) this.#requireOwner(rec);
      return this.#write(trx, rec, apply(eventBody(rec)), action);
    });
  }

  async #write(trx: Transaction<Schema>, rec: SarRecord, body: ExchangeEventBody, action: string): Promise<SarRecord> {
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('sar_records')
      .set({ body: JSON.stringify(body), version: rec.version + 1, updated_at: now })
      .where('id', '=', rec.id)
      .where('version', '=', rec.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new TandemError('CONFLICT', 'the event changed meanwhile; reload and try again', 'version');
    }
    const after = await this.#repo.get('exchange_event', rec.id, trx);
    await appendAudit(trx, this.#dialect, this.#actor, {
      action: `exchange_event.${action}`,
      entity: 'sar_record',
      entityId: rec.id,
      ownerNation: rec.ownerNation,
      releasability: rec.releasability,
      before: rec,
      after,
    });
    return after;
  }
}
