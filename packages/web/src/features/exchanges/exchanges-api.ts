/** Typed calls of the exchanges API (routes in packages/server/src/routes/exchange-routes.ts). */
import type { FeatureCollection, Geometry } from 'geojson';
import type { ApiClient } from '../../api/api-client.ts';

export type Nation = 'KR' | 'JP';
export type Releasability = 'national' | 'bilateral' | 'public';
export interface Text3 {
  readonly en: string;
  readonly ko: string;
  readonly ja: string;
}

export interface FerryRequest {
  type: string;
  configuration?: string;
  from: string;
  to: string;
  via?: string[];
  anyOrder?: boolean;
  stops?: string[];
  wind?: { kind: 'none' | 'constant' | 'forcing'; fromDeg?: number; speedKt?: number; dataFileId?: string };
  departure?: string;
  aircraft?: number;
  perGroup?: number;
  daysBetweenGroups?: number;
}

export interface LegView {
  readonly index: number;
  readonly from: string;
  readonly to: string;
  readonly distanceKm: number;
  readonly distanceNm: number;
  readonly initialTrackDeg: number;
  readonly timeS: number | null;
  readonly rangeUsedFraction: number | null;
  readonly fuelRequiredFraction: number | null;
  readonly alternate: { readonly icao: string; readonly distanceKm: number } | null;
  readonly feasible: boolean;
  readonly issues: readonly { readonly code: string; readonly message: Text3 }[];
  readonly departureUtc?: number;
  readonly arrivalUtc?: number;
}

export interface FerryPlanView {
  readonly typeId: string;
  readonly typeName: Text3;
  readonly configurationId: string;
  readonly operator: Nation;
  readonly wind: Text3;
  readonly departureUtc: number;
  readonly feasible: boolean;
  readonly legs: readonly LegView[];
  readonly direct: LegView;
  readonly totalDistanceKm: number;
  readonly totalAirTimeS: number;
  readonly totalElapsedS: number;
  readonly figures: readonly { key: string; value: number; unit: string; kind: string; source: string }[];
  readonly alternateRule: { readonly required: boolean; readonly source: string };
  readonly schedule: readonly {
    group: number;
    aircraftCount: number;
    day: number;
    legIndex: number;
    from: string;
    to: string;
    departureUtc: number;
    arrivalUtc: number;
  }[];
  readonly map: FeatureCollection<Geometry>;
  readonly rangeRingM: number;
  readonly windSamples?: { readonly sampled: number; readonly outside: number };
}

export interface AircraftTypeInfo {
  readonly item: {
    readonly id: string;
    readonly name: Text3;
    readonly role: string;
    readonly configurations: readonly { id: string; name: Text3; rangeM: { value: number; source: string } }[];
  };
}

export interface ClearanceView {
  readonly recordId: string;
  readonly ownerNation: Nation;
  readonly id: string;
  readonly country: string;
  readonly kind: 'overflight' | 'landing';
  readonly fromIcao: string;
  readonly toIcao: string;
  readonly status: 'draft' | 'requested' | 'approved' | 'denied' | 'withdrawn';
  readonly requestedUtc?: number;
  readonly approvedUtc?: number;
  readonly reference?: string;
  readonly validFromUtc?: number;
  readonly validToUtc?: number;
  readonly legIndex: number;
}

export interface ClearanceWarningView {
  readonly code: string;
  readonly fromIcao: string;
  readonly toIcao: string;
  readonly country: string;
  readonly kind: 'overflight' | 'landing';
  readonly message: Text3;
}

export interface SupportItemView {
  readonly recordId: string;
  readonly ownerNation: Nation;
  readonly kind: string;
  readonly airfieldIcao: string;
  readonly providedBy: string;
  readonly description: Text3;
  readonly quantity?: number;
  readonly unit?: string;
  readonly reimbursable: boolean;
  readonly legalBasis?: { instrument: Text3; provision?: string; reference?: string };
}

export interface Evidence {
  readonly kind: string;
  readonly reference: string;
  readonly description?: string;
  readonly recordedUtc: number;
}

export type EventStatus = 'proposed' | 'confirmed' | 'held' | 'postponed' | 'cancelled';

export interface ExchangeEvent {
  readonly id: string;
  readonly kind: string;
  readonly title: Text3;
  readonly description?: Text3;
  readonly airfieldIcao?: string;
  readonly startUtc: number;
  readonly endUtc: number;
  readonly status: EventStatus;
  readonly confirmations: Partial<Record<Nation, { by: string; atUtc: number }>>;
  readonly reason?: string;
  readonly replacedById?: string;
  readonly replacesId?: string;
  readonly history: readonly { from: string; to: string; atUtc: number; by: string; reason?: string }[];
  readonly commitmentIds: readonly string[];
  readonly evidence: readonly Evidence[];
  readonly ferryPlanId?: string;
}

export interface EventRecord {
  readonly id: string;
  readonly ownerNation: Nation;
  readonly releasability: Releasability;
  readonly version: number;
  readonly event: ExchangeEvent;
}

