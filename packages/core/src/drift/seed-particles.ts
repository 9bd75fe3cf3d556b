/**
 * Seeding: positions, release times and per-particle Leeway coefficients for particles
 * [first, first + count) of a run, each drawn from the particle's own random stream (ADR 0003) so that any
 * split of the particles over threads gives the same particles.
 *
 * Method (`sar-method.md` §1, OpenDrift Leeway; Breivik & Allen 2008):
 * - Point seeding: `radiusM` is a 1-σ gaussian per axis (east and north independent), or a uniform disk;
 *   a time window [t0, t1] releases particle k of n at t0 + k (t1 - t0)/(n - 1).
 * - Cone seeding: particle k of n at fraction k/(n - 1) along the WGS 84 geodesic from `from` to `to`, time and
 *   radius linear in that fraction.
 * - Orientation alternates by index within a seeding: even → right coefficients, odd → left.
 * - Downwind error e_dw = N(0,1)·DW_STD redrawn until DW_SLOPE + e_dw/20 >= 0; crosswind error
 *   e_cw = N(0,1)·CW_STD(side). Coefficients kept in m/s: L_dw = a_dw U + b_dw with a_dw = 0.01 (DW_SLOPE + e_dw/20),
 *   b_dw = 0.01 (DW_OFFSET + e_dw/2); likewise for the crosswind with the side's slope s_cw and offset c_cw.
 * Draw order per particle: two position draws, the downwind draw(s), the crosswind draw.
 */
import { geodesicDirect, geodesicInverse, offsetByMeters, wrapLongitudeDeg } from '../geo/index.ts';
import type { LandMask } from '../forcing/index.ts';
import { ParticleStreams } from '../random/index.ts';
import { centimetersPerSecondToMetersPerSecond } from '../units/index.ts';
import type { DriftConfig, Seeding } from './drift-config.ts';
import { nearestWater } from './nearest-water.ts';

/** Struct-of-arrays seeding of a particle range; index 0 is global particle `first`. */
export interface SeededParticles {
  readonly first: number;
  readonly count: number;
  readonly lonDeg: Float64Array;
  readonly latDeg: Float64Array;
  readonly releaseTimeS: Float64Array;
  readonly categoryId: Uint16Array;
  /** Probability weight of each particle: seeding weight / (seeding count × sum of seeding weights). */
  readonly weight: Float64Array;
  /** Downwind slope a_dw (m/s per m/s of wind) and offset b_dw (m/s), perturbation included. */
  readonly dwSlope: Float64Array;
  readonly dwOffset: Float64Array;
  /** Crosswind slope a_cw including the perturbation e_cw/20 (m/s per m/s), and offset b_cw (m/s). */
  readonly cwSlope: Float64Array;
  readonly cwOffset: Float64Array;
  /** The side's crosswind slope without perturbation, 0.01·s_cw (m/s per m/s): a jibe negates this part only. */
  readonly cwSideSlope: Float64Array;
  /** 1 = right-diverging, 0 = left. */
  readonly right: Uint8Array;
  /** Seeded on land and moved to the nearest water (1), or stuck on land with no water within 200 km (2). */
  readonly landFix: Uint8Array;
  readonly streams: ParticleStreams;
}

const MAX_REDRAWS = 10_000;
/**
 * The Leeway tables' slopes are in % of U10 (cm/s per m/s) and offsets in cm/s: both become SI (m/s per m/s,
 * m/s) by the cm/s → m/s factor.
 */
const PERCENT = centimetersPerSecondToMetersPerSecond(1);

/** Seed particles [first, first + count). The config must have passed `validateDriftConfig`. */
export function seedParticles(config: DriftConfig, first: number, count: number, land: LandMask): SeededParticles {
  const streams = ParticleStreams.create(config.run.rngSeed, count, first);
  const p: SeededParticles = {
    first,
    count,
    lonDeg: new Float64Array(count),
    latDeg: new Float64Array(count),
    releaseTimeS: new Float64Array(count),
    categoryId: new Uint16Array(count),
    weight: new Float64Array(count),
    dwSlope: new Float64Array(count),
    dwOffset: new Float64Array(count),
    cwSlope: new Float64Array(count),
    cwOffset: new Float64Array(count),
    cwSideSlope: new Float64Array(count),
    right: new Uint8Array(count),
    landFix: new Uint8Array(count),
    streams,
  };
  let weightSum = 0;
  for (const s of config.seedings) weightSum += s.weight;
  let base = 0;
  for (const s of config.seedings) {
    const lo = Math.max(first, base);
    const hi = Math.min(first + count, base + s.count);
    if (lo < hi) seedRange(s, base, lo, hi, p, weightSum > 0 ? s.weight / (s.count * weightSum) : 1 / s.count, land);
    base += s.count;
  }
  return p;
}

