/**
 * The search plan document (`tandem plan PLAN.json`; JSON Schema `docs/schemas/search-plan.schema.json`) parsed
 * from untrusted JSON into SI units and epoch seconds. Every rejection is a TandemError naming the JSON path.
 */
import { TandemError } from '../errors/index.ts';
import type { LonLat } from '../geo/index.ts';
import { parseUtcTime } from '../units/index.ts';
import type { EpochSeconds } from '../units/index.ts';
import { SENSOR_MODELS } from './detection.ts';
import type { SensorModel } from './detection.ts';
import type { Nation } from './search-unit-catalogue.ts';

export type ProbabilitySpec =
  | { readonly kind: 'driftRun'; readonly dir: string; readonly atTimeS: EpochSeconds }
  | { readonly kind: 'uniform'; readonly polygon: readonly LonLat[] }
  | { readonly kind: 'circularNormal'; readonly center: LonLat; readonly sigmaM: number };

export type PatternSpec =
  | {
      readonly kind: 'parallel' | 'creeping';
      readonly area: readonly LonLat[];
      readonly trackSpacingM: number;
      readonly legBearingDeg: number | undefined;
    }
  | {
      readonly kind: 'expanding-square';
      readonly center: LonLat;
      readonly trackSpacingM: number;
      readonly legCount: number;
      readonly firstLegBearingDeg: number;
    }
  | { readonly kind: 'sector'; readonly center: LonLat; readonly radiusM: number; readonly firstLegBearingDeg: number }
  | {
      readonly kind: 'track-line';
      readonly route: readonly LonLat[];
      readonly trackSpacingM: number;
      readonly returning: boolean;
    };

export interface UnitSpec {
  readonly id: string;
  readonly nation: Nation;
  readonly type: string | undefined;
  readonly sweepWidthM: number | undefined;
  readonly speedMps: number | undefined;
  readonly transitSpeedMps: number | undefined;
  readonly enduranceS: number | undefined;
  readonly altitudeM: number | undefined;
  readonly base: LonLat;
  readonly pattern: PatternSpec | undefined;
  readonly fatigued: boolean;
}

export interface PlanDocument {
  readonly name: string;
  readonly probability: ProbabilitySpec;
  /** Search object of the sweep-width tables (needed when a unit has no explicit sweepWidthM). */
  readonly searchObject: string | undefined;
  readonly visibilityM: number;
  readonly windSpeedMps: number;
  readonly seaHeightM: number;
  readonly units: readonly UnitSpec[];
  readonly sensor: SensorModel;
  readonly mode: 'evaluate' | 'optimize';
  /** Time the units depart (and the probability map's time), epoch s; undefined when not given. */
  readonly startTimeS: EpochSeconds | undefined;
  readonly gridNx: number;
  readonly gridNy: number;
  /** Mean drift to compensate patterns for: explicit vector, derived from the drift run (`true`), or none. */
  readonly driftCompensation: { readonly eastMps: number; readonly northMps: number } | 'fromDriftRun' | undefined;
  readonly seed: number;
  /** Free text for the messages (optional). */
  readonly casualty: string | undefined;
  readonly personsAtRisk: number | undefined;
  readonly coordinator: string | undefined;
  readonly sitrepNumber: number;
}

type Obj = Record<string, unknown>;

const at = (field: string, key: string): string => (field === '' ? key : `${field}.${key}`);

function fail(field: string, message: string, code: 'INVALID_INPUT' | 'OUT_OF_RANGE' = 'INVALID_INPUT'): never {
  throw new TandemError(code, message, field);
}

function obj(v: unknown, field: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(field, 'must be an object');
  return v as Obj;
}

function onlyKeys(o: Obj, allowed: readonly string[], field: string): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) fail(at(field, k), `unknown key; expected one of ${allowed.join(', ')}`);
  }
}

