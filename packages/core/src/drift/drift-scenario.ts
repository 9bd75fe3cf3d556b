/**
 * The drift scenario document (JSON; schema `docs/schemas/drift-scenario.schema.json`, shape from issue 2)
 * parsed into the engine's `DriftConfig` plus the specs of its forcing and coastline. Pure: file paths stay
 * strings (joined to `baseDir` when one is given); adapters open them. Every rejection is a `TandemError` whose
 * `field` is the JSON path of the offending value (`seed[1].cone.from.lat`), so a user can find the typo.
 * Defaults follow OpenDrift's Leeway model (`sar-method.md` §1): gaussian radius, dt 600 s, output 3600 s,
 * jibing 0.04 per hour, stranding on the coast, no capsizing.
 */
import { TandemError } from '../errors/index.ts';
import type { EpochSeconds, Meters, Seconds } from '../units/index.ts';
import { epochSeconds, knotsToMetersPerSecond, meters, parseUtcTime, seconds } from '../units/index.ts';
import type {
  CoastlineAction,
  DriftConfig,
  DriftOptions,
  LeewayCategory,
  RadiusDistribution,
  Seeding,
} from './drift-config.ts';
import { findLeewayCategory } from './leeway-categories.ts';

/** A constant east/north vector in m/s (wind blowing *toward*, current flowing *toward*). */
export interface ConstantVector {
  readonly eastMps: number;
  readonly northMps: number;
}

/** One sample of a hand-entered time series; linear in time between samples, held constant outside them. */
export interface SeriesVectorSample extends ConstantVector {
  readonly timeS: EpochSeconds;
}

/** Where one vector field (wind or current) comes from. */
export type VectorForcingSpec =
  | { readonly kind: 'constant'; readonly value: ConstantVector }
  | { readonly kind: 'series'; readonly samples: readonly SeriesVectorSample[] }
  | {
      readonly kind: 'files';
      /** Paths as written, joined to `baseDir` when the parser was given one. */
      readonly paths: readonly string[];
      /** CF standard name → variable name overrides, for files that lack standard_name attributes. */
      readonly variables?: Readonly<Record<string, string>>;
      /** Value used outside the files' coverage, chosen explicitly by the user (never a silent zero). */
      readonly fallback?: ConstantVector;
    };

export interface ForcingSpec {
  readonly wind: VectorForcingSpec;
  readonly current: VectorForcingSpec;
}

/** The coastline: Natural Earth 10 m land, no land at all, or a path to a GeoJSON or NetCDF land mask. */
export interface CoastSpec {
  readonly landMask: 'naturalearth' | 'none' | (string & {});
}

export interface ParsedDriftScenario {
  readonly config: DriftConfig;
  readonly forcing: ForcingSpec;
  readonly coast: CoastSpec;
  readonly description?: string;
  readonly name?: string;
}

export interface ParseDriftScenarioOptions {
  /** Directory that relative file paths in the document are resolved against (the document's folder). */
  readonly baseDir?: string;
}

/** Upper bound on particles in one run (over all seedings): about 1.4 GB of state at 10 M. */
export const MAX_PARTICLES = 10_000_000;
/** Upper bound on particles × output times, the size of the stored trajectories (18 bytes each). */
export const MAX_PARTICLE_OUTPUTS = 100_000_000;
/** Upper bound on the number of time steps of one run. */
export const MAX_TIME_STEPS = 10_000_000;
/** Upper bound on seedings and on time-series samples in one document. */
export const MAX_LIST_LENGTH = 100_000;

const DEFAULT_TIME_STEP_S = 600;
const DEFAULT_OUTPUT_STEP_S = 3600;
const DEFAULT_JIBE_PROBABILITY_PER_HOUR = 0.04;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Json = Readonly<Record<string, unknown>>;

function fail(message: string, path: string): never {
  throw new TandemError('INVALID_INPUT', message, path);
}

function outOfRange(message: string, path: string): never {
  throw new TandemError('OUT_OF_RANGE', message, path);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'number') return String(v);
  return typeof v === 'object' ? 'an object' : typeof v;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Check that `v` is a plain object whose keys are all in `allowed`; reject unknown and polluting keys. */
