/**
 * The search planner: from a plan document and a probability cloud to each unit's pattern, intercept, POD and POS,
 * the plan's total POS (per particle, closest approach through the lateral range curve) and the unconstrained
 * upper bound (Charnes–Cooper on the POC grid with all units' effort). `sar-method.md` §3–§5; ADR 0006.
 */
import { TandemError } from '../errors/index.ts';
import { geodesicInverse } from '../geo/index.ts';
import type { LonLat } from '../geo/index.ts';
import { createRng } from '../random/index.ts';
import type { TrajectorySet } from '../drift/index.ts';
import { applyAreaCoverageToMiss, applyLegsToMiss, cellIndexOf } from './closest-approach-pod.ts';
import type { CellFrame } from './closest-approach-pod.ts';
import { podFromCoverage } from './detection.ts';
import type { SensorModel } from './detection.ts';
import type { PlaneProjection } from './equal-area-projection.ts';
import { optimalSearchFactor, PRACTICE_SEARCH_FACTORS, stoneOptimum } from './manual-method.ts';
import { allocateEffort } from './optimal-effort.ts';
import type { PatternSpec, PlanDocument, UnitSpec } from './plan-document.ts';
import {
  circularNormalCloud,
  cloudFromScenarios,
  frameAround,
  frameForCloud,
  gridFromCircularNormal,
  gridFromCloud,
  gridFromPolygon,
  pointInRing,
  positionsAtTime,
  smoothedGridFromCloud,
  uniformPolygonCloud,
} from './probability-map.ts';
import type { ParticleCloud, ProbabilityGrid } from './probability-map.ts';
import { findSearchUnitType } from './search-unit-catalogue.ts';
import type { SearchUnitType } from './search-unit-catalogue.ts';
import {
  driftCompensate,
  expandingSquarePattern,
  patternLegs,
  sectorPattern,
  truncatePattern,
  sweepPattern,
  trackLinePattern,
} from './search-patterns.ts';
import type { PlanePattern, PlaneRectangle } from './search-patterns.ts';
import { sweepWidth } from './sweep-width.ts';
import { allocateUnits } from './unit-allocation.ts';
import type { AllocationUnit } from './unit-allocation.ts';

/** Particles drawn for a datum-based map (circular normal, uniform polygon). */
export const DATUM_PARTICLES = 20000;

/** The probability cloud of a datum spec (circular normal or uniform polygon). */
export function cloudForDatum(doc: PlanDocument): ParticleCloud {
  const p = doc.probability;
  if (p.kind === 'circularNormal')
    return circularNormalCloud(p.center, p.sigmaM, DATUM_PARTICLES, createRng(doc.seed, 401));
  if (p.kind === 'uniform') return uniformPolygonCloud(p.polygon, DATUM_PARTICLES);
  throw new TandemError(
    'INVALID_INPUT',
    'a drift run probability needs the run loaded (cloudFromDriftRun)',
    'probability.driftRun',
  );
}

/**
 * The cloud of a drift run at `atTimeS`; `particleWeight` (optional) carries scenario weights per particle.
 * Returns the cloud and the mean drift velocity of the particles over the bracketing hour (drift compensation).
 */
export function cloudFromDriftRun(
  set: TrajectorySet,
  atTimeS: number,
  particleWeight?: ArrayLike<number>,
): { cloud: ParticleCloud; meanDrift: { eastMps: number; northMps: number } } {
  const now = positionsAtTime(set, atTimeS);
  const cloud = cloudFromScenarios([
    { lonDeg: now.lonDeg, latDeg: now.latDeg, weight: 1, ...(particleWeight ? { particleWeight } : {}) },
  ]);
  const t0 = set.timesS[0] as number;
  const t1 = set.timesS[set.timesS.length - 1] as number;
  const dt = Math.sign(t1 - t0 || 1) * 3600;
  const tb = Math.min(Math.max(atTimeS + dt, Math.min(t0, t1)), Math.max(t0, t1));
  let eastMps = 0;
  let northMps = 0;
  if (tb !== atTimeS) {
    const later = positionsAtTime(set, tb);
    let sx = 0;
    let sy = 0;
    let sw = 0;
    for (let i = 0; i < now.lonDeg.length; i++) {
      if (!Number.isFinite(now.lonDeg[i]) || !Number.isFinite(later.lonDeg[i])) continue;
      const [ax, ay] = cloud.projection.forward(now.lonDeg[i] as number, now.latDeg[i] as number);
      const [bx, by] = cloud.projection.forward(later.lonDeg[i] as number, later.latDeg[i] as number);
      sx += bx - ax;
      sy += by - ay;
      sw += 1;
    }
    if (sw > 0) {
      eastMps = sx / sw / (tb - atTimeS);
      northMps = sy / sw / (tb - atTimeS);
    }
  }
  return { cloud, meanDrift: { eastMps, northMps } };
}

