/**
 * Practical multi-unit allocation (`sar-method.md` §4; SAROPS' planner as described by Kratzke, Stone & Frost
 * 2010, "Search and Rescue Optimal Planning System", FUSION): each unit gets one rectangle on the POC grid that it
 * can search in the endurance left after transit from its base and back, rectangles do not overlap (two aircraft
 * may share cells only at altitudes separated by `altitudeSeparationM`), and total POS is maximised.
 *
 * Method (ADR 0006): greedy placement of units in decreasing order of effort, each on the rectangle that
 * maximises its own POS on the probability left by the others, found by a scan of rectangle shapes and positions
 * with a summed-area table (O(1) per candidate), then local edge moves; followed by passes of coordinate ascent
 * (each unit re-placed given all the others) until no unit improves. Coverage inside a rectangle is uniform:
 * POD = D(W·L / A) with D the sensor's coverage curve.
 */
import type { CellFrame } from './closest-approach-pod.ts';
import { podFromCoverage } from './detection.ts';
import type { SensorModel } from './detection.ts';

/** A search unit as the allocator sees it, in SI units and plane metres. */
export interface AllocationUnit {
  readonly id: string;
  readonly sweepWidthM: number;
  readonly searchSpeedMps: number;
  readonly transitSpeedMps: number;
  readonly enduranceS: number;
  /** Base position in the plane, metres. */
  readonly baseXM: number;
  readonly baseYM: number;
  /** Aircraft may share area with other aircraft at separated altitudes; surface units never share. */
  readonly aircraft: boolean;
  readonly altitudeM: number;
  /** Extra track per 180° reversal, metres (2 × turn radius). */
  readonly turnAllowanceM: number;
}

/** A rectangle of whole cells [i0, i1) × [j0, j1). */
export interface CellRect {
  readonly i0: number;
  readonly j0: number;
  readonly i1: number;
  readonly j1: number;
}

export interface UnitAllocation {
  readonly unitId: string;
  /** Undefined when the unit cannot reach the probability in its endurance. */
  readonly rect: CellRect | undefined;
  /** Track length available on scene, metres. */
  readonly trackLengthM: number;
  /** Coverage W·L/A planned in the rectangle. */
  readonly coverage: number;
  /** POS of this unit on the grid (on what the others leave). */
  readonly pos: number;
}

export interface AllocationResult {
  readonly units: readonly UnitAllocation[];
  /** Total POS on the grid: Σ p_i (1 - Π_u (1 - POD_u,i)). */
  readonly pos: number;
}

export interface AllocationOptions {
  readonly altitudeSeparationM?: number;
  /** Passes of coordinate ascent after the greedy placement. Default 3. */
  readonly passes?: number;
}

/** Rectangles kept from the scan for refinement. */
const TOP_K = 6;

function rectsConflict(a: CellRect, b: CellRect): boolean {
  return a.i0 < b.i1 && b.i0 < a.i1 && a.j0 < b.j1 && b.j0 < a.j1;
}

function canShare(u: AllocationUnit, v: AllocationUnit, sepM: number): boolean {
  return u.aircraft && v.aircraft && Math.abs(u.altitudeM - v.altitudeM) >= sepM;
}

/** Track length a unit has on scene for a rectangle, from transit to the rectangle's centre and back. */
function trackFor(u: AllocationUnit, frame: CellFrame, r: CellRect): number {
  const cx = frame.x0M + ((r.i0 + r.i1) / 2) * frame.cellM;
  const cy = frame.y0M + ((r.j0 + r.j1) / 2) * frame.cellM;
  const d = Math.hypot(cx - u.baseXM, cy - u.baseYM);
  const onScene = u.enduranceS - (2 * d) / u.transitSpeedMps;
  if (onScene <= 0) return 0;
  const widthM = Math.min(r.i1 - r.i0, r.j1 - r.j0) * frame.cellM;
  const lengthM = u.searchSpeedMps * onScene;
  // Reversals ≈ width / S, S ≈ A / L: subtract their allowance from the track length.
  const areaM2 = (r.i1 - r.i0) * (r.j1 - r.j0) * frame.cellM * frame.cellM;
  const reversals = (widthM * lengthM) / areaM2;
  return Math.max(0, lengthM - reversals * u.turnAllowanceM);
}

