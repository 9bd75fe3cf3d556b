/**
 * A drill instantiated from a template: everything fixed by the drill seed (the reported casualty, the
 * environment, units and their bases, the master scenario events list, objectives, roles). The hidden truth is
 * not here: it is drawn from `truthSeed` (its own random stream) by `prepareDrill`, or replayed from recorded
 * drifter tracks (`truthTracks`).
 */
import { TandemError } from '../errors/index.ts';
import type { LandMask } from '../forcing/index.ts';
import { geodesicInverse } from '../geo/index.ts';
import type { LonLat } from '../geo/index.ts';
import { createRng, mixSeed } from '../random/index.ts';
import { findSearchUnitType, SEARCH_BASES } from '../search/index.ts';
import type { Nation, SensorModel } from '../search/index.ts';
import { degreesTrue } from '../units/index.ts';
import type {
  Capability,
  Difficulty,
  EnvironmentTemplate,
  InjectTemplate,
  Objective,
  ObjectTemplate,
} from './drill-template.ts';
import type { DrillTemplate } from './drill-template.ts';
import { text } from './localized-text.ts';
import type { DrillText } from './localized-text.ts';
import { findSeaArea, generateCasualtyPosition } from './location-generator.ts';
import type { SeaAreaId } from './location-generator.ts';
import { srrNationAt } from './srr-regions.ts';

/** Random stream numbers (ADR 0003): setup from the drill seed; truth, sightings and detections from the truth seed. */
export const DRILL_STREAMS = { setup: 701, truthPosition: 702, sightings: 703, detection: 704, planning: 705 } as const;

export type DrillRole = 'controller' | 'evaluator' | 'player';

export interface DrillParticipant {
  readonly name: string;
  readonly role: DrillRole;
  readonly nation: Nation;
}

export type DrillEnvironment = Omit<EnvironmentTemplate, 'label'> & { readonly label: DrillText };

export interface DrillUnit {
  readonly id: string;
  readonly type: string;
  readonly nation: Nation;
  readonly name: string;
  readonly platform: 'boat' | 'aircraft' | 'helicopter';
  readonly baseId: string | undefined;
  readonly base: LonLat;
  /** Seconds from tasking to departure. */
  readonly noticeS: number;
  /** Explicit sweep width (m) overriding the tables, for tests and special sensors. */
  readonly sweepWidthM: number | undefined;
}

/** A point of a recorded drifter track. `atS` is counted from the drill start (negative before it). */
export interface TrackPoint {
  readonly atS: number;
  readonly lonDeg: number;
  readonly latDeg: number;
}

export interface TruthTrack {
  readonly objectId: string;
  readonly points: readonly TrackPoint[];
}

/** An inject of the master scenario events list as set up (payloads that depend on the truth are resolved later). */
export type DrillInjectSpec = InjectTemplate & { readonly origin: 'scripted' | 'contingency' | 'live' };

export interface DrillSpec {
  readonly id: string;
  readonly name: DrillText;
  readonly description: DrillText;
  readonly templateId: string;
  readonly family: string;
  readonly difficulty: Difficulty;
  readonly seed: number;
  readonly truthSeed: number;
  /** Drill start (the MAYDAY relay), epoch s UTC. */
  readonly startTimeS: number;
  readonly durationS: number;
  /** Simulation step, s. */
  readonly stepS: number;
  /** Reported casualty time, s from the drill start (negative). */
  readonly casualtyAtS: number;
  /** Reported (MAYDAY) position and its 1-σ error; the truth lies around it. */
  readonly reportedPosition: LonLat;
  readonly reportedErrorM: number;
  readonly seaArea: SeaAreaId;
  /** The nation whose SRR holds the reported position (the first SMC). */
  readonly srr: Nation | undefined;
  readonly environment: DrillEnvironment;
  readonly objects: readonly ObjectTemplate[];
  readonly units: readonly DrillUnit[];
  readonly injects: readonly DrillInjectSpec[];
  readonly objectives: readonly Objective[];
  readonly participants: readonly DrillParticipant[];
  readonly sensor: SensorModel;
  readonly truthTracks: readonly TruthTrack[] | undefined;
  /** Particles of the reference (and auto-player) probability map. */
  readonly planningParticles: number;
}

export interface DrillSetupOptions {
  readonly seed: number;
  /** Separate seed of the hidden truth; default `mixSeed(seed, 0x7275)` (a distinct 32-bit value). */
  readonly truthSeed?: number;
  readonly startTimeS: number;
  readonly land: LandMask;
  /** Reported position; default drawn by the location generator in one of the template's sea areas. */
  readonly position?: LonLat;
  readonly units?: readonly DrillUnit[];
  readonly participants?: readonly DrillParticipant[];
  readonly id?: string;
}

const DEFAULT_PARTICIPANTS: readonly DrillParticipant[] = [
  { name: 'KCG controller', role: 'controller', nation: 'KR' },
  { name: 'JCG controller', role: 'controller', nation: 'JP' },
  { name: 'Evaluator (KR)', role: 'evaluator', nation: 'KR' },
  { name: 'Evaluator (JP)', role: 'evaluator', nation: 'JP' },
  { name: 'KCG RCC planners', role: 'player', nation: 'KR' },
  { name: 'JCG RCC planners', role: 'player', nation: 'JP' },
];

