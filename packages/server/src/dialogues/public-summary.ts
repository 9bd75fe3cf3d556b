/**
 * The public summary of the cooperation, for citizens of both nations: built from records labelled `public`
 * only (commitments and the activities that carry them out), so every figure it shows is derived from public
 * records alone. Nothing about a national or bilateral record appears, not even its existence or a count.
 */
import type { LocalizedText } from '@tandem/core';
import type { TandemDatabase } from '../db/database.ts';
import { toSarRecord } from '../records/sar-record-repository.ts';
import { ACTIVITY_KINDS } from './record-reading.ts';
import { buildFollowThrough } from './follow-through-service.ts';

export interface PublicActivity {
  readonly id: string;
  readonly kind: string;
  readonly title: LocalizedText;
  /** When it was done (completed) or is planned, epoch seconds UTC. */
  readonly dateUtc: number | null;
  readonly state: 'done' | 'planned' | 'cancelled';
}

export interface PublicArea {
  readonly area: string;
  readonly commitments: readonly {
    readonly id: string;
    readonly title: LocalizedText;
    readonly source: string;
    readonly statement?: string;
  }[];
  readonly done: number;
  readonly lastDoneUtc: number | null;
  readonly activities: readonly PublicActivity[];
}

export interface PublicSummary {
  readonly asOfUtc: number;
  readonly areas: readonly PublicArea[];
  readonly perQuarter: readonly { readonly quarter: string; readonly counts: Readonly<Record<string, number>> }[];
}

export async function publicSummary(database: TandemDatabase, asOfUtc: number): Promise<PublicSummary> {
  const rows = await database.db
    .selectFrom('sar_records')
    .selectAll()
    .where('releasability', '=', 'public')
    .where('kind', 'in', ['commitment', ...ACTIVITY_KINDS])
    .orderBy('created_at')
    .execute();
  const recs = rows.map(toSarRecord).filter((r) => r.releasability === 'public');
  const view = buildFollowThrough(
    recs.filter((r) => r.kind === 'commitment'),
    recs.filter((r) => r.kind !== 'commitment'),
    asOfUtc,
  );
  const areas: PublicArea[] = view.followThrough.areas.map((a) => ({
    area: a.area,
    commitments: view.commitments
      .filter((c) => c.area === a.area)
      .map((c) => ({
        id: c.id,
        title: c.title,
        source: c.source,
        ...(c.statement === undefined ? {} : { statement: c.statement }),
      })),
    done: a.done,
    lastDoneUtc: a.lastDoneUtc,
    activities: view.activities
      .filter((x) => x.areas.includes(a.area) && x.public)
      .map((x) => ({
        id: x.id,
        kind: x.kind,
        title: x.title,
        dateUtc: (x.state === 'done' ? x.completedUtc : (x.plannedUtc ?? x.dueUtc)) ?? null,
        state: x.state === 'done' ? 'done' : x.state === 'cancelled' ? 'cancelled' : 'planned',
      })),
  }));
  return { asOfUtc, areas, perQuarter: view.perQuarter };
}