function obj(v: unknown, path: string, allowed: readonly string[]): Json {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    fail(`expected an object, got ${describe(v)}`, path === '' ? '(document)' : path);
  }
  for (const key of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(key)) fail(`the key "${key}" is not allowed`, join(path, key));
    if (!allowed.includes(key)) {
      fail(`unknown key "${key}" (allowed: ${allowed.join(', ')})`, join(path, key));
    }
  }
  return v as Json;
}

function has(o: Json, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key) && o[key] !== undefined;
}

function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`expected a finite number, got ${describe(v)}`, path);
  return v;
}

function positive(v: unknown, path: string): number {
  const x = num(v, path);
  if (x <= 0) outOfRange(`must be greater than 0, got ${x}`, path);
  return x;
}

function nonNegative(v: unknown, path: string): number {
  const x = num(v, path);
  if (x < 0) outOfRange(`must be 0 or more, got ${x}`, path);
  return x;
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(`expected true or false, got ${describe(v)}`, path);
  return v;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') fail(`expected a string, got ${describe(v)}`, path);
  return v;
}

function arr(v: unknown, path: string, minLength: number): readonly unknown[] {
  if (!Array.isArray(v)) fail(`expected an array, got ${describe(v)}`, path);
  if (v.length < minLength) fail(`expected at least ${minLength} element(s), got ${v.length}`, path);
  if (v.length > MAX_LIST_LENGTH) outOfRange(`at most ${MAX_LIST_LENGTH} elements, got ${v.length}`, path);
  return v;
}

function time(v: unknown, path: string): EpochSeconds {
  if (typeof v !== 'string') fail(`expected a UTC time such as "2016-02-01T12:00:00Z", got ${describe(v)}`, path);
  const t = parseUtcTime(v);
  if (!Number.isFinite(t) || !calendarFieldsMatch(v, t))
    fail(`not a valid UTC ISO-8601 time (YYYY-MM-DDTHH:MM:SSZ): ${JSON.stringify(v)}`, path);
  return t;
}

/** Date.parse rolls impossible dates over (Feb 30 → Mar 1); reject them by comparing the written fields. */
function calendarFieldsMatch(iso: string, t: number): boolean {
  const d = new Date(Math.floor(t) * 1000);
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  if (m === null) return false;
  const written = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
  const actual = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ];
  return written.every((x, i) => x === actual[i]);
}

function lon(v: unknown, path: string): number {
  const x = num(v, path);
  if (x < -180 || x > 360) outOfRange(`longitude must be within [-180, 360] degrees, got ${x}`, path);
  return x;
}

function lat(v: unknown, path: string): number {
  const x = num(v, path);
  if (x < -90 || x > 90) outOfRange(`latitude must be within [-90, 90] degrees, got ${x}`, path);
  return x;
}

function count(v: unknown, path: string): number {
  const x = num(v, path);
  if (!Number.isInteger(x)) fail(`a particle count must be a whole number, got ${x}`, path);
  if (x < 1) outOfRange(`a particle count must be at least 1, got ${x}`, path);
  if (x > MAX_PARTICLES) outOfRange(`at most ${MAX_PARTICLES} particles, got ${x}`, path);
  return x;
}

function resolvePath(p: string, baseDir: string | undefined): string {
  if (baseDir === undefined || baseDir === '' || /^([/\\]|[A-Za-z]:[/\\]|[a-z]+:\/\/)/.test(p)) return p;
  return baseDir.endsWith('/') || baseDir.endsWith('\\') ? baseDir + p : `${baseDir}/${p}`;
}

function parseObject(v: unknown, path: string): LeewayCategory {
  const o = obj(v, path, ['leewayCategoryId', 'leewayKey']);
  const hasId = has(o, 'leewayCategoryId');
  const hasKey = has(o, 'leewayKey');
  if (hasId === hasKey) fail('give exactly one of "leewayCategoryId" or "leewayKey"', path);
  if (hasId) {
    const p = join(path, 'leewayCategoryId');
    const id = num(o['leewayCategoryId'], p);
    if (!Number.isInteger(id)) fail(`a category id is a whole number, got ${id}`, p);
    const c = lookup(id, p);
    return c;
  }
  const p = join(path, 'leewayKey');
  return lookup(str(o['leewayKey'], p), p);
}

