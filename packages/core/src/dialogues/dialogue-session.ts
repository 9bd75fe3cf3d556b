import { TandemError } from '../errors/index.ts';
import type { LocalizedText, PartnerSide } from '../exchanges/index.ts';
import type { Evidence } from './evidence.ts';

export type DialogueArea = 'science-technology' | 'artificial-intelligence' | 'defense-industry' | 'other';

/** A standing series of talks (for example the ROK–Japan defense S&T and AI dialogue). */
export interface DialogueSeries {
  readonly id: string;
  readonly title: LocalizedText;
  readonly area: DialogueArea;
  /** Intended cadence between sessions, days (an input agreed by both sides). */
  readonly cadenceDays?: number;
}

export interface Participant {
  readonly name: string;
  readonly organisation: string;
  readonly side: PartnerSide | 'observer';
  readonly role: 'co-chair' | 'delegate' | 'expert' | 'secretariat' | 'observer';
}

export interface AgendaItem {
  readonly id: string;
  readonly title: LocalizedText;
  readonly presenterSide?: PartnerSide;
}

export interface Decision {
  readonly id: string;
  readonly agendaItemId?: string;
  readonly text: LocalizedText;
}

/** A named owner of an action item on one side. */
export interface Owner {
  readonly name: string;
  readonly organisation: string;
}

export type ActionItemStatus = 'open' | 'done' | 'dropped';

/**
 * An action item from a session: it has an owner on each side, a due date, and is done only with evidence of
 * completion.
 */
export interface ActionItem {
  readonly id: string;
  readonly sessionId: string;
  readonly title: LocalizedText;
  readonly owners: Readonly<Record<PartnerSide, Owner>>;
  readonly dueUtc: number;
  readonly status: ActionItemStatus;
  readonly completedUtc?: number;
  readonly evidence: readonly Evidence[];
  readonly droppedReason?: string;
  /** Each side's own completion of its part; the item is done once both sides have completed theirs. */
  readonly sides?: Readonly<Partial<Record<PartnerSide, SideCompletion>>>;
}

/** One side's completion of its part of an action item, by that side's secretariat, with evidence. */
export interface SideCompletion {
  readonly completedUtc: number;
  /** User name of who marked it. */
  readonly by: string;
  readonly evidence: readonly Evidence[];
}

export interface DialogueSession {
  readonly id: string;
  readonly seriesId: string;
  readonly startUtc: number;
  readonly endUtc: number;
  readonly location: LocalizedText;
  readonly agenda: readonly AgendaItem[];
  readonly participants: readonly Participant[];
  readonly decisions: readonly Decision[];
  readonly actionItems: readonly ActionItem[];
}

/** Validate a session record: times, both sides present, decisions pointing at agenda items, action items owned on both sides. */
export function validateSession(s: DialogueSession, field = 'session'): DialogueSession {
  if (!(Number.isFinite(s.startUtc) && Number.isFinite(s.endUtc) && s.endUtc >= s.startUtc)) {
    throw new TandemError('INVALID_INPUT', 'end must not be before start', `${field}.endUtc`);
  }
  for (const side of ['KR', 'JP'] as const) {
    if (!s.participants.some((p) => p.side === side)) {
      throw new TandemError('INVALID_INPUT', `no participant from ${side}`, `${field}.participants`);
    }
  }
  const agendaIds = new Set(s.agenda.map((a) => a.id));
  s.decisions.forEach((d, i) => {
    if (d.agendaItemId !== undefined && !agendaIds.has(d.agendaItemId)) {
      throw new TandemError(
        'INVALID_INPUT',
        `unknown agenda item "${d.agendaItemId}"`,
        `${field}.decisions[${i}].agendaItemId`,
      );
    }
  });
  s.actionItems.forEach((a, i) => validateActionItem(a, `${field}.actionItems[${i}]`));
  return s;
}

export function validateActionItem(a: ActionItem, field = 'actionItem'): ActionItem {
  for (const side of ['KR', 'JP'] as const) {
    const o = a.owners[side] as Owner | undefined;
    if (o === undefined || o.name.trim() === '') {
      throw new TandemError(
        'INVALID_INPUT',
        `an action item needs an owner on the ${side} side`,
        `${field}.owners.${side}`,
      );
    }
  }
  if (!Number.isFinite(a.dueUtc)) throw new TandemError('INVALID_INPUT', 'due date is required', `${field}.dueUtc`);
  if (a.status === 'done' && (a.evidence.length === 0 || a.completedUtc === undefined)) {
    throw new TandemError(
      'INVALID_INPUT',
      'a done action item needs a completion time and evidence',
      `${field}.evidence`,
    );
  }
  return a;
}

/** Mark an open action item done; completion needs at least one piece of evidence. */
export function completeActionItem(a: ActionItem, completedUtc: number, evidence: readonly Evidence[]): ActionItem {
  if (a.status !== 'open') {
    throw new TandemError('CONFLICT', `action item ${a.id} is ${a.status}`, 'status');
  }
  if (evidence.length === 0) {
    throw new TandemError('INVALID_INPUT', 'evidence of completion is required', 'evidence');
  }
  return { ...a, status: 'done', completedUtc, evidence: [...a.evidence, ...evidence] };
}

/**
 * Mark one side's part of an open action item done (each side's secretariat marks its own side). Needs evidence;
 * a side cannot be completed twice. Once both sides are complete the item is done, at the later completion time,
 * with the evidence of both sides.
 */
export function completeActionItemSide(
  a: ActionItem,
  side: PartnerSide,
  completedUtc: number,
  by: string,
  evidence: readonly Evidence[],
): ActionItem {
  if (a.status !== 'open') {
    throw new TandemError('CONFLICT', `action item ${a.id} is ${a.status}`, 'status');
  }
  if (a.sides?.[side] !== undefined) {
    throw new TandemError('CONFLICT', `the ${side} side of action item ${a.id} is already done`, `sides.${side}`);
  }
  if (!Number.isFinite(completedUtc)) {
    throw new TandemError('INVALID_INPUT', 'completion time must be a UTC time', 'completedUtc');
  }
  if (evidence.length === 0 || evidence.some((e) => e.reference.trim() === '')) {
    throw new TandemError('INVALID_INPUT', 'evidence of completion is required', 'evidence');
  }
  const sides = { ...a.sides, [side]: { completedUtc, by, evidence } };
  const other = side === 'KR' ? sides.JP : sides.KR;
  if (other === undefined) return { ...a, sides };
  return {
    ...a,
    sides,
    status: 'done',
    completedUtc: Math.max(completedUtc, other.completedUtc),
    evidence: [...a.evidence, ...(sides.KR?.evidence ?? []), ...(sides.JP?.evidence ?? [])],
  };
}

export function dropActionItem(a: ActionItem, reason: string): ActionItem {
  if (a.status !== 'open') throw new TandemError('CONFLICT', `action item ${a.id} is ${a.status}`, 'status');
  if (reason.trim() === '') throw new TandemError('INVALID_INPUT', 'a reason is required', 'reason');
  return { ...a, status: 'dropped', droppedReason: reason.trim() };
}

/** Open action items past their due date at `asOfUtc`, most overdue first. */
export function overdueActionItems(items: readonly ActionItem[], asOfUtc: number): ActionItem[] {
  return items.filter((a) => a.status === 'open' && a.dueUtc < asOfUtc).sort((x, y) => x.dueUtc - y.dueUtc);
}