/** A unit with every figure resolved, SI units. */
export interface ResolvedUnit {
  readonly spec: UnitSpec;
  readonly type: SearchUnitType | undefined;
  readonly name: string;
  readonly platform: 'boat' | 'aircraft' | 'helicopter';
  readonly sweepWidthM: number;
  readonly searchSpeedMps: number;
  readonly transitSpeedMps: number;
  readonly enduranceS: number;
  readonly altitudeM: number;
  readonly turnRadiusM: number;
}

/** Resolve a unit's figures from its type, the conditions and its explicit overrides. */
export function resolveUnit(doc: PlanDocument, spec: UnitSpec, k: number): ResolvedUnit {
  const field = `units[${k}]`;
  let type: SearchUnitType | undefined;
  if (spec.type !== undefined) {
    type = findSearchUnitType(spec.type);
    if (type === undefined)
      throw new TandemError('UNKNOWN_CATEGORY', `unknown unit type "${spec.type}"`, `${field}.type`);
  }
  const need = (v: number | undefined, name: string): number => {
    if (v === undefined)
      throw new TandemError('INVALID_INPUT', `is required when the unit has no "type"`, `${field}.${name}`);
    return v;
  };
  const searchSpeedMps = spec.speedMps ?? type?.searchSpeedMps ?? need(undefined, 'speedMps');
  const platform = type?.platform ?? (spec.altitudeM !== undefined && spec.altitudeM > 0 ? 'aircraft' : 'boat');
  const altitudeM = spec.altitudeM ?? type?.searchHeightM ?? 0;
  let W = spec.sweepWidthM;
  if (W === undefined) {
    if (doc.searchObject === undefined) {
      throw new TandemError(
        'INVALID_INPUT',
        `is required when ${field} has no sweepWidthM (sweep width lookup)`,
        'searchObject',
      );
    }
    W = sweepWidth(
      {
        platform,
        heightM: altitudeM,
        searchObject: doc.searchObject,
        visibilityM: doc.visibilityM,
        windSpeedMps: doc.windSpeedMps,
        seaHeightM: doc.seaHeightM,
        speedMps: searchSpeedMps,
        fatigued: spec.fatigued,
      },
      field,
    ).sweepWidthM;
    if (!(W > 0)) {
      throw new TandemError(
        'OUT_OF_RANGE',
        `sweep width for "${doc.searchObject}" from this unit is 0 at this height`,
        `${field}.altitudeM`,
      );
    }
  }
  return {
    spec,
    type,
    name: type?.name ?? spec.id,
    platform,
    sweepWidthM: W,
    searchSpeedMps,
    transitSpeedMps: spec.transitSpeedMps ?? type?.transitSpeedMps ?? searchSpeedMps,
    enduranceS: spec.enduranceS ?? type?.enduranceS ?? need(undefined, 'enduranceS'),
    altitudeM,
    turnRadiusM: type?.turnRadiusM ?? 0,
  };
}

/** One manual-method search square and its POS on the plan's map. */
export interface ManualSquare {
  readonly searchFactor: number;
  readonly radiusM: number;
  /** Corners of the square (closed ring), [lon, lat]. */
  readonly area: readonly LonLat[];
  readonly coverage: number;
  readonly pos: number;
}

export interface ManualComparison {
  readonly datum: LonLat;
  /** Total probable error from the map's spread: E = σ √(2 ln 2), σ² the mean of the two axis variances. */
  readonly totalProbableErrorM: number;
  /** Z / E² with Z all units' on-scene effort. */
  readonly relativeEffort: number;
  readonly optimal: ManualSquare;
  readonly practice: ManualSquare;
  /** Stone's optimum for a circular normal target with this E and effort (exponential detection). */
  readonly stonePos: number;
}

