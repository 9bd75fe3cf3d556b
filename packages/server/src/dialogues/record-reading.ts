/**
 * Reading labelled records of every area as follow-through activities. Bodies of other areas' records are read
 * tolerantly (a drill or an exchange event may lack fields early on): what cannot be read is left out rather than
 * failing the dashboard.
 */
import { SECONDS_PER_DAY, activityFromActionItem, activityFromDialogueSession, localized } from '@tandem/core';
import type { Activity, ActionItem, DialogueSession, Evidence, LocalizedText } from '@tandem/core';
import type { RecordKind } from '../db/schema.ts';
import type { SarRecord } from '../records/sar-record-repository.ts';

/** Record kinds that can carry out a commitment. */
export const ACTIVITY_KINDS: readonly RecordKind[] = ['exchange_event', 'drill', 'dialogue_session', 'action_item'];

/** The area a record counts for when its body names no commitment (issue 8: the three areas of a joint statement). */
export const DEFAULT_AREA: Readonly<Partial<Record<RecordKind, string>>> = {
  exchange_event: 'aerobatic-exchanges',
  drill: 'sar-training',
  dialogue_session: 'st-ai-dialogue',
  action_item: 'st-ai-dialogue',
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A LocalizedText from a body field, or the record title in all three languages. */
export function readLocalized(v: unknown, fallback: string): LocalizedText {
  if (typeof v === 'string' && v.trim() !== '') return localized(v, v, v);
  if (isObject(v)) {
    const en = typeof v['en'] === 'string' ? v['en'] : '';
    const ko = typeof v['ko'] === 'string' ? v['ko'] : '';
    const ja = typeof v['ja'] === 'string' ? v['ja'] : '';
    const any = en || ko || ja;
    if (any !== '') return localized(en || any, ko || any, ja || any);
  }
  return localized(fallback, fallback, fallback);
}

export function readEvidence(v: unknown): Evidence[] {
  if (!Array.isArray(v)) return [];
  const out: Evidence[] = [];
  for (const e of v) {
    if (!isObject(e) || typeof e['reference'] !== 'string' || e['reference'].trim() === '') continue;
    const kind = typeof e['kind'] === 'string' ? e['kind'] : 'document';
    out.push({
      kind: (['document', 'minutes', 'report', 'photo', 'link', 'record', 'test-result'].includes(kind)
        ? kind
        : 'document') as Evidence['kind'],
      reference: e['reference'],
      ...(typeof e['description'] === 'string' ? { description: e['description'] } : {}),
      recordedUtc: num(e['recordedUtc']) ?? 0,
    });
  }
  return out;
}

export function readCommitmentIds(body: unknown): string[] {
  if (!isObject(body) || !Array.isArray(body['commitmentIds'])) return [];
  return body['commitmentIds'].filter((x): x is string => typeof x === 'string');
}

/** An exchange event record (body: core ExchangeEvent + commitmentIds + evidence) as an activity. */
function exchangeEventActivity(rec: SarRecord): Activity | undefined {
  const b = rec.body;
  if (!isObject(b)) return undefined;
  const startUtc = num(b['startUtc']);
  const endUtc = num(b['endUtc']) ?? startUtc;
  const status = typeof b['status'] === 'string' ? b['status'] : 'proposed';
  const history = Array.isArray(b['history']) ? b['history'].filter(isObject) : [];
  const held = history.find((h) => h['to'] === 'held');
  // A held event took place on its dates: it counts as completed at its end, not when someone marked it held.
  const heldUtc = held === undefined && status !== 'held' ? undefined : (endUtc ?? num(held?.['atUtc']));
  return {
    id: rec.id,
    kind: 'exchange-event',
    title: readLocalized(b['title'], rec.title),
    ...(startUtc === undefined ? {} : { plannedUtc: startUtc }),
    ...(endUtc === undefined ? {} : { dueUtc: endUtc }),
    ...(status === 'held' && heldUtc !== undefined ? { completedUtc: heldUtc } : {}),
    cancelled: status === 'cancelled' || status === 'postponed',
    evidence: readEvidence(b['evidence']),
    public: rec.releasability === 'public',
  };
}

const DRILL_FINISHED = new Set(['finished', 'completed', 'complete', 'closed', 'ended', 'done', 'evaluated']);

/** Epoch seconds from a number or an ISO-8601 string. */
function time(v: unknown): number | undefined {
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    return Number.isFinite(ms) ? ms / 1000 : undefined;
  }
  return num(v);
}

