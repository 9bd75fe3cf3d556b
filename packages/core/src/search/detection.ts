/**
 * Detection models: lateral range curves (probability of detecting an object passed at lateral range x on one
 * straight leg) and the coverage → POD curves they imply for parallel tracks.
 * Sources: Koopman (1946/1980) *Search and Screening*; Washburn *Search and Detection* ch. 2; Soza & Co. (1996)
 * *The Theory of Search*; `sar-method.md` §3.
 *
 * - `inverse-cube`: p(x) = 1 - exp(-W² / (4π x²)); ∫p dx = W; parallel tracks at spacing S give
 *   POD = erf((√π / 2) · W/S).
 * - `definite-range` ("cookie cutter"): p(x) = 1 for |x| ≤ W/2, else 0; parallel tracks give min(W/S, 1).
 * - `exponential` (Koopman's random search): effort spread at random over an area, POD = 1 - exp(-C) with
 *   C = W · L / A: over a planned pattern's own area, or, for tracks actually run, over cells several track
 *   spacings wide (`coarsenFrame`).
 */
export type SensorModel = 'inverse-cube' | 'definite-range' | 'exponential';

export const SENSOR_MODELS: readonly SensorModel[] = ['inverse-cube', 'definite-range', 'exponential'];

/**
 * Error function, W. J. Cody's rational Chebyshev approximations (Math. Comp. 23 (1969) 631–637) via
 * the complementary function for |x| ≥ 0.5; absolute error below 1.2e-7 everywhere (Numerical Recipes erfcc
 * form, Press et al. 1992 §6.2).
 */
export function erf(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - r : r - 1;
}

/** Lateral range curve p(x): probability of detection on one leg passing at lateral range `xM`. */
export function lateralRangeProbability(model: SensorModel, sweepWidthM: number, xM: number): number {
  const x = Math.abs(xM);
  if (model === 'definite-range') return x <= sweepWidthM / 2 ? 1 : 0;
  if (x === 0) return sweepWidthM > 0 ? 1 : 0;
  return 1 - Math.exp(-(sweepWidthM * sweepWidthM) / (4 * Math.PI * x * x));
}

/** POD of uniform coverage `c` (W/S for parallel tracks, Z/A over an area) under a sensor model. */
export function podFromCoverage(model: SensorModel, c: number): number {
  if (!(c > 0)) return 0;
  if (model === 'inverse-cube') return erf((Math.sqrt(Math.PI) / 2) * c);
  if (model === 'definite-range') return Math.min(c, 1);
  return 1 - Math.exp(-c);
}

/** d POD / dC at coverage `c`. */
export function podSlope(model: SensorModel, c: number): number {
  if (model === 'inverse-cube') return Math.exp((-Math.PI / 4) * c * c);
  if (model === 'definite-range') return c < 1 ? 1 : 0;
  return Math.exp(-c);
}

/**
 * The coverage at which the POD slope equals `slope` (the inverse of `podSlope`, 0 when `slope` ≥ the slope at
 * zero coverage). For `definite-range` the slope is a step: returns 1 when slope < 1, else 0.
 */
export function coverageForSlope(model: SensorModel, slope: number): number {
  if (slope >= 1) return 0;
  if (slope <= 0) return Infinity;
  if (model === 'inverse-cube') return Math.sqrt((-4 / Math.PI) * Math.log(slope));
  if (model === 'definite-range') return 1;
  return -Math.log(slope);
}
