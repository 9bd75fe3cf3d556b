/**
 * Drift trajectories as a CF-1.8 NetCDF file (discrete sampling geometry `featureType = "trajectory"`,
 * orthogonal multidimensional representation: CF Conventions 1.8 §9 and appendix H.4.1), written as NetCDF-3
 * 64-bit offset by `writeNetcdf3`, and read back by `readTrajectoryNetcdf` (the search planner loads drift runs
 * with it). Layout, matching OpenDrift's output where it can:
 *
 * - dimensions `trajectory` (particles) and `time` (output times);
 * - `trajectory(trajectory)` int, cf_role trajectory_id (the particle index);
 * - `time(time)` double, seconds since 1970-01-01 00:00:00 (UTC);
 * - `lon`, `lat(trajectory, time)` double degrees_east / degrees_north, `_FillValue` before release;
 * - `status(trajectory, time)` byte with flag_values 0..3 = not_seeded active stranded no_data;
 * - `capsized(trajectory, time)` byte 0/1; `category_id`, `seed_time`, `seed_lon`, `seed_lat` per trajectory;
 *   `weight` per trajectory when the run has weighted seedings;
 * - global attributes Conventions, featureType, title, source, history, and the scenario JSON.
 */
import { NetCDFReader } from 'netcdfjs';
import { PARTICLE_STATUS_NAMES, ParticleStatus, TandemError, formatUtcTime } from '@tandem/core';
import type { TrajectorySet } from '@tandem/core';
import type { Nc3Attribute, Nc3Variable } from '../netcdf3-writer.ts';
import { NC3_FILL, writeNetcdf3 } from '../netcdf3-writer.ts';

export interface TrajectoryNetcdfMeta {
  readonly title?: string;
  /** The scenario document as JSON text, stored in the `scenario_json` global attribute. */
  readonly scenarioJson?: string;
  /** History line (e.g. "2026-11-26T05:00:00Z tandem drift scenario.json"); default "created by Tandem". */
  readonly history?: string;
  readonly institution?: string;
  readonly comment?: string;
}

const UNITS_TIME = 'seconds since 1970-01-01 00:00:00';
const FILL = NC3_FILL.double;
const STATUS_FLAGS = [0, 1, 2, 3] as const;

