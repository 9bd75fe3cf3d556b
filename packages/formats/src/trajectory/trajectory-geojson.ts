/**
 * Drift trajectories as GeoJSON (RFC 7946): one LineString per particle, and the particles' positions at one
 * output time as Points. Positions are `[lon, lat]` WGS 84 degrees. A track's longitudes are unwrapped (no jump
 * of more than 180° between vertices) so that a track crossing the antimeridian stays one short line; map
 * libraries draw such lines correctly, and longitudes beyond ±180° are legal in GeoJSON positions.
 */
import { PARTICLE_STATUS_NAMES, ParticleStatus, TandemError, formatUtcTime } from '@tandem/core';
import type { TrajectorySet } from '@tandem/core';

export interface GeoJsonFeature<G, P> {
  readonly type: 'Feature';
  readonly geometry: G;
  readonly properties: P;
}

export interface GeoJsonFeatureCollection<G, P> {
  readonly type: 'FeatureCollection';
  readonly features: readonly GeoJsonFeature<G, P>[];
}

export interface LineStringGeometry {
  readonly type: 'LineString';
  readonly coordinates: readonly (readonly [number, number])[];
}

export interface PointGeometry {
  readonly type: 'Point';
  readonly coordinates: readonly [number, number];
}

export interface TrackProperties {
  /** Particle index in the run. */
  readonly id: number;
  readonly categoryId: number;
  /** Status at the last output time: active, stranded or no_data (not_seeded if never released). */
  readonly status: string;
  readonly capsized: boolean;
  readonly seedTime: string;
  /** First and last output times on the track (UTC ISO-8601), null for a never-released particle. */
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly weight?: number;
}

export interface PositionProperties {
  readonly id: number;
  readonly categoryId: number;
  readonly status: string;
  readonly capsized: boolean;
  readonly time: string;
  readonly weight?: number;
}

/**
 * One LineString per particle over the output times from its release until it stops: every output where it is
 * active, then the first output where it is stranded or out of data (later outputs repeat that position). A
 * particle seen at one output only gets a two-vertex line on one point; one never released gets geometry null.
 */
export function trajectoriesToGeoJsonTracks(
  set: TrajectorySet,
): GeoJsonFeatureCollection<LineStringGeometry | null, TrackProperties> {
  const n = set.count;
  const nt = set.timesS.length;
  const features: GeoJsonFeature<LineStringGeometry | null, TrackProperties>[] = [];
  for (let i = 0; i < n; i++) {
    const coords: [number, number][] = [];
    let first = -1;
    let last = -1;
    let prevLon = NaN;
    for (let k = 0; k < nt; k++) {
      const o = k * n + i;
      const st = set.status[o] as number;
      if (st === ParticleStatus.NotSeeded) continue;
      let lon = set.lonDeg[o] as number;
      const lat = set.latDeg[o] as number;
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      if (Number.isFinite(prevLon)) lon += 360 * Math.round((prevLon - lon) / 360);
      prevLon = lon;
      coords.push([lon, lat]);
      if (first < 0) first = k;
      last = k;
      if (st !== ParticleStatus.Active) break;
    }
    if (coords.length === 1) coords.push(coords[0] as [number, number]);
    const finalK = nt - 1;
    const fo = finalK * n + i;
    const props: TrackProperties = {
      id: i,
      categoryId: set.categoryId[i] as number,
      status: statusName(set.status[fo] as number),
      capsized: set.capsized[fo] === 1,
      seedTime: formatUtcTime(set.seedTimeS[i] as number),
      startTime: first < 0 ? null : formatUtcTime(set.timesS[first] as number),
      endTime: last < 0 ? null : formatUtcTime(set.timesS[last] as number),
      ...(set.weight === undefined ? {} : { weight: set.weight[i] as number }),
    };
    features.push({
      type: 'Feature',
      geometry: coords.length === 0 ? null : { type: 'LineString', coordinates: coords },
      properties: props,
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Positions of all released particles at output `outputIndex` (default: the last) as Points with their status. */
export function finalPositionsToGeoJson(
  set: TrajectorySet,
  outputIndex: number = set.timesS.length - 1,
): GeoJsonFeatureCollection<PointGeometry, PositionProperties> {
  const nt = set.timesS.length;
  if (!Number.isInteger(outputIndex) || outputIndex < 0 || outputIndex >= nt) {
    throw new TandemError(
      'OUT_OF_RANGE',
      `output index must be within [0, ${nt - 1}], got ${outputIndex}`,
      'outputIndex',
    );
  }
  const n = set.count;
  const time = formatUtcTime(set.timesS[outputIndex] as number);
  const features: GeoJsonFeature<PointGeometry, PositionProperties>[] = [];
  for (let i = 0; i < n; i++) {
    const o = outputIndex * n + i;
    const st = set.status[o] as number;
    const lon = set.lonDeg[o] as number;
    const lat = set.latDeg[o] as number;
    if (st === ParticleStatus.NotSeeded || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {
        id: i,
        categoryId: set.categoryId[i] as number,
        status: statusName(st),
        capsized: set.capsized[o] === 1,
        time,
        ...(set.weight === undefined ? {} : { weight: set.weight[i] as number }),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function statusName(status: number): string {
  return PARTICLE_STATUS_NAMES[status as ParticleStatus] ?? `unknown_${status}`;
}
