/**
 * Dialogue series, sessions and action items as labelled records (`dialogue_series`, `dialogue_session`,
 * `action_item`). A session is created with its action items in one transaction; each item is its own record,
 * derived from the session (so it is never more open than the session). Each side's secretariat marks its own side
 * of an item done, also on a record the partner nation owns, as long as the record is visible to it: that write
 * bypasses the owner-only rule of the record store on purpose, is limited to the caller's side, and is audited.
 */
import { randomUUID } from 'node:crypto';
import { TandemError, completeActionItemSide, dropActionItem, overdueActionItems, validateSession } from '@tandem/core';
import type {
  ActionItem,
  AgendaItem,
  Decision,
  DialogueArea,
  Evidence,
  LocalizedText,
  Owner,
  Participant,
  PartnerSide,
} from '@tandem/core';
import type { Releasability } from '../db/schema.ts';
import type { TandemDatabase } from '../db/database.ts';
import type { Actor } from '../auth/roles.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { SarRecord, SarRecordRepository } from '../records/sar-record-repository.ts';
import { toSarRecord } from '../records/sar-record-repository.ts';
import type { ActionItemBody, SessionBody } from './record-reading.ts';
import { readLocalized } from './record-reading.ts';

/** Text typed in one or more languages; missing languages repeat the first one given (shown untranslated). */
export type TextInput = string | Partial<LocalizedText>;

export function toLocalized(v: TextInput, field: string): LocalizedText {
  const t = readLocalized(v, '');
  if (t.en.trim() === '') throw new TandemError('INVALID_INPUT', 'text is required', field);
  return t;
}

export interface EvidenceInput {
  readonly kind?: Evidence['kind'];
  readonly reference: string;
  readonly description?: string;
}

