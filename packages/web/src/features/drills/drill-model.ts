/**
 * View models of the drill pages: pure functions from the drill API's JSON (core drill types) to what the pages
 * draw — map features (styled by the overlay map's `color`, `width`, `dashed`, `radius`, `opacity` properties),
 * chart series, timeline lanes, texts in the current language, and the role-dependent views. No numerics beyond
 * picking, tagging and unit conversion at the edge (core/units).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import {
  knotsToMetersPerSecond,
  metersPerSecondToKnots,
  metersToNauticalMiles,
  nauticalMilesToMeters,
} from '@tandem/core';
import type {
  DrillSummary,
  DrillText,
  FamilyTrend,
  HseepRating,
  ObjectiveMetric,
  PlayerView,
  TimelineEvent,
} from '@tandem/core';
import { unitColor } from '../../map/case-layers.ts';
import type { LiveInjectEffect } from './drills-api.ts';

export type DrillLang = 'en' | 'ko' | 'ja';

/** Colours of the layers that are not units (units take `unitColor` by their index in the drill). */
export const DRILL_COLORS = {
  datum: '#b91c1c',
  sighting: '#ea580c',
  truth: '#111827',
  proposal: '#2563eb',
  detection: '#16a34a',
} as const;

/** The page's language as a drill text key (i18next may report a region, e.g. `ko-KR`). */
export function drillLang(language: string): DrillLang {
  const l = language.slice(0, 2);
  return l === 'ko' || l === 'ja' ? l : 'en';
}

/** A three-language drill text in the current language (English when the language's text is empty). */
export function localized(text: DrillText | undefined, language: string): string {
  if (text === undefined) return '';
  const s = text[drillLang(language)];
  return s === '' ? text.en : s;
}

/** Simulated time as `T+h:mm:ss` from the drill start (the MAYDAY relay); negative before it. */
export function formatSimTime(atS: number): string {
  const sign = atS < 0 ? '−' : '+';
  const s = Math.round(Math.abs(atS));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `T${sign}${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/** The UTC instant of a simulated time, ISO 8601. */
export function simIso(startTimeS: number, atS: number): string {
  return new Date((startTimeS + atS) * 1000).toISOString();
}

/** `YYYY-MM-DD hh:mmZ` of a simulated time. */
export function simUtc(startTimeS: number, atS: number): string {
  return `${simIso(startTimeS, atS).slice(0, 16).replace('T', ' ')}Z`;
}

/** A datetime-local input value (UTC) from an ISO instant, and back. */
export function isoToInputUtc(iso: string): string {
  return iso.slice(0, 16);
}

export function inputUtcToIso(value: string): string | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(value)) return undefined;
  const ms = Date.parse(`${value}:00Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z');
}

export type DrillTab = 'control' | 'play' | 'evaluate' | 'report';

/** Roles of the server (auth/roles.ts) that open each view of a drill. */
const TAB_ROLES: Readonly<Record<DrillTab, readonly string[]>> = {
  control: ['administrator', 'exercise_controller'],
  play: ['sar_planner', 'administrator', 'exercise_controller'],
  evaluate: ['evaluator', 'administrator', 'exercise_controller'],
  report: ['administrator', 'sar_planner', 'exercise_controller', 'evaluator', 'observer', 'viewer'],
};

/** The views of a drill the user's roles open, in the order of the tabs. */
export function drillTabs(roles: readonly string[], finished: boolean): DrillTab[] {
  const tabs: DrillTab[] = ['control', 'play', 'evaluate', 'report'];
  return tabs.filter((t) => TAB_ROLES[t].some((r) => roles.includes(r)) && (t !== 'report' || finished));
}

/** The view a drill opens on: the user's own role first (player, evaluator, controller), the report when finished. */
export function defaultTab(roles: readonly string[], finished: boolean): DrillTab | undefined {
  const tabs = drillTabs(roles, finished);
  if (finished && tabs.includes('report') && !roles.includes('evaluator')) return 'report';
  if (roles.includes('sar_planner') && tabs.includes('play')) return 'play';
  if (roles.includes('evaluator') && tabs.includes('evaluate')) return 'evaluate';
  return tabs[0];
}