/** The manual method on the plan's map (see `PlanResult.manual`). */
export function manualComparison(
  cloud: ParticleCloud,
  totalEffortM2: number,
  sensor: SensorModel,
): ManualComparison | undefined {
  const n = cloud.xM.length;
  let sw = 0;
  let mx = 0;
  let my = 0;
  for (let k = 0; k < n; k++) {
    const w = cloud.weight[k] as number;
    sw += w;
    mx += w * (cloud.xM[k] as number);
    my += w * (cloud.yM[k] as number);
  }
  if (!(sw > 0) || !(totalEffortM2 > 0)) return undefined;
  mx /= sw;
  my /= sw;
  let vx = 0;
  let vy = 0;
  for (let k = 0; k < n; k++) {
    const w = cloud.weight[k] as number;
    vx += w * ((cloud.xM[k] as number) - mx) ** 2;
    vy += w * ((cloud.yM[k] as number) - my) ** 2;
  }
  const sigma = Math.sqrt((vx + vy) / (2 * sw));
  if (!(sigma > 0)) return undefined;
  const E = sigma * Math.sqrt(2 * Math.LN2);
  const Zr = totalEffortM2 / (E * E);
  const square = (fs: number): ManualSquare => {
    const R = fs * E;
    const coverage = totalEffortM2 / (4 * R * R);
    const pod = podFromCoverage(sensor, coverage);
    let poc = 0;
    for (let k = 0; k < n; k++) {
      if (Math.abs((cloud.xM[k] as number) - mx) <= R && Math.abs((cloud.yM[k] as number) - my) <= R)
        poc += cloud.weight[k] as number;
    }
    const area: LonLat[] = [
      [mx - R, my - R],
      [mx + R, my - R],
      [mx + R, my + R],
      [mx - R, my + R],
      [mx - R, my - R],
    ].map(([x, y]) => cloud.projection.inverse(x as number, y as number));
    return { searchFactor: fs, radiusM: R, area, coverage, pos: (poc / sw) * pod };
  };
  return {
    datum: cloud.projection.inverse(mx, my),
    totalProbableErrorM: E,
    relativeEffort: Zr,
    optimal: square(optimalSearchFactor(Zr, sensor).searchFactor),
    practice: square(PRACTICE_SEARCH_FACTORS[0] as number),
    stonePos: stoneOptimum(Zr).pos,
  };
}

export interface PlanUnitResult {
  readonly id: string;
  readonly nation: 'KR' | 'JP';
  readonly name: string;
  readonly platform: 'boat' | 'aircraft' | 'helicopter';
  readonly fixedPattern: boolean;
  readonly sweepWidthM: number;
  readonly searchSpeedMps: number;
  readonly altitudeM: number;
  /** The pattern in the water frame (plane metres), as evaluated. */
  readonly pattern: PlanePattern | undefined;
  /** Waypoints to run over the ground (drift-compensated when asked), [lon, lat]. */
  readonly waypoints: readonly LonLat[];
  /** The unit's search area, a closed ring of [lon, lat]. */
  readonly area: readonly LonLat[];
  readonly areaM2: number;
  readonly trackSpacingM: number;
  readonly trackLengthM: number;
  /** Coverage W · L / A. */
  readonly coverage: number;
  readonly poc: number;
  readonly pod: number;
  readonly pos: number;
  readonly transitOutM: number;
  readonly onSceneS: number;
  /** Total sortie time (out, search, back) within endurance. */
  readonly withinEndurance: boolean;
  readonly intercept: { readonly lonDeg: number; readonly latDeg: number; readonly timeS: number } | undefined;
  readonly base: LonLat;
}