export function toEvidence(list: readonly EvidenceInput[], nowUtc: number, field: string): Evidence[] {
  return list.map((e, i) => {
    if (e.reference.trim() === '')
      throw new TandemError('INVALID_INPUT', 'a reference is required', `${field}[${i}].reference`);
    return {
      kind: e.kind ?? (/^https?:\/\//.test(e.reference) ? 'link' : 'document'),
      reference: e.reference.trim(),
      ...(e.description === undefined || e.description.trim() === '' ? {} : { description: e.description.trim() }),
      recordedUtc: nowUtc,
    };
  });
}

export interface NewSeriesInput {
  readonly title: TextInput;
  readonly area: DialogueArea;
  readonly cadenceDays?: number;
  readonly releasability: Releasability;
}

export interface NewActionItemInput {
  readonly title: TextInput;
  readonly owners: Readonly<Record<PartnerSide, Owner>>;
  readonly dueUtc: number;
  readonly commitmentIds?: readonly string[];
}

export interface NewSessionInput {
  readonly seriesId: string;
  readonly title: TextInput;
  readonly startUtc: number;
  readonly endUtc: number;
  readonly location: TextInput;
  readonly releasability: Releasability;
  readonly agenda?: readonly { readonly title: TextInput; readonly presenterSide?: PartnerSide }[];
  readonly participants: readonly Participant[];
  readonly decisions?: readonly { readonly text: TextInput; readonly agendaIndex?: number }[];
  readonly actionItems?: readonly NewActionItemInput[];
  readonly minutes?: readonly EvidenceInput[];
  readonly commitmentIds?: readonly string[];
}

export interface SessionView {
  readonly record: SarRecord;
  readonly session: SessionBody;
  readonly seriesTitle: LocalizedText | null;
  /** Action items of the session visible to the caller. */
  readonly actionItems: readonly ActionItemView[];
}

export interface ActionItemView {
  readonly record: SarRecord;
  readonly item: ActionItemBody;
  readonly overdue: boolean;
}

const nowUtc = (): number => Math.floor(Date.now() / 1000);

export class DialogueService {
  readonly #database: TandemDatabase;
  readonly #repo: SarRecordRepository;
  readonly #actor: Actor;

  constructor(database: TandemDatabase, repo: SarRecordRepository, actor: Actor) {
    this.#database = database;
    this.#repo = repo;
    this.#actor = actor;
  }

  async createSeries(input: NewSeriesInput): Promise<SarRecord> {
    const title = toLocalized(input.title, 'title');
    const id = randomUUID();
    return this.#repo.create(
      'dialogue_series',
      {
        title: title.en,
        releasability: input.releasability,
        body: {
          id,
          title,
          area: input.area,
          ...(input.cadenceDays === undefined ? {} : { cadenceDays: input.cadenceDays }),
        },
      },
      id,
    );
  }

  async createSession(input: NewSessionInput): Promise<SessionView> {
    const now = nowUtc();
    const sessionId = randomUUID();
    const agenda: AgendaItem[] = (input.agenda ?? []).map((a, i) => ({
      id: `ag-${i + 1}`,
      title: toLocalized(a.title, `agenda[${i}].title`),
      ...(a.presenterSide === undefined ? {} : { presenterSide: a.presenterSide }),
    }));
    const decisions: Decision[] = (input.decisions ?? []).map((d, i) => {
      if (d.agendaIndex !== undefined && agenda[d.agendaIndex] === undefined) {
        throw new TandemError('INVALID_INPUT', `no agenda item ${d.agendaIndex}`, `decisions[${i}].agendaIndex`);
      }
      return {
        id: `d-${i + 1}`,
        text: toLocalized(d.text, `decisions[${i}].text`),
        ...(d.agendaIndex === undefined ? {} : { agendaItemId: agenda[d.agendaIndex]!.id }),
      };
    });
    const items: ActionItemBody[] = (input.actionItems ?? []).map((a, i) => ({
      id: randomUUID(),
      sessionId,
      title: toLocalized(a.title, `actionItems[${i}].title`),
      owners: a.owners,
      dueUtc: a.dueUtc,
      status: 'open',
      evidence: [],
      commitmentIds: [...(a.commitmentIds ?? [])],
    }));
    const body: SessionBody = {
      id: sessionId,
      seriesId: input.seriesId,
      title: toLocalized(input.title, 'title'),
      startUtc: input.startUtc,
      endUtc: input.endUtc,
      location: toLocalized(input.location, 'location'),
      agenda,
      participants: input.participants,
      decisions,
      actionItems: items,
      minutes: toEvidence(input.minutes ?? [], now, 'minutes'),
      commitmentIds: [...(input.commitmentIds ?? [])],
    };
    validateSession(body, 'session');
    const db = this.#database.db;
    return db.transaction().execute(async (trx) => {
      await this.#repo.get('dialogue_series', input.seriesId, trx).catch(() => {
        throw new TandemError('NOT_FOUND', 'no dialogue series with this id', 'seriesId');
      });
      const rec = await this.#repo.createIn(
        trx,
        'dialogue_session',
        { title: body.title.en, releasability: input.releasability, body: { ...body, actionItems: [] } },
        sessionId,
      );
      const itemViews: ActionItemView[] = [];
      for (const item of items) {
        const r = await this.#repo.createIn(
          trx,
          'action_item',
          { title: item.title.en, releasability: rec.releasability, body: item, derivedFrom: [sessionId] },
          item.id,
        );
        itemViews.push({ record: r, item, overdue: item.dueUtc < now });
      }
      const series = await this.#repo.get('dialogue_series', input.seriesId, trx);
      return {
        record: rec,
        session: body,
        seriesTitle: readLocalized((series.body as { title?: unknown }).title, series.title),
        actionItems: itemViews,
      };
    });
  }

  async addActionItem(sessionId: string, input: NewActionItemInput): Promise<ActionItemView> {
    const session = await this.#repo.get('dialogue_session', sessionId);
    if (session.ownerNation !== this.#actor.nation) {
      throw new TandemError('FORBIDDEN', `only the owner nation (${session.ownerNation}) may add action items`, 'id');
    }
    const item: ActionItemBody = {
      id: randomUUID(),
      sessionId,
      title: toLocalized(input.title, 'title'),
      owners: input.owners,
      dueUtc: input.dueUtc,
      status: 'open',
      evidence: [],
      commitmentIds: [...(input.commitmentIds ?? [])],
    };
    validateSession({ ...(session.body as SessionBody), actionItems: [item] }, 'session');
    const rec = await this.#repo.create(
      'action_item',
      { title: item.title.en, releasability: session.releasability, body: item, derivedFrom: [sessionId] },
      item.id,
    );
    return { record: rec, item, overdue: item.dueUtc < nowUtc() };
  }

  async addMinutes(sessionId: string, minutes: readonly EvidenceInput[]): Promise<SarRecord> {
    const rec = await this.#repo.get('dialogue_session', sessionId);
    const body = rec.body as SessionBody;
    const added = toEvidence(minutes, nowUtc(), 'minutes');
    if (added.length === 0) throw new TandemError('INVALID_INPUT', 'minutes are required', 'minutes');
    return this.#repo.update('dialogue_session', sessionId, {
      body: { ...body, minutes: [...(body.minutes ?? []), ...added] },
      expectedVersion: rec.version,
    });
  }

  async listSessions(): Promise<SessionView[]> {
    const [sessions, items, series] = await Promise.all([
      this.#repo.listAll('dialogue_session'),
      this.listActionItems(),
      this.#repo.listAll('dialogue_series'),
    ]);
    const seriesTitle = new Map(
      series.map((s) => [s.id, readLocalized((s.body as { title?: unknown }).title, s.title)]),
    );
    return sessions
      .map((rec) => {
        const session = rec.body as SessionBody;
        return {
          record: rec,
          session,
          seriesTitle: seriesTitle.get(session.seriesId) ?? null,
          actionItems: items.filter((i) => i.item.sessionId === rec.id),
        };
      })
      .sort((a, b) => b.session.startUtc - a.session.startUtc);
  }

  async getSession(id: string): Promise<SessionView> {
    const rec = await this.#repo.get('dialogue_session', id);
    const session = rec.body as SessionBody;
    const items = (await this.listActionItems()).filter((i) => i.item.sessionId === id);
    let seriesTitle: LocalizedText | null = null;
    try {
      const s = await this.#repo.get('dialogue_series', session.seriesId);
      seriesTitle = readLocalized((s.body as { title?: unknown }).title, s.title);
    } catch {
      seriesTitle = null;
    }
    return { record: rec, session, seriesTitle, actionItems: items };
  }

  async listActionItems(asOfUtc: number = nowUtc()): Promise<ActionItemView[]> {
    const recs = await this.#repo.listAll('action_item');
    const views: ActionItemView[] = [];
    for (const record of recs) {
      const b = record.body as Partial<ActionItemBody>;
      if (typeof b.dueUtc !== 'number' || b.owners === undefined) continue;
      const item = { ...(b as ActionItemBody), id: record.id };
      views.push({ record, item, overdue: overdueActionItems([item], asOfUtc).length === 1 });
    }
    return views.sort((a, b) => a.item.dueUtc - b.item.dueUtc);
  }

  /**
   * Marks the caller's own side of an action item done with evidence. Allowed on any action item the caller can
   * see (its own nation's or the partner's bilateral/public one); the other side is untouched.
   */
  async completeSide(id: string, evidence: readonly EvidenceInput[]): Promise<ActionItemView> {
    const side: PartnerSide = this.#actor.nation;
    const now = nowUtc();
    return this.#database.db.transaction().execute(async (trx) => {
      const before = await this.#repo.get('action_item', id, trx);
      const item = { ...(before.body as ActionItemBody), id };
      const done = completeActionItemSide(item, side, now, this.#actor.username, toEvidence(evidence, now, 'evidence'));
      const updatedAt = new Date().toISOString();
      await trx
        .updateTable('sar_records')
        .set({ body: JSON.stringify(done), version: before.version + 1, updated_at: updatedAt })
        .where('id', '=', id)
        .where('version', '=', before.version)
        .execute();
      const row = await trx.selectFrom('sar_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const after = toSarRecord(row);
      if (after.version !== before.version + 1) {
        throw new TandemError('CONFLICT', 'the action item changed meanwhile; try again', 'version');
      }
      await appendAudit(trx, this.#database.dialect, this.#actor, {
        action: 'action_item.complete_side',
        entity: 'sar_record',
        entityId: id,
        ownerNation: before.ownerNation,
        releasability: before.releasability,
        before: { sides: item.sides ?? {}, status: item.status },
        after: { side, sides: done.sides, status: done.status },
      });
      return { record: after, item: done as ActionItemBody, overdue: false };
    });
  }

  /**
   * Relabels a session and its action items (owner nation; lowering needs its administrator, as for any record).
   * Opening up relabels the session first (an item cannot be more open than the session it derives from);
   * restricting relabels the items first, so no item is ever more open than its session.
   */
  async setSessionReleasability(id: string, to: Releasability, reason: string): Promise<SessionView> {
    const session = await this.#repo.get('dialogue_session', id);
    const items = (await this.listActionItems()).filter(
      (i) => i.item.sessionId === id && i.record.ownerNation === session.ownerNation,
    );
    const relabelItems = async () => {
      for (const i of items) {
        if (i.record.releasability !== to) await this.#repo.setReleasability('action_item', i.record.id, to, reason);
      }
    };
    const opening =
      ['national', 'bilateral', 'public'].indexOf(to) >
      ['national', 'bilateral', 'public'].indexOf(session.releasability);
    if (!opening) await relabelItems();
    if (session.releasability !== to) await this.#repo.setReleasability('dialogue_session', id, to, reason);
    if (opening) await relabelItems();
    return this.getSession(id);
  }

  async dropItem(id: string, reason: string): Promise<ActionItemView> {
    const rec = await this.#repo.get('action_item', id);
    const item = { ...(rec.body as ActionItemBody), id };
    const dropped = dropActionItem(item, reason) as ActionItemBody;
    const after = await this.#repo.update('action_item', id, { body: dropped, expectedVersion: rec.version });
    return { record: after, item: dropped, overdue: false };
  }
}

export type { ActionItem };