export function canControl(roles: readonly string[]): boolean {
  return TAB_ROLES.control.some((r) => roles.includes(r));
}

type Props = Record<string, string | number | boolean>;

function point(lonLat: readonly number[], props: Props): Feature<Geometry, Props> {
  return { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [...lonLat] } };
}

function line(coords: readonly (readonly number[])[], props: Props): Feature<Geometry, Props> {
  return {
    type: 'Feature',
    properties: props,
    geometry: { type: 'LineString', coordinates: coords.map((c) => [...c]) },
  };
}

function polygon(ring: readonly (readonly number[])[], props: Props): Feature<Geometry, Props> {
  return { type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [ring.map((c) => [...c])] } };
}

/** Colour of a unit: by its index among the drill's units (stable across views). */
export function unitColorOf(unitIds: readonly string[], unitId: string): string {
  const k = unitIds.indexOf(unitId);
  return k < 0 ? '#6b7280' : unitColor(k);
}

/** A circle of `radiusM` around a position as a closed ring (equirectangular, fine at drill scales). */
export function circleRing(lonDeg: number, latDeg: number, radiusM: number, n = 48): [number, number][] {
  const ring: [number, number][] = [];
  const dLat = radiusM / 111_320;
  const dLon = dLat / Math.max(0.01, Math.cos((latDeg * Math.PI) / 180));
  for (let k = 0; k <= n; k++) {
    const a = (2 * Math.PI * k) / n;
    ring.push([lonDeg + dLon * Math.cos(a), latDeg + dLat * Math.sin(a)]);
  }
  return ring;
}

export interface PlannedAreas {
  readonly areas: readonly { readonly unitId: string; readonly ring: readonly (readonly number[])[] }[];
}

export interface UnitTrack {
  readonly unitId: string;
  readonly points: readonly (readonly number[])[];
}

/**
 * What players see on the map: reported positions (MAYDAY, sightings) with their error circles, unit bases and
 * positions, the latest plan's areas (solid), a proposal's areas and routes (dashed), unit tracks and detections.
 */
export function playerMapData(
  view: PlayerView,
  extra: {
    readonly proposal?: { readonly areas: PlannedAreas['areas']; readonly routes: readonly UnitTrack[] } | undefined;
    readonly tracks?: readonly UnitTrack[] | undefined;
  } = {},
): FeatureCollection<Geometry, Props> {
  const ids = view.units.map((u) => u.id);
  const features: Feature<Geometry, Props>[] = [];
  const plan = view.plans[view.plans.length - 1];
  for (const a of plan?.areas ?? [])
    features.push(
      polygon(a.ring, { layer: 'plan', unitId: a.unitId, color: unitColorOf(ids, a.unitId), opacity: 0.15, width: 2 }),
    );
  for (const a of extra.proposal?.areas ?? [])
    features.push(
      polygon(a.ring, {
        layer: 'proposal',
        unitId: a.unitId,
        color: DRILL_COLORS.proposal,
        opacity: 0.08,
        width: 2,
        dashed: true,
      }),
    );
  for (const r of extra.proposal?.routes ?? [])
    if (r.points.length >= 2)
      features.push(
        line(r.points, {
          layer: 'proposal-route',
          unitId: r.unitId,
          color: DRILL_COLORS.proposal,
          width: 1,
          dashed: true,
        }),
      );
  for (const tr of extra.tracks ?? [])
    if (tr.points.length >= 2)
      features.push(
        line(tr.points, { layer: 'track', unitId: tr.unitId, color: unitColorOf(ids, tr.unitId), width: 2 }),
      );
  for (const inj of view.injects) {
    const p = inj.position;
    if (p === undefined) continue;
    const color = inj.kind === 'mayday-relay' ? DRILL_COLORS.datum : DRILL_COLORS.sighting;
    if (p.errorM > 0)
      features.push(
        polygon(circleRing(p.lonDeg, p.latDeg, p.errorM), {
          layer: 'error',
          color,
          opacity: 0.05,
          width: 1,
          dashed: true,
        }),
      );
    features.push(point([p.lonDeg, p.latDeg], { layer: inj.kind, injectId: inj.id, color, radius: 6 }));
  }
  for (const d of view.detections)
    features.push(
      point([d.lonDeg, d.latDeg], { layer: 'detection', unitId: d.unitId, color: DRILL_COLORS.detection, radius: 7 }),
    );
  for (const u of view.units) {
    const color = unitColorOf(ids, u.id);
    features.push(point(u.base, { layer: 'base', unitId: u.id, color, radius: 3, opacity: 0.5 }));
    if (u.status !== 'at-base') features.push(point(u.position, { layer: 'unit', unitId: u.id, color, radius: 5 }));
  }
  return { type: 'FeatureCollection', features };
}

