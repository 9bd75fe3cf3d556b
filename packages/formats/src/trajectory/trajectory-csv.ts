/**
 * Drift trajectories as CSV (RFC 4180: CRLF line ends, a header row): `particle,time_utc,lon,lat,status,capsized`,
 * one row per particle per output time from its release on (rows before release are left out: the particle has
 * no position yet), sorted by particle then time. Numbers are written in the shortest form that reads back to
 * the same float64, so the file is lossless.
 */
import { ParticleStatus, formatUtcTime } from '@tandem/core';
import type { TrajectorySet } from '@tandem/core';
import { statusName } from './trajectory-geojson.ts';

export const TRAJECTORY_CSV_HEADER = 'particle,time_utc,lon,lat,status,capsized';

export function trajectoriesToCsv(set: TrajectorySet): string {
  const n = set.count;
  const nt = set.timesS.length;
  const times = Array.from(set.timesS, (t) => formatUtcTime(t));
  const parts: string[] = [TRAJECTORY_CSV_HEADER];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < nt; k++) {
      const o = k * n + i;
      const st = set.status[o] as number;
      if (st === ParticleStatus.NotSeeded) continue;
      parts.push(`${i},${times[k]},${set.lonDeg[o]},${set.latDeg[o]},${statusName(st)},${set.capsized[o]}`);
    }
  }
  parts.push('');
  return parts.join('\r\n');
}