function lookup(ref: number | string, path: string): LeewayCategory {
  let c: LeewayCategory | undefined;
  try {
    c = findLeewayCategory(ref);
  } catch (e) {
    if (e instanceof TandemError) throw new TandemError('UNKNOWN_CATEGORY', stripField(e), path);
    throw e;
  }
  if (c === undefined) {
    throw new TandemError('UNKNOWN_CATEGORY', `no Leeway category ${JSON.stringify(ref)}`, path);
  }
  return c;
}

function stripField(e: TandemError): string {
  return e.field !== undefined && e.message.startsWith(`${e.field}: `)
    ? e.message.slice(e.field.length + 2)
    : e.message;
}

function radiusType(o: Json, path: string): RadiusDistribution {
  if (!has(o, 'radiusType')) return 'gaussian';
  const p = join(path, 'radiusType');
  const v = str(o['radiusType'], p);
  if (v !== 'gaussian' && v !== 'uniform') fail(`expected "gaussian" or "uniform", got ${JSON.stringify(v)}`, p);
  return v;
}

function weight(o: Json, path: string): number {
  return has(o, 'weight') ? positive(o['weight'], join(path, 'weight')) : 1;
}

const POINT_SEED_KEYS = ['lon', 'lat', 'radiusM', 'radiusType', 'time', 'timeWindow', 'count', 'object', 'weight'];
const CONE_SEED_KEYS = ['cone', 'radiusType', 'count', 'object', 'weight'];
const CONE_END_KEYS = ['lon', 'lat', 'time', 'radiusM'];

function parseSeeding(v: unknown, path: string, defaultCategory: LeewayCategory | undefined): Seeding {
  const isCone = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'cone');
  const o = obj(v, path, isCone ? CONE_SEED_KEYS : POINT_SEED_KEYS);
  let category = defaultCategory;
  if (has(o, 'object')) category = parseObject(o['object'], join(path, 'object'));
  if (category === undefined) fail('no search object: give "object" at the top level or in this seeding', path);
  if (!has(o, 'count')) fail('missing "count" (number of particles)', path);
  const n = count(o['count'], join(path, 'count'));
  const rt = radiusType(o, path);
  const w = weight(o, path);
  if (isCone) {
    const cp = join(path, 'cone');
    const c = obj(o['cone'], cp, ['from', 'to']);
    const end = (key: 'from' | 'to'): { lonDeg: number; latDeg: number; timeS: EpochSeconds; radiusM: Meters } => {
      const ep = join(cp, key);
      if (!has(c, key)) fail(`missing "${key}"`, cp);
      const e = obj(c[key], ep, CONE_END_KEYS);
      for (const k of ['lon', 'lat', 'time']) if (!has(e, k)) fail(`missing "${k}"`, ep);
      return {
        lonDeg: lon(e['lon'], join(ep, 'lon')),
        latDeg: lat(e['lat'], join(ep, 'lat')),
        timeS: time(e['time'], join(ep, 'time')),
        radiusM: meters(has(e, 'radiusM') ? nonNegative(e['radiusM'], join(ep, 'radiusM')) : 0),
      };
    };
    return { kind: 'cone', from: end('from'), to: end('to'), radiusType: rt, count: n, category, weight: w };
  }
  for (const k of ['lon', 'lat']) if (!has(o, k)) fail(`missing "${k}"`, path);
  const hasTime = has(o, 'time');
  const hasWindow = has(o, 'timeWindow');
  if (hasTime === hasWindow) fail('give exactly one of "time" or "timeWindow"', path);
  let window: readonly [EpochSeconds, EpochSeconds];
  if (hasTime) {
    const t = time(o['time'], join(path, 'time'));
    window = [t, t];
  } else {
    const wp = join(path, 'timeWindow');
    const a = arr(o['timeWindow'], wp, 2);
    if (a.length !== 2) fail(`expected [start, end], got ${a.length} elements`, wp);
    const t0 = time(a[0], `${wp}[0]`);
    const t1 = time(a[1], `${wp}[1]`);
    if (t1 < t0) outOfRange('the window ends before it starts', wp);
    window = [t0, t1];
  }
  return {
    kind: 'point',
    lonDeg: lon(o['lon'], join(path, 'lon')),
    latDeg: lat(o['lat'], join(path, 'lat')),
    radiusM: meters(has(o, 'radiusM') ? nonNegative(o['radiusM'], join(path, 'radiusM')) : 0),
    radiusType: rt,
    timeWindowS: window,
    count: n,
    category,
    weight: w,
  };
}

