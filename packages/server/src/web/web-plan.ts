/**
 * The web app's search planning: a drift run's cloud at a time, the chosen units of both nations from their
 * bases, then core's planner (`planSearch`, `sar-method.md` §3–§5) and the outputs SEARCH writes for the CLI
 * (GPX per unit, KML, GeoJSON, search action message and SITREP in en/ko/ja). With the tracks actually run, the
 * cloud's weights are updated (Bayes, after an unsuccessful search) and the next search is planned on them.
 */
import {
  applyLegsToMiss,
  bayesUpdate,
  cloudFromDriftRun,
  formatUtcTime,
  parsePlanDocument,
  planSearch,
  positionsAtTime,
  SEARCH_BASES,
  TandemError,
} from '@tandem/core';
import type { LonLat, ParticleCloud, PlanResult, TrajectorySet } from '@tandem/core';
import {
  MESSAGE_LANGUAGES,
  parseRunTracks,
  planToGeoJson,
  planToKml,
  sarSitrep,
  searchActionMessage,
  trackFormatOf,
  unitToGpx,
} from '@tandem/formats';
import type { MessageInfo } from '@tandem/formats';

export interface WebPlanUnit {
  readonly id: string;
  readonly nation: 'KR' | 'JP';
  /** Unit type id from the catalogue (`SEARCH_UNIT_TYPES`). */
  readonly type: string;
  /** Base id from `SEARCH_BASES`. */
  readonly baseId: string;
}

export interface WebPlanRequest {
  readonly driftRunId: string;
  /** ISO 8601 UTC time of the probability map (the search start). */
  readonly atTime: string;
  readonly units: readonly WebPlanUnit[];
  /** Sweep-width table object (`sweepWidthObjects()`), e.g. "Raft 6 person"; needed unless units give sweep widths. */
  readonly searchObject?: string;
  /** Time each unit has for its sortie (transit out, search, transit back), hours; default its type's endurance. */
  readonly sortieHours?: number;
  readonly windSpeedMps?: number;
  readonly visibilityM?: number;
  readonly tracks?: readonly { readonly fileName: string; readonly text: string }[];
  readonly casualty?: string;
}

export interface WebPlanView {
  readonly pos: number;
  readonly upperBoundPos: number;
  readonly startTime: string;
  readonly units: readonly {
    readonly id: string;
    readonly nation: 'KR' | 'JP';
    readonly name: string;
    readonly pattern: string | null;
    readonly pod: number;
    readonly pos: number;
    readonly poc: number;
    readonly trackLengthM: number;
    readonly trackSpacingM: number;
    readonly withinEndurance: boolean;
    readonly waypoints: readonly LonLat[];
    readonly area: readonly LonLat[];
    readonly base: LonLat;
    readonly intercept: { readonly lon: number; readonly lat: number; readonly time: string } | null;
  }[];
  /** The probability cloud (heat map): positions and weights summing to 1. */
  readonly cloud: { readonly lon: number[]; readonly lat: number[]; readonly weight: number[] };
  readonly files: {
    readonly gpx: Readonly<Record<string, string>>;
    readonly kml: string;
    readonly geojson: string;
    readonly messages: Readonly<Record<string, { readonly searchAction: string; readonly sitrep: string }>>;
  };
  readonly warnings: readonly string[];
}

export interface WebPlanResponse {
  readonly plan: WebPlanView;
  /** After tracks: the POS the tracks achieved, and the next search planned on the updated map. */
  readonly afterSearch: { readonly tracks: number; readonly pos: number; readonly next: WebPlanView } | null;
  /** The plan document given to core (stored in the plan record). */
  readonly document: unknown;
}

const round = (x: number, d: number): number => Number(x.toFixed(d));

function planDocument(req: WebPlanRequest): unknown {
  return {
    name: 'web plan',
    probability: { driftRun: req.driftRunId, atTime: req.atTime },
    ...(req.searchObject === undefined ? {} : { searchObject: req.searchObject }),
    conditions: {
      ...(req.windSpeedMps === undefined ? {} : { windSpeedMps: req.windSpeedMps }),
      ...(req.visibilityM === undefined ? {} : { visibilityM: req.visibilityM }),
    },
    units: req.units.map((u, k) => {
      const base = SEARCH_BASES.find((b) => b.id === u.baseId);
      if (base === undefined)
        throw new TandemError('INVALID_INPUT', `unknown base "${u.baseId}"`, `units[${k}].baseId`);
      return {
        id: u.id,
        nation: u.nation,
        type: u.type,
        base: [base.lonDeg, base.latDeg],
        ...(req.sortieHours === undefined ? {} : { enduranceS: req.sortieHours * 3600 }),
      };
    }),
    mode: 'optimize',
    driftCompensation: true,
    grid: { nx: 120, ny: 120 },
    messages: { coordinator: 'RCC', ...(req.casualty === undefined ? {} : { casualty: req.casualty }) },
  };
}

