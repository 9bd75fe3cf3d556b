/**
 * Typed calls of the drills API (contract: docs/domain/drills-api.md). Core drill types are reused where the
 * server returns them as they are (player view, summary, after-action report); the player never calls `/control`.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type {
  AfterActionReport,
  DeliveredInject,
  DrillSummary,
  DrillText,
  HseepRating,
  ImprovementPlan,
  Objective,
  PlayerView,
  TimelineEvent,
  UnitStatus,
} from '@tandem/core';
import { ApiError } from '../../api/api-client.ts';
import type { ApiClient } from '../../api/api-client.ts';

export type Nation = 'KR' | 'JP';
export type LonLat = [number, number];
export type Releasability = 'national' | 'bilateral' | 'public';
export type DrillStatus = 'setup' | 'running' | 'paused' | 'finished';
export type Bounds = [[number, number], [number, number]];

export interface DrillUnitInfo {
  readonly id: string;
  readonly type: string;
  readonly nation: Nation;
  readonly name: string;
  readonly platform: 'boat' | 'aircraft' | 'helicopter';
  readonly baseId: string | null;
  readonly base: LonLat;
  readonly noticeS: number;
}

/** A drill as everyone who can see it gets it (no seeds, no truth). */
export interface DrillInfo {
  readonly id: string;
  readonly title: string;
  readonly ownerNation: Nation;
  readonly releasability: Releasability;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
  readonly status: DrillStatus;
  /** Current simulated time, s from the MAYDAY relay (quantized to `stepS`). */
  readonly simS: number;
  readonly atEnd: boolean;
  /** Simulated seconds per wall second while running. */
  readonly clockFactor: number;
  readonly durationS: number;
  readonly stepS: number;
  /** Epoch s UTC of the MAYDAY relay. */
  readonly startTimeS: number;
  readonly startUtc: string;
  readonly template: {
    readonly id: string;
    readonly family: string;
    readonly name: DrillText;
    readonly difficulty: 'basic' | 'intermediate' | 'advanced';
  };
  readonly name: DrillText;
  readonly description: DrillText;
  readonly srr: Nation | null;
  readonly reportedPosition: LonLat;
  readonly objectives: readonly Objective[];
  readonly participants: readonly { name: string; role: 'controller' | 'evaluator' | 'player'; nation: Nation }[];
  readonly units: readonly DrillUnitInfo[];
  readonly actionCount: number;
  readonly finishedUtc: string | null;
}

export interface DrillTemplateInfo {
  readonly id: string;
  readonly family: string;
  readonly name: DrillText;
  readonly description: DrillText;
  readonly difficulty: 'basic' | 'intermediate' | 'advanced';
  readonly seaAreas: readonly string[];
  readonly srrNations: readonly Nation[];
  readonly durationS: number;
  readonly objects: readonly {
    id: string;
    description: DrillText;
    leewayCategory: string;
    persons: number;
    equipment: readonly string[];
  }[];
  readonly persons: number;
  readonly environment: {
    label: DrillText;
    windSpeedMps: number;
    waterTempC: number;
    visibilityM: number;
    seaHeightM: number;
    night: boolean;
  };
  readonly units: readonly { type: string; nation: Nation; name: string; platform: string; base: string | null }[];
  readonly injects: readonly { id: string; kind: string; atS: number; held: boolean }[];
  readonly objectives: readonly Objective[];
}

export interface DrillLibrary {
  readonly templates: readonly DrillTemplateInfo[];
  readonly unitTypes: readonly { id: string; nation: Nation; name: string; platform: string }[];
  readonly bases: readonly { id: string; nation: Nation; name: string; kind: 'port' | 'air-base'; lonLat: LonLat }[];
}

export interface CreateDrillRequest {
  readonly title: string;
  readonly releasability: Releasability;
  readonly template: string;
  readonly seed?: number;
  readonly truthSeed?: number;
  readonly startUtc?: string;
  readonly clockFactor?: number;
  readonly durationS?: number;
  readonly planningParticles?: number;
  readonly objectives?: readonly string[];
}

export type DrillActionInput =
  | { readonly kind: 'assign'; readonly unitId: string; readonly waypoints: readonly LonLat[] }
  | {
      readonly kind: 'plan';
      readonly areas: readonly { readonly unitId: string; readonly ring: readonly LonLat[] }[];
      readonly plannedPos?: number;
    }
  | { readonly kind: 'message'; readonly to: string; readonly text: string; readonly from?: string };

