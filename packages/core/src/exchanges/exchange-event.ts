import { TandemError } from '../errors/index.ts';
import type { PartnerSide } from './country.ts';
import { PARTNER_SIDES } from './country.ts';
import type { LocalizedText } from './localized-text.ts';

export type ExchangeEventKind =
  'stopover' | 'joint-display' | 'team-meeting' | 'maintenance-briefing' | 'safety-briefing' | 'other';

/**
 * Life cycle: `proposed` → (both KR and JP confirm) → `confirmed` → `held`. A proposed or confirmed event may be
 * `postponed` or `cancelled`, always with a reason; a postponed event links to the event that replaces it.
 * `held`, `postponed` and `cancelled` are final.
 */
export type ExchangeEventStatus = 'proposed' | 'confirmed' | 'held' | 'postponed' | 'cancelled';

export interface Confirmation {
  readonly by: string;
  readonly atUtc: number;
}

export interface StatusChange {
  readonly from: ExchangeEventStatus;
  readonly to: ExchangeEventStatus;
  readonly atUtc: number;
  readonly by: string;
  readonly side?: PartnerSide;
  readonly reason?: string;
}

export interface ExchangeEvent {
  readonly id: string;
  readonly kind: ExchangeEventKind;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly airfieldIcao?: string;
  readonly startUtc: number;
  readonly endUtc: number;
  readonly status: ExchangeEventStatus;
  readonly confirmations: Readonly<Partial<Record<PartnerSide, Confirmation>>>;
  /** Reason for postponement or cancellation. */
  readonly reason?: string;
  /** The event that replaces a postponed (or cancelled) one. */
  readonly replacedById?: string;
  /** The event this one replaces. */
  readonly replacesId?: string;
  readonly history: readonly StatusChange[];
}

export interface NewExchangeEvent {
  readonly id: string;
  readonly kind: ExchangeEventKind;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly airfieldIcao?: string;
  readonly startUtc: number;
  readonly endUtc: number;
}

function checkTimes(startUtc: number, endUtc: number): void {
  if (!Number.isFinite(startUtc)) throw new TandemError('INVALID_INPUT', 'start must be a UTC time', 'startUtc');
  if (!Number.isFinite(endUtc) || endUtc < startUtc) {
    throw new TandemError('INVALID_INPUT', 'end must be a UTC time not before the start', 'endUtc');
  }
}

export function proposeEvent(e: NewExchangeEvent, extra: { replacesId?: string } = {}): ExchangeEvent {
  if (e.id.trim() === '') throw new TandemError('INVALID_INPUT', 'id is required', 'id');
  checkTimes(e.startUtc, e.endUtc);
  return { ...e, ...extra, status: 'proposed', confirmations: {}, history: [] };
}

function conflict(e: ExchangeEvent, action: string): TandemError {
  return new TandemError('CONFLICT', `cannot ${action} event ${e.id} in status "${e.status}"`, 'status');
}

function requireReason(reason: string): string {
  const r = reason.trim();
  if (r === '') throw new TandemError('INVALID_INPUT', 'a reason is required', 'reason');
  return r;
}

/**
 * Record one side's confirmation. The event becomes `confirmed` when both KR and JP have confirmed; a side
 * confirming twice is a conflict (one confirmation per side).
 */
export function confirmEvent(e: ExchangeEvent, side: PartnerSide, by: string, atUtc: number): ExchangeEvent {
  if (e.status !== 'proposed') throw conflict(e, `confirm (${side})`);
  if (e.confirmations[side] !== undefined) {
    throw new TandemError('CONFLICT', `${side} has already confirmed event ${e.id}`, 'confirmations');
  }
  const confirmations = { ...e.confirmations, [side]: { by, atUtc } };
  const both = PARTNER_SIDES.every((s) => confirmations[s] !== undefined);
  if (!both) return { ...e, confirmations };
  return {
    ...e,
    confirmations,
    status: 'confirmed',
    history: [...e.history, { from: 'proposed', to: 'confirmed', atUtc, by, side }],
  };
}

/** Mark a confirmed event as held; only after it has started. */
export function markHeld(e: ExchangeEvent, by: string, atUtc: number): ExchangeEvent {
  if (e.status !== 'confirmed') throw conflict(e, 'mark as held');
  if (atUtc < e.startUtc) {
    throw new TandemError('CONFLICT', `event ${e.id} cannot be held before it starts`, 'atUtc');
  }
  return { ...e, status: 'held', history: [...e.history, { from: e.status, to: 'held', atUtc, by }] };
}

/** Cancel a proposed or confirmed event, with a reason (and optionally the event replacing it). */
export function cancelEvent(
  e: ExchangeEvent,
  reason: string,
  by: string,
  atUtc: number,
  replacedById?: string,
): ExchangeEvent {
  if (e.status !== 'proposed' && e.status !== 'confirmed') throw conflict(e, 'cancel');
  const r = requireReason(reason);
  return {
    ...e,
    status: 'cancelled',
    reason: r,
    ...(replacedById === undefined ? {} : { replacedById }),
    history: [...e.history, { from: e.status, to: 'cancelled', atUtc, by, reason: r }],
  };
}

/**
 * Postpone a proposed or confirmed event to new dates. The original becomes `postponed` with the reason and a
 * link to its replacement, a new `proposed` event (both sides confirm again) linking back.
 */
export function postponeEvent(
  e: ExchangeEvent,
  reason: string,
  by: string,
  atUtc: number,
  replacement: { id: string; startUtc: number; endUtc: number },
): { original: ExchangeEvent; replacement: ExchangeEvent } {
  if (e.status !== 'proposed' && e.status !== 'confirmed') throw conflict(e, 'postpone');
  const r = requireReason(reason);
  if (replacement.id === e.id) throw new TandemError('INVALID_INPUT', 'replacement needs a new id', 'replacement.id');
  const next = proposeEvent(
    {
      id: replacement.id,
      kind: e.kind,
      title: e.title,
      ...(e.description === undefined ? {} : { description: e.description }),
      ...(e.airfieldIcao === undefined ? {} : { airfieldIcao: e.airfieldIcao }),
      startUtc: replacement.startUtc,
      endUtc: replacement.endUtc,
    },
    { replacesId: e.id },
  );
  const original: ExchangeEvent = {
    ...e,
    status: 'postponed',
    reason: r,
    replacedById: next.id,
    history: [...e.history, { from: e.status, to: 'postponed', atUtc, by, reason: r }],
  };
  return { original, replacement: next };
}