function view(
  plan: PlanResult,
  cloud: ParticleCloud,
  lonLat: { lonDeg: Float64Array; latDeg: Float64Array },
  info: MessageInfo,
): WebPlanView {
  const lon: number[] = [];
  const lat: number[] = [];
  const weight: number[] = [];
  let k = 0;
  for (let i = 0; i < lonLat.lonDeg.length; i++) {
    const x = lonLat.lonDeg[i] as number;
    const y = lonLat.latDeg[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    lon.push(round(x, 5));
    lat.push(round(y, 5));
    weight.push(cloud.weight[k] ?? 0);
    k++;
  }
  const gpx: Record<string, string> = {};
  for (const u of plan.units) if (u.waypoints.length > 0) gpx[u.id] = unitToGpx(plan, u);
  const messages: Record<string, { searchAction: string; sitrep: string }> = {};
  for (const lang of MESSAGE_LANGUAGES) {
    messages[lang] = { searchAction: searchActionMessage(plan, lang, info), sitrep: sarSitrep(plan, lang, info) };
  }
  return {
    pos: plan.pos,
    upperBoundPos: plan.upperBoundPos,
    startTime: formatUtcTime(plan.startTimeS),
    units: plan.units.map((u) => ({
      id: u.id,
      nation: u.nation,
      name: u.name,
      pattern: u.pattern?.kind ?? null,
      pod: u.pod,
      pos: u.pos,
      poc: u.poc,
      trackLengthM: u.trackLengthM,
      trackSpacingM: u.trackSpacingM,
      withinEndurance: u.withinEndurance,
      waypoints: u.waypoints,
      area: u.area,
      base: u.base,
      intercept:
        u.intercept === undefined
          ? null
          : { lon: u.intercept.lonDeg, lat: u.intercept.latDeg, time: formatUtcTime(u.intercept.timeS) },
    })),
    cloud: { lon, lat, weight },
    files: { gpx, kml: planToKml(plan), geojson: JSON.stringify(planToGeoJson(plan)), messages },
    warnings: plan.warnings,
  };
}

/** Plan the search on a drift run's trajectories; with tracks, also the Bayesian update and the next plan. */
export function planFromDriftRun(set: TrajectorySet, req: WebPlanRequest): WebPlanResponse {
  const document = planDocument(req);
  const doc = parsePlanDocument(document);
  if (doc.probability.kind !== 'driftRun') throw new TandemError('INTERNAL', 'plan document is not a drift run');
  const atTimeS = doc.probability.atTimeS;
  const { cloud, meanDrift } = cloudFromDriftRun(set, atTimeS, set.weight);
  const positions = positionsAtTime(set, atTimeS);
  const plan = planSearch(doc, cloud, meanDrift);
  const datum: LonLat = [plan.projection.centerLonDeg, plan.projection.centerLatDeg];
  const info = (sitrepNumber: number): MessageInfo => ({
    from: doc.coordinator ?? 'RCC',
    to: plan.units.map((u) => u.id),
    timeS: plan.startTimeS,
    sitrepNumber,
    datum,
    ...(doc.casualty === undefined ? {} : { casualty: doc.casualty }),
  });
  const first = view(plan, cloud, positions, info(1));
  if (req.tracks === undefined || req.tracks.length === 0) return { plan: first, afterSearch: null, document };

  const miss = new Float64Array(cloud.xM.length).fill(1);
  let count = 0;
  for (const f of req.tracks) {
    for (const t of parseRunTracks(f.text, trackFormatOf(f.fileName), f.fileName)) {
      const unit = plan.units.find((u) => u.id === t.unitId);
      if (unit === undefined) {
        throw new TandemError('INVALID_INPUT', `track "${t.unitId}" names no unit of the plan`, `tracks ${f.fileName}`);
      }
      const legs = new Float64Array(Math.max(0, t.points.length - 1) * 4);
      for (let k = 0; k + 1 < t.points.length; k++) {
        const a = cloud.projection.forward((t.points[k] as LonLat)[0], (t.points[k] as LonLat)[1]);
        const b = cloud.projection.forward((t.points[k + 1] as LonLat)[0], (t.points[k + 1] as LonLat)[1]);
        legs.set([a[0], a[1], b[0], b[1]], 4 * k);
      }
      applyLegsToMiss(cloud.xM, cloud.yM, legs, unit.sweepWidthM, doc.sensor, miss, plan.grid);
      count++;
    }
  }
  if (count === 0) throw new TandemError('INVALID_INPUT', 'the uploaded files hold no track', 'tracks');
  const updated = bayesUpdate(cloud.weight, miss);
  const posterior: ParticleCloud = { ...cloud, weight: updated.weight };
  const next = planSearch(doc, posterior, meanDrift);
  return {
    plan: first,
    afterSearch: { tracks: count, pos: updated.pos, next: view(next, posterior, positions, info(2)) },
    document,
  };
}

/** Body of the plan record a planning result is stored as (the sync route's `save` and the `plan` job). */
export function planRecordBody(result: WebPlanResponse): Record<string, unknown> {
  const summary = (v: WebPlanView): unknown => ({
    pos: v.pos,
    units: v.units.map((u) => ({ id: u.id, nation: u.nation, pattern: u.pattern, pod: u.pod, pos: u.pos })),
  });
  return {
    document: result.document,
    summary: summary(result.plan),
    ...(result.afterSearch === null
      ? {}
      : {
          afterSearch: {
            tracks: result.afterSearch.tracks,
            pos: result.afterSearch.pos,
            next: summary(result.afterSearch.next),
          },
        }),
  };
}
