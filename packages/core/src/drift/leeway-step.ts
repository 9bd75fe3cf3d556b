/**
 * One Leeway time step for a chunk of particles: the engine's hot loop, kept in its own small function so
 * that V8 optimises it as a whole (an inner loop inside the long driver function only gets on-stack
 * replacement and deoptimises at every exit). Struct-of-arrays state, no allocation.
 *
 * Method (`sar-method.md` §1; OpenDrift Leeway; Allen & Plourde 1999; Breivik & Allen 2008): with wind speed
 * U > 0 blowing toward θ (clockwise from north), L_dw = a_dw U + b_dw and L_cw = a_cw U + b_cw (m/s, the
 * per-particle coefficients drawn at seeding); east = L_dw sin θ - L_cw cos θ, north = L_dw cos θ + L_cw sin θ
 * (positive L_cw points to the left of downwind, OpenDrift's convention); × 0.4 when capsized. With U = 0 the
 * downwind direction is undefined and the leeway is zero, so calm water gives exact current transport
 * (OpenDrift would take atan2(0, 0) = 0, i.e. downwind toward north). The particle moves by leeway × dt and
 * current × dt, both sampled at the start-of-step position. The method moves by the leeway, then from there by the
 * current; on the tangent plane the two displacements are composed into one move, with the WGS 84 radii of
 * curvature M = a (1 - e²) / w^1.5 and N = a / w^0.5 (w = 1 - e² sin² lat) at the move's mid-latitude. This is
 * second order in the step, so a backward step (dt < 0) undoes a forward one to well under a millimetre a day,
 * and a 600-s step agrees with Vincenty's direct solution to well under a metre; the order of the two moves
 * changes the result only through the metric's change over the first move, of order |d_leeway| |d_current| / R
 * (below 1 mm for 600-s steps). No trigonometric function is called: (sin, cos) of the latitude are advanced by
 * the angle-addition formulae with cos d ≈ 1 - d²/2 and sin d ≈ d - d³/6, whose errors (< d⁴/24) stay below
 * 1e-14 rad for a 6 km move and below 1 mm for |d| < 0.01 rad; the mid-latitude estimate uses
 * w^1.5 ≈ 1 - 1.5 e² sin² and first-order sin/cos of the half step (errors of micrometres); see
 * `run-drift.test.ts`. Then it jibes with probability p_j (negating s_cw only and flipping the orientation,
 * OpenDrift's quirk) and, when capsizing is on, capsizes with probability (0.5 + 0.5 tanh((U - 30)/5)) |dt|/3600.
 * A particle whose wind or current sample is not Ok is stopped (NoData) where it is and reported.
 */
import { SampleStatus } from '../forcing/index.ts';
import { WGS84_A_M, WGS84_E2 } from '../geo/index.ts';
import { ParticleStatus } from './trajectory-set.ts';

/** The mutable struct-of-arrays state of a particle range, indexed 0..n-1. */
export interface ParticleArrays {
  readonly lonDeg: Float64Array;
  readonly latDeg: Float64Array;
  /** sin and cos of the latitude, kept in step with `latDeg` (set them whenever latDeg is set elsewhere). */
  readonly sinLat: Float64Array;
  readonly cosLat: Float64Array;
  /** Start-of-step positions, kept only for the `previous` coastline action. */
  readonly prevLonDeg: Float64Array;
  readonly prevLatDeg: Float64Array;
  readonly status: Uint8Array;
  /** 1 while the particle is Active (also the sampling mask). */
  readonly active: Uint8Array;
  readonly capsized: Uint8Array;
  readonly dwSlope: Float64Array;
  readonly dwOffset: Float64Array;
  readonly cwSlope: Float64Array;
  readonly cwOffset: Float64Array;
  readonly cwSideSlope: Float64Array;
  readonly right: Uint8Array;
  /** Mulberry32 state of each particle's stream (ADR 0003). */
  readonly rng: Uint32Array;
}

/** Forcing samples of one chunk, indexed 0..len-1. */
export interface ChunkForcing {
  readonly windEastMps: Float64Array;
  readonly windNorthMps: Float64Array;
  readonly windStatus: Uint8Array;
  readonly currentEastMps: Float64Array;
  readonly currentNorthMps: Float64Array;
  readonly currentStatus: Uint8Array;
}

export interface StepParams {
  /** Signed time step, s (negative backward). */
  readonly dtS: number;
  /** Jibe probability per step. */
  readonly jibeProbability: number;
  /** Capsize transitions allowed. */
  readonly capsizing: boolean;
  /** |dt| / 3600, the capsize probability scale. */
  readonly capsizeScale: number;
  /** Keep start-of-step positions for the `previous` coastline action. */
  readonly keepPrevious: boolean;
}

const DEG = Math.PI / 180;
const WEYL = 0x6d2b79f5;
const TWO_POW_32 = 4294967296;
/** 1 / (a (1 - e²)): the meridional radius of curvature is M = a (1 - e²) / w^1.5. */
const INV_A_ONE_MINUS_E2 = 1 / (WGS84_A_M * (1 - WGS84_E2));
/** a in metres per degree (a · π/180), for longitude steps: dLon = dE √w / (a_rad cos lat). */
const A_RAD = WGS84_A_M * DEG;
/** Leeway factor of a capsized object (`sar-method.md` §1). */
export const CAPSIZED_LEEWAY_FACTOR = 0.4;
/** Wind speed (m/s) where the capsize probability per hour is one half, and the transition width (m/s). */
const CAPSIZE_WIND_MPS = 30;
const CAPSIZE_WIDTH_MPS = 5;