const VECTOR_KEYS = ['eastMps', 'northMps', 'speedMps', 'speedKnots', 'fromDeg', 'toDeg'];

/** A constant vector from `{eastMps, northMps}` or `{speedMps | speedKnots, fromDeg | toDeg}` (degrees true). */
function parseVector(o: Json, path: string): ConstantVector {
  const hasEN = has(o, 'eastMps') || has(o, 'northMps');
  const hasSpeed = has(o, 'speedMps') || has(o, 'speedKnots');
  const hasDir = has(o, 'fromDeg') || has(o, 'toDeg');
  if (hasEN && (hasSpeed || hasDir)) fail('give either eastMps/northMps or a speed and direction, not both', path);
  if (hasEN) {
    if (!has(o, 'eastMps') || !has(o, 'northMps')) fail('give both "eastMps" and "northMps"', path);
    return { eastMps: num(o['eastMps'], join(path, 'eastMps')), northMps: num(o['northMps'], join(path, 'northMps')) };
  }
  if (!hasSpeed) fail('give "eastMps" and "northMps", or "speedMps"/"speedKnots" with "fromDeg"/"toDeg"', path);
  if (has(o, 'speedMps') && has(o, 'speedKnots')) fail('give one of "speedMps" or "speedKnots"', path);
  const speed = has(o, 'speedMps')
    ? nonNegative(o['speedMps'], join(path, 'speedMps'))
    : knotsToMetersPerSecond(nonNegative(o['speedKnots'], join(path, 'speedKnots')));
  if (has(o, 'fromDeg') === has(o, 'toDeg')) fail('give exactly one of "fromDeg" or "toDeg" (degrees true)', path);
  const fromDir = has(o, 'fromDeg');
  const dp = join(path, fromDir ? 'fromDeg' : 'toDeg');
  const d = num(o[fromDir ? 'fromDeg' : 'toDeg'], dp);
  if (d < -360 || d > 360) outOfRange(`a direction must be within [-360, 360] degrees, got ${d}`, dp);
  const toRad = ((fromDir ? d + 180 : d) * Math.PI) / 180;
  return { eastMps: speed * Math.sin(toRad), northMps: speed * Math.cos(toRad) };
}

function parseVectorForcing(v: unknown, path: string, baseDir: string | undefined): VectorForcingSpec {
  const isObj = v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObj && Object.hasOwn(v, 'files')) {
    const o = obj(v, path, ['files', 'variables', 'fallback']);
    const fp = join(path, 'files');
    const paths = arr(o['files'], fp, 1).map((f, i) => {
      const s = str(f, `${fp}[${i}]`);
      if (s.trim() === '') fail('a file path must not be empty', `${fp}[${i}]`);
      return resolvePath(s, baseDir);
    });
    let spec: {
      kind: 'files';
      paths: readonly string[];
      variables?: Readonly<Record<string, string>>;
      fallback?: ConstantVector;
    } = { kind: 'files', paths };
    if (has(o, 'variables')) {
      const vp = join(path, 'variables');
      const vo = obj(o['variables'], vp, Object.keys(o['variables'] ?? {}));
      const variables: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const [k, val] of Object.entries(vo)) variables[k] = str(val, join(vp, k));
      spec = { ...spec, variables };
    }
    if (has(o, 'fallback')) {
      const bp = join(path, 'fallback');
      spec = { ...spec, fallback: parseVector(obj(o['fallback'], bp, VECTOR_KEYS), bp) };
    }
    return spec;
  }
  if (isObj && Object.hasOwn(v, 'series')) {
    const o = obj(v, path, ['series']);
    const sp = join(path, 'series');
    const samples = arr(o['series'], sp, 1).map((e, i): SeriesVectorSample => {
      const ep = `${sp}[${i}]`;
      const eo = obj(e, ep, ['time', ...VECTOR_KEYS]);
      if (!has(eo, 'time')) fail('missing "time"', ep);
      return { timeS: time(eo['time'], join(ep, 'time')), ...parseVector(eo, ep) };
    });
    for (let i = 1; i < samples.length; i++) {
      if ((samples[i]?.timeS ?? 0) <= (samples[i - 1]?.timeS ?? 0)) {
        fail('series times must be strictly increasing', `${sp}[${i}].time`);
      }
    }
    return { kind: 'series', samples };
  }
  return { kind: 'constant', value: parseVector(obj(v, path, VECTOR_KEYS), path) };
}