function seedRange(
  s: Seeding,
  base: number,
  lo: number,
  hi: number,
  p: SeededParticles,
  weight: number,
  land: LandMask,
): void {
  const n = s.count;
  const c = s.category;
  const cone =
    s.kind === 'cone'
      ? geodesicInverse([s.from.lonDeg, s.from.latDeg], [s.to.lonDeg, s.to.latDeg])
      : { distanceM: 0, initialBearingDeg: 0 };
  const streams = p.streams;
  for (let g = lo; g < hi; g++) {
    const i = g - p.first;
    const k = g - base;
    const f = n > 1 ? k / (n - 1) : 0;
    let lon: number;
    let lat: number;
    let r: number;
    let t: number;
    if (s.kind === 'point') {
      lon = s.lonDeg;
      lat = s.latDeg;
      r = s.radiusM;
      t = s.timeWindowS[0] + f * (s.timeWindowS[1] - s.timeWindowS[0]);
    } else {
      [lon, lat] =
        f === 0
          ? [s.from.lonDeg, s.from.latDeg]
          : geodesicDirect([s.from.lonDeg, s.from.latDeg], cone.initialBearingDeg, f * cone.distanceM);
      r = s.from.radiusM + f * (s.to.radiusM - s.from.radiusM);
      t = s.from.timeS + f * (s.to.timeS - s.from.timeS);
    }
    let east: number;
    let north: number;
    if (s.radiusType === 'gaussian') {
      east = r * streams.normal(i);
      north = r * streams.normal(i);
    } else {
      const rho = r * Math.sqrt(streams.uniform(i));
      const phi = 2 * Math.PI * streams.uniform(i);
      east = rho * Math.sin(phi);
      north = rho * Math.cos(phi);
    }
    if (r > 0) [lon, lat] = offsetByMeters([lon, lat], east, north);
    lon = wrapLongitudeDeg(lon);
    if (land.isLand(lon, lat)) {
      const w = nearestWater(land, [lon, lat]);
      if (w === undefined) p.landFix[i] = 2;
      else {
        p.landFix[i] = 1;
        lon = wrapLongitudeDeg(w[0]);
        lat = w[1];
      }
    }
    p.lonDeg[i] = lon;
    p.latDeg[i] = lat;
    p.releaseTimeS[i] = t;
    p.categoryId[i] = c.id;
    p.weight[i] = weight;

    let eDw = streams.normal(i) * c.downwindStdCmS;
    for (let tries = 0; c.downwindSlopePct + eDw / 20 < 0 && tries < MAX_REDRAWS; tries++) {
      eDw = streams.normal(i) * c.downwindStdCmS;
    }
    if (c.downwindSlopePct + eDw / 20 < 0) eDw = -20 * c.downwindSlopePct;
    const right = k % 2 === 0;
    const sCw = right ? c.crosswindRightSlopePct : c.crosswindLeftSlopePct;
    const cCw = right ? c.crosswindRightOffsetCmS : c.crosswindLeftOffsetCmS;
    const eCw = streams.normal(i) * (right ? c.crosswindRightStdCmS : c.crosswindLeftStdCmS);
    p.dwSlope[i] = PERCENT * (c.downwindSlopePct + eDw / 20);
    p.dwOffset[i] = PERCENT * (c.downwindOffsetCmS + eDw / 2);
    p.cwSideSlope[i] = PERCENT * sCw;
    p.cwSlope[i] = PERCENT * (sCw + eCw / 20);
    p.cwOffset[i] = PERCENT * (cCw + eCw / 2);
    p.right[i] = right ? 1 : 0;
  }
}
