import { TandemError } from '../errors/index.ts';
import { SECONDS_PER_DAY } from '../units/index.ts';
import type { ExchangeEvent, LocalizedText } from '../exchanges/index.ts';
import type { ActionItem, DialogueSession } from './dialogue-session.ts';
import type { Evidence } from './evidence.ts';

/** A commitment from a joint statement (for example one of its three areas of cooperation). */
export interface Commitment {
  readonly id: string;
  /** Area key shared by commitments and the dashboard (`aerobatic-exchanges`, `sar-training`, `st-ai-dialogue`). */
  readonly area: string;
  readonly title: LocalizedText;
  /** The statement and paragraph it comes from. */
  readonly source: string;
  /** Expected interval between completed activities, days (an input). */
  readonly cadenceDays?: number;
  /** Activities (events, drills, sessions, action items) that carry it out. */
  readonly activityIds: readonly string[];
}

export type ActivityKind = 'exchange-event' | 'drill' | 'dialogue-session' | 'action-item' | 'other';

/**
 * The follow-through view of any record that carries out a commitment. It counts as done only with a completion
 * time and at least one piece of evidence.
 */
export interface Activity {
  readonly id: string;
  readonly kind: ActivityKind;
  readonly title: LocalizedText;
  readonly plannedUtc?: number;
  readonly dueUtc?: number;
  readonly completedUtc?: number;
  readonly cancelled: boolean;
  readonly evidence: readonly Evidence[];
  readonly public: boolean;
}

export function isDone(a: Activity): boolean {
  return !a.cancelled && a.completedUtc !== undefined && a.evidence.length > 0;
}

export function activityFromActionItem(a: ActionItem, isPublic = false): Activity {
  return {
    id: a.id,
    kind: 'action-item',
    title: a.title,
    dueUtc: a.dueUtc,
    ...(a.completedUtc === undefined ? {} : { completedUtc: a.completedUtc }),
    cancelled: a.status === 'dropped',
    evidence: a.evidence,
    public: isPublic,
  };
}

/**
 * A dialogue session as an activity: planned at its start, due at its end, and held (completed at its end) once
 * minutes or other evidence are recorded.
 */
export function activityFromDialogueSession(
  s: DialogueSession,
  title: LocalizedText,
  evidence: readonly Evidence[],
  isPublic = false,
): Activity {
  return {
    id: s.id,
    kind: 'dialogue-session',
    title,
    plannedUtc: s.startUtc,
    dueUtc: s.endUtc,
    ...(evidence.length === 0 ? {} : { completedUtc: s.endUtc }),
    cancelled: false,
    evidence,
    public: isPublic,
  };
}

/** An exchange event as an activity: due at its end, done when held (with the evidence given). */
export function activityFromExchangeEvent(e: ExchangeEvent, evidence: readonly Evidence[], isPublic = false): Activity {
  const held = e.history.find((h) => h.to === 'held');
  return {
    id: e.id,
    kind: 'exchange-event',
    title: e.title,
    plannedUtc: e.startUtc,
    dueUtc: e.endUtc,
    ...(held === undefined ? {} : { completedUtc: held.atUtc }),
    cancelled: e.status === 'cancelled' || e.status === 'postponed',
    evidence,
    public: isPublic,
  };
}

export interface AreaFollowThrough {
  readonly area: string;
  readonly commitmentIds: readonly string[];
  readonly done: number;
  readonly open: number;
  readonly cancelled: number;
  readonly lastDoneUtc: number | null;
  /** Mean days between consecutive completed activities; null with fewer than two. */
  readonly meanIntervalDays: number | null;
  /** Expected cadence (smallest of the area's commitments), days; null when none set. */
  readonly cadenceDays: number | null;
  readonly daysSinceLastDone: number | null;
  /** Whether the time since the last completed activity is within the cadence; null without a cadence. */
  readonly cadenceMet: boolean | null;
  /**
   * Completed by their due date ÷ (completed with a due date + open past due). Null when nothing is due yet.
   */
  readonly onTimeRate: number | null;
  readonly overdue: readonly Activity[];
  /** Marked complete but without evidence: not counted as done. */
  readonly unevidenced: readonly Activity[];
}

export interface TimelineEntry {
  readonly utc: number;
  readonly activityId: string;
  readonly area: string;
  readonly kind: ActivityKind;
  readonly state: 'done' | 'planned' | 'overdue' | 'cancelled';
}

