/**
 * Lambert azimuthal equal-area projection on the WGS 84 ellipsoid, oblique aspect (Snyder 1987, *Map
 * Projections — A Working Manual*, USGS PP 1395, pp. 187–190; EPSG method 9820). Probability grids are laid on
 * this plane so that every cell has the same true area, and search geometry (legs, rectangles, closest approach)
 * is computed in its metres. Over a search region (a few hundred km) scale distortion stays below 0.1 %.
 */
import { WGS84_A_M, WGS84_E2 } from '../geo/index.ts';
import type { LonLat } from '../geo/index.ts';

const DEG = Math.PI / 180;
const E = Math.sqrt(WGS84_E2);

function qOf(sinPhi: number): number {
  const es = E * sinPhi;
  return (1 - WGS84_E2) * (sinPhi / (1 - es * es) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
}

const QP = qOf(1);
/** Radius of the authalic sphere, metres. */
export const AUTHALIC_RADIUS_M = WGS84_A_M * Math.sqrt(QP / 2);

/** A plane of projected metres (x east, y north at the centre) and its inverse. */
export interface PlaneProjection {
  readonly centerLonDeg: number;
  readonly centerLatDeg: number;
  /** Projected metres of a position. */
  forward(lonDeg: number, latDeg: number): [xM: number, yM: number];
  /** Position of projected metres. */
  inverse(xM: number, yM: number): [lonDeg: number, latDeg: number];
}

/** The oblique Lambert azimuthal equal-area projection centred on `center`. */
export function lambertAzimuthalEqualArea(center: LonLat): PlaneProjection {
  const [lon0, lat0] = center;
  const phi1 = lat0 * DEG;
  const sinPhi1 = Math.sin(phi1);
  const beta1 = Math.asin(qOf(sinPhi1) / QP);
  const sinB1 = Math.sin(beta1);
  const cosB1 = Math.cos(beta1);
  const Rq = AUTHALIC_RADIUS_M;
  const D = (WGS84_A_M * Math.cos(phi1)) / (Math.sqrt(1 - WGS84_E2 * sinPhi1 * sinPhi1) * Rq * cosB1);
  const e2 = WGS84_E2;
  const e4 = e2 * e2;
  const e6 = e4 * e2;
  const c2 = e2 / 3 + (31 * e4) / 180 + (517 * e6) / 5040;
  const c4 = (23 * e4) / 360 + (251 * e6) / 3780;
  const c6 = (761 * e6) / 45360;
  return {
    centerLonDeg: lon0,
    centerLatDeg: lat0,
    forward(lonDeg: number, latDeg: number): [number, number] {
      let dl = (lonDeg - lon0) * DEG;
      if (dl > Math.PI) dl -= 2 * Math.PI;
      if (dl < -Math.PI) dl += 2 * Math.PI;
      const beta = Math.asin(Math.max(-1, Math.min(1, qOf(Math.sin(latDeg * DEG)) / QP)));
      const sinB = Math.sin(beta);
      const cosB = Math.cos(beta);
      const cosDl = Math.cos(dl);
      const B = Rq * Math.sqrt(2 / (1 + sinB1 * sinB + cosB1 * cosB * cosDl));
      return [B * D * cosB * Math.sin(dl), (B / D) * (cosB1 * sinB - sinB1 * cosB * cosDl)];
    },
    inverse(xM: number, yM: number): [number, number] {
      const rho = Math.hypot(xM / D, D * yM);
      if (rho === 0) return [lon0, lat0];
      const ce = 2 * Math.asin(Math.min(1, rho / (2 * Rq)));
      const sinCe = Math.sin(ce);
      const cosCe = Math.cos(ce);
      const beta = Math.asin(cosCe * sinB1 + (D * yM * sinCe * cosB1) / rho);
      const lam = Math.atan2(xM * sinCe, D * cosB1 * cosCe * rho - D * D * yM * sinB1 * sinCe);
      let phi = beta + c2 * Math.sin(2 * beta) + c4 * Math.sin(4 * beta) + c6 * Math.sin(6 * beta);
      const q = QP * Math.sin(beta);
      for (let k = 0; k < 2 && Math.abs(phi) < Math.PI / 2 - 1e-9; k++) {
        const s = Math.sin(phi);
        const w = 1 - e2 * s * s;
        phi +=
          ((w * w) / (2 * Math.cos(phi))) *
          (q / (1 - e2) - s / w + (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)));
      }
      let lon = lon0 + lam / DEG;
      if (lon > 180) lon -= 360;
      if (lon < -180) lon += 360;
      return [lon, phi / DEG];
    },
  };
}