export interface StoredAction {
  readonly seq: number;
  readonly atS: number;
  readonly kind: string;
  readonly actorName: string;
  readonly actorNation: Nation;
  readonly body: unknown;
  readonly createdAt: string;
}

export interface Proposal {
  readonly atS: number;
  readonly basedOnActions: number;
  readonly actions: readonly DrillActionInput[];
  readonly plannedPos: number | null;
  readonly note: DrillText;
}

export interface Evaluation {
  readonly seq: number;
  readonly atS: number;
  readonly objectiveId: string;
  readonly rating: HseepRating;
  readonly evaluator: string;
  readonly observations: readonly { kind: 'strength' | 'area-for-improvement'; text: string }[];
  readonly createdAt: string;
}

/** What a live inject does beyond its text (`POST /api/drills/:id/injects`); weather in SI units. */
export type LiveInjectEffect =
  | { readonly kind: 'information' }
  | { readonly kind: 'unit-breakdown'; readonly unitId: string }
  | {
      readonly kind: 'weather-change';
      readonly weather: {
        readonly windSpeedMps: number;
        readonly windFromDeg: number;
        readonly visibilityM: number;
        readonly seaHeightM: number;
      };
    };

export interface ControlView {
  readonly drill: DrillInfo;
  readonly seed: number;
  readonly truthSeed: number;
  readonly atS: number;
  readonly truth: {
    readonly casualtyPosition: LonLat;
    readonly objects: readonly {
      id: string;
      description: DrillText;
      persons: number;
      releaseAtS: number;
      injectId: string | null;
      position: LonLat | null;
      track: readonly { atS: number; lonLat: LonLat }[];
      detectedAtS: number | null;
      detectedBy: string | null;
      recoveredAtS: number | null;
      recoveredBy: string | null;
    }[];
  };
  readonly pending: readonly {
    id: string;
    atS: number;
    kind: string;
    held: boolean;
    origin: string;
    text: DrillText;
  }[];
  readonly delivered: readonly DeliveredInject[];
  readonly timeline: readonly TimelineEvent[];
  readonly units: readonly {
    id: string;
    name: string;
    nation: Nation;
    platform: string;
    position: LonLat;
    status: UnitStatus;
  }[];
  readonly summarySoFar: DrillSummary;
  readonly actions: readonly StoredAction[];
  readonly evaluations: readonly Evaluation[];
}

export interface DrillReport {
  readonly drill: DrillInfo;
  readonly releasability: Releasability;
  readonly lang: 'en' | 'ko' | 'ja';
  readonly summary: DrillSummary;
  readonly report: AfterActionReport;
  readonly previousDrillId: string | null;
  readonly evaluations: readonly Evaluation[];
  readonly map: FeatureCollection<Geometry>;
  readonly bounds: Bounds;
  readonly pdfUrl: string;
}

export type TruthState = 'not-yet' | 'adrift' | 'detected' | 'recovered';

export interface ReplayFrame {
  readonly atS: number;
  readonly units: readonly { id: string; lonLat: LonLat; status: UnitStatus }[];
  readonly truth: readonly { id: string; lonLat: LonLat | null; state: TruthState }[];
  readonly detections: number;
}

export interface DrillReplay {
  readonly drillId: string;
  readonly stepS: number;
  readonly endS: number;
  readonly bounds: Bounds;
  readonly plans: readonly { atS: number; areas: readonly { unitId: string; ring: readonly LonLat[] }[] }[];
  readonly detections: readonly { atS: number; unitId: string; objectId: string; lonLat: LonLat }[];
  readonly frames: readonly ReplayFrame[];
}

export interface TrendFamily {
  readonly family: string;
  readonly name: DrillText;
  readonly points: readonly {
    drillId: string;
    title: string;
    startTimeS: number;
    detected: boolean;
    timeToFirstDetectionS: number | null;
    posAchieved: number;
    meanContainment: number;
    survivorsFraction: number;
  }[];
  readonly change: { posAchieved: number; meanContainment: number; survivorsFraction: number };
  readonly posSlopePerDrill: number;
}

const drill = (id: string, rest = ''): string => `/api/drills/${encodeURIComponent(id)}${rest}`;