/** Allocate one rectangle per unit over a POC grid. */
export function allocateUnits(
  poc: Float64Array,
  frame: CellFrame,
  units: readonly AllocationUnit[],
  model: SensorModel,
  options: AllocationOptions = {},
): AllocationResult {
  const { nx, ny } = frame;
  const sep = options.altitudeSeparationM ?? 152.4;
  const cellA = frame.cellM * frame.cellM;
  const pod: number[] = units.map(() => 0);
  const rects: (CellRect | undefined)[] = units.map(() => undefined);
  const residual = new Float64Array(nx * ny);
  const sat = new Float64Array((nx + 1) * (ny + 1));
  const W1 = nx + 1;

  const buildResidual = (skip: number): void => {
    residual.set(poc);
    units.forEach((_, v) => {
      const r = rects[v];
      if (v === skip || r === undefined) return;
      const pv = pod[v] as number;
      for (let j = r.j0; j < r.j1; j++) {
        for (let i = r.i0; i < r.i1; i++) residual[j * nx + i] = (residual[j * nx + i] as number) * (1 - pv);
      }
    });
    for (let j = 0; j < ny; j++) {
      let row = 0;
      for (let i = 0; i < nx; i++) {
        row += residual[j * nx + i] as number;
        sat[(j + 1) * W1 + i + 1] = (sat[j * W1 + i + 1] as number) + row;
      }
    }
  };
  const mass = (r: CellRect): number =>
    (sat[r.j1 * W1 + r.i1] as number) -
    (sat[r.j0 * W1 + r.i1] as number) -
    (sat[r.j1 * W1 + r.i0] as number) +
    (sat[r.j0 * W1 + r.i0] as number);

  const place = (u: number): void => {
    const unit = units[u] as AllocationUnit;
    buildResidual(u);
    const blockers: CellRect[] = [];
    units.forEach((v, k) => {
      const r = rects[k];
      if (k !== u && r !== undefined && !canShare(unit, v, sep)) blockers.push(r);
    });
    const value = (r: CellRect): number => {
      for (const b of blockers) if (rectsConflict(r, b)) return -1;
      const L = trackFor(unit, frame, r);
      if (L <= 0) return -1;
      const A = (r.i1 - r.i0) * (r.j1 - r.j0) * cellA;
      return mass(r) * podFromCoverage(model, (unit.sweepWidthM * L) / A);
    };
    // The scan keeps the TOP_K best rectangles; each is then refined and the best refined one wins.
    const top: { r: CellRect; v: number }[] = [];
    let floorV = 0;
    // Shapes: widths and heights on a geometric ladder of cell counts, aspect ≤ 4.
    const ladder: number[] = [];
    for (let s = 1; s <= Math.max(nx, ny); s = Math.max(s + 1, Math.round(s * 1.3))) ladder.push(s);
    const maxL = unit.searchSpeedMps * unit.enduranceS;
    for (const w of ladder) {
      if (w > nx) continue;
      for (const h of ladder) {
        if (h > ny || w > 4 * h || h > 4 * w) continue;
        const A = w * h * cellA;
        // Coverage with no transit at all bounds this shape's value; skip shapes far too big (C < 0.05) or so
        // small that their coverage saturates (C > 8: a larger shape does better).
        const cMax = (unit.sweepWidthM * maxL) / A;
        if (cMax < 0.1 || (cMax > 5 && w < nx && h < ny)) continue;
        const dMax = podFromCoverage(model, cMax);
        const stride = Math.max(1, Math.floor(Math.min(w, h) / 2));
        for (let j0 = 0; j0 + h <= ny; j0 += stride) {
          for (let i0 = 0; i0 + w <= nx; i0 += stride) {
            const i1 = i0 + w;
            const j1 = j0 + h;
            const m =
              (sat[j1 * W1 + i1] as number) -
              (sat[j0 * W1 + i1] as number) -
              (sat[j1 * W1 + i0] as number) +
              (sat[j0 * W1 + i0] as number);
            if (m * dMax <= floorV) continue;
            const r = { i0, j0, i1, j1 };
            const v = value(r);
            if (v > floorV) {
              top.push({ r, v });
              top.sort((a, b) => b.v - a.v);
              if (top.length > TOP_K) top.pop();
              if (top.length === TOP_K) floorV = (top[TOP_K - 1] as { v: number }).v;
            }
          }
        }
      }
    }
    // Pattern search: move single edges and translate, in steps halving from half the short side to one cell.
    let best: CellRect | undefined;
    let bestV = 0;
    for (const start of top) {
      let cur = start.r;
      let curV = start.v;
      let step = Math.max(1, Math.floor(Math.min(cur.i1 - cur.i0, cur.j1 - cur.j0) / 2));
      while (step >= 1) {
        let improved = true;
        while (improved) {
          improved = false;
          const b: CellRect = cur;
          for (const d of [-step, step]) {
            const moves: CellRect[] = [
              { ...b, i0: b.i0 + d },
              { ...b, i1: b.i1 + d },
              { ...b, j0: b.j0 + d },
              { ...b, j1: b.j1 + d },
              { i0: b.i0 + d, i1: b.i1 + d, j0: b.j0, j1: b.j1 },
              { i0: b.i0, i1: b.i1, j0: b.j0 + d, j1: b.j1 + d },
            ];
            for (const m of moves) {
              if (m.i0 < 0 || m.j0 < 0 || m.i1 > nx || m.j1 > ny || m.i1 <= m.i0 || m.j1 <= m.j0) continue;
              const v = value(m);
              if (v > curV * (1 + 1e-12)) {
                curV = v;
                cur = m;
                improved = true;
              }
            }
          }
        }
        step = Math.floor(step / 2);
      }
      if (curV > bestV) {
        bestV = curV;
        best = cur;
      }
    }
    rects[u] = best;
    if (best === undefined) {
      pod[u] = 0;
    } else {
      const L = trackFor(unit, frame, best);
      const A = (best.i1 - best.i0) * (best.j1 - best.j0) * cellA;
      pod[u] = podFromCoverage(model, (unit.sweepWidthM * L) / A);
    }
  };

  // Greedy placement depends on the order; try a few orders and keep the best plan.
  const effort = (k: number): number => {
    const u = units[k] as AllocationUnit;
    return u.sweepWidthM * u.searchSpeedMps * u.enduranceS;
  };
  const byEffort = units.map((_, k) => k).sort((a, b) => effort(b) - effort(a));
  const surfaceFirst = [...byEffort].sort((a, b) => Number(units[a]?.aircraft) - Number(units[b]?.aircraft));
  const orders = [byEffort, surfaceFirst].filter((o, i, all) => all.findIndex((p) => p.join() === o.join()) === i);
  let bestRects: (CellRect | undefined)[] = [];
  let bestPod: number[] = [];
  let bestTotal = -1;
  const passes = options.passes ?? 3;
  for (const order of orders) {
    rects.fill(undefined);
    for (const u of order) place(u);
    let last = totalPos();
    for (let p = 0; p < passes; p++) {
      for (const u of order) place(u);
      const now = totalPos();
      if (now <= last * (1 + 1e-9)) break;
      last = now;
    }
    const total = totalPos();
    if (total > bestTotal) {
      bestTotal = total;
      bestRects = [...rects];
      bestPod = [...pod];
    }
  }
  bestRects.forEach((r, k) => {
    rects[k] = r;
    pod[k] = bestPod[k] as number;
  });

  function totalPos(): number {
    const miss = new Float64Array(nx * ny).fill(1);
    units.forEach((_, u) => {
      const r = rects[u];
      if (r === undefined) return;
      const pv = pod[u] as number;
      for (let j = r.j0; j < r.j1; j++)
        for (let i = r.i0; i < r.i1; i++) miss[j * nx + i] = (miss[j * nx + i] as number) * (1 - pv);
    });
    let s = 0;
    for (let c = 0; c < poc.length; c++) s += (poc[c] as number) * (1 - (miss[c] as number));
    return s;
  }

  const result: UnitAllocation[] = units.map((unit, u) => {
    const r = rects[u];
    if (r === undefined) return { unitId: unit.id, rect: undefined, trackLengthM: 0, coverage: 0, pos: 0 };
    buildResidual(u);
    const L = trackFor(unit, frame, r);
    const A = (r.i1 - r.i0) * (r.j1 - r.j0) * cellA;
    const c = (unit.sweepWidthM * L) / A;
    return { unitId: unit.id, rect: r, trackLengthM: L, coverage: c, pos: mass(r) * podFromCoverage(model, c) };
  });
  return { units: result, pos: totalPos() };
}