export interface PlanDetail {
  readonly record: { id: string; title: string; ownerNation: Nation; releasability: Releasability };
  readonly request: FerryRequest;
  readonly plan: FerryPlanView;
  readonly needed: readonly { legIndex: number; country: string; countryName: Text3; kind: 'overflight' | 'landing' }[];
  readonly clearances: readonly ClearanceView[];
  readonly warnings: readonly ClearanceWarningView[];
  readonly leadTimeRules: readonly {
    country: string;
    kind: string;
    leadTimeDays: number;
    source: string;
    updatedBy?: string;
  }[];
  readonly supportItems: readonly SupportItemView[];
  readonly supportWithoutLegalBasis: readonly string[];
  readonly events: readonly (ExchangeEvent & { ownerNation: Nation; releasability: Releasability })[];
}

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly ownerNation: Nation;
  readonly releasability: Releasability;
  readonly typeId: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly feasible: boolean | null;
  readonly legs: number | null;
}

export interface CommitmentInfo {
  readonly id: string;
  readonly area: string;
  readonly title: Text3;
}

export interface NewEvent {
  kind: string;
  title: { en: string; ko?: string; ja?: string };
  start: string;
  end: string;
  airfieldIcao?: string;
  releasability: Releasability;
  commitmentIds: string[];
  ferryPlanId?: string;
}

export class ExchangesApi {
  readonly #api: ApiClient;
  constructor(api: ApiClient) {
    this.#api = api;
  }
  aircraftTypes(): Promise<{ items: AircraftTypeInfo[] }> {
    return this.#api.request('GET', '/api/aircraft-types');
  }
  windFiles(): Promise<{ items: { id: string; title: string }[] }> {
    return this.#api.request('GET', '/api/ferry/wind-files');
  }
  setLeadTimeRule(rule: { country: string; kind: string; leadTimeDays: number; source: string }): Promise<unknown> {
    return this.#api.request('POST', '/api/clearance-rules', rule);
  }
  compute(req: FerryRequest): Promise<{ plan: FerryPlanView; computeMs: number }> {
    return this.#api.request('POST', '/api/ferry/plan', req);
  }
  savePlan(title: string, releasability: Releasability, request: FerryRequest): Promise<{ id: string }> {
    return this.#api.request('POST', '/api/ferry-plans', { title, releasability, request });
  }
  plans(): Promise<{ items: PlanSummary[] }> {
    return this.#api.request('GET', '/api/ferry-plans');
  }
  plan(id: string): Promise<PlanDetail> {
    return this.#api.request('GET', `/api/ferry-plans/${encodeURIComponent(id)}`);
  }
  addClearance(planId: string, body: Record<string, unknown>): Promise<{ id: string }> {
    return this.#api.request('POST', `/api/ferry-plans/${encodeURIComponent(planId)}/clearances`, body);
  }
  updateClearance(id: string, body: Record<string, unknown>): Promise<unknown> {
    return this.#api.request('PATCH', `/api/clearances/${encodeURIComponent(id)}`, body);
  }
  addSupportItem(planId: string, body: Record<string, unknown>): Promise<{ id: string }> {
    return this.#api.request('POST', `/api/ferry-plans/${encodeURIComponent(planId)}/support-items`, body);
  }
  events(fromIso?: string, toIso?: string): Promise<{ items: EventRecord[] }> {
    const q = new URLSearchParams();
    if (fromIso !== undefined) q.set('from', fromIso);
    if (toIso !== undefined) q.set('to', toIso);
    const s = q.toString();
    return this.#api.request('GET', `/api/exchange-events${s === '' ? '' : `?${s}`}`);
  }
  createEvent(e: NewEvent): Promise<EventRecord> {
    return this.#api.request('POST', '/api/exchange-events', e);
  }
  confirm(id: string): Promise<EventRecord> {
    return this.#api.request('POST', `/api/exchange-events/${encodeURIComponent(id)}/confirm`);
  }
  held(id: string, evidence: { kind: string; reference: string; description?: string }[]): Promise<EventRecord> {
    return this.#api.request('POST', `/api/exchange-events/${encodeURIComponent(id)}/held`, { evidence });
  }
  postpone(
    id: string,
    reason: string,
    start: string,
    end: string,
  ): Promise<{ original: EventRecord; replacement: EventRecord }> {
    return this.#api.request('POST', `/api/exchange-events/${encodeURIComponent(id)}/postpone`, { reason, start, end });
  }
  cancel(id: string, reason: string, replacedById?: string): Promise<EventRecord> {
    return this.#api.request('POST', `/api/exchange-events/${encodeURIComponent(id)}/cancel`, {
      reason,
      ...(replacedById === undefined ? {} : { replacedById }),
    });
  }
  /** Commitments from the dialogues area; empty when the caller may not read them. */
  async commitments(): Promise<CommitmentInfo[]> {
    try {
      const r = await this.#api.request<{ items: CommitmentInfo[] }>('GET', '/api/commitments');
      return r.items;
    } catch {
      return [];
    }
  }
}

/** `2026-01-28T03:00Z` style UTC text of epoch seconds. */
export function utcText(epochS: number): string {
  if (!Number.isFinite(epochS)) return '–';
  return new Date(epochS * 1000).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

/** Hours and minutes of a duration in seconds (`2:05`). */
export function hoursMinutes(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '–';
  const min = Math.round(s / 60);
  return `${Math.floor(min / 60)}:${String(min % 60).padStart(2, '0')}`;
}

export function isEditor(roles: readonly string[]): boolean {
  return roles.includes('administrator') || roles.includes('exchange_officer');
}