/** The drills API on the app's client (session cookie and CSRF token). */
export class DrillsApi {
  readonly #api: ApiClient;
  constructor(api: ApiClient) {
    this.#api = api;
  }

  library(): Promise<DrillLibrary> {
    return this.#api.request('GET', '/api/drill-templates');
  }

  list(): Promise<{ items: DrillInfo[]; total: number }> {
    return this.#api.request('GET', '/api/drills?limit=100');
  }

  create(req: CreateDrillRequest): Promise<DrillInfo> {
    return this.#api.request('POST', '/api/drills', req);
  }

  get(id: string): Promise<DrillInfo> {
    return this.#api.request('GET', drill(id));
  }

  start(id: string, clockFactor: number): Promise<DrillInfo> {
    return this.#api.request('POST', drill(id, '/start'), { clockFactor });
  }

  pause(id: string): Promise<DrillInfo> {
    return this.#api.request('POST', drill(id, '/pause'));
  }

  resume(id: string, clockFactor: number): Promise<DrillInfo> {
    return this.#api.request('POST', drill(id, '/resume'), { clockFactor });
  }

  advance(id: string, toS: number): Promise<DrillInfo> {
    return this.#api.request('POST', drill(id, '/advance'), { toS });
  }

  finish(id: string): Promise<DrillInfo> {
    return this.#api.request('POST', drill(id, '/finish'));
  }

  /** What players see (the only drill state a player's page requests). */
  player(id: string): Promise<PlayerView> {
    return this.#api.request('GET', drill(id, '/player'));
  }

  /** Controllers and evaluators only (the truth): never called from the player view. */
  control(id: string): Promise<ControlView> {
    return this.#api.request('GET', drill(id, '/control'));
  }

  actions(
    id: string,
    actions: readonly DrillActionInput[],
  ): Promise<{ atS: number; actions: StoredAction[]; player: PlayerView }> {
    return this.#api.request('POST', drill(id, '/actions'), { actions });
  }

  proposal(id: string): Promise<Proposal> {
    return this.#api.request('POST', drill(id, '/proposal'));
  }

  /** A live inject; `effect` makes it a unit breakdown or weather change (SI weather), else information only. */
  liveInject(id: string, text: DrillText, effect?: LiveInjectEffect): Promise<{ id: string; atS: number }> {
    return this.#api.request('POST', drill(id, '/injects'), { text, ...effect });
  }

  releaseInject(id: string, injectId: string): Promise<{ id: string; atS: number }> {
    return this.#api.request('POST', drill(id, '/injects/release'), { injectId });
  }

  evaluate(
    id: string,
    e: { objectiveId: string; rating: HseepRating; observations: Evaluation['observations'] },
  ): Promise<Evaluation> {
    return this.#api.request('POST', drill(id, '/evaluations'), e);
  }

  report(id: string, lang: string): Promise<DrillReport> {
    return this.#api.request('GET', drill(id, `/report?lang=${encodeURIComponent(lang)}`));
  }

  /** The PDF URL of the report in a language (a same-origin download; the session cookie goes with it). */
  pdfUrl(id: string, lang: string): string {
    return drill(id, `/report.pdf?lang=${encodeURIComponent(lang)}`);
  }

  /** The report as a PDF (printed by the server's Chromium); errors carry the API's message. */
  async pdf(id: string, lang: string): Promise<Blob> {
    const res = await fetch(this.pdfUrl(id, lang), { credentials: 'same-origin' });
    if (!res.ok) {
      const text = await res.text();
      let e: { code?: string; message?: string; field?: string } | undefined;
      try {
        e = (JSON.parse(text) as { error?: typeof e }).error;
      } catch {
        e = undefined;
      }
      throw new ApiError(res.status, e?.code ?? 'HTTP', e?.message ?? res.statusText, e?.field);
    }
    return res.blob();
  }

  closeAction(id: string, actionId: string, note: string): Promise<{ improvementPlan: ImprovementPlan }> {
    return this.#api.request('POST', drill(id, '/corrective-actions/close'), { actionId, note });
  }

  replay(id: string, stepS = 300): Promise<DrillReplay> {
    return this.#api.request('GET', drill(id, `/replay?stepS=${stepS}`));
  }

  trends(): Promise<{ families: TrendFamily[] }> {
    return this.#api.request('GET', '/api/drill-trends');
  }
}
