/**
 * Execution of a drill on a simulated clock. Time is an input: `advanceTo(atS)` moves the simulation (seconds
 * from the drill start, in steps of `spec.stepS`); a server runs it accelerated by calling it with
 * `simulatedTime(clock, wallS)`. Units fly or sail their assigned waypoints (notice to move, transit from base at
 * transit speed, search at search speed, a turn of π r / v at each reversal, endurance from departure including the
 * way home). Detection of the truth follows the lateral range curve of the drill's sensor model: each time a
 * searching unit passes a truth object (closest point of approach within a step, linear relative motion) it
 * detects it with probability p(x) (core/search `lateralRangeProbability`) for the sweep width of that unit and
 * object in the current weather. The same passes update the miss probability of every registered probability
 * cloud (POS achieved, Bayesian update). Survivors are recovered by the detecting ship or helicopter, or, after an
 * aircraft's detection, by the nearest available ship or helicopter; a person survives when recovered within the
 * survival time of `survival-model.ts`.
 */
import { TandemError } from '../errors/index.ts';
import type { LonLat } from '../geo/index.ts';
import { createRng } from '../random/index.ts';
import { findSearchUnitType, lateralRangeProbability, pointInRing, sweepWidth } from '../search/index.ts';
import type { Nation, SearchUnitType } from '../search/index.ts';
import { degreesTrue, formatUtcTime } from '../units/index.ts';
import type { ObjectTemplate } from './drill-template.ts';
import { DRILL_STREAMS } from './drill-spec.ts';
import type { DrillSpec, DrillUnit } from './drill-spec.ts';
import type { DrillTruth, ResolvedReport } from './hidden-truth.ts';
import { sightingReportAt } from './hidden-truth.ts';
import { fillText, text } from './localized-text.ts';
import type { DrillText } from './localized-text.ts';
import { tracksAt } from './plane-tracks.ts';
import type { PlaneTracks } from './plane-tracks.ts';
import { srrHandOverText, srrNationAt } from './srr-regions.ts';
import { survivalTimeS } from './survival-model.ts';

/** Interval of containment samples, s (objects recovered by then, or not yet in the water, are left out). */
export const CONTAINMENT_STEP_S = 1800;
/** Time to recover one object alongside (approach, pick-up), s, plus per person (training assumption). */
export const RECOVERY_BASE_S = 600;
export const RECOVERY_PER_PERSON_S = 120;
/** Turnaround at base before a unit can sortie again (refuel, crew), s (training assumption). */
export const TURNAROUND_S = 3600;

/**
 * A course change larger than this (135°) is a reversal flown as a half circle of the unit's turn radius, costing
 * π r / v in time (JP 3-50: turns add their diameter to cross legs); smaller course changes are flown inside the
 * pattern at no extra time.
 */
export const REVERSAL_RAD = (3 * Math.PI) / 4;

export type RoutePhase = 'transit' | 'search' | 'return' | 'recover';

export interface UnitRoute {
  readonly atS: number[];
  readonly xM: number[];
  readonly yM: number[];
  /** Phase of each segment (point k to k + 1). */
  readonly phase: RoutePhase[];
}

export type UnitStatus = 'at-base' | 'tasked' | 'transit' | 'searching' | 'returning' | 'recovering' | 'broken';

export interface UnitState {
  readonly unit: DrillUnit;
  readonly type: SearchUnitType;
  readonly baseXY: readonly [number, number];
  route: UnitRoute | undefined;
  sortieStartS: number | undefined;
  availableAtS: number;
  broken: boolean;
  searchedM: number;
  lastX: number;
  lastY: number;
}

/** An inject as delivered to players: no truth beyond what the inject reports. */
export interface DeliveredInject {
  readonly id: string;
  readonly atS: number;
  readonly kind: string;
  readonly origin: 'scripted' | 'contingency' | 'live';
  readonly text: DrillText;
  readonly position?: { readonly lonDeg: number; readonly latDeg: number; readonly errorM: number };
  readonly weather?: {
    readonly windSpeedMps: number;
    readonly windFromDeg: number;
    readonly visibilityM: number;
    readonly seaHeightM: number;
  };
  readonly unitId?: string;
  /** MAYDAY and second casualty: what the report says (object descriptions, persons). */
  readonly report?: {
    readonly objects: readonly DrillText[];
    readonly persons: number;
    readonly leewayCategory: string;
    readonly sweepWidthObject: string;
    readonly casualtyAtS: number;
  };
}

/** A controller's live inject or a pending scripted one. */
export interface PendingInject {
  readonly inject: DeliveredInject;
  readonly held: boolean;
  /** Effect on the simulation when delivered. */
  readonly effect:
    | { readonly kind: 'breakdown'; readonly unitId: string }
    | {
        readonly kind: 'weather';
        readonly windSpeedMps: number;
        readonly windFromDeg: number;
        readonly visibilityM: number;
        readonly seaHeightM: number;
      }
    | { readonly kind: 'casualty'; readonly objectIndex: number }
    | { readonly kind: 'none' };
}

export interface TimelineEvent {
  readonly atS: number;
  readonly kind: string;
  readonly text: DrillText;
  /** `players`: shown to players; `controller`: truth-related, for controllers and evaluators only. */
  readonly audience: 'players' | 'controller';
  readonly unitId?: string;
  readonly objectId?: string;
}

export interface DrillMessage {
  readonly atS: number;
  readonly from: string;
  readonly to: string;
  readonly kind: string;
  readonly text: string;
}

export interface PlannedArea {
  readonly unitId: string;
  /** Closed ring [lon, lat]. */
  readonly ring: readonly LonLat[];
}

export interface PlanRecord {
  readonly atS: number;
  readonly by: string;
  readonly areas: readonly PlannedArea[];
  /** The plan's own POS estimate, if the planner gave one. */
  readonly plannedPos: number | undefined;
}

