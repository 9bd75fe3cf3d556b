import geographiclib from 'geographiclib-geodesic';
import type { LonLat } from '../geo/index.ts';

/**
 * Geodesics on the WGS 84 ellipsoid by Karney's algorithms (Karney 2013, "Algorithms for geodesics", J. Geodesy
 * 87:43–55) through the `geographiclib-geodesic` package: accurate to about 15 nm for any pair of points.
 */
const WGS84 = geographiclib.Geodesic.WGS84;

export interface GeodesicLeg {
  readonly distanceM: number;
  /** Initial azimuth, degrees true in [0, 360). */
  readonly initialTrackDeg: number;
}

export function geodesicLeg(from: LonLat, to: LonLat): GeodesicLeg {
  const r = WGS84.Inverse(from[1], from[0], to[1], to[0]);
  const azi = r.azi1 ?? 0;
  return { distanceM: r.s12 ?? 0, initialTrackDeg: ((azi % 360) + 360) % 360 };
}

/** A point of a geodesic leg: position and local azimuth at distance `s` from the start. */
export interface GeodesicSample {
  readonly lonDeg: number;
  readonly latDeg: number;
  readonly trackDeg: number;
}

/**
 * Positions and local azimuths at the midpoints of `n` equal pieces of the geodesic from `from` to `to`,
 * for integrating the wind along the leg.
 */
export function geodesicMidpoints(from: LonLat, to: LonLat, n: number): { pieceM: number; samples: GeodesicSample[] } {
  const line = WGS84.InverseLine(from[1], from[0], to[1], to[0]);
  const total = line.s13;
  const pieceM = total / n;
  const samples: GeodesicSample[] = [];
  for (let i = 0; i < n; i++) {
    const p = line.Position((i + 0.5) * pieceM);
    const azi = p.azi2 ?? 0;
    samples.push({ lonDeg: p.lon2 ?? 0, latDeg: p.lat2 ?? 0, trackDeg: ((azi % 360) + 360) % 360 });
  }
  return { pieceM, samples };
}

/**
 * Points along the geodesic from `from` to `to` (both ends included), `n` pieces, for drawing a leg on a map:
 * a long leg drawn as a straight line in Web Mercator would misplace it by tens of kilometres.
 */
export function geodesicPath(from: LonLat, to: LonLat, n: number): LonLat[] {
  const pieces = Math.max(1, Math.floor(n));
  const line = WGS84.InverseLine(from[1], from[0], to[1], to[0]);
  const out: LonLat[] = [];
  for (let i = 0; i <= pieces; i++) {
    const p = line.Position((i / pieces) * line.s13);
    out.push([p.lon2 ?? 0, p.lat2 ?? 0]);
  }
  return out;
}

/**
 * The closed ring of points at geodesic distance `radiusM` from `center` (Karney's direct problem at `n`
 * equally spaced azimuths): a range ring on the ellipsoid.
 */
export function geodesicCircle(center: LonLat, radiusM: number, n = 72): LonLat[] {
  const k = Math.max(8, Math.floor(n));
  const ring: LonLat[] = [];
  for (let i = 0; i < k; i++) {
    const r = WGS84.Direct(center[1], center[0], (360 * i) / k, radiusM);
    ring.push([r.lon2 ?? 0, r.lat2 ?? 0]);
  }
  ring.push(ring[0]!);
  return ring;
}