function num(o: Obj, key: string, field: string, min: number, max: number, required: true): number;
function num(o: Obj, key: string, field: string, min: number, max: number, required: false): number | undefined;
function num(o: Obj, key: string, field: string, min: number, max: number, required: boolean): number | undefined {
  const v = o[key];
  if (v === undefined) {
    if (required) fail(at(field, key), 'is required');
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(at(field, key), `must be a number, got ${JSON.stringify(v)}`);
  if (v < min || v > max) fail(at(field, key), `must be in [${min}, ${max}], got ${v}`, 'OUT_OF_RANGE');
  return v;
}

function str(o: Obj, key: string, field: string, required: boolean): string | undefined {
  const v = o[key];
  if (v === undefined) {
    if (required) fail(at(field, key), 'is required');
    return undefined;
  }
  if (typeof v !== 'string' || v.length === 0 || v.length > 500)
    fail(at(field, key), 'must be a non-empty string (≤ 500 chars)');
  return v;
}

function int(o: Obj, key: string, field: string, min: number, max: number): number | undefined {
  const v = num(o, key, field, min, max, false);
  if (v !== undefined && !Number.isInteger(v)) fail(at(field, key), `must be a whole number, got ${v}`);
  return v;
}

function lonLat(v: unknown, field: string): LonLat {
  if (Array.isArray(v)) {
    if (v.length !== 2 || typeof v[0] !== 'number' || typeof v[1] !== 'number') fail(field, 'must be [lon, lat]');
    const [lon, lat] = v as [number, number];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      fail(field, `[lon, lat] out of range: [${lon}, ${lat}]`, 'OUT_OF_RANGE');
    }
    return [lon, lat];
  }
  const o = obj(v, field);
  onlyKeys(o, ['lon', 'lat'], field);
  return [num(o, 'lon', field, -180, 180, true), num(o, 'lat', field, -90, 90, true)];
}

function ring(v: unknown, field: string, min: number, max = 10000): LonLat[] {
  if (!Array.isArray(v) || v.length < min || v.length > max)
    fail(field, `must be an array of ${min} to ${max} [lon, lat] points`);
  return v.map((p, i) => lonLat(p, `${field}[${i}]`));
}

function time(o: Obj, key: string, field: string, required: boolean): EpochSeconds | undefined {
  const s = str(o, key, field, required);
  if (s === undefined) return undefined;
  const t = parseUtcTime(s);
  if (!Number.isFinite(t)) fail(at(field, key), `must be an ISO-8601 UTC time like 2026-03-01T06:00:00Z, got "${s}"`);
  return t;
}

const MAX_LEN_M = 5_000_000;

/**
 * Other spellings of the pattern kinds (camelCase, snake_case, the IAMSAR names and codes) and their canonical
 * kind; a pattern's `datum` is read as its `center`.
 */
export const PATTERN_KIND_ALIASES: Readonly<Record<string, PatternSpec['kind']>> = {
  'parallel-sweep': 'parallel',
  parallelSweep: 'parallel',
  parallel_sweep: 'parallel',
  PS: 'parallel',
  'creeping-line': 'creeping',
  creepingLine: 'creeping',
  creeping_line: 'creeping',
  CS: 'creeping',
  expandingSquare: 'expanding-square',
  expanding_square: 'expanding-square',
  SS: 'expanding-square',
  'sector-search': 'sector',
  VS: 'sector',
  trackLine: 'track-line',
  track_line: 'track-line',
  TS: 'track-line',
};

function pattern(v: unknown, field: string): PatternSpec {
  const o = { ...obj(v, field) };
  const kind = typeof o['kind'] === 'string' ? (PATTERN_KIND_ALIASES[o['kind']] ?? o['kind']) : o['kind'];
  if (o['datum'] !== undefined && o['center'] === undefined) {
    o['center'] = o['datum'];
    delete o['datum'];
  }
  const keys: Record<string, readonly string[]> = {
    parallel: ['kind', 'area', 'trackSpacingM', 'legBearingDeg'],
    creeping: ['kind', 'area', 'trackSpacingM', 'legBearingDeg'],
    'expanding-square': ['kind', 'center', 'trackSpacingM', 'legCount', 'firstLegBearingDeg'],
    sector: ['kind', 'center', 'radiusM', 'firstLegBearingDeg'],
    'track-line': ['kind', 'route', 'trackSpacingM', 'returning'],
  };
  if (typeof kind === 'string' && keys[kind] !== undefined) onlyKeys(o, keys[kind] as readonly string[], field);
  switch (kind) {
    case 'parallel':
    case 'creeping': {
      const area = ring(o['area'], `${field}.area`, 4, 4);
      return {
        kind,
        area,
        trackSpacingM: num(o, 'trackSpacingM', field, 1, MAX_LEN_M, true),
        legBearingDeg: num(o, 'legBearingDeg', field, -360, 360, false),
      };
    }
    case 'expanding-square':
      return {
        kind,
        center: lonLat(o['center'], `${field}.center`),
        trackSpacingM: num(o, 'trackSpacingM', field, 1, MAX_LEN_M, true),
        legCount: int(o, 'legCount', field, 1, 10000) ?? 12,
        firstLegBearingDeg: num(o, 'firstLegBearingDeg', field, -360, 360, false) ?? 0,
      };
    case 'sector':
      return {
        kind,
        center: lonLat(o['center'], `${field}.center`),
        radiusM: num(o, 'radiusM', field, 1, MAX_LEN_M, true),
        firstLegBearingDeg: num(o, 'firstLegBearingDeg', field, -360, 360, false) ?? 0,
      };
    case 'track-line': {
      const r = o['returning'];
      if (r !== undefined && typeof r !== 'boolean') fail(`${field}.returning`, 'must be true or false');
      return {
        kind,
        route: ring(o['route'], `${field}.route`, 2),
        trackSpacingM: num(o, 'trackSpacingM', field, 1, MAX_LEN_M, true),
        returning: r === true,
      };
    }
    default:
      fail(
        `${field}.kind`,
        `must be one of parallel, creeping, expanding-square, sector, track-line; got ${JSON.stringify(kind)}`,
      );
  }
}