interface ObjectState {
  present: boolean;
  detectedAtS: number | undefined;
  detectedBy: string | undefined;
  recoveryDueS: number | undefined;
  recoveredBy: string | undefined;
  recoveredAtS: number | undefined;
  personsSurvived: number;
}

interface Cloud {
  readonly tracks: PlaneTracks;
  readonly object: ObjectTemplate;
  readonly miss: Float64Array;
  retired: boolean;
  readonly x0: Float64Array;
  readonly y0: Float64Array;
  readonly x1: Float64Array;
  readonly y1: Float64Array;
}

export interface ObjectOutcome {
  readonly id: string;
  readonly detectedAtS: number | null;
  readonly detectedBy: string | null;
  readonly recoveredAtS: number | null;
  readonly recoveredBy: string | null;
  readonly personsTotal: number;
  readonly personsSurvived: number;
}

/** The headline figures of a drill (the `--summary` file). */
export interface DrillSummary {
  readonly drillId: string;
  readonly templateId: string;
  readonly family: string;
  readonly seed: number;
  readonly truthSeed: number;
  readonly startTime: string;
  readonly durationS: number;
  readonly detected: boolean;
  readonly timeToFirstDetectionS: number | null;
  readonly timeToFirstUnitOnSceneS: number | null;
  /** POS of the search actually run over the reference probability map (reported datum drifted in the drill's weather). */
  readonly posAchieved: number;
  readonly containment: readonly { readonly atS: number; readonly fraction: number }[];
  readonly meanContainment: number;
  readonly survivorsRecovered: number;
  readonly survivorsTotal: number;
  readonly messagesSent: number;
  readonly plansMade: number;
  readonly objects: readonly ObjectOutcome[];
}

export interface DrillSession {
  readonly spec: DrillSpec;
  readonly truth: DrillTruth;
  now(): number;
  /** Advance the simulated clock to `atS` (s from the drill start, ≤ the duration); returns injects delivered. */
  advanceTo(atS: number): DeliveredInject[];
  /** Task a unit to run `waypoints` ([lon, lat], the first is the commence search point) from now. */
  assign(unitId: string, waypoints: readonly LonLat[], by?: string): void;
  /** Record a plan's areas (containment is scored against the latest plan). */
  recordPlan(plan: Omit<PlanRecord, 'atS'>): void;
  sendMessage(m: Omit<DrillMessage, 'atS'>): void;
  /** Controller: release a contingency inject now. */
  releaseInject(id: string): void;
  /** Controller: add a live inject (delivered at `atS`, default now). */
  addLiveInject(i: {
    id: string;
    atS?: number;
    text: DrillText;
    kind?: 'information' | 'unit-breakdown' | 'weather-change';
    unitId?: string;
    weather?: { windSpeedMps: number; windFromDeg: number; visibilityM: number; seaHeightM: number };
  }): void;
  /** Register a probability cloud whose miss probability the executed search updates; returns its index. */
  registerCloud(tracks: PlaneTracks, object: ObjectTemplate): number;
  cloudMiss(index: number): Float64Array;
  /** Stop updating a cloud (its miss probabilities stay as they are). Cloud 0 is the reference map. */
  retireCloud(index: number): void;
  units(): readonly UnitState[];
  unitPosition(unitId: string): LonLat;
  unitStatus(unitId: string): UnitStatus;
  delivered(): readonly DeliveredInject[];
  pending(): readonly PendingInject[];
  timeline(): readonly TimelineEvent[];
  messages(): readonly DrillMessage[];
  plans(): readonly PlanRecord[];
  /** Detections so far as players learn them (unit, time, position). */
  detections(): readonly { atS: number; unitId: string; lonDeg: number; latDeg: number; description: DrillText }[];
  weather(): { windSpeedMps: number; windFromDeg: number; visibilityM: number; seaHeightM: number; version: number };
  summary(): DrillSummary;
}

/**
 * Sweep width of a unit for an object in the given weather (core/search tables, IAMSAR-derived; corrected for
 * weather and aircraft speed), times the object's night factor at night; the unit's explicit `sweepWidthM` wins.
 * 0 when the tables have no figure for this platform and object.
 */
export function unitSweepWidthM(
  unit: DrillUnit,
  type: SearchUnitType,
  o: ObjectTemplate,
  w: { readonly windSpeedMps: number; readonly visibilityM: number; readonly seaHeightM: number },
  night: boolean,
): number {
  if (unit.sweepWidthM !== undefined) return unit.sweepWidthM;
  let W = 0;
  try {
    W = sweepWidth({
      platform: type.platform,
      heightM: type.searchHeightM,
      searchObject: o.sweepWidthObject,
      visibilityM: w.visibilityM,
      windSpeedMps: w.windSpeedMps,
      seaHeightM: w.seaHeightM,
      speedMps: type.searchSpeedMps,
    }).sweepWidthM;
  } catch {
    W = 0;
  }
  return night ? W * (o.nightSweepWidthFactor ?? 0.1) : W;
}

/** Who acted, in the three languages (known actors; anything else is shown as given). */
function actorText(by: string): DrillText {
  if (by === 'auto player') return text('The auto player', '자동 플레이어', '自動プレイヤー');
  if (by === 'players') return text('Players', '플레이어', 'プレイヤー');
  return text(by, by, by);
}

const dist = (ax: number, ay: number, bx: number, by: number): number => Math.hypot(bx - ax, by - ay);

function personsOf(o: ObjectTemplate): number {
  return o.persons.reduce((s, p) => s + p.count, 0);
}

