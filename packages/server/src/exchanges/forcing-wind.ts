/**
 * Winds for the ferry planner from a forcing file (a `data_file` record), opened by @tandem/formats the way the
 * drift job opens it (NetCDF-3/4 or GRIB; grid-relative components rotated to east/north). The file's wind is the
 * model's wind field as stored (usually 10 m): using it at cruise level is an approximation the plan states.
 * Where the file has no value (outside its area or time) the planner flies in calm air and the plan reports how
 * many of the sampled points that was, rather than inventing wind.
 */
import { resolve } from 'node:path';
import { SampleStatus, TandemError, localized } from '@tandem/core';
import type { WindAloft, WindVector } from '@tandem/core';
import { openGriddedSource } from '@tandem/formats';
import type { SarRecord } from '../records/sar-record-repository.ts';

export interface WindSampleStats {
  /** Points sampled along the legs. */
  sampled: number;
  /** Of which the file had no value (flown in calm air). */
  outside: number;
}

export interface ForcingWind extends WindAloft {
  readonly stats: WindSampleStats;
  close(): void;
}

/** Opens the wind of a data-file record; relative paths resolve against `baseDir` (as the drift job does). */
export async function forcingWind(rec: SarRecord, baseDir: string): Promise<ForcingWind> {
  const body = (rec.body ?? {}) as { path?: unknown; fields?: Record<string, unknown> };
  if (typeof body.path !== 'string' || body.path === '') {
    throw new TandemError('INVALID_INPUT', 'the data file record has no file path', 'wind.dataFileId');
  }
  if (body.fields !== undefined && body.fields['wind'] == null) {
    throw new TandemError('INVALID_INPUT', 'the data file has no wind field', 'wind.dataFileId');
  }
  const source = await openGriddedSource([resolve(baseDir, body.path)], 'wind');
  const lon = new Float64Array(1);
  const lat = new Float64Array(1);
  const out = { eastMps: new Float64Array(1), northMps: new Float64Array(1), status: new Uint8Array(1) };
  const stats: WindSampleStats = { sampled: 0, outside: 0 };
  const calm: WindVector = { eastMps: 0, northMps: 0 };
  return {
    description: localized(
      `wind from ${rec.title} (model wind as stored, calm where it has no data)`,
      `${rec.title}의 바람 (모델 바람 그대로, 자료가 없는 곳은 무풍)`,
      `${rec.title} の風（モデルの風をそのまま使用、データのない所は無風）`,
    ),
    timeInvariant: false,
    stats,
    windAt(lonDeg: number, latDeg: number, timeUtc: number): WindVector {
      lon[0] = lonDeg;
      lat[0] = latDeg;
      source.sample('wind', { timeS: timeUtc, lonDeg: lon, latDeg: lat, start: 0, end: 1 }, out);
      stats.sampled += 1;
      const e = out.eastMps[0]!;
      const n = out.northMps[0]!;
      if (out.status[0] !== SampleStatus.Ok || !Number.isFinite(e) || !Number.isFinite(n)) {
        stats.outside += 1;
        return calm;
      }
      return { eastMps: e, northMps: n };
    },
    close: () => source.close(),
  };
}