/** The nearest base of the unit's nation and kind (port for ships, air base for aircraft) to `near`. */
export function nearestBase(typeId: string, near: LonLat, field = 'units'): { id: string; lonLat: LonLat } {
  const t = findSearchUnitType(typeId);
  if (t === undefined) throw new TandemError('UNKNOWN_CATEGORY', `unknown unit type "${typeId}"`, field);
  const kind = t.platform === 'boat' ? 'port' : 'air-base';
  let best: { id: string; lonLat: LonLat } | undefined;
  let bestD = Infinity;
  for (const b of SEARCH_BASES) {
    if (b.nation !== t.nation || b.kind !== kind) continue;
    const d = geodesicInverse(near, [b.lonDeg, b.latDeg]).distanceM;
    if (d < bestD) {
      bestD = d;
      best = { id: b.id, lonLat: [b.lonDeg, b.latDeg] };
    }
  }
  if (best === undefined) throw new TandemError('NOT_FOUND', `no ${kind} of nation ${t.nation}`, field);
  return best;
}

/** A drill unit of catalogue type `typeId` at `baseId` (or the nearest base). */
export function drillUnit(
  id: string,
  typeId: string,
  near: LonLat,
  opts: { baseId?: string; base?: LonLat; noticeS?: number; sweepWidthM?: number } = {},
  field = 'units',
): DrillUnit {
  const t = findSearchUnitType(typeId);
  if (t === undefined) throw new TandemError('UNKNOWN_CATEGORY', `unknown unit type "${typeId}"`, `${field}.type`);
  let baseId: string | undefined = opts.baseId;
  let base: LonLat;
  if (opts.base !== undefined) base = opts.base;
  else if (baseId !== undefined) {
    const b = SEARCH_BASES.find((q) => q.id === baseId);
    if (b === undefined) throw new TandemError('NOT_FOUND', `unknown base "${baseId}"`, `${field}.base`);
    base = [b.lonDeg, b.latDeg];
  } else {
    const b = nearestBase(typeId, near, field);
    baseId = b.id;
    base = b.lonLat;
  }
  return {
    id,
    type: typeId,
    nation: t.nation,
    name: t.name,
    platform: t.platform,
    baseId,
    base,
    noticeS: opts.noticeS ?? (t.platform === 'boat' ? 1800 : 3600),
    sweepWidthM: opts.sweepWidthM,
  };
}

/** Instantiate a template into a drill. Deterministic in (template, options). */
export function createDrillSpec(template: DrillTemplate, o: DrillSetupOptions): DrillSpec {
  if (!Number.isInteger(o.seed)) throw new TandemError('INVALID_INPUT', 'must be an integer', 'seed');
  if (!Number.isFinite(o.startTimeS)) throw new TandemError('INVALID_INPUT', 'must be a UTC time', 'startTime');
  const rng = createRng(o.seed, DRILL_STREAMS.setup);
  const areaId = template.seaAreas[rng.int(template.seaAreas.length)] as SeaAreaId;
  const area = findSeaArea(areaId);
  const position = o.position ?? generateCasualtyPosition(area, o.land, rng);
  if (o.position !== undefined && o.land.isLand(position[0], position[1]))
    throw new TandemError(
      'INVALID_INPUT',
      `the reported position ${position[0]}, ${position[1]} is on land`,
      'position',
    );
  const e = template.environment;
  const environment: DrillEnvironment = { ...e, windFromDeg: degreesTrue(e.windFromDeg + (rng.uniform() - 0.5) * 40) };
  const units =
    o.units ??
    template.units.map((u, k) =>
      drillUnit(`${u.type}-${k + 1}`, u.type, position, {
        ...(u.base !== undefined ? { baseId: u.base } : {}),
        ...(u.noticeS !== undefined ? { noticeS: u.noticeS } : {}),
      }),
    );
  const injects: DrillInjectSpec[] = template.injects.map((i) => ({
    ...i,
    origin: i.held === true ? 'contingency' : 'scripted',
  }));
  return {
    id: o.id ?? `${template.id}-${o.seed}`,
    name: template.name,
    description: template.description,
    templateId: template.id,
    family: template.family,
    difficulty: template.difficulty,
    seed: o.seed,
    truthSeed: o.truthSeed ?? mixSeed(o.seed, 0x7275),
    startTimeS: o.startTimeS,
    durationS: template.durationS,
    stepS: 30,
    casualtyAtS: -template.reportDelayS,
    reportedPosition: position,
    reportedErrorM: template.reportedPositionErrorM,
    seaArea: areaId,
    srr: srrNationAt(position[0], position[1]),
    environment,
    objects: template.objects,
    units,
    injects,
    objectives: template.objectives,
    participants: o.participants ?? DEFAULT_PARTICIPANTS,
    sensor: template.sensor,
    truthTracks: undefined,
    planningParticles: 1000,
  };
}

/** Labels of the HSEEP capability names. */
export const CAPABILITY_NAMES: Readonly<Record<Capability, DrillText>> = {
  'search-planning': text('Search planning', '수색 계획', '捜索計画'),
  'operational-coordination': text('Operational coordination', '작전 조정', '運用調整'),
  'search-and-detection': text('Search and detection', '수색 및 탐지', '捜索と探知'),
  rescue: text('Rescue', '구조', '救助'),
  communications: text('Communications', '통신', '通信'),
};