/** A truth object on the controller's map or in a replay frame: its track so far and where it is. */
export interface TruthMark {
  readonly id: string;
  readonly lonLat: readonly number[];
  readonly track?: readonly (readonly number[])[];
}

/** Truth features (controllers only; never built in a player's view). */
export function truthFeatures(truth: readonly TruthMark[]): Feature<Geometry, Props>[] {
  const features: Feature<Geometry, Props>[] = [];
  for (const o of truth) {
    if (o.track !== undefined && o.track.length >= 2)
      features.push(
        line(o.track, { layer: 'truth-track', objectId: o.id, color: DRILL_COLORS.truth, width: 2, dashed: true }),
      );
    features.push(point(o.lonLat, { layer: 'truth', objectId: o.id, color: DRILL_COLORS.truth, radius: 6 }));
  }
  return features;
}

/** A replay frame on the map: areas of the plan in force, unit trails and positions, the truth, detections so far. */
export function replayFrameData(
  replay: {
    readonly plans: readonly { readonly atS: number; readonly areas: PlannedAreas['areas'] }[];
    readonly detections: readonly {
      readonly atS: number;
      readonly unitId: string;
      readonly lonLat: readonly number[];
    }[];
  },
  frame: {
    readonly atS: number;
    readonly units: readonly { readonly id: string; readonly lonLat: readonly number[]; readonly status: string }[];
    readonly truth: readonly {
      readonly id: string;
      readonly lonLat: readonly number[] | null;
      readonly state: string;
    }[];
  },
  unitIds: readonly string[],
  trails: ReadonlyMap<string, readonly (readonly number[])[]> = new Map(),
): FeatureCollection<Geometry, Props> {
  const features: Feature<Geometry, Props>[] = [];
  const plan = replay.plans.filter((p) => p.atS <= frame.atS).at(-1);
  for (const a of plan?.areas ?? [])
    features.push(
      polygon(a.ring, {
        layer: 'plan',
        unitId: a.unitId,
        color: unitColorOf(unitIds, a.unitId),
        opacity: 0.12,
        width: 2,
      }),
    );
  for (const [unitId, pts] of trails)
    if (pts.length >= 2)
      features.push(line(pts, { layer: 'track', unitId, color: unitColorOf(unitIds, unitId), width: 2 }));
  for (const u of frame.units)
    if (u.status !== 'at-base')
      features.push(point(u.lonLat, { layer: 'unit', unitId: u.id, color: unitColorOf(unitIds, u.id), radius: 5 }));
  for (const o of frame.truth)
    if (o.lonLat !== null && o.state !== 'not-yet')
      features.push(
        point(o.lonLat, {
          layer: 'truth',
          objectId: o.id,
          color: DRILL_COLORS.truth,
          radius: o.state === 'recovered' ? 3 : 6,
        }),
      );
  for (const d of replay.detections)
    if (d.atS <= frame.atS)
      features.push(
        point(d.lonLat, { layer: 'detection', unitId: d.unitId, color: DRILL_COLORS.detection, radius: 7 }),
      );
  return { type: 'FeatureCollection', features };
}