function parseForcing(v: unknown, baseDir: string | undefined): ForcingSpec {
  const o = obj(v, 'forcing', ['wind', 'current']);
  for (const k of ['wind', 'current']) {
    if (!has(o, k)) fail(`missing "${k}" (use { "eastMps": 0, "northMps": 0 } for none: no silent zero)`, 'forcing');
  }
  return {
    wind: parseVectorForcing(o['wind'], 'forcing.wind', baseDir),
    current: parseVectorForcing(o['current'], 'forcing.current', baseDir),
  };
}

function parseCoast(v: unknown, baseDir: string | undefined): CoastSpec {
  if (v === undefined) return { landMask: 'naturalearth' };
  const o = obj(v, 'coast', ['landMask']);
  if (!has(o, 'landMask')) return { landMask: 'naturalearth' };
  const s = str(o['landMask'], 'coast.landMask');
  if (s.trim() === '') fail('expected "naturalearth", "none" or a path to a .geojson/.json/.nc mask', 'coast.landMask');
  if (s === 'naturalearth' || s === 'none') return { landMask: s };
  return { landMask: resolvePath(s, baseDir) };
}

function parseOptions(v: unknown): DriftOptions {
  if (v === undefined) {
    return {
      capsizing: false,
      jibeProbabilityPerHour: DEFAULT_JIBE_PROBABILITY_PER_HOUR,
      coastlineAction: 'stranding',
    };
  }
  const o = obj(v, 'options', ['capsizing', 'jibeProbabilityPerHour', 'coastlineAction']);
  let jibe = DEFAULT_JIBE_PROBABILITY_PER_HOUR;
  if (has(o, 'jibeProbabilityPerHour')) {
    jibe = num(o['jibeProbabilityPerHour'], 'options.jibeProbabilityPerHour');
    if (jibe < 0 || jibe > 1)
      outOfRange(`a probability must be within [0, 1], got ${jibe}`, 'options.jibeProbabilityPerHour');
  }
  let action: CoastlineAction = 'stranding';
  if (has(o, 'coastlineAction')) {
    const a = str(o['coastlineAction'], 'options.coastlineAction');
    if (a !== 'stranding' && a !== 'previous') {
      fail(`expected "stranding" or "previous", got ${JSON.stringify(a)}`, 'options.coastlineAction');
    }
    action = a;
  }
  return {
    capsizing: has(o, 'capsizing') ? bool(o['capsizing'], 'options.capsizing') : false,
    jibeProbabilityPerHour: jibe,
    coastlineAction: action,
  };
}

interface RunFields {
  durationS: Seconds;
  timeStepS: Seconds;
  outputStepS: Seconds;
  rngSeed: number;
  backward: boolean;
}

