/**
 * The run-report check for a land mask with limited coverage (a regional NetCDF raster, a GeoJSON with a bbox):
 * outside it the mask has no land information and answers "water", so particles there can drift over land
 * unseen. This counts the released particles that were outside at any output time and words a warning.
 */
import { ParticleStatus } from '@tandem/core';
import type { TrajectorySet } from '@tandem/core';
import type { CoveredLandMask } from './polygon-land-mask.ts';

export interface LandCoverageCheck {
  /** Released particles outside the mask's coverage at one or more output times. */
  readonly particlesOutside: number;
  /** Plain-language warning for the run report, or null when every particle stayed inside. */
  readonly warning: string | null;
}

export function checkLandCoverage(mask: CoveredLandMask, set: TrajectorySet): LandCoverageCheck {
  if (mask.coverage.bboxDeg === null) return { particlesOutside: 0, warning: null };
  const n = set.count;
  const nt = set.timesS.length;
  let outside = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < nt; k++) {
      const o = k * n + i;
      if (set.status[o] === ParticleStatus.NotSeeded) continue;
      const lon = set.lonDeg[o] as number;
      const lat = set.latDeg[o] as number;
      if (Number.isFinite(lon) && Number.isFinite(lat) && !mask.covers(lon, lat)) {
        outside++;
        break;
      }
    }
  }
  if (outside === 0) return { particlesOutside: 0, warning: null };
  const [w, s, e, nb] = mask.coverage.bboxDeg;
  return {
    particlesOutside: outside,
    warning:
      `${outside} particle(s) left the land mask "${mask.name}" (${w}..${e}°E, ${s}..${nb}°N); ` +
      'outside it there is no coastline information and no stranding',
  };
}
