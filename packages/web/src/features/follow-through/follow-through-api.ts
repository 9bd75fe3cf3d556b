/** Typed calls of the follow-through API: `GET /api/follow-through` and the public `GET /api/public/summary`. */
import type { ApiClient } from '../../api/api-client.ts';
import type {
  Activity as CoreActivity,
  AreaFollowThrough as CoreAreaFollowThrough,
  Commitment as CoreCommitment,
} from '@tandem/core';
import type { Text } from '../dialogues/dialogues-api.ts';

export type ActivityState = 'done' | 'planned' | 'overdue' | 'cancelled';

/** Core's activity as the API sends it, with its record, label, areas, commitments and state as of the view. */
export interface Activity extends CoreActivity {
  readonly recordKind: string;
  readonly ownerNation: string;
  readonly releasability: string;
  readonly areas: readonly string[];
  readonly commitmentIds: readonly string[];
  readonly state: ActivityState;
}

/** Core's per-area figures; overdue activities come as ids (the activities list has them in full). */
export interface AreaFollowThrough extends Omit<CoreAreaFollowThrough, 'overdue' | 'unevidenced'> {
  readonly overdue: readonly { readonly id: string }[];
}

/** Core's commitment with the statement it comes from. */
export interface Commitment extends CoreCommitment {
  readonly statement?: string;
}

export interface FollowThroughView {
  readonly followThrough: {
    readonly asOfUtc: number;
    readonly areas: readonly AreaFollowThrough[];
    readonly overdue: readonly { readonly id: string }[];
    readonly timeline: readonly {
      readonly utc: number;
      readonly activityId: string;
      readonly area: string;
      readonly state: ActivityState;
    }[];
  };
  readonly commitments: readonly Commitment[];
  readonly activities: readonly Activity[];
  readonly perQuarter: readonly { readonly quarter: string; readonly counts: Readonly<Record<string, number>> }[];
}

export interface PublicSummary {
  readonly asOfUtc: number;
  readonly areas: readonly {
    readonly area: string;
    readonly commitments: readonly {
      readonly id: string;
      readonly title: Text;
      readonly source: string;
      readonly statement?: string;
    }[];
    readonly done: number;
    readonly lastDoneUtc: number | null;
    readonly activities: readonly {
      readonly id: string;
      readonly kind: Activity['kind'];
      readonly title: Text;
      readonly dateUtc: number | null;
      readonly state: 'done' | 'planned' | 'cancelled';
    }[];
  }[];
  readonly perQuarter: FollowThroughView['perQuarter'];
}

export function followThrough(api: ApiClient, asOfUtc?: number): Promise<FollowThroughView> {
  return api.request<FollowThroughView>('GET', `/api/follow-through${asOfUtc === undefined ? '' : `?asOf=${asOfUtc}`}`);
}

export function publicSummary(api: ApiClient): Promise<PublicSummary> {
  return api.request<PublicSummary>('GET', '/api/public/summary');
}

/** The three areas of the joint statement first, in this order, then any other. */
export const AREA_ORDER = ['aerobatic-exchanges', 'sar-training', 'st-ai-dialogue'];

export function areaOrder(a: string, b: string): number {
  const ia = AREA_ORDER.indexOf(a);
  const ib = AREA_ORDER.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}