function parseRun(v: unknown): RunFields {
  const o = obj(v, 'run', ['durationS', 'timeStepS', 'outputStepS', 'rngSeed', 'backward']);
  if (!has(o, 'durationS')) fail('missing "durationS" (length of the run in seconds)', 'run');
  const durationS = positive(o['durationS'], 'run.durationS');
  const timeStepS = has(o, 'timeStepS') ? positive(o['timeStepS'], 'run.timeStepS') : DEFAULT_TIME_STEP_S;
  const outputStepS = has(o, 'outputStepS') ? positive(o['outputStepS'], 'run.outputStepS') : DEFAULT_OUTPUT_STEP_S;
  if (durationS < timeStepS) {
    outOfRange(`the run (${durationS} s) is shorter than one time step (${timeStepS} s)`, 'run.durationS');
  }
  const ratio = outputStepS / timeStepS;
  if (Math.abs(ratio - Math.round(ratio)) > 1e-9 * ratio || Math.round(ratio) < 1) {
    outOfRange(`the time step ${timeStepS} s does not divide the output step ${outputStepS} s`, 'run.outputStepS');
  }
  if (durationS / timeStepS > MAX_TIME_STEPS) {
    outOfRange(`${durationS / timeStepS} time steps; at most ${MAX_TIME_STEPS}`, 'run.durationS');
  }
  let rngSeed = 0;
  if (has(o, 'rngSeed')) {
    rngSeed = num(o['rngSeed'], 'run.rngSeed');
    if (!Number.isInteger(rngSeed) || rngSeed < 0 || rngSeed > 0xffffffff) {
      outOfRange(`a seed is a whole number within [0, 4294967295], got ${rngSeed}`, 'run.rngSeed');
    }
  }
  return {
    durationS: seconds(durationS),
    timeStepS: seconds(timeStepS),
    outputStepS: seconds(outputStepS),
    rngSeed,
    backward: has(o, 'backward') ? bool(o['backward'], 'run.backward') : false,
  };
}

const TOP_KEYS = ['$schema', 'name', 'description', 'object', 'seed', 'forcing', 'coast', 'options', 'run'];

/**
 * Validate a scenario document (already JSON-parsed) and convert it to the engine's types. Throws `TandemError`
 * (`INVALID_INPUT`, `OUT_OF_RANGE` or `UNKNOWN_CATEGORY`) naming the JSON path of the first problem found.
 */
export function parseDriftScenario(doc: unknown, opts: ParseDriftScenarioOptions = {}): ParsedDriftScenario {
  const o = obj(doc, '', TOP_KEYS);
  for (const k of ['seed', 'forcing', 'run']) if (!has(o, k)) fail(`missing "${k}"`, '(document)');
  if (has(o, '$schema')) str(o['$schema'], '$schema');
  const defaultCategory = has(o, 'object') ? parseObject(o['object'], 'object') : undefined;
  const seedValue = o['seed'];
  const seedings = Array.isArray(seedValue)
    ? arr(seedValue, 'seed', 1).map((s, i) => parseSeeding(s, `seed[${i}]`, defaultCategory))
    : [parseSeeding(seedValue, 'seed', defaultCategory)];
  let total = 0;
  for (const s of seedings) total += s.count;
  if (total > MAX_PARTICLES) outOfRange(`${total} particles over all seedings; at most ${MAX_PARTICLES}`, 'seed');
  const run = parseRun(o['run']);
  const outputs = Math.floor(run.durationS / run.outputStepS) + 2;
  if (total * outputs > MAX_PARTICLE_OUTPUTS) {
    outOfRange(
      `${total} particles × ${outputs} output times exceeds ${MAX_PARTICLE_OUTPUTS} stored positions`,
      'run.outputStepS',
    );
  }
  let start = Infinity;
  let end = -Infinity;
  for (const s of seedings) {
    const [a, b] = s.kind === 'point' ? s.timeWindowS : [s.from.timeS, s.to.timeS];
    start = Math.min(start, a, b);
    end = Math.max(end, a, b);
  }
  const config: DriftConfig = {
    seedings,
    options: parseOptions(o['options']),
    run: { ...run, startTimeS: epochSeconds(run.backward ? end : start) },
  };
  const result: {
    config: DriftConfig;
    forcing: ForcingSpec;
    coast: CoastSpec;
    description?: string;
    name?: string;
  } = {
    config,
    forcing: parseForcing(o['forcing'], opts.baseDir),
    coast: parseCoast(o['coast'], opts.baseDir),
  };
  if (has(o, 'name')) result.name = str(o['name'], 'name');
  if (has(o, 'description')) result.description = str(o['description'], 'description');
  return result;
}