function probability(v: unknown): ProbabilitySpec {
  const field = 'probability';
  const o = obj(v, field);
  const keys = ['driftRun', 'uniform', 'circularNormal'].filter((k) => o[k] !== undefined);
  if (keys.length !== 1) fail(field, 'must have exactly one of driftRun, uniform, circularNormal');
  if (o['driftRun'] !== undefined) {
    onlyKeys(o, ['driftRun', 'atTime'], field);
    const dir = o['driftRun'];
    if (typeof dir !== 'string' || dir.length === 0)
      fail(`${field}.driftRun`, 'must be the drift run directory (string)');
    return { kind: 'driftRun', dir, atTimeS: time(o, 'atTime', field, true) as EpochSeconds };
  }
  if (o['uniform'] !== undefined) {
    onlyKeys(o, ['uniform'], field);
    const u = obj(o['uniform'], `${field}.uniform`);
    onlyKeys(u, ['polygon'], `${field}.uniform`);
    return { kind: 'uniform', polygon: ring(u['polygon'], `${field}.uniform.polygon`, 3) };
  }
  onlyKeys(o, ['circularNormal'], field);
  const c = obj(o['circularNormal'], `${field}.circularNormal`);
  onlyKeys(c, ['lon', 'lat', 'sigmaM'], `${field}.circularNormal`);
  return {
    kind: 'circularNormal',
    center: [
      num(c, 'lon', `${field}.circularNormal`, -180, 180, true),
      num(c, 'lat', `${field}.circularNormal`, -90, 90, true),
    ],
    sigmaM: num(c, 'sigmaM', `${field}.circularNormal`, 1, 2_000_000, true),
  };
}

const UNIT_KEYS = [
  'id',
  'nation',
  'type',
  'sweepWidthM',
  'speedMps',
  'transitSpeedMps',
  'enduranceS',
  'altitudeM',
  'fatigued',
  'base',
  'pattern',
];

const TOP_KEYS = [
  '$schema',
  'name',
  'probability',
  'searchObject',
  'conditions',
  'startTime',
  'units',
  'sensor',
  'mode',
  'grid',
  'driftCompensation',
  'seed',
  'messages',
];

function unitSpec(v: unknown, k: number, ids: Set<string>): UnitSpec {
  const field = `units[${k}]`;
  const o = obj(v, field);
  onlyKeys(o, UNIT_KEYS, field);
  const id = str(o, 'id', field, true) as string;
  if (ids.has(id)) fail(`${field}.id`, `duplicate unit id "${id}"`);
  ids.add(id);
  const nation = o['nation'];
  if (nation !== 'KR' && nation !== 'JP')
    fail(`${field}.nation`, `must be "KR" or "JP", got ${JSON.stringify(nation)}`);
  const fatigued = o['fatigued'];
  if (fatigued !== undefined && typeof fatigued !== 'boolean') fail(`${field}.fatigued`, 'must be true or false');
  return {
    id,
    nation,
    type: str(o, 'type', field, false),
    sweepWidthM: num(o, 'sweepWidthM', field, 1, 200_000, false),
    speedMps: num(o, 'speedMps', field, 0.1, 400, false),
    transitSpeedMps: num(o, 'transitSpeedMps', field, 0.1, 400, false),
    enduranceS: num(o, 'enduranceS', field, 60, 30 * 86400, false),
    altitudeM: num(o, 'altitudeM', field, 0, 15000, false),
    base: lonLat(o['base'], `${field}.base`),
    pattern: o['pattern'] === undefined ? undefined : pattern(o['pattern'], `${field}.pattern`),
    fatigued: fatigued === true,
  };
}

