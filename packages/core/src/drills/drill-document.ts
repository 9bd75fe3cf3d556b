/**
 * The drill document (`tandem drill run DRILL.json`; JSON Schema `docs/schemas/drill.schema.json`): a template
 * and seed, with optional overrides (reported position, start time, environment, units, a recorded drifter track
 * for the truth, extra injects), recorded player/controller actions and evaluator ratings. Parsed from untrusted
 * JSON; every rejection is a TandemError naming the JSON path. Sizes are bounded before anything is allocated.
 */
import { TandemError } from '../errors/index.ts';
import type { LandMask } from '../forcing/index.ts';
import type { LonLat } from '../geo/index.ts';
import { SENSOR_MODELS } from '../search/index.ts';
import type { SensorModel } from '../search/index.ts';
import { parseUtcTime } from '../units/index.ts';
import type { InjectTemplate } from './drill-template.ts';
import { createDrillSpec, drillUnit } from './drill-spec.ts';
import type { DrillInjectSpec, DrillRole, DrillSpec, DrillUnit, DrillParticipant, TruthTrack } from './drill-spec.ts';
import { HSEEP_RATINGS } from './hseep-evaluation.ts';
import type { HseepRating, ObjectiveEvaluation } from './hseep-evaluation.ts';
import { text } from './localized-text.ts';
import type { DrillAction } from './run-drill.ts';
import { findDrillTemplate } from './scenario-library.ts';

/** Bounds on untrusted lists. */
export const MAX_DRILL_LIST = 10_000;
export const MAX_TRACK_POINTS = 100_000;
/** Longest drill, s (7 days). */
export const MAX_DRILL_DURATION_S = 7 * 86400;
/** Largest reference / planning map (the pass loop costs particles × units × steps). */
export const MAX_PLANNING_PARTICLES = 20_000;
export const DEFAULT_DRILL_START = '2026-06-01T00:00:00Z';

export interface ParsedDrillDocument {
  readonly spec: DrillSpec;
  readonly actions: readonly DrillAction[];
  readonly evaluations: readonly ObjectiveEvaluation[];
}

type Obj = Record<string, unknown>;

function fail(field: string, message: string, code: 'INVALID_INPUT' | 'OUT_OF_RANGE' = 'INVALID_INPUT'): never {
  throw new TandemError(code, message, field);
}
function obj(v: unknown, field: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(field, 'must be an object');
  return v as Obj;
}
function onlyKeys(o: Obj, allowed: readonly string[], field: string): void {
  for (const k of Object.keys(o))
    if (!allowed.includes(k))
      fail(`${field}.${k}`.replace(/^\./, ''), `unknown key; expected one of ${allowed.join(', ')}`);
}
const at = (field: string, key: string): string => (field === '' ? key : `${field}.${key}`);
function num(o: Obj, key: string, field: string, min: number, max: number): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(at(field, key), `must be a number, got ${JSON.stringify(v)}`);
  if (v < min || v > max) fail(at(field, key), `must be in [${min}, ${max}], got ${v}`, 'OUT_OF_RANGE');
  return v;
}
function reqNum(o: Obj, key: string, field: string, min: number, max: number): number {
  const v = num(o, key, field, min, max);
  if (v === undefined) fail(at(field, key), 'is required');
  return v;
}
function int(o: Obj, key: string, field: string, min: number, max: number): number | undefined {
  const v = num(o, key, field, min, max);
  if (v !== undefined && !Number.isInteger(v)) fail(at(field, key), `must be an integer, got ${v}`);
  return v;
}
function str(o: Obj, key: string, field: string, required: boolean): string | undefined {
  const v = o[key];
  if (v === undefined) {
    if (required) fail(at(field, key), 'is required');
    return undefined;
  }
  if (typeof v !== 'string' || v.length === 0 || v.length > 2000)
    fail(at(field, key), 'must be a non-empty string (≤ 2000 chars)');
  return v;
}
function list(v: unknown, field: string, max = MAX_DRILL_LIST): unknown[] {
  if (!Array.isArray(v)) fail(field, 'must be an array');
  if (v.length > max) fail(field, `has ${v.length} items; at most ${max}`, 'OUT_OF_RANGE');
  return v;
}
function lonLat(v: unknown, field: string): LonLat {
  const a = list(v, field, 2);
  const lon = a[0];
  const lat = a[1];
  if (
    a.length !== 2 ||
    typeof lon !== 'number' ||
    typeof lat !== 'number' ||
    !Number.isFinite(lon) ||
    !Number.isFinite(lat)
  )
    fail(field, 'must be [lon, lat] in degrees');
  if (lon < -180 || lon > 360 || lat < -90 || lat > 90)
    fail(field, `[${lon}, ${lat}] is not a valid position`, 'OUT_OF_RANGE');
  return [lon, lat];
}
function localized(v: unknown, field: string): ReturnType<typeof text> {
  if (typeof v === 'string') {
    if (v.length === 0 || v.length > 2000) fail(field, 'must be a non-empty string (≤ 2000 chars)');
    return text(v, v, v);
  }
  const o = obj(v, field);
  onlyKeys(o, ['en', 'ko', 'ja'], field);
  return text(
    str(o, 'en', field, true) as string,
    str(o, 'ko', field, true) as string,
    str(o, 'ja', field, true) as string,
  );
}
function time(o: Obj, field: string): number {
  if (o['atS'] !== undefined && o['time'] !== undefined) fail(field, 'give either "atS" or "time", not both');
  const t = o['time'];
  if (t !== undefined) {
    if (typeof t !== 'string' || !Number.isFinite(parseUtcTime(t)))
      fail(at(field, 'time'), 'must be an ISO-8601 UTC time');
    return NaN;
  }
  return reqNum(o, 'atS', field, -MAX_DRILL_DURATION_S, MAX_DRILL_DURATION_S);
}
function timeOf(o: Obj, field: string, startS: number): number {
  const t = time(o, field);
  return Number.isNaN(t) ? parseUtcTime(o['time'] as string) - startS : t;
}

