/**
 * Optimal allocation of search effort over cells (Charnes & Cooper 1958; Stone 1975 *Theory of Optimal Search*
 * ch. 2; `sar-method.md` §4): maximise Σ p_i D(z_i / a_i) subject to Σ z_i = Z, z_i ≥ 0, with D the coverage →
 * POD curve of the sensor (concave). The optimum equalises the marginal return p_i D'(z_i/a_i) / a_i = λ over
 * the cells that receive effort; λ is found by bisection on Σ z_i(λ) = Z. For `definite-range` (D = min(C, 1))
 * the densest cells are covered fully, in order, until the effort runs out.
 *
 * The result is the unconstrained upper bound a practical plan (rectangles, one per unit) is compared with.
 */
import { coverageForSlope, podFromCoverage } from './detection.ts';
import type { SensorModel } from './detection.ts';

export interface EffortAllocation {
  /** Effort (area effectively swept, m²) per cell. */
  readonly effortM2: Float64Array;
  /** Probability of success of the allocation. */
  readonly pos: number;
  /** The equalised marginal return (per m² of effort). */
  readonly lambda: number;
}

/**
 * Allocate total effort `totalEffortM2` (Σ W·L over units) over cells of area `cellAreaM2` holding
 * probabilities `poc` (any non-negative weights; POS is relative to their sum being 1).
 */
export function allocateEffort(
  poc: Float64Array,
  cellAreaM2: number,
  totalEffortM2: number,
  model: SensorModel,
): EffortAllocation {
  const n = poc.length;
  const z = new Float64Array(n);
  if (!(totalEffortM2 > 0) || !(cellAreaM2 > 0)) return { effortM2: z, pos: 0, lambda: Infinity };
  const a = cellAreaM2;
  if (model === 'definite-range') {
    const order = Array.from({ length: n }, (_, i) => i).filter((i) => (poc[i] as number) > 0);
    order.sort((i, j) => (poc[j] as number) - (poc[i] as number));
    let left = totalEffortM2;
    let pos = 0;
    let lambda = 0;
    for (const i of order) {
      if (left <= 0) break;
      const zi = Math.min(a, left);
      z[i] = zi;
      left -= zi;
      pos += (poc[i] as number) * (zi / a);
      lambda = (poc[i] as number) / a;
    }
    return { effortM2: z, pos, lambda };
  }
  let maxDensity = 0;
  for (let i = 0; i < n; i++) maxDensity = Math.max(maxDensity, (poc[i] as number) / a);
  if (!(maxDensity > 0)) return { effortM2: z, pos: 0, lambda: Infinity };
  const effortAt = (lambda: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const p = poc[i] as number;
      if (p <= 0) continue;
      s += a * coverageForSlope(model, (lambda * a) / p);
    }
    return s;
  };
  let lo = Math.log(maxDensity) - 200;
  let hi = Math.log(maxDensity);
  for (let it = 0; it < 200 && hi - lo > 1e-13; it++) {
    const mid = 0.5 * (lo + hi);
    if (effortAt(Math.exp(mid)) > totalEffortM2) lo = mid;
    else hi = mid;
  }
  const lambda = Math.exp(hi);
  let pos = 0;
  let used = 0;
  for (let i = 0; i < n; i++) {
    const p = poc[i] as number;
    if (p <= 0) continue;
    const c = coverageForSlope(model, (lambda * a) / p);
    z[i] = a * c;
    used += a * c;
  }
  // Bisection stops within rounding of Z; scale the last bit of effort proportionally so that Σ z = Z.
  const scale = used > 0 ? totalEffortM2 / used : 0;
  for (let i = 0; i < n; i++) {
    z[i] = (z[i] as number) * scale;
    pos += (poc[i] as number) * podFromCoverage(model, (z[i] as number) / a);
  }
  return { effortM2: z, pos, lambda };
}