/** Serialise a trajectory set; pure, returns the file's bytes. */
export function writeTrajectoryNetcdf(set: TrajectorySet, meta: TrajectoryNetcdfMeta = {}): Uint8Array {
  const n = set.count;
  const nt = set.timesS.length;
  if (n < 1 || nt < 1) {
    throw new TandemError(
      'INVALID_INPUT',
      'a trajectory file needs at least one particle and one time',
      'trajectories',
    );
  }
  const lon = new Float64Array(n * nt);
  const lat = new Float64Array(n * nt);
  const status = new Int8Array(n * nt);
  const capsized = new Int8Array(n * nt);
  let t0 = Infinity;
  let t1 = -Infinity;
  for (let k = 0; k < nt; k++) {
    const t = set.timesS[k] as number;
    t0 = Math.min(t0, t);
    t1 = Math.max(t1, t);
    for (let i = 0; i < n; i++) {
      const src = k * n + i;
      const dst = i * nt + k;
      const st = set.status[src] as number;
      const x = set.lonDeg[src] as number;
      const y = set.latDeg[src] as number;
      const seeded = st !== ParticleStatus.NotSeeded;
      lon[dst] = seeded && Number.isFinite(x) ? x : FILL;
      lat[dst] = seeded && Number.isFinite(y) ? y : FILL;
      status[dst] = st;
      capsized[dst] = set.capsized[src] as number;
    }
  }
  // Release position: the first output position (at or after release, or the not-yet-released position).
  const seedLon = new Float64Array(n).fill(FILL);
  const seedLat = new Float64Array(n).fill(FILL);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < nt; k++) {
      const x = set.lonDeg[k * n + i] as number;
      const y = set.latDeg[k * n + i] as number;
      if (set.status[k * n + i] === ParticleStatus.NotSeeded && Number.isFinite(x) && Number.isFinite(y)) {
        seedLon[i] = x;
        seedLat[i] = y;
        break;
      }
    }
  }
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  const lonAttrs: Nc3Attribute[] = [
    { name: 'standard_name', value: 'longitude' },
    { name: 'long_name', value: 'longitude' },
    { name: 'units', value: 'degrees_east' },
    { name: '_FillValue', value: FILL, type: 'double' },
  ];
  const latAttrs: Nc3Attribute[] = [
    { name: 'standard_name', value: 'latitude' },
    { name: 'long_name', value: 'latitude' },
    { name: 'units', value: 'degrees_north' },
    { name: '_FillValue', value: FILL, type: 'double' },
  ];
  const variables: Nc3Variable[] = [
    {
      name: 'trajectory',
      type: 'int',
      dimensions: ['trajectory'],
      data: ids,
      attributes: [
        { name: 'cf_role', value: 'trajectory_id' },
        { name: 'long_name', value: 'particle index' },
      ],
    },
    {
      name: 'time',
      type: 'double',
      dimensions: ['time'],
      data: set.timesS,
      attributes: [
        { name: 'standard_name', value: 'time' },
        { name: 'long_name', value: 'output time' },
        { name: 'units', value: UNITS_TIME },
        { name: 'calendar', value: 'standard' },
        { name: 'axis', value: 'T' },
      ],
    },
    { name: 'lon', type: 'double', dimensions: ['trajectory', 'time'], data: lon, attributes: lonAttrs },
    { name: 'lat', type: 'double', dimensions: ['trajectory', 'time'], data: lat, attributes: latAttrs },
    {
      name: 'status',
      type: 'byte',
      dimensions: ['trajectory', 'time'],
      data: status,
      attributes: [
        { name: 'long_name', value: 'particle status' },
        { name: 'coordinates', value: 'time lat lon' },
        { name: 'flag_values', value: STATUS_FLAGS, type: 'byte' },
        { name: 'flag_meanings', value: STATUS_FLAGS.map((f) => PARTICLE_STATUS_NAMES[f]).join(' ') },
        { name: 'valid_range', value: [0, 3], type: 'byte' },
      ],
    },
    {
      name: 'capsized',
      type: 'byte',
      dimensions: ['trajectory', 'time'],
      data: capsized,
      attributes: [
        { name: 'long_name', value: 'object capsized' },
        { name: 'coordinates', value: 'time lat lon' },
        { name: 'flag_values', value: [0, 1], type: 'byte' },
        { name: 'flag_meanings', value: 'upright capsized' },
      ],
    },
    {
      name: 'category_id',
      type: 'int',
      dimensions: ['trajectory'],
      data: set.categoryId,
      attributes: [
        { name: 'long_name', value: 'Leeway search-object category id (OpenDrift object_type)' },
        { name: 'comment', value: 'Allen & Plourde (1999) CG-D-08-99; table data/leeway/leeway_object_categories.csv' },
      ],
    },
    {
      name: 'seed_time',
      type: 'double',
      dimensions: ['trajectory'],
      data: set.seedTimeS,
      attributes: [
        { name: 'long_name', value: 'release time' },
        { name: 'units', value: UNITS_TIME },
        { name: 'calendar', value: 'standard' },
      ],
    },
    {
      name: 'seed_lon',
      type: 'double',
      dimensions: ['trajectory'],
      data: seedLon,
      attributes: [
        { name: 'long_name', value: 'longitude before release (where an output precedes the release)' },
        { name: 'units', value: 'degrees_east' },
        { name: '_FillValue', value: FILL, type: 'double' },
      ],
    },
    {
      name: 'seed_lat',
      type: 'double',
      dimensions: ['trajectory'],
      data: seedLat,
      attributes: [
        { name: 'long_name', value: 'latitude before release (where an output precedes the release)' },
        { name: 'units', value: 'degrees_north' },
        { name: '_FillValue', value: FILL, type: 'double' },
      ],
    },
  ];
  if (set.weight !== undefined) {
    variables.push({
      name: 'weight',
      type: 'double',
      dimensions: ['trajectory'],
      data: set.weight,
      attributes: [{ name: 'long_name', value: 'probability weight of the particle (sums to 1 over the run)' }],
    });
  }
  const attributes: Nc3Attribute[] = [
    { name: 'Conventions', value: 'CF-1.8' },
    { name: 'featureType', value: 'trajectory' },
    { name: 'title', value: meta.title ?? 'Tandem Monte Carlo Leeway drift' },
    { name: 'source', value: 'Tandem' },
    { name: 'history', value: meta.history ?? 'created by Tandem' },
    {
      name: 'references',
      value: 'Allen & Plourde (1999) USCG CG-D-08-99; Breivik & Allen (2008) J. Marine Systems 69:99-113',
    },
    { name: 'time_coverage_start', value: formatUtcTime(t0) },
    { name: 'time_coverage_end', value: formatUtcTime(t1) },
  ];
  if (meta.institution !== undefined) attributes.push({ name: 'institution', value: meta.institution });
  if (meta.comment !== undefined) attributes.push({ name: 'comment', value: meta.comment });
  if (meta.scenarioJson !== undefined) attributes.push({ name: 'scenario_json', value: meta.scenarioJson });
  return writeNetcdf3({
    dimensions: [
      { name: 'trajectory', size: n },
      { name: 'time', size: nt },
    ],
    attributes,
    variables,
  });
}

/** Metadata read back with a trajectory set. */
export interface TrajectoryNetcdfContents {
  readonly set: TrajectorySet;
  readonly attributes: Readonly<Record<string, string | number>>;
}

const TYPE_BYTES: Readonly<Record<string, number>> = { byte: 1, char: 1, short: 2, int: 4, float: 4, double: 8 };

/** Read a trajectory file written by `writeTrajectoryNetcdf` (or any file of the same layout). */
export function readTrajectoryNetcdf(bytes: Uint8Array, file = 'trajectory file'): TrajectorySet {
  return readTrajectoryNetcdfWithAttributes(bytes, file).set;
}

