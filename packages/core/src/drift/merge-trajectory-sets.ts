/**
 * Joins trajectory sets of consecutive particle ranges (thread parts, in particle order) into one set, as if
 * one run had computed them all (ADR 0003: per-particle random streams make the parts independent of the split).
 */
import { TandemError } from '../errors/index.ts';
import type { TrajectorySet } from './trajectory-set.ts';

/** Concatenate `parts` particle-wise; all parts must share the same output times. */
export function mergeTrajectorySets(parts: readonly TrajectorySet[]): TrajectorySet {
  const head = parts[0];
  if (head === undefined) throw new TandemError('INVALID_INPUT', 'no trajectory sets to merge', 'parts');
  if (parts.length === 1) return head;
  const nt = head.timesS.length;
  let count = 0;
  for (const [k, p] of parts.entries()) {
    if (p.timesS.length !== nt || p.timesS.some((t, j) => t !== head.timesS[j])) {
      throw new TandemError('INVALID_INPUT', 'trajectory sets have different output times', `parts[${k}].timesS`);
    }
    count += p.count;
  }
  const hasWeight = parts.every((p) => p.weight !== undefined);
  const lonDeg = new Float64Array(nt * count);
  const latDeg = new Float64Array(nt * count);
  const status = new Uint8Array(nt * count);
  const capsized = new Uint8Array(nt * count);
  const categoryId = new Uint16Array(count);
  const seedTimeS = new Float64Array(count);
  const weight = hasWeight ? new Float64Array(count) : undefined;
  let off = 0;
  for (const p of parts) {
    for (let k = 0; k < nt; k++) {
      const from = k * p.count;
      const to = k * count + off;
      lonDeg.set(p.lonDeg.subarray(from, from + p.count), to);
      latDeg.set(p.latDeg.subarray(from, from + p.count), to);
      status.set(p.status.subarray(from, from + p.count), to);
      capsized.set(p.capsized.subarray(from, from + p.count), to);
    }
    categoryId.set(p.categoryId, off);
    seedTimeS.set(p.seedTimeS, off);
    if (weight !== undefined && p.weight !== undefined) weight.set(p.weight, off);
    off += p.count;
  }
  const merged = { count, timesS: head.timesS, lonDeg, latDeg, status, capsized, categoryId, seedTimeS };
  return weight === undefined ? merged : { ...merged, weight };
}