export interface PlanResult {
  readonly name: string;
  readonly sensor: SensorModel;
  readonly projection: PlaneProjection;
  readonly grid: ProbabilityGrid;
  readonly units: readonly PlanUnitResult[];
  /** POS of all units together (per particle, independent detections). */
  readonly pos: number;
  /** Charnes–Cooper optimum of all units' on-scene effort over the grid, unconstrained by rectangles. */
  readonly upperBoundPos: number;
  /** POS on the grid model of the practical allocation (optimize mode). */
  readonly allocationGridPos: number | undefined;
  /** Start (departure) time, epoch s; 0 when the document gives none. */
  readonly startTimeS: number;
  /**
   * The IAMSAR manual answer beside the plan: a point datum at the probability's mean, E from its spread, all
   * units' effort spread uniformly over the square of side 2R, R = f_s E, with f_s the optimum of theory and the
   * first-search practice factor; POS of each on this map (particles), and Stone's optimum for a circular normal
   * of the same E.
   */
  readonly manual: ManualComparison | undefined;
  readonly warnings: readonly string[];
  /** Per-particle probability of not being detected by the plan (for the Bayesian update). */
  readonly miss: Float64Array;
  readonly cloud: ParticleCloud;
}

function rectFromCorners(proj: PlaneProjection, corners: readonly LonLat[]): PlaneRectangle {
  const p = corners.map((c) => proj.forward(c[0], c[1]));
  const [a, b, c] = p as [[number, number], [number, number], [number, number]];
  const e1 = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const e2 = Math.hypot(c[0] - b[0], c[1] - b[1]);
  const cx = p.reduce((s, q) => s + q[0], 0) / p.length;
  const cy = p.reduce((s, q) => s + q[1], 0) / p.length;
  const long = e1 >= e2 ? [b[0] - a[0], b[1] - a[1]] : [c[0] - b[0], c[1] - b[1]];
  const axis = ((Math.atan2(long[0] as number, long[1] as number) * 180) / Math.PI + 360) % 360;
  return { centerXM: cx, centerYM: cy, axisBearingDeg: axis, lengthM: Math.max(e1, e2), widthM: Math.min(e1, e2) };
}

function patternFromSpec(proj: PlaneProjection, spec: PatternSpec, unit: ResolvedUnit): PlanePattern {
  switch (spec.kind) {
    case 'parallel':
    case 'creeping': {
      const rect = rectFromCorners(proj, spec.area);
      const leg = spec.legBearingDeg ?? (spec.kind === 'parallel' ? rect.axisBearingDeg : rect.axisBearingDeg + 90);
      return sweepPattern(spec.kind, rect, leg, { trackSpacingM: spec.trackSpacingM, turnRadiusM: unit.turnRadiusM });
    }
    case 'expanding-square':
      return expandingSquarePattern(
        proj.forward(spec.center[0], spec.center[1]),
        spec.firstLegBearingDeg,
        spec.trackSpacingM,
        spec.legCount,
      );
    case 'sector':
      return sectorPattern(proj.forward(spec.center[0], spec.center[1]), spec.firstLegBearingDeg, spec.radiusM);
    case 'track-line':
      return trackLinePattern(
        spec.route.map((p) => proj.forward(p[0], p[1])),
        spec.trackSpacingM,
        spec.returning,
        unit.turnRadiusM,
      );
  }
}

function ringArea(ring: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as readonly [number, number];
    const b = ring[i] as readonly [number, number];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(s) / 2;
}

/** Time for a unit to meet a point moving at (ve, vn) from `p0` (plane metres), from `base`; Infinity if never. */
function interceptTime(
  p0: readonly [number, number],
  base: readonly [number, number],
  ve: number,
  vn: number,
  speed: number,
): number {
  const dx = p0[0] - base[0];
  const dy = p0[1] - base[1];
  const a = ve * ve + vn * vn - speed * speed;
  const b = 2 * (dx * ve + dy * vn);
  const c = dx * dx + dy * dy;
  if (c === 0) return 0;
  if (Math.abs(a) < 1e-12) return b < 0 ? -c / b : Infinity;
  const disc = b * b - 4 * a * c;
  if (disc < 0) return Infinity;
  const r1 = (-b - Math.sqrt(disc)) / (2 * a);
  const r2 = (-b + Math.sqrt(disc)) / (2 * a);
  const ts = [r1, r2].filter((t) => t >= 0);
  return ts.length === 0 ? Infinity : Math.min(...ts);
}

/**
 * Bearing (degrees, [0, 180)) of the major axis of a cloud's weighted covariance, or 0 when the cloud is nearly
 * isotropic (axis ratio of the variances below 1.5), so that rectangles follow the spread of the drift.
 */