export function readTrajectoryNetcdfWithAttributes(
  bytes: Uint8Array,
  file = 'trajectory file',
): TrajectoryNetcdfContents {
  let reader: NetCDFReader;
  try {
    reader = new NetCDFReader(bytes);
  } catch (e) {
    throw new TandemError('UNSUPPORTED_FILE', `not a readable NetCDF-3 file: ${(e as Error).message}`, file);
  }
  const dims = reader.dimensions;
  const attributes: Record<string, string | number> = {};
  for (const a of reader.globalAttributes) {
    if (typeof a.value === 'string' || typeof a.value === 'number') attributes[a.name] = a.value;
  }
  if (attributes['featureType'] !== 'trajectory') {
    throw new TandemError('UNSUPPORTED_FILE', 'not a CF trajectory file (featureType is not "trajectory")', file);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dimSize = (name: string): number => {
    const d = dims.find((x) => x.name === name);
    if (d === undefined) throw new TandemError('VARIABLE_NOT_FOUND', `no "${name}" dimension`, file);
    return d.size;
  };
  const n = dimSize('trajectory');
  const nt = dimSize('time');
  const read = (name: string, shape: readonly string[], required: boolean): Float64Array | undefined => {
    const v = reader.header.variables.find((x) => x.name === name);
    if (v === undefined) {
      if (required) throw new TandemError('VARIABLE_NOT_FOUND', `no "${name}" variable`, file);
      return undefined;
    }
    const vd = v.dimensions.map((d) => dims[d]?.name);
    if (vd.length !== shape.length || vd.some((d, k) => d !== shape[k])) {
      throw new TandemError('UNSUPPORTED_FILE', `"${name}" must have dimensions (${shape.join(', ')})`, file);
    }
    const width = TYPE_BYTES[v.type];
    if (width === undefined || v.record) {
      throw new TandemError('UNSUPPORTED_FILE', `"${name}" has unsupported type ${v.type}`, file);
    }
    const count = shape.reduce((a, d) => a * (d === 'trajectory' ? n : nt), 1);
    if (!(v.offset >= 0) || v.offset + count * width > bytes.length) {
      throw new TandemError('UNSUPPORTED_FILE', `file is truncated: "${name}" data runs past its end`, file);
    }
    const out = new Float64Array(count);
    const o = v.offset;
    for (let k = 0; k < count; k++) {
      out[k] =
        v.type === 'double'
          ? view.getFloat64(o + 8 * k)
          : v.type === 'float'
            ? view.getFloat32(o + 4 * k)
            : v.type === 'int'
              ? view.getInt32(o + 4 * k)
              : v.type === 'short'
                ? view.getInt16(o + 2 * k)
                : view.getInt8(o + k);
    }
    return out;
  };
  const time = read('time', ['time'], true) as Float64Array;
  const lon = read('lon', ['trajectory', 'time'], true) as Float64Array;
  const lat = read('lat', ['trajectory', 'time'], true) as Float64Array;
  const status = read('status', ['trajectory', 'time'], true) as Float64Array;
  const capsized = read('capsized', ['trajectory', 'time'], false);
  const category = read('category_id', ['trajectory'], false);
  const seedTime = read('seed_time', ['trajectory'], false);
  const seedLon = read('seed_lon', ['trajectory'], false);
  const seedLat = read('seed_lat', ['trajectory'], false);
  const weight = read('weight', ['trajectory'], false);

  const set = {
    count: n,
    timesS: time,
    lonDeg: new Float64Array(n * nt),
    latDeg: new Float64Array(n * nt),
    status: new Uint8Array(n * nt),
    capsized: new Uint8Array(n * nt),
    categoryId: new Uint16Array(n),
    seedTimeS: new Float64Array(n),
    ...(weight === undefined ? {} : { weight }),
  };
  const isFill = (v: number): boolean => !Number.isFinite(v) || Math.abs(v - FILL) <= 1e-6 * FILL;
  for (let i = 0; i < n; i++) {
    set.categoryId[i] = category === undefined ? 0 : (category[i] as number);
    set.seedTimeS[i] = seedTime === undefined ? NaN : (seedTime[i] as number);
    const sx = seedLon?.[i];
    const sy = seedLat?.[i];
    for (let k = 0; k < nt; k++) {
      const src = i * nt + k;
      const dst = k * n + i;
      const st = status[src] as number;
      if (!(st >= 0 && st <= 3)) {
        throw new TandemError('UNSUPPORTED_FILE', `status value ${st} is not a particle status`, `${file}: status`);
      }
      set.status[dst] = st;
      set.capsized[dst] = capsized === undefined ? 0 : (capsized[src] as number);
      let x = lon[src] as number;
      let y = lat[src] as number;
      if (isFill(x) || isFill(y)) {
        x = st === ParticleStatus.NotSeeded && sx !== undefined && !isFill(sx) ? sx : NaN;
        y = st === ParticleStatus.NotSeeded && sy !== undefined && !isFill(sy) ? sy : NaN;
      }
      set.lonDeg[dst] = x;
      set.latDeg[dst] = y;
    }
  }
  return { set, attributes };
}