const TOP_KEYS = [
  '$schema',
  'name',
  'template',
  'seed',
  'truthSeed',
  'startTime',
  'position',
  'durationS',
  'stepS',
  'environment',
  'units',
  'sensor',
  'truthTracks',
  'injects',
  'actions',
  'participants',
  'evaluations',
  'planningParticles',
];
const ENV_KEYS = [
  'windSpeedMps',
  'windFromDeg',
  'currentSpeedMps',
  'currentToDeg',
  'waterTempC',
  'visibilityM',
  'seaHeightM',
  'night',
];

/** Parse a drill document (`land` for the location generator and the water checks). */
export function parseDrillDocument(json: unknown, land: LandMask): ParsedDrillDocument {
  const d = obj(json, '');
  onlyKeys(d, TOP_KEYS, '');
  const template = findDrillTemplate(str(d, 'template', '', true) as string, 'template');
  const seed = int(d, 'seed', '', 0, 0xffffffff) ?? 1;
  const truthSeed = int(d, 'truthSeed', '', 0, 0xffffffff);
  const startIso = str(d, 'startTime', '', false) ?? DEFAULT_DRILL_START;
  const startTimeS = parseUtcTime(startIso);
  if (!Number.isFinite(startTimeS)) fail('startTime', `must be an ISO-8601 UTC time, got "${startIso}"`);
  const position = d['position'] === undefined ? undefined : lonLat(d['position'], 'position');
  const units: DrillUnit[] | undefined =
    d['units'] === undefined
      ? undefined
      : list(d['units'], 'units', 100).map((v, k) => {
          const f = `units[${k}]`;
          const u = obj(v, f);
          onlyKeys(u, ['id', 'type', 'base', 'noticeS', 'sweepWidthM'], f);
          const type = str(u, 'type', f, true) as string;
          const id = str(u, 'id', f, false) ?? `${type}-${k + 1}`;
          const near = position ?? [129.5, 34.5];
          const b = u['base'];
          const noticeS = num(u, 'noticeS', f, 0, 86400);
          const sweepWidthM = num(u, 'sweepWidthM', f, 1, 100000);
          return drillUnit(
            id,
            type,
            near,
            {
              ...(typeof b === 'string' ? { baseId: b } : b !== undefined ? { base: lonLat(b, `${f}.base`) } : {}),
              ...(noticeS !== undefined ? { noticeS } : {}),
              ...(sweepWidthM !== undefined ? { sweepWidthM } : {}),
            },
            f,
          );
        });
  if (units !== undefined && new Set(units.map((u) => u.id)).size !== units.length)
    fail('units', 'unit ids must be unique');
  const participants: DrillParticipant[] | undefined =
    d['participants'] === undefined
      ? undefined
      : list(d['participants'], 'participants', 500).map((v, k) => {
          const f = `participants[${k}]`;
          const p = obj(v, f);
          onlyKeys(p, ['name', 'role', 'nation'], f);
          const role = str(p, 'role', f, true) as string;
          if (!['controller', 'evaluator', 'player'].includes(role))
            fail(`${f}.role`, 'must be controller, evaluator or player');
          const nation = str(p, 'nation', f, true) as string;
          if (nation !== 'KR' && nation !== 'JP') fail(`${f}.nation`, 'must be "KR" or "JP"');
          return { name: str(p, 'name', f, true) as string, role: role as DrillRole, nation };
        });
  const base = createDrillSpec(template, {
    seed,
    startTimeS,
    land,
    ...(truthSeed !== undefined ? { truthSeed } : {}),
    ...(position !== undefined ? { position } : {}),
    ...(units !== undefined ? { units } : {}),
    ...(participants !== undefined ? { participants } : {}),
  });
  const env = d['environment'] === undefined ? {} : obj(d['environment'], 'environment');
  onlyKeys(env, ENV_KEYS, 'environment');
  const night = env['night'];
  if (night !== undefined && typeof night !== 'boolean') fail('environment.night', 'must be true or false');
  const environment = {
    ...base.environment,
    ...(num(env, 'windSpeedMps', 'environment', 0, 60) !== undefined
      ? { windSpeedMps: env['windSpeedMps'] as number }
      : {}),
    ...(num(env, 'windFromDeg', 'environment', 0, 360) !== undefined
      ? { windFromDeg: env['windFromDeg'] as number }
      : {}),
    ...(num(env, 'currentSpeedMps', 'environment', 0, 5) !== undefined
      ? { currentSpeedMps: env['currentSpeedMps'] as number }
      : {}),
    ...(num(env, 'currentToDeg', 'environment', 0, 360) !== undefined
      ? { currentToDeg: env['currentToDeg'] as number }
      : {}),
    ...(num(env, 'waterTempC', 'environment', -2, 35) !== undefined ? { waterTempC: env['waterTempC'] as number } : {}),
    ...(num(env, 'visibilityM', 'environment', 100, 100000) !== undefined
      ? { visibilityM: env['visibilityM'] as number }
      : {}),
    ...(num(env, 'seaHeightM', 'environment', 0, 20) !== undefined ? { seaHeightM: env['seaHeightM'] as number } : {}),
    ...(typeof night === 'boolean' ? { night } : {}),
  };
  const durationS = num(d, 'durationS', '', 600, MAX_DRILL_DURATION_S) ?? base.durationS;
  const stepS = num(d, 'stepS', '', 1, 600) ?? base.stepS;
  const sensor = str(d, 'sensor', '', false) ?? base.sensor;
  if (!SENSOR_MODELS.includes(sensor as SensorModel)) fail('sensor', `must be one of ${SENSOR_MODELS.join(', ')}`);
  const planningParticles = int(d, 'planningParticles', '', 10, MAX_PLANNING_PARTICLES) ?? base.planningParticles;

  let truthTracks: TruthTrack[] | undefined;
  if (d['truthTracks'] !== undefined) {
    truthTracks = list(d['truthTracks'], 'truthTracks', 100).map((v, k) => {
      const f = `truthTracks[${k}]`;
      const t = obj(v, f);
      onlyKeys(t, ['objectId', 'points'], f);
      const objectId = str(t, 'objectId', f, true) as string;
      if (!base.objects.some((o) => o.id === objectId))
        fail(
          `${f}.objectId`,
          `no object "${objectId}" in template ${template.id}; one of ${base.objects.map((o) => o.id).join(', ')}`,
        );
      const pts = list(t['points'], `${f}.points`, MAX_TRACK_POINTS).map((pv, j) => {
        const pf = `${f}.points[${j}]`;
        const p = obj(pv, pf);
        onlyKeys(p, ['atS', 'time', 'lon', 'lat'], pf);
        const ll = lonLat([p['lon'], p['lat']], pf);
        return { atS: timeOf(p, pf, startTimeS), lonDeg: ll[0], latDeg: ll[1] };
      });
      if (pts.length === 0) fail(`${f}.points`, 'needs at least one point');
      for (let j = 1; j < pts.length; j++)
        if (!((pts[j] as { atS: number }).atS > (pts[j - 1] as { atS: number }).atS))
          fail(`${f}.points[${j}]`, 'times must increase');
      return { objectId, points: pts };
    });
  }

  const extra: DrillInjectSpec[] = [];
  if (d['injects'] !== undefined) {
    list(d['injects'], 'injects', 1000).forEach((v, k) => {
      const f = `injects[${k}]`;
      const i = obj(v, f);
      onlyKeys(
        i,
        [
          'id',
          'kind',
          'atS',
          'held',
          'text',
          'unitIndex',
          'objectId',
          'errorM',
          'windSpeedMps',
          'windVeerDeg',
          'visibilityM',
          'seaHeightM',
        ],
        f,
      );
      const id = str(i, 'id', f, true) as string;
      if ([...base.injects, ...extra].some((q) => q.id === id) || id === 'mayday-relay')
        fail(`${f}.id`, `duplicate inject id "${id}"`);
      const kind = str(i, 'kind', f, true) as string;
      const atS = reqNum(i, 'atS', f, 0, durationS);
      const held = i['held'];
      if (held !== undefined && typeof held !== 'boolean') fail(`${f}.held`, 'must be true or false');
      const h = held === true;
      let t: InjectTemplate;
      if (kind === 'information') t = { id, kind, atS, held: h, text: localized(i['text'], `${f}.text`) };
      else if (kind === 'sighting-report') {
        const objectId = str(i, 'objectId', f, true) as string;
        if (!base.objects.some((o) => o.id === objectId)) fail(`${f}.objectId`, `no object "${objectId}"`);
        t = { id, kind, atS, held: h, objectId, errorM: reqNum(i, 'errorM', f, 0, 100000) };
      } else if (kind === 'weather-change')
        t = {
          id,
          kind,
          atS,
          held: h,
          windSpeedMps: reqNum(i, 'windSpeedMps', f, 0, 60),
          windVeerDeg: reqNum(i, 'windVeerDeg', f, -180, 180),
          visibilityM: reqNum(i, 'visibilityM', f, 100, 100000),
          seaHeightM: reqNum(i, 'seaHeightM', f, 0, 20),
        };
      else if (kind === 'unit-breakdown') {
        const unitIndex = int(i, 'unitIndex', f, 0, 99) ?? fail(`${f}.unitIndex`, 'is required');
        if (unitIndex >= (units ?? base.units).length) fail(`${f}.unitIndex`, `no unit ${unitIndex}`, 'OUT_OF_RANGE');
        t = { id, kind, atS, held: h, unitIndex };
      } else fail(`${f}.kind`, 'must be information, sighting-report, weather-change or unit-breakdown');
      extra.push({ ...t, origin: h ? 'contingency' : 'scripted' });
    });
  }

  const unitIds = new Set(base.units.map((u) => u.id));
  const injectIds = new Set([...base.injects, ...extra].map((i) => i.id));
  const actions: DrillAction[] =
    d['actions'] === undefined
      ? []
      : list(d['actions'], 'actions').map((v, k): DrillAction => {
          const f = `actions[${k}]`;
          const a = obj(v, f);
          const kind = str(a, 'kind', f, true) as string;
          const atS = reqNum(a, 'atS', f, 0, durationS);
          switch (kind) {
            case 'assign': {
              onlyKeys(a, ['kind', 'atS', 'unitId', 'waypoints'], f);
              const unitId = str(a, 'unitId', f, true) as string;
              if (!unitIds.has(unitId)) fail(`${f}.unitId`, `no unit "${unitId}" in the drill`);
              const waypoints = list(a['waypoints'], `${f}.waypoints`).map((p, j) => lonLat(p, `${f}.waypoints[${j}]`));
              if (waypoints.length === 0) fail(`${f}.waypoints`, 'needs at least one waypoint');
              return { atS, kind, unitId, waypoints };
            }
            case 'plan': {
              onlyKeys(a, ['kind', 'atS', 'areas'], f);
              const areas = list(a['areas'], `${f}.areas`, 100).map((av, j) => {
                const af = `${f}.areas[${j}]`;
                const ar = obj(av, af);
                onlyKeys(ar, ['unitId', 'ring'], af);
                const ring = list(ar['ring'], `${af}.ring`).map((p, q) => lonLat(p, `${af}.ring[${q}]`));
                if (ring.length < 4) fail(`${af}.ring`, 'a ring needs at least 4 points (closed)');
                return { unitId: str(ar, 'unitId', af, true) as string, ring };
              });
              return { atS, kind, areas };
            }
            case 'message':
              onlyKeys(a, ['kind', 'atS', 'from', 'to', 'text'], f);
              return {
                atS,
                kind,
                from: str(a, 'from', f, true) as string,
                to: str(a, 'to', f, true) as string,
                text: str(a, 'text', f, true) as string,
              };
            case 'release-inject': {
              onlyKeys(a, ['kind', 'atS', 'injectId'], f);
              const injectId = str(a, 'injectId', f, true) as string;
              if (!injectIds.has(injectId)) fail(`${f}.injectId`, `no inject "${injectId}"`);
              return { atS, kind, injectId };
            }
            case 'live-inject': {
              onlyKeys(a, ['kind', 'atS', 'id', 'text', 'injectKind', 'unitId', 'weather'], f);
              const common = {
                atS,
                kind,
                id: str(a, 'id', f, true) as string,
                text: localized(a['text'], `${f}.text`),
              };
              const injectKind = str(a, 'injectKind', f, false);
              if (injectKind === undefined || injectKind === 'information') {
                onlyKeys(a, ['kind', 'atS', 'id', 'text', 'injectKind'], f);
                return injectKind === undefined ? common : { ...common, injectKind };
              }
              if (injectKind === 'unit-breakdown') {
                onlyKeys(a, ['kind', 'atS', 'id', 'text', 'injectKind', 'unitId'], f);
                const unitId = str(a, 'unitId', f, true) as string;
                if (!unitIds.has(unitId)) fail(`${f}.unitId`, `no unit "${unitId}"`);
                return { ...common, injectKind, unitId };
              }
              if (injectKind === 'weather-change') {
                onlyKeys(a, ['kind', 'atS', 'id', 'text', 'injectKind', 'weather'], f);
                const wf = `${f}.weather`;
                const w = obj(a['weather'], wf);
                onlyKeys(w, ['windSpeedMps', 'windFromDeg', 'visibilityM', 'seaHeightM'], wf);
                const weather = {
                  windSpeedMps: reqNum(w, 'windSpeedMps', wf, 0, 60),
                  windFromDeg: reqNum(w, 'windFromDeg', wf, 0, 360),
                  visibilityM: reqNum(w, 'visibilityM', wf, 100, 100000),
                  seaHeightM: reqNum(w, 'seaHeightM', wf, 0, 20),
                };
                return { ...common, injectKind, weather };
              }
              return fail(`${f}.injectKind`, 'must be information, unit-breakdown or weather-change');
            }
            default:
              return fail(`${f}.kind`, 'must be assign, plan, message, release-inject or live-inject');
          }
        });

  const objectiveIds = new Set(base.objectives.map((o) => o.id));
  const evaluations: ObjectiveEvaluation[] =
    d['evaluations'] === undefined
      ? []
      : list(d['evaluations'], 'evaluations', 1000).map((v, k) => {
          const f = `evaluations[${k}]`;
          const e = obj(v, f);
          onlyKeys(e, ['objectiveId', 'rating', 'evaluator', 'observations'], f);
          const objectiveId = str(e, 'objectiveId', f, true) as string;
          if (!objectiveIds.has(objectiveId))
            fail(`${f}.objectiveId`, `no objective "${objectiveId}"; one of ${[...objectiveIds].join(', ')}`);
          const rating = str(e, 'rating', f, true) as string;
          if (!HSEEP_RATINGS.includes(rating as HseepRating))
            fail(`${f}.rating`, `must be one of ${HSEEP_RATINGS.join(', ')}`);
          const observations =
            e['observations'] === undefined
              ? []
              : list(e['observations'], `${f}.observations`, 100).map((ov, j) => {
                  const of = `${f}.observations[${j}]`;
                  const o = obj(ov, of);
                  onlyKeys(o, ['kind', 'text'], of);
                  const okind = str(o, 'kind', of, true) as string;
                  if (okind !== 'strength' && okind !== 'area-for-improvement')
                    fail(`${of}.kind`, 'must be strength or area-for-improvement');
                  return {
                    kind: okind as 'strength' | 'area-for-improvement',
                    text: str(o, 'text', of, true) as string,
                  };
                });
          return {
            objectiveId,
            rating: rating as HseepRating,
            evaluator: str(e, 'evaluator', f, false) ?? 'evaluator',
            observations,
          };
        });

  const name = d['name'] === undefined ? base.name : localized(d['name'], 'name');
  const spec: DrillSpec = {
    ...base,
    name,
    environment,
    durationS,
    stepS,
    sensor: sensor as SensorModel,
    planningParticles,
    truthTracks,
    injects: [...base.injects.filter((i) => i.atS <= durationS), ...extra],
  };
  return { spec, actions, evaluations };
}