/** Unit trails of a replay up to frame `k` (positions while away from base). */
export function replayTrails(
  frames: readonly {
    readonly units: readonly { readonly id: string; readonly lonLat: readonly number[]; readonly status: string }[];
  }[],
  k: number,
): Map<string, (readonly number[])[]> {
  const trails = new Map<string, (readonly number[])[]>();
  for (let i = 0; i <= Math.min(k, frames.length - 1); i++) {
    for (const u of frames[i]?.units ?? []) {
      if (u.status === 'at-base') continue;
      const list = trails.get(u.id) ?? [];
      list.push(u.lonLat);
      trails.set(u.id, list);
    }
  }
  return trails;
}

/** A proposal's actions split for the map and the list: plan areas, unit routes (assign waypoints), messages. */
export function proposalParts(actions: readonly ProposalAction[]): {
  areas: PlannedAreas['areas'];
  routes: UnitTrack[];
  messages: { to: string; text: string }[];
} {
  const areas: PlannedAreas['areas'][number][] = [];
  const routes: UnitTrack[] = [];
  const messages: { to: string; text: string }[] = [];
  for (const a of actions) {
    if (a.kind === 'plan') areas.push(...a.areas);
    else if (a.kind === 'assign') routes.push({ unitId: a.unitId, points: a.waypoints });
    else messages.push({ to: a.to, text: a.text });
  }
  return { areas, routes, messages };
}

export type ProposalAction =
  | { readonly kind: 'assign'; readonly unitId: string; readonly waypoints: readonly (readonly number[])[] }
  | { readonly kind: 'plan'; readonly areas: PlannedAreas['areas'] }
  | { readonly kind: 'message'; readonly to: string; readonly text: string };

/** Bounds `[[west, south], [east, north]]` of every coordinate of the features, padded by `padDeg`. */
export function featureBounds(fc: FeatureCollection, padDeg = 0.1): [[number, number], [number, number]] | undefined {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1]);
      n = Math.max(n, c[1]);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  for (const f of fc.features) if (f.geometry !== null && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  if (!Number.isFinite(w)) return undefined;
  return [
    [w - padDeg, s - padDeg],
    [e + padDeg, n + padDeg],
  ];
}

/** Containment over time as one LineChart series: x hours from the drill start, y percent. */
export function containmentSeries(
  summary: Pick<DrillSummary, 'containment'>,
  label: string,
): {
  label: string;
  points: { x: number; y: number }[];
} {
  return { label, points: summary.containment.map((c) => ({ x: c.atS / 3600, y: c.fraction * 100 })) };
}

/** The headline figures of a summary as label keys and shown values (percent, minutes, counts). */
export function summaryFigures(s: DrillSummary): { key: string; value: string }[] {
  const minutes = (v: number | null): string => (v === null ? '—' : `${Math.round(v / 60)} min`);
  return [
    { key: 'detected', value: s.detected ? '✓' : '✗' },
    { key: 'timeToFirstDetection', value: minutes(s.timeToFirstDetectionS) },
    { key: 'timeToFirstUnitOnScene', value: minutes(s.timeToFirstUnitOnSceneS) },
    { key: 'posAchieved', value: `${(s.posAchieved * 100).toFixed(1)} %` },
    { key: 'meanContainment', value: `${(s.meanContainment * 100).toFixed(1)} %` },
    { key: 'survivors', value: `${s.survivorsRecovered} / ${s.survivorsTotal}` },
    { key: 'messagesSent', value: String(s.messagesSent) },
    { key: 'plansMade', value: String(s.plansMade) },
  ];
}

/** Lane of a timeline event: injects, units, plans and messages, detections and recoveries, other. */
export function timelineLane(kind: string): 'injects' | 'units' | 'plans' | 'outcomes' | 'other' {
  if (/inject|mayday|sighting|weather|breakdown|casualty|hand-over|information/.test(kind)) return 'injects';
  if (/detect|recover|rescuer|surviv|lost/.test(kind)) return 'outcomes';
  if (/plan|message|sitrep/.test(kind)) return 'plans';
  if (/unit|depart|arriv|search|transit|return|task|base/.test(kind)) return 'units';
  return 'other';
}