/**
 * A drill record (docs/domain/drills-api.md; body `tandem.drill/1`) as an activity of the SAR-training area:
 * planned at its MAYDAY time, done once `finished`, with its after-action report (computed at finish and served
 * at `/api/drills/:id/report`) as evidence. Field names are read tolerantly.
 */
function drillActivity(rec: SarRecord): Activity {
  const b = isObject(rec.body) ? rec.body : {};
  const status = typeof b['status'] === 'string' ? b['status'] : typeof b['state'] === 'string' ? b['state'] : '';
  const planned = time(b['startTimeS']) ?? time(b['startUtc']) ?? time(b['plannedUtc']);
  const finished = DRILL_FINISHED.has(status);
  const ended = time(b['finishedUtc']) ?? time(b['completedUtc']) ?? time(b['endUtc']);
  const evidence = readEvidence(b['evidence']);
  if (finished) {
    evidence.push({
      kind: 'report',
      reference: `/api/drills/${rec.id}/report`,
      description: 'after-action report',
      recordedUtc: ended ?? 0,
    });
  }
  const updated = Date.parse(rec.updatedAt) / 1000;
  const completedUtc = finished ? (ended ?? (Number.isFinite(updated) ? updated : undefined)) : undefined;
  return {
    id: rec.id,
    kind: 'drill',
    title: readLocalized(b['title'] ?? b['name'], rec.title),
    ...(planned === undefined ? {} : { plannedUtc: planned }),
    ...(completedUtc === undefined ? {} : { completedUtc }),
    cancelled: status === 'cancelled' || status === 'aborted',
    evidence,
    public: rec.releasability === 'public',
  };
}

/** The stored body of a dialogue session record. */
export interface SessionBody extends DialogueSession {
  readonly title: LocalizedText;
  readonly minutes: readonly Evidence[];
  readonly commitmentIds: readonly string[];
}

export interface ActionItemBody extends ActionItem {
  readonly commitmentIds: readonly string[];
}

function sessionActivity(rec: SarRecord): Activity | undefined {
  const b = rec.body as Partial<SessionBody>;
  if (!isObject(b) || num(b.startUtc) === undefined || num(b.endUtc) === undefined) return undefined;
  return activityFromDialogueSession(
    { ...(b as SessionBody), id: rec.id },
    readLocalized(b.title, rec.title),
    readEvidence(b.minutes),
    rec.releasability === 'public',
  );
}

function actionItemActivity(rec: SarRecord): Activity | undefined {
  const b = rec.body as Partial<ActionItemBody>;
  if (!isObject(b) || num(b.dueUtc) === undefined) return undefined;
  const item = { ...(b as ActionItemBody), id: rec.id, evidence: readEvidence(b.evidence) };
  return activityFromActionItem(item, rec.releasability === 'public');
}

/** Any activity record as a follow-through activity (undefined when its body cannot be read). */
export function activityOf(rec: SarRecord): Activity | undefined {
  switch (rec.kind) {
    case 'exchange_event':
      return exchangeEventActivity(rec);
    case 'drill':
      return drillActivity(rec);
    case 'dialogue_session':
      return sessionActivity(rec);
    case 'action_item':
      return actionItemActivity(rec);
    default:
      return undefined;
  }
}

/** Calendar quarter of an epoch-seconds time, e.g. `2026-Q1`. */
export function quarterOf(utc: number): string {
  const d = new Date(utc * 1000);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** Every quarter from the first to the last (inclusive), so a chart shows empty quarters too. */
export function quarterRange(firstUtc: number, lastUtc: number): string[] {
  const out: string[] = [];
  const d = new Date(firstUtc * 1000);
  let y = d.getUTCFullYear();
  let q = Math.floor(d.getUTCMonth() / 3);
  const end = quarterOf(lastUtc);
  for (let k = 0; k < 200; k++) {
    const key = `${y}-Q${q + 1}`;
    out.push(key);
    if (key === end) break;
    q++;
    if (q === 4) {
      q = 0;
      y++;
    }
  }
  return out;
}

export const DAY_S = SECONDS_PER_DAY;
