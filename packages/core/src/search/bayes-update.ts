/**
 * Bayesian update after an unsuccessful search (`sar-method.md` §3; Stone 1975 ch. 1; Koopman 1980):
 * POC_i' = POC_i (1 - POD_i) / (1 - POS). Particle weights update the same way, with the miss probability per
 * particle from the tracks actually run (`applyLegsToMiss`).
 */
import { TandemError } from '../errors/index.ts';

/**
 * Posterior weights given `miss[k]` = P(not detected | target at particle k). Returns the new weights (summing
 * to 1) and the POS of the search that failed.
 */
export function bayesUpdate(weight: Float64Array, miss: Float64Array): { weight: Float64Array; pos: number } {
  if (weight.length !== miss.length)
    throw new TandemError('INVALID_INPUT', 'weights and miss probabilities differ in length', 'miss');
  const out = new Float64Array(weight.length);
  let s = 0;
  let total = 0;
  for (let k = 0; k < weight.length; k++) {
    const w = weight[k] as number;
    const m = Math.min(1, Math.max(0, miss[k] as number));
    total += w;
    out[k] = w * m;
    s += w * m;
  }
  if (!(s > 0)) {
    throw new TandemError(
      'OUT_OF_RANGE',
      'the search detected every possible position: POS = 1, no posterior exists',
      'miss',
    );
  }
  for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) / s;
  return { weight: out, pos: total > 0 ? 1 - s / total : 0 };
}

/** Cumulative POD over independent searches: 1 - Π (1 - POD_k). */
export function cumulativePod(pods: readonly number[]): number {
  let m = 1;
  for (const p of pods) m *= 1 - p;
  return 1 - m;
}
