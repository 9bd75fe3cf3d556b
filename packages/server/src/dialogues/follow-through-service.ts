/**
 * The follow-through view over a set of records: commitments linked to the activities that carry them out (the
 * commitment lists the activity in `activityIds`, or the activity's body lists the commitment in `commitmentIds`,
 * or, when an activity names no commitment, the commitments of its record kind's default area), then core
 * `computeFollowThrough`. The caller decides which records are in the set: everything visible to a user for the
 * dashboard, public records only for the public summary. A commitment's link to a record outside the set is
 * dropped, never reported, so nothing about an unseen record leaks.
 */
import { computeFollowThrough, isDone } from '@tandem/core';
import type { Activity, Commitment, FollowThrough, LocalizedText } from '@tandem/core';
import type { SarRecord } from '../records/sar-record-repository.ts';
import {
  DEFAULT_AREA,
  activityOf,
  quarterOf,
  quarterRange,
  readCommitmentIds,
  readLocalized,
} from './record-reading.ts';

export interface CommitmentView extends Commitment {
  readonly statement?: string;
  readonly releasability: string;
  readonly ownerNation: string;
}

export interface ActivityView extends Activity {
  readonly recordKind: string;
  readonly ownerNation: string;
  readonly releasability: string;
  readonly areas: readonly string[];
  readonly commitmentIds: readonly string[];
  readonly state: 'done' | 'planned' | 'overdue' | 'cancelled';
}

export interface FollowThroughView {
  readonly followThrough: FollowThrough;
  readonly commitments: readonly CommitmentView[];
  /** Every linked activity with its areas and state at `asOfUtc`. */
  readonly activities: readonly ActivityView[];
  /** Completed activities per calendar quarter and area (the cadence chart). */
  readonly perQuarter: readonly { readonly quarter: string; readonly counts: Readonly<Record<string, number>> }[];
}

export function commitmentOf(rec: SarRecord): CommitmentView | undefined {
  const b = rec.body as Record<string, unknown> | null;
  if (b === null || typeof b !== 'object' || typeof b['area'] !== 'string') return undefined;
  const ids = Array.isArray(b['activityIds']) ? b['activityIds'].filter((x): x is string => typeof x === 'string') : [];
  return {
    id: rec.id,
    area: b['area'],
    title: readLocalized(b['title'], rec.title) satisfies LocalizedText,
    source: typeof b['source'] === 'string' ? b['source'] : '',
    ...(typeof b['cadenceDays'] === 'number' ? { cadenceDays: b['cadenceDays'] } : {}),
    activityIds: ids,
    ...(typeof b['statement'] === 'string' ? { statement: b['statement'] } : {}),
    releasability: rec.releasability,
    ownerNation: rec.ownerNation,
  };
}

export function buildFollowThrough(
  commitmentRecords: readonly SarRecord[],
  activityRecords: readonly SarRecord[],
  asOfUtc: number,
): FollowThroughView {
  const commitments = commitmentRecords.map(commitmentOf).filter((c): c is CommitmentView => c !== undefined);
  const commitmentIds = new Set(commitments.map((c) => c.id));
  const activities = new Map<string, { act: Activity; rec: SarRecord; named: string[] }>();
  for (const rec of activityRecords) {
    const act = activityOf(rec);
    if (act !== undefined) activities.set(rec.id, { act, rec, named: readCommitmentIds(rec.body) });
  }
  const links = new Map<string, Set<string>>(commitments.map((c) => [c.id, new Set<string>()]));
  for (const c of commitments) for (const id of c.activityIds) if (activities.has(id)) links.get(c.id)!.add(id);
  for (const [id, a] of activities) {
    const named = a.named.filter((c) => commitmentIds.has(c));
    if (named.length > 0) {
      for (const c of named) links.get(c)!.add(id);
    } else if (a.named.length === 0 && !commitments.some((c) => c.activityIds.includes(id))) {
      const area = DEFAULT_AREA[a.rec.kind];
      for (const c of commitments) if (c.area === area) links.get(c.id)!.add(id);
    }
  }
  const linked: CommitmentView[] = commitments.map((c) => ({ ...c, activityIds: [...links.get(c.id)!] }));
  const ft = computeFollowThrough(
    linked,
    [...activities.values()].map((a) => a.act),
    asOfUtc,
  );
  const stateOf = new Map(ft.timeline.map((e) => [e.activityId, e.state]));
  const views: ActivityView[] = [];
  for (const [id, a] of activities) {
    const cs = linked.filter((c) => c.activityIds.includes(id));
    if (cs.length === 0) continue;
    views.push({
      ...a.act,
      recordKind: a.rec.kind,
      ownerNation: a.rec.ownerNation,
      releasability: a.rec.releasability,
      areas: [...new Set(cs.map((c) => c.area))],
      commitmentIds: cs.map((c) => c.id),
      state: stateOf.get(id) ?? 'planned',
    });
  }
  views.sort(
    (x, y) => (x.completedUtc ?? x.plannedUtc ?? x.dueUtc ?? 0) - (y.completedUtc ?? y.plannedUtc ?? y.dueUtc ?? 0),
  );
  const done = views.filter(isDone);
  const perQuarter: { quarter: string; counts: Record<string, number> }[] = [];
  if (done.length > 0) {
    const times = done.map((a) => a.completedUtc!);
    const areas = ft.areas.map((a) => a.area);
    for (const q of quarterRange(Math.min(...times), Math.max(...times))) {
      perQuarter.push({ quarter: q, counts: Object.fromEntries(areas.map((a) => [a, 0])) });
    }
    for (const a of done) {
      const row = perQuarter.find((p) => p.quarter === quarterOf(a.completedUtc!));
      if (row !== undefined) for (const area of a.areas) row.counts[area] = (row.counts[area] ?? 0) + 1;
    }
  }
  return { followThrough: ft, commitments: linked, activities: views, perQuarter };
}