function injectText(
  i: DrillSpec['injects'][number],
  unitName: string | undefined,
  report: ResolvedReport | undefined,
): DrillText {
  // A held inject's report is resolved when it is released; until then its text says so.
  const pos: string | DrillText =
    report === undefined
      ? text('(position given when released)', '(투입 시 위치 통보)', '（投入時に位置を通報）')
      : `${report.latDeg.toFixed(3)}N ${report.lonDeg.toFixed(3)}E (±${(report.errorM / 1852).toFixed(1)} NM)`;
  switch (i.kind) {
    case 'sighting-report':
      return fillText(
        text(
          'A merchant vessel reports a sighting at {pos}.',
          '상선이 {pos}에서 목격했다고 보고함.',
          '商船が{pos}で目撃したと報告。',
        ),
        { pos },
      );
    case 'weather-change':
      return fillText(
        text(
          'Weather update: wind {w} m/s, veering {v}°, visibility {vis} NM, sea {s} m.',
          '기상 변화: 풍속 {w} m/s, 풍향 {v}° 순전, 시정 {vis} NM, 파고 {s} m.',
          '気象変化: 風速 {w} m/s、風向 {v}° 右転、視程 {vis} NM、波高 {s} m。',
        ),
        { w: i.windSpeedMps, v: i.windVeerDeg, vis: (i.visibilityM / 1852).toFixed(1), s: i.seaHeightM },
      );
    case 'unit-breakdown':
      return fillText(
        text(
          '{u} reports an engine failure and returns to base.',
          '{u}이(가) 기관 고장을 보고하고 기지로 복귀함.',
          '{u}が機関故障を報告し、基地へ帰投。',
        ),
        { u: unitName ?? 'A unit' },
      );
    case 'second-casualty':
      return fillText(
        text(
          'Second casualty: persons reported missing near {pos}.',
          '추가 조난: {pos} 부근에서 실종자 발생 보고.',
          '第二の事案: {pos}付近で行方不明者の報告。',
        ),
        { pos },
      );
    case 'information':
      return i.text;
    default:
      return text('Hand-over between RCCs.', '구조조정본부 간 인계.', 'RCC間の引継ぎ。');
  }
}