const LANE_ORDER = ['injects', 'plans', 'units', 'outcomes', 'other'] as const;

/**
 * The chart's time axis for a drill: drill seconds → UTC ms on the drill clock, the domain [start, end] of the
 * drill for TimelineChart, and labels in UTC (hh:mmZ).
 */
export function timelineAxis(
  startTimeS: number,
  durationS: number,
): {
  toMs: (atS: number) => number;
  domain: readonly [number, number];
  format: (ms: number) => string;
} {
  const toMs = (atS: number) => (startTimeS + atS) * 1000;
  return {
    toMs,
    domain: [toMs(0), toMs(Math.max(durationS, 60))],
    format: (ms) => simUtc(startTimeS, ms / 1000 - startTimeS).slice(11),
  };
}

/** TimelineChart lanes of timeline events on a drill's axis, labelled by `laneLabel`; state `done` (it happened). */
export function timelineLanes(
  events: readonly TimelineEvent[],
  axis: { readonly toMs: (atS: number) => number },
  language: string,
  laneLabel: (lane: (typeof LANE_ORDER)[number]) => string,
): { label: string; items: { startMs: number; label: string; state: string }[] }[] {
  return LANE_ORDER.map((lane) => ({
    label: laneLabel(lane),
    items: events
      .filter((e) => timelineLane(e.kind) === lane)
      .map((e) => ({ startMs: axis.toMs(e.atS), label: localized(e.text, language), state: 'done' })),
  })).filter((l) => l.items.length > 0);
}

/** LineChart series of a scenario family's trend: POS achieved, mean containment and survivors, percent per drill. */
export function trendSeries(
  trend: {
    readonly points: readonly Pick<
      FamilyTrend['points'][number],
      'posAchieved' | 'meanContainment' | 'survivorsFraction'
    >[];
  },
  labels: { pos: string; containment: string; survivors: string },
): { label: string; points: { x: number; y: number }[] }[] {
  const pts = trend.points;
  return [
    { label: labels.pos, points: pts.map((p, k) => ({ x: k + 1, y: p.posAchieved * 100 })) },
    { label: labels.containment, points: pts.map((p, k) => ({ x: k + 1, y: p.meanContainment * 100 })) },
    { label: labels.survivors, points: pts.map((p, k) => ({ x: k + 1, y: p.survivorsFraction * 100 })) },
  ];
}

/** HSEEP ratings worst-last with their label in the current language. */
export function ratingOptions(
  labels: Readonly<Record<HseepRating, DrillText>>,
  language: string,
): { value: HseepRating; label: string }[] {
  return (['P', 'S', 'M', 'U'] as const).map((r) => ({ value: r, label: `${r} — ${localized(labels[r], language)}` }));
}

/** A distance in metres as nautical miles for display (one decimal). */
export function nm(m: number): string {
  return `${metersToNauticalMiles(m).toFixed(1)} NM`;
}

/** Wind as shown to players: knots from degrees true. */
export function windText(speedMps: number, fromDeg: number): string {
  return `${metersPerSecondToKnots(speedMps).toFixed(0)} kt / ${String(Math.round(fromDeg)).padStart(3, '0')}°T`;
}

/** The latest 'plan' action's areas among stored actions (bodies as posted). */
export function latestPlanAreas(
  actions: readonly { readonly kind: string; readonly body: unknown }[],
): PlannedAreas['areas'] {
  for (let k = actions.length - 1; k >= 0; k--) {
    const a = actions[k];
    if (a?.kind !== 'plan') continue;
    const areas = (a.body as { areas?: unknown } | null)?.areas;
    if (Array.isArray(areas)) return areas as PlannedAreas['areas'];
  }
  return [];
}

/**
 * The controller's map: the plan of record, reported positions, units where they are, and the hidden truth (true
 * tracks so far and positions). Built only from the control view, which players never receive.
 */
