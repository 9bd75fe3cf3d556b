/**
 * The coastline drills run against: Natural Earth 10 m land (`@tandem/formats`), loaded once per process. The
 * location generator keeps casualties off it and the drift strands on it.
 */
import type { LandMask } from '@tandem/core';
import { naturalEarthLandMask } from '@tandem/formats';

export function drillLandMask(): Promise<LandMask> {
  return naturalEarthLandMask();
}