export function principalAxisBearingDeg(cloud: ParticleCloud): number {
  let sw = 0;
  let mx = 0;
  let my = 0;
  for (let k = 0; k < cloud.xM.length; k++) {
    const w = cloud.weight[k] as number;
    sw += w;
    mx += w * (cloud.xM[k] as number);
    my += w * (cloud.yM[k] as number);
  }
  if (!(sw > 0)) return 0;
  mx /= sw;
  my /= sw;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let k = 0; k < cloud.xM.length; k++) {
    const w = cloud.weight[k] as number;
    const dx = (cloud.xM[k] as number) - mx;
    const dy = (cloud.yM[k] as number) - my;
    sxx += w * dx * dx;
    syy += w * dy * dy;
    sxy += w * dx * dy;
  }
  const tr = sxx + syy;
  const det = sxx * syy - sxy * sxy;
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  const l1 = tr / 2 + disc;
  const l2 = tr / 2 - disc;
  if (!(l1 > 0) || l1 < 1.5 * Math.max(l2, 0)) return 0;
  const alpha = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const bearing = (((90 - (alpha * 180) / Math.PI) % 180) + 180) % 180;
  return bearing;
}

/** The probability grid of a plan: exact for a circular normal, binned from the cloud otherwise. */
export function planGrid(doc: PlanDocument, cloud: ParticleCloud): ProbabilityGrid {
  const p = doc.probability;
  if (p.kind === 'circularNormal') {
    const r = 4.5 * p.sigmaM;
    return gridFromCircularNormal(cloud.projection, p.sigmaM, frameAround(-r, r, -r, r, doc.gridNx, doc.gridNy));
  }
  const frame = frameForCloud(cloud, doc.gridNx, doc.gridNy);
  if (p.kind === 'uniform') {
    const ring = p.polygon.map((q) => cloud.projection.forward(q[0], q[1]));
    return gridFromPolygon(cloud.projection, ring, frame);
  }
  return smoothedGridFromCloud(cloud, frame);
}