/** Next uniform [0, 1) of particle i's Mulberry32 stream (the same generator as core/random ParticleStreams). */
function nextUniform(rng: Uint32Array, i: number): number {
  let st = ((rng[i] as number) + WEYL) | 0;
  rng[i] = st;
  st = Math.imul(st ^ (st >>> 15), st | 1);
  st ^= st + Math.imul(st ^ (st >>> 7), st | 61);
  return ((st ^ (st >>> 14)) >>> 0) / TWO_POW_32;
}

/** 1.5 e², the first-order term of w^1.5 = (1 - e² sin²)^1.5 (used only for the mid-latitude estimate). */
const THREE_HALVES_E2 = 1.5 * WGS84_E2;
const RAD_TO_DEG = 180 / Math.PI;

/**
 * Advance particles [c0, c0 + len) by one step with the chunk's forcing. Returns the number of particles moved;
 * calls `onNoData(i, field, status)` for each particle stopped for lack of data.
 */
export function advanceChunk(
  p: ParticleArrays,
  f: ChunkForcing,
  c0: number,
  len: number,
  params: StepParams,
  onNoData: (i: number, windStatus: number, currentStatus: number) => void,
): number {
  const {
    lonDeg: lon,
    latDeg: lat,
    sinLat,
    cosLat,
    active,
    capsized,
    dwSlope,
    dwOffset,
    cwSlope,
    cwOffset,
    cwSideSlope,
    rng,
  } = p;
  const { windEastMps: windE, windNorthMps: windN, windStatus: windS } = f;
  const { currentEastMps: curE, currentNorthMps: curN, currentStatus: curS } = f;
  const dt = params.dtS;
  const jibeP = params.jibeProbability;
  const keepPrevious = params.keepPrevious;
  const capsizing = params.capsizing;
  let moved = 0;
  for (let m = 0; m < len; m++) {
    const i = c0 + m;
    if (active[i] === 0) continue;
    const ws = windS[m] as number;
    const cs = curS[m] as number;
    if (ws !== SampleStatus.Ok || cs !== SampleStatus.Ok) {
      p.status[i] = ParticleStatus.NoData;
      active[i] = 0;
      onNoData(i, ws, cs);
      continue;
    }
    const we = windE[m] as number;
    const wn = windN[m] as number;
    const u = Math.sqrt(we * we + wn * wn);
    let le = 0;
    let ln = 0;
    if (u > 0) {
      const invU = 1 / u;
      const sinT = we * invU;
      const cosT = wn * invU;
      let ldw = (dwSlope[i] as number) * u + (dwOffset[i] as number);
      let lcw = (cwSlope[i] as number) * u + (cwOffset[i] as number);
      if (capsized[i] === 1) {
        ldw *= CAPSIZED_LEEWAY_FACTOR;
        lcw *= CAPSIZED_LEEWAY_FACTOR;
      }
      le = ldw * sinT - lcw * cosT;
      ln = ldw * cosT + lcw * sinT;
    }
    let x = lon[i] as number;
    const y0 = lat[i] as number;
    if (keepPrevious) {
      p.prevLonDeg[i] = x;
      p.prevLatDeg[i] = y0;
    }
    // Leeway and current displacements composed in one tangent-plane move at the combined move's mid-latitude.
    // Two sequential moves (leeway, then current from there) differ from this by the change of the metric over
    // the first move, of order |d_leeway| |d_current| / R: below 1 mm for 600-s steps (see the module comment).
    const sLat = sinLat[i] as number;
    const cLat = cosLat[i] as number;
    const northM = ((curN[m] as number) + ln) * dt;
    const eastM = ((curE[m] as number) + le) * dt;
    const h = 0.5 * northM * (1 - THREE_HALVES_E2 * sLat * sLat) * INV_A_ONE_MINUS_E2;
    const ch = 1 - 0.5 * h * h;
    const sm = sLat * ch + cLat * h;
    const cm = cLat * ch - sLat * h;
    const wm = 1 - WGS84_E2 * sm * sm;
    const swm = Math.sqrt(wm);
    const d = northM * wm * swm * INV_A_ONE_MINUS_E2;
    const dd = d * d;
    const cosD = 1 - 0.5 * dd;
    const sinD = d - d * dd * (1 / 6);
    x += (eastM * swm) / (A_RAD * cm);
    const y = y0 + d * RAD_TO_DEG;
    sinLat[i] = sLat * cosD + cLat * sinD;
    cosLat[i] = cLat * cosD - sLat * sinD;
    if (x >= 180) x -= 360;
    else if (x < -180) x += 360;
    lon[i] = x;
    lat[i] = y;

    if (jibeP > 0 && nextUniform(rng, i) < jibeP) {
      const side = cwSideSlope[i] as number;
      cwSlope[i] = (cwSlope[i] as number) - 2 * side;
      cwSideSlope[i] = -side;
      p.right[i] = 1 - (p.right[i] as number);
    }
    if (capsizing && capsized[i] === 0) {
      const pc = (0.5 + 0.5 * Math.tanh((u - CAPSIZE_WIND_MPS) / CAPSIZE_WIDTH_MPS)) * params.capsizeScale;
      if (nextUniform(rng, i) < pc) capsized[i] = 1;
    }
    moved++;
  }
  return moved;
}