export function controlMapData(
  c: {
    readonly delivered: PlayerView['injects'];
    readonly units: readonly { readonly id: string; readonly position: readonly number[]; readonly status: string }[];
    readonly truth: {
      readonly objects: readonly {
        readonly id: string;
        readonly position: readonly number[] | null;
        readonly track: readonly { readonly lonLat: readonly number[] }[];
      }[];
    };
    readonly actions: readonly { readonly kind: string; readonly body: unknown }[];
  },
  unitIds: readonly string[],
): FeatureCollection<Geometry, Props> {
  const features: Feature<Geometry, Props>[] = [];
  for (const a of latestPlanAreas(c.actions))
    features.push(
      polygon(a.ring, {
        layer: 'plan',
        unitId: a.unitId,
        color: unitColorOf(unitIds, a.unitId),
        opacity: 0.15,
        width: 2,
      }),
    );
  for (const inj of c.delivered) {
    const p = inj.position;
    if (p === undefined) continue;
    const color = inj.kind === 'mayday-relay' ? DRILL_COLORS.datum : DRILL_COLORS.sighting;
    features.push(point([p.lonDeg, p.latDeg], { layer: inj.kind, injectId: inj.id, color, radius: 6 }));
  }
  for (const u of c.units)
    if (u.status !== 'at-base')
      features.push(point(u.position, { layer: 'unit', unitId: u.id, color: unitColorOf(unitIds, u.id), radius: 5 }));
  features.push(
    ...truthFeatures(
      c.truth.objects
        .filter((o) => o.position !== null)
        .map((o) => ({ id: o.id, lonLat: o.position as readonly number[], track: o.track.map((p) => p.lonLat) })),
    ),
  );
  return { type: 'FeatureCollection', features };
}

/** Bounds around the reported position, ±`halfDeg` (a stable view while features change). */
export function boundsAround(lonLat: readonly number[], halfDeg = 0.6): [[number, number], [number, number]] {
  const lon = lonLat[0] ?? 129;
  const lat = lonLat[1] ?? 34;
  return [
    [lon - halfDeg, lat - halfDeg],
    [lon + halfDeg, lat + halfDeg],
  ];
}

/** Legend entries of a map. */
export type LegendKey =
  'datum' | 'sighting' | 'plan' | 'proposal' | 'unit' | 'track' | 'truth' | 'detection' | 'recovery';

const LEGEND_OF_LAYER: Readonly<Record<string, LegendKey>> = {
  plan: 'plan',
  area: 'plan',
  proposal: 'proposal',
  'proposal-route': 'proposal',
  track: 'track',
  'unit-track': 'track',
  unit: 'unit',
  base: 'unit',
  'mayday-relay': 'datum',
  datum: 'datum',
  error: 'datum',
  'sighting-report': 'sighting',
  truth: 'truth',
  'truth-track': 'truth',
  detection: 'detection',
  recovery: 'recovery',
};

const LEGEND_ORDER: readonly LegendKey[] = [
  'datum',
  'sighting',
  'plan',
  'proposal',
  'unit',
  'track',
  'truth',
  'detection',
  'recovery',
];

/** The legend of what a map actually shows: one entry per kind of feature present, with its (first) colour. */
export function legendEntries(fc: FeatureCollection): { key: LegendKey; color: string }[] {
  const colors = new Map<LegendKey, string>();
  for (const f of fc.features) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const key = LEGEND_OF_LAYER[String(p['layer'])];
    if (key !== undefined && !colors.has(key)) colors.set(key, typeof p['color'] === 'string' ? p['color'] : '#1f5fa8');
  }
  return LEGEND_ORDER.filter((k) => colors.has(k)).map((key) => ({ key, color: colors.get(key) as string }));
}

/**
 * An objective's measured figure and its target as shown (minutes for times, percent for fractions, a count for
 * messages); `—` when there is nothing to measure yet (no detection, no unit on scene).
 */