/** Parse and validate a plan document. */
export function parsePlanDocument(json: unknown): PlanDocument {
  const o = obj(json, '(plan document)');
  onlyKeys(o, TOP_KEYS, '');
  const units = o['units'];
  if (!Array.isArray(units) || units.length === 0 || units.length > 200)
    fail('units', 'must be an array of 1 to 200 units');
  const ids = new Set<string>();
  const sensor = o['sensor'] ?? 'inverse-cube';
  if (!SENSOR_MODELS.includes(sensor as SensorModel))
    fail('sensor', `must be one of ${SENSOR_MODELS.join(', ')}; got ${JSON.stringify(sensor)}`);
  const mode = o['mode'] ?? 'optimize';
  if (mode !== 'evaluate' && mode !== 'optimize')
    fail('mode', `must be "evaluate" or "optimize"; got ${JSON.stringify(mode)}`);
  const parsedUnits = units.map((u, k) => unitSpec(u, k, ids));
  if (mode === 'evaluate') {
    parsedUnits.forEach((u, k) => {
      if (u.pattern === undefined) fail(`units[${k}].pattern`, 'is required in evaluate mode');
    });
  }
  const conditions = o['conditions'] === undefined ? {} : obj(o['conditions'], 'conditions');
  onlyKeys(conditions, ['visibilityM', 'windSpeedMps', 'seaHeightM'], 'conditions');
  const grid = o['grid'] === undefined ? {} : obj(o['grid'], 'grid');
  onlyKeys(grid, ['nx', 'ny'], 'grid');
  const dc = o['driftCompensation'];
  let driftCompensation: PlanDocument['driftCompensation'];
  if (dc === true) driftCompensation = 'fromDriftRun';
  else if (dc === undefined || dc === false) driftCompensation = undefined;
  else {
    const d = obj(dc, 'driftCompensation');
    onlyKeys(d, ['eastMps', 'northMps'], 'driftCompensation');
    driftCompensation = {
      eastMps: num(d, 'eastMps', 'driftCompensation', -20, 20, true),
      northMps: num(d, 'northMps', 'driftCompensation', -20, 20, true),
    };
  }
  const prob = probability(o['probability']);
  if (driftCompensation === 'fromDriftRun' && prob.kind !== 'driftRun') {
    fail('driftCompensation', 'true needs a driftRun probability; give { eastMps, northMps } instead');
  }
  const messages = o['messages'] === undefined ? {} : obj(o['messages'], 'messages');
  onlyKeys(messages, ['coordinator', 'casualty', 'personsAtRisk', 'sitrepNumber'], 'messages');
  const seed = int(o, 'seed', '', 0, 2 ** 32 - 1) ?? 1;
  return {
    name: str(o, 'name', '', false) ?? 'search plan',
    probability: prob,
    searchObject: str(o, 'searchObject', '', false),
    visibilityM: num(conditions, 'visibilityM', 'conditions', 1, 1_000_000, false) ?? 18520,
    windSpeedMps: num(conditions, 'windSpeedMps', 'conditions', 0, 100, false) ?? 0,
    seaHeightM: num(conditions, 'seaHeightM', 'conditions', 0, 30, false) ?? 0,
    units: parsedUnits,
    sensor: sensor as SensorModel,
    mode,
    startTimeS: time(o, 'startTime', '', false) ?? (prob.kind === 'driftRun' ? prob.atTimeS : undefined),
    gridNx: int(grid, 'nx', 'grid', 10, 2000) ?? 200,
    gridNy: int(grid, 'ny', 'grid', 10, 2000) ?? 200,
    driftCompensation,
    seed,
    casualty: str(messages, 'casualty', 'messages', false),
    personsAtRisk: num(messages, 'personsAtRisk', 'messages', 0, 100000, false),
    coordinator: str(messages, 'coordinator', 'messages', false),
    sitrepNumber: int(messages, 'sitrepNumber', 'messages', 1, 9999) ?? 1,
  };
}
