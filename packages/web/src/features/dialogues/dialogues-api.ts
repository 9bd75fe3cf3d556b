/** Typed calls of the dialogues API (routes/dialogue-routes.ts on the server). */
import type { ApiClient } from '../../api/api-client.ts';

export interface Text {
  readonly en: string;
  readonly ko: string;
  readonly ja: string;
}
export type Side = 'KR' | 'JP';
export type Label = 'national' | 'bilateral' | 'public';

export interface Evidence {
  readonly kind: string;
  readonly reference: string;
  readonly description?: string;
  readonly recordedUtc: number;
}

export interface RecordMeta {
  readonly id: string;
  readonly title: string;
  readonly ownerNation: Side;
  readonly releasability: Label;
  readonly body: unknown;
}

export interface ActionItem {
  readonly id: string;
  readonly sessionId: string;
  readonly title: Text;
  readonly owners: Readonly<Record<Side, { readonly name: string; readonly organisation: string }>>;
  readonly dueUtc: number;
  readonly status: 'open' | 'done' | 'dropped';
  readonly completedUtc?: number;
  readonly evidence: readonly Evidence[];
  readonly sides?: Readonly<
    Partial<
      Record<Side, { readonly completedUtc: number; readonly by: string; readonly evidence: readonly Evidence[] }>
    >
  >;
}

export interface ActionItemView {
  readonly record: RecordMeta;
  readonly item: ActionItem;
  readonly overdue: boolean;
}

export interface Participant {
  readonly name: string;
  readonly organisation: string;
  readonly side: Side | 'observer';
  readonly role: 'co-chair' | 'delegate' | 'expert' | 'secretariat' | 'observer';
}

export interface Session {
  readonly id: string;
  readonly seriesId: string;
  readonly title: Text;
  readonly startUtc: number;
  readonly endUtc: number;
  readonly location: Text;
  readonly agenda: readonly { readonly id: string; readonly title: Text; readonly presenterSide?: Side }[];
  readonly participants: readonly Participant[];
  readonly decisions: readonly { readonly id: string; readonly agendaItemId?: string; readonly text: Text }[];
  readonly minutes: readonly Evidence[];
}

export interface SessionView {
  readonly record: RecordMeta;
  readonly session: Session;
  readonly seriesTitle: Text | null;
  readonly actionItems: readonly ActionItemView[];
}

export interface SeriesRecord extends RecordMeta {
  readonly body: { readonly id: string; readonly title: Text; readonly area: string; readonly cadenceDays?: number };
}

export interface NewSession {
  readonly seriesId: string;
  readonly title: string;
  readonly startUtc: number;
  readonly endUtc: number;
  readonly location: string;
  readonly releasability: Label;
  readonly agenda: readonly { readonly title: string }[];
  readonly participants: readonly Participant[];
  readonly decisions: readonly { readonly text: string }[];
  readonly actionItems: readonly {
    readonly title: string;
    readonly owners: Record<Side, { name: string; organisation: string }>;
    readonly dueUtc: number;
  }[];
  readonly minutes?: readonly { readonly reference: string; readonly kind: 'minutes' }[];
  readonly commitmentIds?: readonly string[];
}

export interface CommitmentInfo {
  readonly id: string;
  readonly area: string;
  readonly title: Text;
  readonly source: string;
}

export interface RegisterEntry {
  readonly recordId: string;
  readonly entry: {
    readonly id: string;
    readonly feature: Text;
    readonly description: Text;
    readonly intendedUses: readonly Text[];
    readonly excludedUses: readonly Text[];
    readonly inputs: readonly Text[];
    readonly validationEvidence: readonly Evidence[];
    readonly humanApproval: { readonly approverRole: string; readonly description: Text };
    readonly nato: Readonly<Record<string, Text>>;
    readonly reaim: Readonly<Record<string, Text>>;
    readonly politicalDeclaration: Readonly<Record<string, Text>>;
  };
  readonly gaps: readonly { readonly field: string; readonly message: Text }[];
  readonly switch: {
    readonly enabled: boolean;
    readonly reason: string | null;
    readonly updatedBy: string | null;
    readonly updatedNation: string | null;
    readonly updatedAt: string | null;
  };
}

export interface Register {
  readonly items: readonly RegisterEntry[];
  readonly frameworks: Readonly<
    Record<
      'nato' | 'reaim' | 'politicalDeclaration',
      { readonly source: string; readonly items: Readonly<Record<string, Text>> }
    >
  >;
}

export class DialoguesApi {
  readonly #api: ApiClient;
  constructor(api: ApiClient) {
    this.#api = api;
  }
  series() {
    return this.#api.request<{ items: SeriesRecord[] }>('GET', '/api/dialogue-series').then((r) => r.items);
  }
  createSeries(title: string, releasability: Label) {
    return this.#api.request<RecordMeta>('POST', '/api/dialogue-series', {
      title,
      area: 'artificial-intelligence',
      releasability,
    });
  }
  sessions() {
    return this.#api.request<{ items: SessionView[] }>('GET', '/api/dialogue-sessions').then((r) => r.items);
  }
  session(id: string) {
    return this.#api.request<SessionView>('GET', `/api/dialogue-sessions/${encodeURIComponent(id)}`);
  }
  createSession(s: NewSession) {
    return this.#api.request<SessionView>('POST', '/api/dialogue-sessions', s);
  }
  addMinutes(id: string, reference: string) {
    return this.#api.request<RecordMeta>('POST', `/api/dialogue-sessions/${encodeURIComponent(id)}/minutes`, {
      minutes: [{ kind: 'minutes', reference }],
    });
  }
  setReleasability(id: string, releasability: Label, reason: string) {
    return this.#api.request<SessionView>('POST', `/api/dialogue-sessions/${encodeURIComponent(id)}/releasability`, {
      releasability,
      reason,
    });
  }
  overdue() {
    return this.#api.request<{ items: ActionItemView[] }>('GET', '/api/action-items/overdue').then((r) => r.items);
  }
  completeSide(itemId: string, reference: string) {
    return this.#api.request<ActionItemView>('POST', `/api/action-items/${encodeURIComponent(itemId)}/complete-side`, {
      evidence: [{ reference }],
    });
  }
  commitments() {
    return this.#api.request<{ items: CommitmentInfo[] }>('GET', '/api/commitments').then((r) => r.items);
  }
  register() {
    return this.#api.request<Register>('GET', '/api/ai-register');
  }
  setSwitch(recordId: string, enabled: boolean, reason: string) {
    return this.#api.request<RegisterEntry>('POST', `/api/ai-register/${encodeURIComponent(recordId)}/switch`, {
      enabled,
      reason,
    });
  }
}

export function textIn(t: Text | null | undefined, lang: string): string {
  if (t === null || t === undefined) return '';
  return (lang === 'ko' ? t.ko : lang === 'ja' ? t.ja : t.en) || t.en;
}

/** Epoch seconds → `YYYY-MM-DD` (UTC). */
export function utcDate(s: number): string {
  return new Date(s * 1000).toISOString().slice(0, 10);
}

/** Epoch seconds → `YYYY-MM-DD HH:MMZ`. */
export function utcDateTime(s: number): string {
  return `${new Date(s * 1000).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}