export function formatMetric(metric: ObjectiveMetric, value: number | null): { measured: string; target: string } {
  const minutes = (s: number): string => `${Math.round(s / 60)} min`;
  const percent = (f: number): string => `${(f * 100).toFixed(0)} %`;
  switch (metric.kind) {
    case 'first-detection-within':
    case 'first-on-scene-within':
      return { measured: value === null ? '—' : minutes(value), target: `≤ ${minutes(metric.seconds)}` };
    case 'survivors-recovered-fraction':
    case 'mean-containment':
    case 'pos-achieved':
      return { measured: value === null ? '—' : percent(value), target: `≥ ${percent(metric.fraction)}` };
    case 'messages-sent':
      return { measured: value === null ? '—' : String(value), target: `≥ ${metric.count}` };
  }
}

/**
 * The drill clock between server reads: the last read `simS` plus the wall time since, times the acceleration,
 * while the clock runs, never past the drill's end (display only; the server's time, quantized to its step, is
 * the one actions are stamped with).
 */
export function liveSimS(
  simS: number,
  readAtMs: number,
  nowMs: number,
  clock: { readonly running: boolean; readonly factor: number; readonly durationS: number },
): number {
  if (!clock.running) return simS;
  return Math.min(clock.durationS, simS + (Math.max(0, nowMs - readAtMs) / 1000) * clock.factor);
}

/** The live-inject form as typed: texts per language, the kind, the unit, and weather in knots, ° true, NM, m. */
export interface LiveInjectForm {
  readonly text: { readonly en: string; readonly ko: string; readonly ja: string };
  readonly kind: LiveInjectEffect['kind'];
  readonly unitId: string;
  readonly windKt: string;
  readonly windFromDeg: string;
  readonly visibilityNm: string;
  readonly seaHeightM: string;
}

/** Message keys (under `drills.live`) of a form that cannot be sent. */
export type LiveInjectProblem = 'missing' | 'noUnit' | 'badWind' | 'badWindFrom' | 'badVisibility' | 'badSea';

/**
 * The request of a filled live-inject form: empty languages take the first text given; knots and nautical miles
 * converted to SI (core/units) within the API's ranges (wind 0–60 m/s, from 0–360° T, visibility 100 m–100 km,
 * sea 0–20 m); the first problem otherwise.
 */
export function liveInjectRequest(
  form: LiveInjectForm,
): { readonly text: DrillText; readonly effect: LiveInjectEffect } | { readonly problem: LiveInjectProblem } {
  const en = form.text.en.trim();
  const ko = form.text.ko.trim();
  const ja = form.text.ja.trim();
  const filled = en || ko || ja;
  if (filled === '') return { problem: 'missing' };
  const text = { en: en || filled, ko: ko || filled, ja: ja || filled };
  if (form.kind === 'unit-breakdown') {
    if (form.unitId === '') return { problem: 'noUnit' };
    return { text, effect: { kind: 'unit-breakdown', unitId: form.unitId } };
  }
  if (form.kind === 'information') return { text, effect: { kind: 'information' } };
  const num = (v: string): number => (v.trim() === '' ? NaN : Number(v.replace(',', '.')));
  const windSpeedMps = knotsToMetersPerSecond(num(form.windKt));
  if (!(windSpeedMps >= 0 && windSpeedMps <= 60)) return { problem: 'badWind' };
  const windFromDeg = num(form.windFromDeg);
  if (!(windFromDeg >= 0 && windFromDeg <= 360)) return { problem: 'badWindFrom' };
  const visibilityM = nauticalMilesToMeters(num(form.visibilityNm));
  if (!(visibilityM >= 100 && visibilityM <= 100000)) return { problem: 'badVisibility' };
  const seaHeightM = num(form.seaHeightM);
  if (!(seaHeightM >= 0 && seaHeightM <= 20)) return { problem: 'badSea' };
  return {
    text,
    effect: {
      kind: 'weather-change',
      weather: { windSpeedMps, windFromDeg: windFromDeg % 360, visibilityM, seaHeightM },
    },
  };
}