/** Create the execution of a drill whose truth has been drawn. */
export function createDrillSession(spec: DrillSpec, truth: DrillTruth): DrillSession {
  const proj = truth.projection;
  const detRng = createRng(spec.truthSeed, DRILL_STREAMS.detection);
  let nowS = 0;
  const units: UnitState[] = spec.units.map((u) => {
    const type = findSearchUnitType(u.type);
    if (type === undefined) throw new TandemError('UNKNOWN_CATEGORY', `unknown unit type "${u.type}"`, `units.${u.id}`);
    const [bx, by] = proj.forward(u.base[0], u.base[1]);
    return {
      unit: u,
      type,
      baseXY: [bx, by],
      route: undefined,
      sortieStartS: undefined,
      availableAtS: 0,
      broken: false,
      searchedM: 0,
      lastX: bx,
      lastY: by,
    };
  });
  const unitById = (id: string): UnitState => {
    const u = units.find((q) => q.unit.id === id);
    if (u === undefined) throw new TandemError('NOT_FOUND', `no unit "${id}" in the drill`, 'unitId');
    return u;
  };
  const objects: ObjectState[] = truth.objects.map((o) => ({
    present: o.injectId === undefined,
    detectedAtS: undefined,
    detectedBy: undefined,
    recoveryDueS: undefined,
    recoveredBy: undefined,
    recoveredAtS: undefined,
    personsSurvived: 0,
  }));
  const weather = {
    windSpeedMps: spec.environment.windSpeedMps,
    windFromDeg: spec.environment.windFromDeg as number,
    visibilityM: spec.environment.visibilityM,
    seaHeightM: spec.environment.seaHeightM,
    version: 0,
  };
  const timeline: TimelineEvent[] = [];
  const messages: DrillMessage[] = [];
  const plans: PlanRecord[] = [];
  const delivered: DeliveredInject[] = [];
  const detections: { atS: number; unitId: string; lonDeg: number; latDeg: number; description: DrillText }[] = [];
  const containment: { atS: number; fraction: number }[] = [];
  const clouds: Cloud[] = [];
  let firstOnSceneS: number | undefined;
  let smc: Nation | undefined = spec.srr;

  // The master scenario events list: the MAYDAY relay, then the scripted and contingency injects.
  const pending: PendingInject[] = [];
  const first = spec.objects.filter((_, k) => truth.objects[k]?.injectId === undefined);
  const mainObject = spec.objects[0] as ObjectTemplate;
  pending.push({
    held: false,
    effect: { kind: 'none' },
    inject: {
      id: 'mayday-relay',
      atS: 0,
      kind: 'mayday-relay',
      origin: 'scripted',
      text: fillText(
        text(
          'MAYDAY RELAY at {time}: {name}. Position {pos} (±{err} NM) at {ctime}. {persons} persons at risk.',
          '조난통신 중계 {time}: {name}. 위치 {pos} (±{err} NM), 발생 {ctime}. 위험 인원 {persons}명.',
          'メーデーリレー {time}: {name}。位置 {pos}（±{err} NM）、発生 {ctime}。要救助者 {persons}名。',
        ),
        {
          time: formatUtcTime(spec.startTimeS),
          name: spec.name,
          pos: `${spec.reportedPosition[1].toFixed(3)}N ${spec.reportedPosition[0].toFixed(3)}E`,
          err: (spec.reportedErrorM / 1852).toFixed(1),
          ctime: formatUtcTime(spec.startTimeS + spec.casualtyAtS),
          persons: first.reduce((s, o) => s + personsOf(o), 0),
        },
      ),
      position: { lonDeg: spec.reportedPosition[0], latDeg: spec.reportedPosition[1], errorM: spec.reportedErrorM },
      report: {
        objects: first.map((o) => o.description),
        persons: first.reduce((s, o) => s + personsOf(o), 0),
        leewayCategory: mainObject.leewayCategory,
        sweepWidthObject: mainObject.sweepWidthObject,
        casualtyAtS: spec.casualtyAtS,
      },
    },
  });
  let weatherFrom = spec.environment.windFromDeg as number;
  for (const i of [...spec.injects].sort((a, b) => a.atS - b.atS)) {
    const report = truth.reports.find((r) => r.injectId === i.id);
    const unitName = i.kind === 'unit-breakdown' ? spec.units[i.unitIndex]?.name : undefined;
    const base = { id: i.id, atS: i.atS, kind: i.kind, origin: i.origin, text: injectText(i, unitName, report) };
    const position =
      report === undefined ? {} : { position: { lonDeg: report.lonDeg, latDeg: report.latDeg, errorM: report.errorM } };
    if (i.kind === 'weather-change') {
      weatherFrom = degreesTrue(weatherFrom + i.windVeerDeg);
      const w = {
        windSpeedMps: i.windSpeedMps,
        windFromDeg: weatherFrom,
        visibilityM: i.visibilityM,
        seaHeightM: i.seaHeightM,
      };
      pending.push({ held: i.held === true, effect: { kind: 'weather', ...w }, inject: { ...base, weather: w } });
    } else if (i.kind === 'unit-breakdown') {
      const u = spec.units[i.unitIndex];
      if (u === undefined) continue;
      pending.push({
        held: i.held === true,
        effect: { kind: 'breakdown', unitId: u.id },
        inject: { ...base, unitId: u.id },
      });
    } else if (i.kind === 'second-casualty') {
      const k = truth.objects.findIndex((o) => o.injectId === i.id);
      pending.push({
        held: i.held === true,
        effect: k < 0 ? { kind: 'none' } : { kind: 'casualty', objectIndex: k },
        inject: {
          ...base,
          ...position,
          report: {
            objects: [i.object.description],
            persons: personsOf(i.object),
            leewayCategory: i.object.leewayCategory,
            sweepWidthObject: i.object.sweepWidthObject,
            casualtyAtS: i.atS,
          },
        },
      });
    } else {
      pending.push({ held: i.held === true, effect: { kind: 'none' }, inject: { ...base, ...position } });
    }
  }

  const swCache = new Map<string, number>();
  const sweepWidthFor = (u: UnitState, o: ObjectTemplate): number => {
    const key = `${u.unit.id}|${o.id}|${weather.version}`;
    const hit = swCache.get(key);
    if (hit !== undefined) return hit;
    const w = unitSweepWidthM(u.unit, u.type, o, weather, spec.environment.night);
    swCache.set(key, w);
    return w;
  };

  const segmentAt = (r: UnitRoute, t: number): number => {
    const n = r.atS.length;
    if (t < (r.atS[0] as number)) return -1;
    if (t >= (r.atS[n - 1] as number)) return n - 1;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((r.atS[mid] as number) <= t) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const posAt = (u: UnitState, t: number): [number, number] => {
    const r = u.route;
    if (r === undefined) return [u.lastX, u.lastY];
    const k = segmentAt(r, t);
    if (k < 0) return [r.xM[0] as number, r.yM[0] as number];
    const n = r.atS.length;
    if (k >= n - 1) return [r.xM[n - 1] as number, r.yM[n - 1] as number];
    const ta = r.atS[k] as number;
    const tb = r.atS[k + 1] as number;
    const f = tb > ta ? (t - ta) / (tb - ta) : 1;
    return [
      (r.xM[k] as number) + f * ((r.xM[k + 1] as number) - (r.xM[k] as number)),
      (r.yM[k] as number) + f * ((r.yM[k + 1] as number) - (r.yM[k] as number)),
    ];
  };
  const phaseAt = (u: UnitState, t: number): RoutePhase | undefined => {
    const r = u.route;
    if (r === undefined) return undefined;
    const k = segmentAt(r, t);
    if (k < 0 || k >= r.atS.length - 1) return undefined;
    return r.phase[k];
  };

  /** Build a sortie: from the unit's position now (or its base after notice), through `pts`, home within endurance. */
  const buildRoute = (
    u: UnitState,
    pts: readonly (readonly [number, number])[],
    searchPhase: RoutePhase,
    holdS = 0,
  ): UnitRoute | undefined => {
    const t = u.type;
    const atBase = u.route === undefined;
    const depart = atBase ? Math.max(nowS, u.availableAtS) + u.unit.noticeS : nowS;
    const [sx, sy] = atBase ? u.baseXY : posAt(u, nowS);
    const sortieStart = atBase ? depart : (u.sortieStartS ?? nowS);
    const endBy = sortieStart + t.enduranceS;
    const [bx, by] = u.baseXY;
    const home = (x: number, y: number): number => dist(x, y, bx, by) / t.transitSpeedMps;
    const r: UnitRoute = { atS: [depart], xM: [sx], yM: [sy], phase: [] };
    let time = depart;
    let x = sx;
    let y = sy;
    const first = pts[0];
    if (first === undefined) return undefined;
    const tIn = dist(x, y, first[0], first[1]) / t.transitSpeedMps;
    if (time + tIn + home(first[0], first[1]) > endBy) return undefined;
    time += tIn;
    x = first[0];
    y = first[1];
    r.atS.push(time);
    r.xM.push(x);
    r.yM.push(y);
    r.phase.push('transit');
    if (holdS > 0) {
      time += holdS;
      r.atS.push(time);
      r.xM.push(x);
      r.yM.push(y);
      r.phase.push(searchPhase);
    }
    let prevBearing: number | undefined;
    for (let k = 1; k < pts.length; k++) {
      const [nx, ny] = pts[k] as readonly [number, number];
      const len = dist(x, y, nx, ny);
      if (len === 0) continue;
      const bearing = Math.atan2(nx - x, ny - y);
      if (prevBearing !== undefined) {
        let turn = Math.abs(bearing - prevBearing);
        if (turn > Math.PI) turn = 2 * Math.PI - turn;
        if (turn > REVERSAL_RAD && t.turnRadiusM > 0) {
          const dt = (Math.PI * t.turnRadiusM) / t.searchSpeedMps;
          if (time + dt + home(x, y) > endBy) break;
          time += dt;
          r.atS.push(time);
          r.xM.push(x);
          r.yM.push(y);
          r.phase.push(searchPhase);
        }
      }
      prevBearing = bearing;
      let f = 1;
      const cost = (g: number): number =>
        time + (g * len) / t.searchSpeedMps + home(x + g * (nx - x), y + g * (ny - y));
      if (cost(1) > endBy) {
        let lo = 0;
        let hi = 1;
        for (let it = 0; it < 40; it++) {
          const mid = (lo + hi) / 2;
          if (cost(mid) > endBy) hi = mid;
          else lo = mid;
        }
        f = lo;
      }
      const ex = x + f * (nx - x);
      const ey = y + f * (ny - y);
      time += (f * len) / t.searchSpeedMps;
      x = ex;
      y = ey;
      r.atS.push(time);
      r.xM.push(x);
      r.yM.push(y);
      r.phase.push(searchPhase);
      if (f < 1) break;
    }
    time += home(x, y);
    r.atS.push(time);
    r.xM.push(bx);
    r.yM.push(by);
    r.phase.push('return');
    u.sortieStartS = sortieStart;
    return r;
  };

  const event = (e: TimelineEvent): void => {
    timeline.push(e);
  };

  const assign = (unitId: string, waypoints: readonly LonLat[], by = 'players'): void => {
    const u = unitById(unitId);
    if (u.broken) {
      event({
        atS: nowS,
        kind: 'tasking-refused',
        audience: 'players',
        unitId,
        text: text(
          `${u.unit.name} is out of action and cannot be tasked.`,
          `${u.unit.name}은(는) 고장으로 임무 부여 불가.`,
          `${u.unit.name}は故障中のため任務付与不可。`,
        ),
      });
      return;
    }
    if (waypoints.length === 0)
      throw new TandemError('INVALID_INPUT', 'an assignment needs at least one waypoint', 'waypoints');
    const pts = waypoints.map((p) => proj.forward(p[0], p[1]));
    const r = buildRoute(u, pts, 'search');
    if (r === undefined) {
      event({
        atS: nowS,
        kind: 'tasking-out-of-reach',
        audience: 'players',
        unitId,
        text: text(
          `${u.unit.name} cannot reach the area and return within its endurance.`,
          `${u.unit.name}은(는) 체공/항속 시간 내에 구역 왕복 불가.`,
          `${u.unit.name}は航続時間内に区域へ往復できない。`,
        ),
      });
      return;
    }
    if (u.route === undefined) u.searchedM = u.searchedM + 0;
    u.route = r;
    event({
      atS: nowS,
      kind: 'tasking',
      audience: 'players',
      unitId,
      text: fillText(
        text(
          '{by} task {unit}: departs at +{min} min, {n} waypoints.',
          '{by}: {unit}에 임무 부여, +{min}분 출발, 경유점 {n}개.',
          '{by}: {unit}に任務付与、+{min}分出発、経由点{n}。',
        ),
        { by: actorText(by), unit: u.unit.name, min: ((r.atS[0] as number) / 60).toFixed(0), n: waypoints.length },
      ),
    });
  };

  const deliver = (p: PendingInject): DeliveredInject => {
    delivered.push(p.inject);
    event({
      atS: p.inject.atS,
      kind: `inject:${p.inject.kind}`,
      audience: 'players',
      text: p.inject.text,
      ...(p.inject.unitId !== undefined ? { unitId: p.inject.unitId } : {}),
    });
    const e = p.effect;
    if (e.kind === 'weather') {
      weather.windSpeedMps = e.windSpeedMps;
      weather.windFromDeg = e.windFromDeg;
      weather.visibilityM = e.visibilityM;
      weather.seaHeightM = e.seaHeightM;
      weather.version++;
    } else if (e.kind === 'breakdown') {
      const u = unitById(e.unitId);
      u.broken = true;
      if (u.route !== undefined) {
        const [x, y] = posAt(u, nowS);
        const back = dist(x, y, u.baseXY[0], u.baseXY[1]) / (u.type.transitSpeedMps * 0.5);
        u.route = { atS: [nowS, nowS + back], xM: [x, u.baseXY[0]], yM: [y, u.baseXY[1]], phase: ['return'] };
      }
    } else if (e.kind === 'casualty') {
      const o = objects[e.objectIndex];
      if (o !== undefined) o.present = true;
    }
    return p.inject;
  };

  const recoveryS = (o: ObjectTemplate): number => RECOVERY_BASE_S + RECOVERY_PER_PERSON_S * personsOf(o);

  const onDetection = (u: UnitState, j: number, atS: number, x: number, y: number): void => {
    const st = objects[j] as ObjectState;
    const tobj = truth.objects[j];
    if (tobj === undefined) return;
    const o = tobj.object;
    st.detectedAtS = atS;
    st.detectedBy = u.unit.id;
    const [lon, lat] = proj.inverse(x, y);
    detections.push({ atS, unitId: u.unit.id, lonDeg: lon, latDeg: lat, description: o.description });
    event({
      atS,
      kind: 'detection',
      audience: 'players',
      unitId: u.unit.id,
      objectId: o.id,
      text: text(
        `${u.unit.name} sights ${o.description.en} at ${lat.toFixed(3)}N ${lon.toFixed(3)}E.`,
        `${u.unit.name}, ${lat.toFixed(3)}N ${lon.toFixed(3)}E에서 ${o.description.ko} 발견.`,
        `${u.unit.name}が${lat.toFixed(3)}N ${lon.toFixed(3)}Eで${o.description.ja}を発見。`,
      ),
    });
    if (personsOf(o) === 0) return;
    // Recovery: the detecting ship or helicopter, else the nearest available one.
    let rescuer: UnitState | undefined = u.type.platform !== 'aircraft' && !u.broken ? u : undefined;
    let arriveS = atS;
    if (rescuer === undefined) {
      let best = Infinity;
      for (const c of units) {
        if (c.broken || c.type.platform === 'aircraft') continue;
        const r = c.route;
        if (r !== undefined && r.phase.includes('recover')) continue;
        const [cx, cy] = c.route === undefined ? c.baseXY : posAt(c, atS);
        const wait = c.route === undefined ? Math.max(0, c.availableAtS - atS) + c.unit.noticeS : 0;
        const tArr = atS + wait + dist(cx, cy, x, y) / c.type.transitSpeedMps;
        if (tArr < best) {
          best = tArr;
          rescuer = c;
        }
      }
      arriveS = best;
    }
    if (rescuer === undefined || !Number.isFinite(arriveS)) {
      event({
        atS,
        kind: 'no-rescuer',
        audience: 'players',
        objectId: o.id,
        text: text(
          'No ship or helicopter is available to recover the survivors.',
          '생존자를 구조할 함정이나 헬기가 없음.',
          '生存者を救助できる船艇・ヘリがない。',
        ),
      });
      return;
    }
    const due = arriveS + recoveryS(o);
    st.recoveryDueS = due;
    st.recoveredBy = rescuer.unit.id;
    const [rx, ry] = rescuer.route === undefined ? rescuer.baseXY : posAt(rescuer, atS);
    const startS = rescuer.route === undefined ? Math.max(atS, rescuer.availableAtS) + rescuer.unit.noticeS : atS;
    const back = dist(x, y, rescuer.baseXY[0], rescuer.baseXY[1]) / rescuer.type.transitSpeedMps;
    rescuer.sortieStartS = rescuer.route === undefined ? startS : rescuer.sortieStartS;
    const tArrive = startS + dist(rx, ry, x, y) / rescuer.type.transitSpeedMps;
    rescuer.route = {
      atS: [atS, startS, tArrive, tArrive + recoveryS(o), tArrive + recoveryS(o) + back],
      xM: [rx, rx, x, x, rescuer.baseXY[0]],
      yM: [ry, ry, y, y, rescuer.baseXY[1]],
      phase: ['recover', 'transit', 'recover', 'return'],
    };
    st.recoveryDueS = tArrive + recoveryS(o);
  };

  const sampleContainment = (t: number, tx: Float64Array, ty: Float64Array): void => {
    const plan = plans[plans.length - 1];
    let present = 0;
    let inside = 0;
    truth.objects.forEach((o, j) => {
      const st = objects[j] as ObjectState;
      if (!st.present || t < o.releaseAtS || (st.recoveredAtS !== undefined && st.recoveredAtS <= t)) return;
      const x = tx[j] as number;
      const y = ty[j] as number;
      if (!Number.isFinite(x)) return;
      present++;
      if (plan === undefined) return;
      const [lon, lat] = proj.inverse(x, y);
      if (plan.areas.some((a) => pointInRing(lon, lat, a.ring as [number, number][]))) inside++;
    });
    if (present > 0) containment.push({ atS: t, fraction: inside / present });
    // Hand-over of SAR mission coordination when the planned search moves into the other SRR.
    if (plan !== undefined && plan.areas.length > 0) {
      let sx = 0;
      let sy = 0;
      let n = 0;
      for (const a of plan.areas)
        for (const p of a.ring) {
          sx += p[0];
          sy += p[1];
          n++;
        }
      const c: LonLat = [sx / n, sy / n];
      const nation = srrNationAt(c[0], c[1]);
      if (nation !== undefined && smc !== undefined && nation !== smc) {
        const inj: DeliveredInject = {
          id: `srr-hand-over-${t}`,
          atS: t,
          kind: 'srr-hand-over',
          origin: 'scripted',
          text: srrHandOverText(smc, nation, c),
        };
        delivered.push(inj);
        event({ atS: t, kind: 'inject:srr-hand-over', audience: 'players', text: inj.text });
        messages.push({
          atS: t,
          from: smc === 'KR' ? 'KCG RCC' : 'JCG RCC',
          to: nation === 'KR' ? 'KCG RCC' : 'JCG RCC',
          kind: 'SMC hand-over',
          text: inj.text.en,
        });
        smc = nation;
      }
    }
  };

  const nObj = truth.objects.length;
  const tx0 = new Float64Array(nObj);
  const ty0 = new Float64Array(nObj);
  const tx1 = new Float64Array(nObj);
  const ty1 = new Float64Array(nObj);
  const one = new Float64Array(1);
  const one2 = new Float64Array(1);
  const truthAt = (t: number, ox: Float64Array, oy: Float64Array): void => {
    truth.objects.forEach((o, j) => {
      if (t < o.releaseAtS) {
        ox[j] = NaN;
        oy[j] = NaN;
        return;
      }
      tracksAt(o.track, t, one, one2);
      ox[j] = one[0] as number;
      oy[j] = one2[0] as number;
    });
  };
  let nextContainmentS = 0;

  const step = (t0: number, t1: number): void => {
    truthAt(t0, tx0, ty0);
    truthAt(t1, tx1, ty1);
    for (const c of clouds) {
      if (c.retired) continue;
      tracksAt(c.tracks, t0, c.x0, c.y0);
      tracksAt(c.tracks, t1, c.x1, c.y1);
    }
    for (const u of units) {
      if (u.route === undefined) continue;
      const [ax, ay] = posAt(u, t0);
      const [bx, by] = posAt(u, t1);
      const phase = phaseAt(u, t0);
      if (phase === 'search' && firstOnSceneS === undefined) firstOnSceneS = Math.max(t0, u.route.atS[1] ?? t0);
      if (phase !== 'search' || u.broken) continue;
      u.searchedM += dist(ax, ay, bx, by);
      const pass = (qx0: number, qy0: number, qx1: number, qy1: number): number => {
        const r0x = qx0 - ax;
        const r0y = qy0 - ay;
        const drx = qx1 - bx - r0x;
        const dry = qy1 - by - r0y;
        const a = r0x * drx + r0y * dry;
        const b = (qx1 - bx) * drx + (qy1 - by) * dry;
        if (!(a < 0 && b >= 0)) return -1;
        const s = -a / (drx * drx + dry * dry);
        return s;
      };
      for (let j = 0; j < nObj; j++) {
        const st = objects[j] as ObjectState;
        if (!st.present || st.detectedAtS !== undefined) continue;
        const qx0 = tx0[j] as number;
        const qx1 = tx1[j] as number;
        if (!Number.isFinite(qx0) || !Number.isFinite(qx1)) continue;
        const qy0 = ty0[j] as number;
        const qy1 = ty1[j] as number;
        const s = pass(qx0, qy0, qx1, qy1);
        if (s < 0) continue;
        const cx = qx0 - ax + s * (qx1 - bx - (qx0 - ax));
        const cy = qy0 - ay + s * (qy1 - by - (qy0 - ay));
        const x = Math.hypot(cx, cy);
        const o = (truth.objects[j] as { object: ObjectTemplate }).object;
        const p = lateralRangeProbability(spec.sensor, sweepWidthFor(u, o), x);
        if (detRng.uniform() < p) onDetection(u, j, t0 + s * (t1 - t0), qx0 + s * (qx1 - qx0), qy0 + s * (qy1 - qy0));
      }
      for (const c of clouds) {
        if (c.retired) continue;
        const W = sweepWidthFor(u, c.object);
        if (!(W > 0)) continue;
        for (let i = 0; i < c.tracks.count; i++) {
          const qx0 = c.x0[i] as number;
          const qx1 = c.x1[i] as number;
          if (!Number.isFinite(qx0) || !Number.isFinite(qx1)) continue;
          const qy0 = c.y0[i] as number;
          const qy1 = c.y1[i] as number;
          const s = pass(qx0, qy0, qx1, qy1);
          if (s < 0) continue;
          const cx = qx0 - ax + s * (qx1 - bx - (qx0 - ax));
          const cy = qy0 - ay + s * (qy1 - by - (qy0 - ay));
          c.miss[i] = (c.miss[i] as number) * (1 - lateralRangeProbability(spec.sensor, W, Math.hypot(cx, cy)));
        }
      }
    }
    // Recoveries complete; sorties end.
    truth.objects.forEach((o, j) => {
      const st = objects[j] as ObjectState;
      if (st.recoveryDueS === undefined || st.recoveredAtS !== undefined || st.recoveryDueS > t1) return;
      st.recoveredAtS = st.recoveryDueS;
      let alive = 0;
      for (const g of o.object.persons) {
        if (st.recoveredAtS - o.releaseAtS <= survivalTimeS(g.exposure, g.equipment, spec.environment.waterTempC))
          alive += g.count;
      }
      st.personsSurvived = alive;
      event({
        atS: st.recoveredAtS,
        kind: 'recovery',
        audience: 'players',
        objectId: o.object.id,
        ...(st.recoveredBy !== undefined ? { unitId: st.recoveredBy } : {}),
        text: text(
          `${o.object.description.en}: ${alive} of ${personsOf(o.object)} recovered alive.`,
          `${o.object.description.ko}: ${personsOf(o.object)}명 중 ${alive}명 생존 구조.`,
          `${o.object.description.ja}: ${personsOf(o.object)}名中${alive}名を生存救助。`,
        ),
      });
    });
    for (const u of units) {
      const r = u.route;
      if (r === undefined || (r.atS[r.atS.length - 1] as number) > t1) continue;
      u.route = undefined;
      u.lastX = u.baseXY[0];
      u.lastY = u.baseXY[1];
      u.availableAtS = (r.atS[r.atS.length - 1] as number) + TURNAROUND_S;
      u.sortieStartS = undefined;
      event({
        atS: r.atS[r.atS.length - 1] as number,
        kind: 'unit-at-base',
        audience: 'players',
        unitId: u.unit.id,
        text: text(`${u.unit.name} is back at base.`, `${u.unit.name} 기지 복귀.`, `${u.unit.name}が基地に帰投。`),
      });
    }
    while (nextContainmentS <= t1 && nextContainmentS <= spec.durationS) {
      truthAt(nextContainmentS, tx0, ty0);
      sampleContainment(nextContainmentS, tx0, ty0);
      nextContainmentS += CONTAINMENT_STEP_S;
    }
  };

  const advanceTo = (atS: number): DeliveredInject[] => {
    if (!Number.isFinite(atS)) throw new TandemError('INVALID_INPUT', 'must be a finite number of seconds', 'atS');
    const target = Math.min(atS, spec.durationS);
    const out: DeliveredInject[] = [];
    const deliverDue = (t: number): void => {
      for (const p of pending) {
        if (p.held || p.inject.atS > t || delivered.includes(p.inject)) continue;
        out.push(deliver(p));
      }
    };
    deliverDue(nowS);
    while (nowS < target) {
      const t1 = Math.min(target, nowS + spec.stepS);
      step(nowS, t1);
      nowS = t1;
      deliverDue(nowS);
    }
    return out;
  };

  const summary = (): DrillSummary => {
    const det = objects.map((o) => o.detectedAtS).filter((t): t is number => t !== undefined);
    const ref = clouds[0];
    let pos = 0;
    if (ref !== undefined) {
      let wsum = 0;
      for (let i = 0; i < ref.miss.length; i++) {
        wsum += 1;
        pos += 1 - (ref.miss[i] as number);
      }
      pos = wsum > 0 ? pos / wsum : 0;
    }
    let survivorsTotal = 0;
    let survivorsRecovered = 0;
    const outcomes: ObjectOutcome[] = truth.objects.map((o, j) => {
      const st = objects[j] as ObjectState;
      const total = st.present ? personsOf(o.object) : 0;
      survivorsTotal += total;
      survivorsRecovered += st.personsSurvived;
      return {
        id: o.object.id,
        detectedAtS: st.detectedAtS ?? null,
        detectedBy: st.detectedBy ?? null,
        recoveredAtS: st.recoveredAtS ?? null,
        recoveredBy: st.recoveredAtS !== undefined ? (st.recoveredBy ?? null) : null,
        personsTotal: total,
        personsSurvived: st.personsSurvived,
      };
    });
    const mean = containment.length === 0 ? 0 : containment.reduce((s, c) => s + c.fraction, 0) / containment.length;
    return {
      drillId: spec.id,
      templateId: spec.templateId,
      family: spec.family,
      seed: spec.seed,
      truthSeed: spec.truthSeed,
      startTime: formatUtcTime(spec.startTimeS),
      durationS: spec.durationS,
      detected: det.length > 0,
      timeToFirstDetectionS: det.length > 0 ? Math.min(...det) : null,
      timeToFirstUnitOnSceneS: firstOnSceneS ?? null,
      posAchieved: pos,
      containment: containment.map((c) => ({ atS: c.atS, fraction: c.fraction })),
      meanContainment: mean,
      survivorsRecovered,
      survivorsTotal,
      messagesSent: messages.length,
      plansMade: plans.length,
      objects: outcomes,
    };
  };

  return {
    spec,
    truth,
    now: () => nowS,
    advanceTo,
    assign,
    recordPlan(plan) {
      plans.push({ ...plan, atS: nowS });
      event({
        atS: nowS,
        kind: 'plan',
        audience: 'players',
        text: fillText(
          text(
            '{by} issue a search plan with {n} areas.',
            '{by}: 수색구역 {n}개 계획 발령.',
            '{by}: 捜索区域{n}の計画を発令。',
          ),
          { by: actorText(plan.by), n: plan.areas.length },
        ),
      });
    },
    sendMessage(m) {
      messages.push({ ...m, atS: nowS });
    },
    releaseInject(id) {
      const k = pending.findIndex((p) => p.inject.id === id && p.held);
      if (k < 0) throw new TandemError('NOT_FOUND', `no contingency inject "${id}" held in reserve`, 'injectId');
      const p = pending[k] as PendingInject;
      const scripted = spec.injects.find((i) => i.id === id);
      if (scripted?.kind === 'sighting-report') {
        const report = sightingReportAt(spec, truth, scripted, nowS);
        pending[k] = {
          ...p,
          held: false,
          inject: {
            ...p.inject,
            atS: nowS,
            text: injectText(scripted, undefined, report),
            position: { lonDeg: report.lonDeg, latDeg: report.latDeg, errorM: report.errorM },
          },
        };
      } else {
        pending[k] = { ...p, held: false, inject: { ...p.inject, atS: nowS } };
      }
      event({
        atS: nowS,
        kind: 'inject-released',
        audience: 'controller',
        text: text(`Controller releases ${id}.`, `통제관이 ${id} 투입.`, `統制官が${id}を投入。`),
      });
    },
    addLiveInject(i) {
      const atS = Math.max(nowS, i.atS ?? nowS);
      const kind = i.kind ?? 'information';
      const inject: DeliveredInject = {
        id: i.id,
        atS,
        kind,
        origin: 'live',
        text: i.text,
        ...(i.unitId !== undefined ? { unitId: i.unitId } : {}),
        ...(i.weather !== undefined ? { weather: i.weather } : {}),
      };
      if (kind === 'unit-breakdown') {
        if (i.unitId === undefined)
          throw new TandemError('INVALID_INPUT', 'a breakdown inject names its unit', 'unitId');
        unitById(i.unitId);
        pending.push({ held: false, effect: { kind: 'breakdown', unitId: i.unitId }, inject });
      } else if (kind === 'weather-change') {
        if (i.weather === undefined)
          throw new TandemError('INVALID_INPUT', 'a weather inject gives the new weather', 'weather');
        pending.push({ held: false, effect: { kind: 'weather', ...i.weather }, inject });
      } else pending.push({ held: false, effect: { kind: 'none' }, inject });
    },
    registerCloud(tracks, object) {
      const n = tracks.count;
      clouds.push({
        tracks,
        object,
        miss: new Float64Array(n).fill(1),
        retired: false,
        x0: new Float64Array(n),
        y0: new Float64Array(n),
        x1: new Float64Array(n),
        y1: new Float64Array(n),
      });
      return clouds.length - 1;
    },
    retireCloud(index) {
      const c = clouds[index];
      if (c !== undefined && index > 0) c.retired = true;
    },
    cloudMiss(index) {
      const c = clouds[index];
      if (c === undefined) throw new TandemError('NOT_FOUND', `no cloud ${index}`, 'cloud');
      return c.miss;
    },
    units: () => units,
    unitPosition(unitId) {
      const u = unitById(unitId);
      const [x, y] = posAt(u, nowS);
      return proj.inverse(x, y);
    },
    unitStatus(unitId) {
      const u = unitById(unitId);
      if (u.broken) return 'broken';
      if (u.route === undefined) return 'at-base';
      const ph = phaseAt(u, nowS);
      if (ph === undefined) return 'tasked';
      return ph === 'search'
        ? 'searching'
        : ph === 'transit'
          ? 'transit'
          : ph === 'return'
            ? 'returning'
            : 'recovering';
    },
    delivered: () => delivered,
    pending: () => pending,
    timeline: () => [...timeline].sort((a, b) => a.atS - b.atS),
    messages: () => messages,
    plans: () => plans,
    detections: () => detections,
    weather: () => ({ ...weather }),
    summary,
  };
}
