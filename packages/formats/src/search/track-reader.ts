/**
 * Tracks actually run (for the Bayesian update): GPX 1.0/1.1 (`trk`/`trkpt` and `rte`/`rtept`), CSV with `lon`
 * and `lat` columns (optional `unit`/`track` and `time`), and GeoJSON LineString / MultiLineString features
 * (`properties.unitId`). Bounded: at most `MAX_TRACK_BYTES` of text and `MAX_TRACK_POINTS` points.
 */
import { TandemError, parseUtcTime } from '@tandem/core';
import type { LonLat } from '@tandem/core';

export const MAX_TRACK_BYTES = 64 * 1024 * 1024;
export const MAX_TRACK_POINTS = 2_000_000;

export interface RunTrack {
  /** Unit id when the file names it, else the track's name or index. */
  readonly unitId: string;
  readonly points: readonly LonLat[];
  /** Times of the points (epoch s) when the file gives them. */
  readonly timesS: readonly number[] | undefined;
}

export type TrackFormat = 'gpx' | 'csv' | 'geojson';

/** Guess the format from a file name. */
export function trackFormatOf(fileName: string): TrackFormat {
  const l = fileName.toLowerCase();
  if (l.endsWith('.gpx')) return 'gpx';
  if (l.endsWith('.csv')) return 'csv';
  if (l.endsWith('.json') || l.endsWith('.geojson')) return 'geojson';
  throw new TandemError('UNSUPPORTED_FILE', 'tracks must be .gpx, .csv, .json or .geojson', fileName);
}

function point(lon: number, lat: number, where: string): LonLat {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw new TandemError('INVALID_INPUT', `not a valid [lon, lat]: [${lon}, ${lat}]`, where);
  }
  return [lon, lat];
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m === null ? undefined : (m[2] ?? m[3]);
}

function parseGpx(text: string, file: string): RunTrack[] {
  const tracks: RunTrack[] = [];
  let total = 0;
  const blocks = text.match(/<(trk|rte)\b[\s\S]*?<\/\1>/g) ?? [];
  blocks.forEach((block, b) => {
    const name = /<name>([\s\S]*?)<\/name>/.exec(block)?.[1]?.trim();
    const pts: LonLat[] = [];
    const times: number[] = [];
    const re = /<(trkpt|rtept)\b([^>]*)(\/>|>([\s\S]*?)<\/\1>)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(block)) !== null) {
      if (++total > MAX_TRACK_POINTS)
        throw new TandemError('FILE_TOO_LARGE', `more than ${MAX_TRACK_POINTS} points`, file);
      const lat = Number(attr(m[2] ?? '', 'lat'));
      const lon = Number(attr(m[2] ?? '', 'lon'));
      pts.push(point(lon, lat, `${file}: track ${b + 1} point ${pts.length + 1}`));
      const t = /<time>([^<]*)<\/time>/.exec(m[4] ?? '')?.[1];
      if (t !== undefined) times.push(parseUtcTime(t.trim()));
    }
    if (pts.length > 0)
      tracks.push({
        unitId: name ?? `track-${b + 1}`,
        points: pts,
        timesS: times.length === pts.length ? times : undefined,
      });
  });
  if (tracks.length === 0)
    throw new TandemError('UNSUPPORTED_FILE', 'no <trk> or <rte> with points in the GPX file', file);
  return tracks;
}

function parseCsv(text: string, file: string): RunTrack[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const iLon = header.findIndex((h) => h === 'lon' || h === 'longitude' || h === 'lon_deg');
  const iLat = header.findIndex((h) => h === 'lat' || h === 'latitude' || h === 'lat_deg');
  const iUnit = header.findIndex((h) => h === 'unit' || h === 'unit_id' || h === 'track');
  const iTime = header.findIndex((h) => h === 'time' || h === 'time_utc');
  if (iLon < 0 || iLat < 0)
    throw new TandemError('INVALID_INPUT', 'the CSV header needs lon and lat columns', `${file}: line 1`);
  if (lines.length - 1 > MAX_TRACK_POINTS)
    throw new TandemError('FILE_TOO_LARGE', `more than ${MAX_TRACK_POINTS} points`, file);
  const byUnit = new Map<string, { points: LonLat[]; times: number[] }>();
  for (let k = 1; k < lines.length; k++) {
    const c = (lines[k] as string).split(',');
    const id = iUnit >= 0 ? (c[iUnit] ?? '').trim() : 'track-1';
    const entry = byUnit.get(id) ?? { points: [], times: [] };
    entry.points.push(point(Number(c[iLon]), Number(c[iLat]), `${file}: line ${k + 1}`));
    if (iTime >= 0) entry.times.push(parseUtcTime((c[iTime] ?? '').trim()));
    byUnit.set(id, entry);
  }
  return [...byUnit].map(([unitId, e]) => ({ unitId, points: e.points, timesS: iTime >= 0 ? e.times : undefined }));
}

function parseGeoJson(text: string, file: string): RunTrack[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new TandemError('UNSUPPORTED_FILE', `not JSON: ${(e as Error).message}`, file);
  }
  const feats: unknown[] =
    (doc as { type?: string }).type === 'FeatureCollection'
      ? ((doc as { features?: unknown[] }).features ?? [])
      : [doc];
  const tracks: RunTrack[] = [];
  let total = 0;
  feats.forEach((f, i) => {
    const g = (f as { geometry?: { type?: string; coordinates?: unknown } }).geometry;
    const id = (f as { properties?: { unitId?: unknown } }).properties?.unitId;
    const lines: unknown[] =
      g?.type === 'LineString'
        ? [g.coordinates]
        : g?.type === 'MultiLineString'
          ? ((g.coordinates as unknown[]) ?? [])
          : [];
    lines.forEach((line, l) => {
      if (!Array.isArray(line))
        throw new TandemError('INVALID_INPUT', 'coordinates must be an array', `${file}: features[${i}]`);
      total += line.length;
      if (total > MAX_TRACK_POINTS)
        throw new TandemError('FILE_TOO_LARGE', `more than ${MAX_TRACK_POINTS} points`, file);
      const pts = line.map((p: unknown, q) => {
        const a = p as number[];
        return point(Number(a?.[0]), Number(a?.[1]), `${file}: features[${i}] point ${q}`);
      });
      tracks.push({
        unitId: typeof id === 'string' ? id : `track-${i + 1}${lines.length > 1 ? `-${l + 1}` : ''}`,
        points: pts,
        timesS: undefined,
      });
    });
  });
  if (tracks.length === 0) throw new TandemError('UNSUPPORTED_FILE', 'no LineString or MultiLineString features', file);
  return tracks;
}

/** Parse tracks actually run from text in one of the supported formats. */
export function parseRunTracks(text: string, format: TrackFormat, file = 'tracks'): RunTrack[] {
  if (text.length > MAX_TRACK_BYTES)
    throw new TandemError('FILE_TOO_LARGE', `tracks file over ${MAX_TRACK_BYTES} bytes`, file);
  if (format === 'gpx') return parseGpx(text, file);
  if (format === 'csv') return parseCsv(text, file);
  return parseGeoJson(text, file);
}