export interface FollowThrough {
  readonly asOfUtc: number;
  readonly areas: readonly AreaFollowThrough[];
  readonly overdue: readonly Activity[];
  readonly timeline: readonly TimelineEntry[];
}

/**
 * The follow-through dashboard: for each area, cadence of completed activities, on-time rate and what is
 * overdue at `asOfUtc`, plus a timeline of every linked activity.
 */
export function computeFollowThrough(
  commitments: readonly Commitment[],
  activities: readonly Activity[],
  asOfUtc: number,
): FollowThrough {
  const byId = new Map(activities.map((a) => [a.id, a]));
  const areas = [...new Set(commitments.map((c) => c.area))];
  commitments.forEach((c, i) =>
    c.activityIds.forEach((id, j) => {
      if (!byId.has(id))
        throw new TandemError('NOT_FOUND', `unknown activity "${id}"`, `commitments[${i}].activityIds[${j}]`);
    }),
  );
  const timeline: TimelineEntry[] = [];
  const allOverdue: Activity[] = [];
  /** The view as of `asOfUtc`: an activity completed later was still open then. */
  const doneByAsOf = (a: Activity): boolean => isDone(a) && a.completedUtc! <= asOfUtc;
  const result: AreaFollowThrough[] = areas.map((area) => {
    const cs = commitments.filter((c) => c.area === area);
    const ids = [...new Set(cs.flatMap((c) => c.activityIds))];
    const acts = ids.map((id) => byId.get(id)!);
    const done = acts.filter(doneByAsOf).sort((a, b) => a.completedUtc! - b.completedUtc!);
    const cancelled = acts.filter((a) => a.cancelled);
    const open = acts.filter((a) => !doneByAsOf(a) && !a.cancelled);
    const overdue = open
      .filter((a) => a.dueUtc !== undefined && a.dueUtc < asOfUtc)
      .sort((a, b) => a.dueUtc! - b.dueUtc!);
    const unevidenced = acts.filter(
      (a) => !a.cancelled && a.completedUtc !== undefined && a.completedUtc <= asOfUtc && a.evidence.length === 0,
    );
    const doneWithDue = done.filter((a) => a.dueUtc !== undefined);
    const onTime = doneWithDue.filter((a) => a.completedUtc! <= a.dueUtc!).length;
    const denominator = doneWithDue.length + overdue.length;
    const last = done.length === 0 ? null : done[done.length - 1]!.completedUtc!;
    const first = done.length === 0 ? null : done[0]!.completedUtc!;
    const cadences = cs.map((c) => c.cadenceDays).filter((d): d is number => d !== undefined);
    const cadenceDays = cadences.length === 0 ? null : Math.min(...cadences);
    const daysSinceLastDone = last === null ? null : (asOfUtc - last) / SECONDS_PER_DAY;
    for (const a of acts) {
      const state = a.cancelled ? 'cancelled' : doneByAsOf(a) ? 'done' : overdue.includes(a) ? 'overdue' : 'planned';
      const utc = (state === 'done' ? a.completedUtc : (a.plannedUtc ?? a.dueUtc)) ?? asOfUtc;
      timeline.push({ utc, activityId: a.id, area, kind: a.kind, state });
    }
    allOverdue.push(...overdue);
    return {
      area,
      commitmentIds: cs.map((c) => c.id),
      done: done.length,
      open: open.length,
      cancelled: cancelled.length,
      lastDoneUtc: last,
      meanIntervalDays: done.length < 2 ? null : (last! - first!) / SECONDS_PER_DAY / (done.length - 1),
      cadenceDays,
      daysSinceLastDone,
      cadenceMet: cadenceDays === null ? null : daysSinceLastDone !== null && daysSinceLastDone <= cadenceDays,
      onTimeRate: denominator === 0 ? null : onTime / denominator,
      overdue,
      unevidenced,
    };
  });
  timeline.sort((a, b) => a.utc - b.utc || a.activityId.localeCompare(b.activityId));
  allOverdue.sort((a, b) => a.dueUtc! - b.dueUtc!);
  return { asOfUtc, areas: result, overdue: allOverdue, timeline };
}

/** Only what is marked public, for the citizens' summary page. */
export function publicActivities(activities: readonly Activity[]): Activity[] {
  return activities.filter((a) => a.public);
}
