/**
 * Geodesics on WGS 84 by Vincenty's formulae (Vincenty 1975, Survey Review 23(176):88–93), accurate to
 * about 0.5 mm; for nearly antipodal points where the inverse does not converge, a spherical fallback is used
 * and flagged. Distances in metres, azimuths in degrees true.
 */
import { WGS84_A_M, WGS84_B_M, WGS84_F, MEAN_EARTH_RADIUS_M } from './ellipsoid.ts';
import type { LonLat } from './lon-lat.ts';

const DEG = Math.PI / 180;

export interface GeodesicInverse {
  readonly distanceM: number;
  readonly initialBearingDeg: number;
  readonly finalBearingDeg: number;
  /** False when Vincenty did not converge (nearly antipodal) and a great-circle answer is returned. */
  readonly converged: boolean;
}

export function geodesicInverse(from: LonLat, to: LonLat): GeodesicInverse {
  const [lon1, lat1] = from;
  const [lon2, lat2] = to;
  const L = (lon2 - lon1) * DEG;
  const U1 = Math.atan((1 - WGS84_F) * Math.tan(lat1 * DEG));
  const U2 = Math.atan((1 - WGS84_F) * Math.tan(lat2 * DEG));
  const sinU1 = Math.sin(U1);
  const cosU1 = Math.cos(U1);
  const sinU2 = Math.sin(U2);
  const cosU2 = Math.cos(U2);
  let lambda = L;
  let sinSigma = 0;
  let cosSigma = 1;
  let sigma = 0;
  let cos2Alpha = 1;
  let cos2SigmaM = 0;
  let sinLambda = 0;
  let cosLambda = 1;
  let converged = false;
  for (let i = 0; i < 200; i++) {
    sinLambda = Math.sin(lambda);
    cosLambda = Math.cos(lambda);
    const a = cosU2 * sinLambda;
    const b = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
    sinSigma = Math.sqrt(a * a + b * b);
    if (sinSigma === 0) {
      return { distanceM: 0, initialBearingDeg: 0, finalBearingDeg: 0, converged: true };
    }
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    cos2Alpha = 1 - sinAlpha * sinAlpha;
    cos2SigmaM = cos2Alpha !== 0 ? cosSigma - (2 * sinU1 * sinU2) / cos2Alpha : 0;
    const C = (WGS84_F / 16) * cos2Alpha * (4 + WGS84_F * (4 - 3 * cos2Alpha));
    const prev = lambda;
    lambda =
      L +
      (1 - C) *
        WGS84_F *
        sinAlpha *
        (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda - prev) < 1e-12) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    return { ...greatCircleInverse(from, to), converged: false };
  }
  const uSq = (cos2Alpha * (WGS84_A_M * WGS84_A_M - WGS84_B_M * WGS84_B_M)) / (WGS84_B_M * WGS84_B_M);
  const A = 1 + (uSq / 16384) * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
  const B = (uSq / 1024) * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
  const deltaSigma =
    B *
    sinSigma *
    (cos2SigmaM +
      (B / 4) *
        (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
          (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
  const distanceM = WGS84_B_M * A * (sigma - deltaSigma);
  const a1 = Math.atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
  const a2 = Math.atan2(cosU1 * sinLambda, -sinU1 * cosU2 + cosU1 * sinU2 * cosLambda);
  return {
    distanceM,
    initialBearingDeg: normalizeDeg(a1 / DEG),
    finalBearingDeg: normalizeDeg(a2 / DEG),
    converged: true,
  };
}

/** Vincenty's direct problem: the point reached from `from` along `bearingDeg` after `distanceM`. */
export function geodesicDirect(from: LonLat, bearingDeg: number, distanceM: number): LonLat {
  const [lon1, lat1] = from;
  const alpha1 = bearingDeg * DEG;
  const sinAlpha1 = Math.sin(alpha1);
  const cosAlpha1 = Math.cos(alpha1);
  const tanU1 = (1 - WGS84_F) * Math.tan(lat1 * DEG);
  const cosU1 = 1 / Math.sqrt(1 + tanU1 * tanU1);
  const sinU1 = tanU1 * cosU1;
  const sigma1 = Math.atan2(tanU1, cosAlpha1);
  const sinAlpha = cosU1 * sinAlpha1;
  const cos2Alpha = 1 - sinAlpha * sinAlpha;
  const uSq = (cos2Alpha * (WGS84_A_M * WGS84_A_M - WGS84_B_M * WGS84_B_M)) / (WGS84_B_M * WGS84_B_M);
  const A = 1 + (uSq / 16384) * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
  const B = (uSq / 1024) * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
  let sigma = distanceM / (WGS84_B_M * A);
  let cos2SigmaM = 0;
  let sinSigma = 0;
  let cosSigma = 1;
  for (let i = 0; i < 200; i++) {
    cos2SigmaM = Math.cos(2 * sigma1 + sigma);
    sinSigma = Math.sin(sigma);
    cosSigma = Math.cos(sigma);
    const deltaSigma =
      B *
      sinSigma *
      (cos2SigmaM +
        (B / 4) *
          (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
            (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    const prev = sigma;
    sigma = distanceM / (WGS84_B_M * A) + deltaSigma;
    if (Math.abs(sigma - prev) < 1e-12) break;
  }
  const x = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1;
  const lat2 = Math.atan2(
    sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1,
    (1 - WGS84_F) * Math.sqrt(sinAlpha * sinAlpha + x * x),
  );
  const lambda = Math.atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1);
  const C = (WGS84_F / 16) * cos2Alpha * (4 + WGS84_F * (4 - 3 * cos2Alpha));
  const L =
    lambda -
    (1 - C) *
      WGS84_F *
      sinAlpha *
      (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
  return [lon1 + L / DEG, lat2 / DEG];
}

/** Great-circle distance and bearings on the mean sphere (haversine). */
export function greatCircleInverse(
  from: LonLat,
  to: LonLat,
): { distanceM: number; initialBearingDeg: number; finalBearingDeg: number } {
  const p1 = from[1] * DEG;
  const p2 = to[1] * DEG;
  const dl = (to[0] - from[0]) * DEG;
  const h = Math.sin((p2 - p1) / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  const distanceM = 2 * MEAN_EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  const y = Math.sin(dl) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  const y2 = Math.sin(-dl) * Math.cos(p1);
  const x2 = Math.cos(p2) * Math.sin(p1) - Math.sin(p2) * Math.cos(p1) * Math.cos(-dl);
  return {
    distanceM,
    initialBearingDeg: normalizeDeg(Math.atan2(y, x) / DEG),
    finalBearingDeg: normalizeDeg(Math.atan2(y2, x2) / DEG + 180),
  };
}

function normalizeDeg(d: number): number {
  return ((d % 360) + 360) % 360;
}