/** Plan (optimize) or evaluate the search. `driftVelocity` resolves `driftCompensation: true`. */
export function planSearch(
  doc: PlanDocument,
  cloud: ParticleCloud,
  driftVelocity?: { eastMps: number; northMps: number },
): PlanResult {
  const proj = cloud.projection;
  const grid = planGrid(doc, cloud);
  const frame: CellFrame = grid;
  const warnings: string[] = [];
  const units = doc.units.map((u, k) => resolveUnit(doc, u, k));
  const drift =
    doc.driftCompensation === undefined
      ? undefined
      : doc.driftCompensation === 'fromDriftRun'
        ? driftVelocity
        : doc.driftCompensation;
  const startTimeS = doc.startTimeS ?? 0;
  const n = cloud.xM.length;
  const patterns: (PlanePattern | undefined)[] = units.map((u) =>
    u.spec.pattern === undefined ? undefined : patternFromSpec(proj, u.spec.pattern, u),
  );
  const misses: Float64Array[] = units.map(() => new Float64Array(0));
  const evaluate = (k: number): void => {
    const miss = new Float64Array(n).fill(1);
    const p = patterns[k];
    const u = units[k] as ResolvedUnit;
    if (p !== undefined && doc.sensor === 'exponential') {
      // Random search (Koopman): the effort is spread at random over the pattern's own area.
      applyAreaCoverageToMiss(
        cloud.xM,
        cloud.yM,
        p.areaRing,
        (u.sweepWidthM * p.trackLengthM) / ringArea(p.areaRing),
        miss,
      );
    } else if (p !== undefined) {
      applyLegsToMiss(cloud.xM, cloud.yM, patternLegs(p), u.sweepWidthM, doc.sensor, miss, frame);
    }
    misses[k] = miss;
  };
  units.forEach((u, k) => {
    if (u.spec.pattern !== undefined) evaluate(k);
  });

  const bases = units.map((u) => proj.forward(u.spec.base[0], u.spec.base[1]));
  let allocationGridPos: number | undefined;
  const free = units.map((u, k) => k).filter((k) => patterns[k] === undefined);
  if (doc.mode === 'optimize' && free.length > 0) {
    // Rectangles along the plane's axes, and (for an elongated cloud) along its major axis: allocate in a plane
    // rotated by phi (the axis bearing) too, and keep the better plan.
    const allocateAt = (phi: number) => {
      const cphi = Math.cos((phi * Math.PI) / 180);
      const sphi = Math.sin((phi * Math.PI) / 180);
      const rot = (x: number, y: number): [number, number] => [x * cphi - y * sphi, x * sphi + y * cphi];
      const unrot = (a: number, b: number): [number, number] => [a * cphi + b * sphi, -a * sphi + b * cphi];
      let allocFrame: CellFrame = frame;
      let poc = grid.poc;
      if (phi !== 0 || free.length < units.length) {
        const ra = new Float64Array(n);
        const rb = new Float64Array(n);
        for (let i = 0; i < n; i++) [ra[i], rb[i]] = rot(cloud.xM[i] as number, cloud.yM[i] as number);
        if (phi !== 0) allocFrame = frameForCloud({ ...cloud, xM: ra, yM: rb }, frame.nx, frame.ny);
        poc = new Float64Array(allocFrame.nx * allocFrame.ny);
        for (let i = 0; i < n; i++) {
          const c = cellIndexOf(allocFrame, ra[i] as number, rb[i] as number);
          if (c < 0) continue;
          let m = cloud.weight[i] as number;
          for (const mk of misses) if (mk.length > 0) m *= mk[i] as number;
          poc[c] = (poc[c] as number) + m;
        }
        if (phi === 0 && doc.probability.kind !== 'driftRun') {
          // Datum maps keep their exact grid, thinned by the fixed units' detections cell by cell.
          const binned = gridFromCloud(cloud, frame).poc;
          for (let c = 0; c < poc.length; c++) {
            const b = binned[c] as number;
            poc[c] = b > 0 ? ((grid.poc[c] as number) * (poc[c] as number)) / b : 0;
          }
        }
      }
      const allocUnits: AllocationUnit[] = free.map((k) => {
        const u = units[k] as ResolvedUnit;
        const b = rot(...(bases[k] as [number, number]));
        return {
          id: u.spec.id,
          sweepWidthM: u.sweepWidthM,
          searchSpeedMps: u.searchSpeedMps,
          transitSpeedMps: u.transitSpeedMps,
          enduranceS: u.enduranceS,
          baseXM: b[0],
          baseYM: b[1],
          aircraft: u.platform !== 'boat',
          altitudeM: u.altitudeM,
          turnAllowanceM: 2 * u.turnRadiusM,
        };
      });
      const alloc = allocateUnits(poc, allocFrame, allocUnits, doc.sensor);
      return { alloc, allocFrame, phi, unrot };
    };
    const axis = doc.probability.kind === 'circularNormal' ? 0 : principalAxisBearingDeg(cloud);
    let chosen = allocateAt(0);
    if (axis !== 0) {
      const turned = allocateAt(axis);
      if (turned.alloc.pos > chosen.alloc.pos) chosen = turned;
    }
    const { alloc, allocFrame, phi, unrot } = chosen;
    allocationGridPos = alloc.pos;
    alloc.units.forEach((a, q) => {
      const k = free[q] as number;
      const u = units[k] as ResolvedUnit;
      if (a.rect === undefined) {
        warnings.push(
          `unit ${u.spec.id}: no area assigned (it cannot reach the probability and search within its endurance, or the other units leave it nothing to find)`,
        );
        return;
      }
      const r = a.rect;
      const wM = (r.i1 - r.i0) * allocFrame.cellM;
      const hM = (r.j1 - r.j0) * allocFrame.cellM;
      const [cx, cy] = unrot(
        allocFrame.x0M + ((r.i0 + r.i1) / 2) * allocFrame.cellM,
        allocFrame.y0M + ((r.j0 + r.j1) / 2) * allocFrame.cellM,
      );
      const rect: PlaneRectangle = {
        centerXM: cx,
        centerYM: cy,
        axisBearingDeg: (hM >= wM ? 0 : 90) + phi,
        lengthM: Math.max(wM, hM),
        widthM: Math.min(wM, hM),
      };
      const areaM2 = wM * hM;
      let S = (areaM2 + 2 * u.turnRadiusM * rect.widthM) / Math.max(a.trackLengthM, 1);
      S = Math.min(Math.max(S, 1), rect.widthM);
      let p = sweepPattern('parallel', rect, rect.axisBearingDeg, { trackSpacingM: S, turnRadiusM: u.turnRadiusM });
      // Fit the track to the endurance left after the real transits to the CSP and back from the last waypoint:
      // rescale the spacing by the ratio of time needed to time available (the number of legs is whole, so this
      // settles within a leg); any overshoot left is cut off the end of the track below.
      for (let it = 0; it < 8; it++) {
        const budget = sortieBudget(u, p, proj);
        if (budget.onSceneS <= 0) break;
        const need = p.trackLengthM / u.searchSpeedMps;
        if (need <= budget.onSceneS * 1.0001 && need >= budget.onSceneS * 0.9) break;
        S = Math.min(rect.widthM, S * (need / budget.onSceneS));
        p = sweepPattern('parallel', rect, rect.axisBearingDeg, { trackSpacingM: S, turnRadiusM: u.turnRadiusM });
        if (S >= rect.widthM) break;
      }
      // Whatever the spacing search left over is cut off the end of the track.
      for (let it = 0; it < 3; it++) {
        const budget = sortieBudget(u, p, proj);
        const maxTrack = Math.max(0, budget.onSceneS) * u.searchSpeedMps;
        if (p.trackLengthM <= maxTrack) break;
        p = truncatePattern(p, maxTrack * 0.999);
      }
      patterns[k] = p;
      evaluate(k);
    });
  }

  const miss = new Float64Array(n).fill(1);
  for (const m of misses)
    if (m.length > 0) for (let i = 0; i < n; i++) miss[i] = (miss[i] as number) * (m[i] as number);
  let pos = 0;
  for (let i = 0; i < n; i++) pos += (cloud.weight[i] as number) * (1 - (miss[i] as number));

  // Upper bound: all units' effort after the shortest transit to probability, spread optimally over the grid.
  let totalEffort = 0;
  units.forEach((u, k) => {
    const b = bases[k] as [number, number];
    let dmin = Infinity;
    for (let j = 0; j < frame.ny; j++) {
      for (let i = 0; i < frame.nx; i++) {
        if (!((grid.poc[j * frame.nx + i] as number) > 0)) continue;
        const cx = Math.min(Math.max(b[0], frame.x0M + i * frame.cellM), frame.x0M + (i + 1) * frame.cellM);
        const cy = Math.min(Math.max(b[1], frame.y0M + j * frame.cellM), frame.y0M + (j + 1) * frame.cellM);
        dmin = Math.min(dmin, Math.hypot(cx - b[0], cy - b[1]));
      }
    }
    const onScene = u.enduranceS - (2 * dmin) / u.transitSpeedMps;
    if (!(onScene > 0)) return;
    // A fixed pattern spends only its own track; an optimised unit all of its time on scene.
    const p = patterns[k];
    const trackM =
      u.spec.pattern !== undefined && p !== undefined
        ? Math.min(p.trackLengthM, u.searchSpeedMps * onScene)
        : u.searchSpeedMps * onScene;
    totalEffort += u.sweepWidthM * trackM;
  });
  const upper = allocateEffort(grid.poc, frame.cellM * frame.cellM, totalEffort, doc.sensor);

  const results: PlanUnitResult[] = units.map((u, k) => {
    const p = patterns[k];
    const m = misses[k] as Float64Array;
    const base = u.spec.base;
    if (p === undefined) {
      return {
        id: u.spec.id,
        nation: u.spec.nation,
        name: u.name,
        platform: u.platform,
        fixedPattern: false,
        sweepWidthM: u.sweepWidthM,
        searchSpeedMps: u.searchSpeedMps,
        altitudeM: u.altitudeM,
        pattern: undefined,
        waypoints: [],
        area: [],
        areaM2: 0,
        trackSpacingM: 0,
        trackLengthM: 0,
        coverage: 0,
        poc: 0,
        pod: 0,
        pos: 0,
        transitOutM: 0,
        onSceneS: 0,
        withinEndurance: false,
        intercept: undefined,
        base,
      };
    }
    const ring = p.areaRing;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    let poc = 0;
    let upos = 0;
    let posInside = 0;
    for (let i = 0; i < n; i++) {
      const w = cloud.weight[i] as number;
      const found = w * (1 - (m[i] as number));
      upos += found;
      const x = cloud.xM[i] as number;
      const y = cloud.yM[i] as number;
      if (x >= minX && x <= maxX && y >= minY && y <= maxY && pointInRing(x, y, ring)) {
        poc += w;
        posInside += found;
      }
    }
    const areaM2 = ringArea(ring);
    const b = bases[k] as [number, number];
    const csp: [number, number] = [p.waypoints[0] as number, p.waypoints[1] as number];
    const ve = drift?.eastMps ?? 0;
    const vn = drift?.northMps ?? 0;
    const tInt = interceptTime(csp, b, ve, vn, u.transitSpeedMps);
    let ground = p;
    if (drift !== undefined) {
      const moved = driftCompensate(p, ve, vn, u.searchSpeedMps);
      const w = new Float64Array(moved.waypoints);
      if (Number.isFinite(tInt)) {
        for (let i = 0; i < w.length; i += 2) {
          w[i] = (w[i] as number) + ve * tInt;
          w[i + 1] = (w[i + 1] as number) + vn * tInt;
        }
      }
      ground = { ...moved, waypoints: w };
    }
    const waypoints: LonLat[] = [];
    for (let i = 0; i < ground.waypoints.length; i += 2)
      waypoints.push(proj.inverse(ground.waypoints[i] as number, ground.waypoints[i + 1] as number));
    const budget = sortieBudget(u, ground, proj);
    const searchS = p.trackLengthM / u.searchSpeedMps;
    const within = budget.onSceneS >= searchS * 0.999;
    if (!within) {
      warnings.push(
        `unit ${u.spec.id}: transit and search (${(budget.transitS + searchS).toFixed(0)} s) exceed its endurance (${u.enduranceS} s)`,
      );
    }
    const first = waypoints[0] as LonLat;
    const area: LonLat[] = ring.map(([x, y]) => proj.inverse(x, y));
    area.push(area[0] as LonLat);
    return {
      id: u.spec.id,
      nation: u.spec.nation,
      name: u.name,
      platform: u.platform,
      fixedPattern: u.spec.pattern !== undefined,
      sweepWidthM: u.sweepWidthM,
      searchSpeedMps: u.searchSpeedMps,
      altitudeM: u.altitudeM,
      pattern: p,
      waypoints,
      area,
      areaM2,
      trackSpacingM: p.trackSpacingM,
      trackLengthM: p.trackLengthM,
      coverage: areaM2 > 0 ? (u.sweepWidthM * p.trackLengthM) / areaM2 : 0,
      poc,
      pod: poc > 0 ? posInside / poc : 0,
      pos: upos,
      transitOutM: budget.outM,
      onSceneS: budget.onSceneS,
      withinEndurance: within,
      intercept: Number.isFinite(tInt) ? { lonDeg: first[0], latDeg: first[1], timeS: startTimeS + tInt } : undefined,
      base,
    };
  });

  const manual = manualComparison(cloud, totalEffort, doc.sensor);

  return {
    name: doc.name,
    sensor: doc.sensor,
    projection: proj,
    grid,
    units: results,
    pos,
    upperBoundPos: upper.pos,
    allocationGridPos,
    startTimeS,
    manual,
    warnings,
    miss,
    cloud,
  };
}

/** Transit out to the first waypoint and back from the last (geodesic, at transit speed) and time left on scene. */
function sortieBudget(
  u: ResolvedUnit,
  p: PlanePattern,
  proj: PlaneProjection,
): { outM: number; transitS: number; onSceneS: number } {
  const w = p.waypoints;
  const first = proj.inverse(w[0] as number, w[1] as number);
  const last = proj.inverse(w[w.length - 2] as number, w[w.length - 1] as number);
  const outM = geodesicInverse(u.spec.base, first).distanceM;
  const backM = geodesicInverse(last, u.spec.base).distanceM;
  const transitS = (outM + backM) / u.transitSpeedMps;
  return { outM, transitS, onSceneS: u.enduranceS - transitS };
}
