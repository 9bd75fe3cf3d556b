/**
 * IAMSAR search patterns as waypoints in a plane (projected metres, x east, y north; bearings in degrees clockwise
 * from the plane's north, which is true north at the projection centre). Sources: IAMSAR Manual Vol II ch. 5 /
 * Vol III §2 as quoted in training material; US Joint Pub 3-50 (2021) app. on search patterns; `sar-method.md` §5.
 *
 * - Parallel sweep (PS): legs parallel to the long sides (or at `legBearingDeg`), commence search point (CSP)
 *   S/2 inside the two sides of the start corner, legs S apart, each S/2 short of the area's ends.
 * - Creeping line (CS): the same geometry with legs parallel to the short sides, advancing along the major axis.
 * - Expanding square (SS): legs S, S, 2S, 2S, 3S, 3S ... from the datum, 90° turns to starboard.
 * - Sector (VS): nine legs of length R from the datum, 120° turns to starboard, three passes through the datum.
 * - Track line (TS): along a route; non-return (TSN) once along it, return (TSR) S/2 to one side out and S/2 to
 *   the other side back.
 *
 * Turn allowance: each 180° reversal adds the turn diameter (2 r) to the track length (JP 3-50: "turns add their
 * diameter to cross legs"); 90° and 120° turns are flown inside the pattern and add nothing.
 */
import { TandemError } from '../errors/index.ts';

export type PatternKind = 'parallel' | 'creeping' | 'expanding-square' | 'sector' | 'track-line';

/** A pattern in plane metres: the waypoints in the order run, and what it costs. */
export interface PlanePattern {
  readonly kind: PatternKind;
  /** Waypoints [x0, y0, x1, y1, ...], projected metres; the first is the commence search point. */
  readonly waypoints: Float64Array;
  /** Track spacing S (or sector radius R for `sector`), metres. */
  readonly trackSpacingM: number;
  /** Length of the track including the turn allowance, metres. */
  readonly trackLengthM: number;
  /** Number of 180° reversals (each adds 2 r). */
  readonly reversals: number;
  /** The searched area as a ring [x, y][] (rectangle for PS/CS, square/hexagon hull for SS/VS, strip for TS). */
  readonly areaRing: readonly (readonly [number, number])[];
}

const DEG = Math.PI / 180;

function unit(bearingDeg: number): [number, number] {
  return [Math.sin(bearingDeg * DEG), Math.cos(bearingDeg * DEG)];
}

function pathLength(w: Float64Array): number {
  let s = 0;
  for (let i = 2; i < w.length; i += 2)
    s += Math.hypot((w[i] as number) - (w[i - 2] as number), (w[i + 1] as number) - (w[i - 1] as number));
  return s;
}

function positive(v: number, field: string): void {
  if (!(Number.isFinite(v) && v > 0))
    throw new TandemError('INVALID_INPUT', `must be a positive number of metres, got ${v}`, field);
}

/** A rectangle in the plane: centre, length along `axisBearingDeg`, width across it. */
export interface PlaneRectangle {
  readonly centerXM: number;
  readonly centerYM: number;
  /** Bearing of the long-axis direction ("length"), degrees. */
  readonly axisBearingDeg: number;
  readonly lengthM: number;
  readonly widthM: number;
}

/** Corners of a plane rectangle, counter-clockwise from the rear-left corner. */
export function rectangleRing(r: PlaneRectangle): [number, number][] {
  const [ux, uy] = unit(r.axisBearingDeg);
  const [vx, vy] = [uy, -ux];
  const hl = r.lengthM / 2;
  const hw = r.widthM / 2;
  const c = (a: number, b: number): [number, number] => [r.centerXM + a * ux + b * vx, r.centerYM + a * uy + b * vy];
  return [c(-hl, -hw), c(-hl, hw), c(hl, hw), c(hl, -hw)];
}

export interface SweepOptions {
  readonly trackSpacingM: number;
  /** Turn radius of the unit, metres (0 for a ship turning inside the spacing). Default 0. */
  readonly turnRadiusM?: number;
  /** Start at the corner on the left (-1) or right (+1) of the first leg's direction. Default -1. */
  readonly startSide?: -1 | 1;
  /** Start at the rear (false) or front (true) end of the area along the legs. Default false. */
  readonly startFront?: boolean;
}

/**
 * Parallel sweep / creeping line in a rectangle: legs along `legBearingDeg` (given in `rect.axisBearingDeg` when
 * legs run along the length; pass the rectangle turned 90° for creeping line). Number of legs = round(width / S)
 * (at least 1), so the legs cover the width edge to edge at S/2 inside each side.
 */
export function sweepPattern(
  kind: 'parallel' | 'creeping',
  rect: PlaneRectangle,
  legBearingDeg: number,
  opts: SweepOptions,
): PlanePattern {
  positive(opts.trackSpacingM, 'pattern.trackSpacingM');
  positive(rect.lengthM, 'pattern.area');
  positive(rect.widthM, 'pattern.area');
  const S = opts.trackSpacingM;
  const turnR = opts.turnRadiusM ?? 0;
  // Express the rectangle in the legs' frame: u along the legs, v to the right of them.
  const rel = (((legBearingDeg - rect.axisBearingDeg) % 180) + 180) % 180;
  const along = rel < 45 || rel > 135;
  const legLen = along ? rect.lengthM : rect.widthM;
  const across = along ? rect.widthM : rect.lengthM;
  const n = Math.max(1, Math.round(across / S));
  if (n > 100000)
    throw new TandemError(
      'OUT_OF_RANGE',
      `pattern would have ${n} legs; track spacing too small`,
      'pattern.trackSpacingM',
    );
  const [ux, uy] = unit(legBearingDeg);
  const [vx, vy] = [uy, -ux];
  const side = opts.startSide ?? -1;
  const u0 = Math.max(0, legLen / 2 - S / 2);
  const spacing = across / n;
  const w = new Float64Array(4 * n);
  let dir = opts.startFront === true ? -1 : 1;
  for (let k = 0; k < n; k++) {
    const v = side * (-across / 2 + spacing / 2 + k * spacing);
    const ua = -dir * u0;
    const ub = dir * u0;
    w[4 * k] = rect.centerXM + ua * ux + v * vx;
    w[4 * k + 1] = rect.centerYM + ua * uy + v * vy;
    w[4 * k + 2] = rect.centerXM + ub * ux + v * vx;
    w[4 * k + 3] = rect.centerYM + ub * uy + v * vy;
    dir = -dir;
  }
  const reversals = n - 1;
  return {
    kind,
    waypoints: w,
    trackSpacingM: spacing,
    trackLengthM: pathLength(w) + reversals * 2 * turnR,
    reversals,
    areaRing: rectangleRing(rect),
  };
}

/**
 * Expanding square from `center`: legs S, S, 2S, 2S, 3S, 3S ... with 90° turns to starboard, first leg on
 * `firstLegBearingDeg` (into the wind by default in IAMSAR practice). `legCount` legs (≥ 1).
 */
export function expandingSquarePattern(
  center: readonly [number, number],
  firstLegBearingDeg: number,
  trackSpacingM: number,
  legCount: number,
): PlanePattern {
  positive(trackSpacingM, 'pattern.trackSpacingM');
  if (!(Number.isInteger(legCount) && legCount >= 1 && legCount <= 10000)) {
    throw new TandemError('INVALID_INPUT', `must be an integer in [1, 10000], got ${legCount}`, 'pattern.legCount');
  }
  const w = new Float64Array(2 * (legCount + 1));
  let x = center[0];
  let y = center[1];
  w[0] = x;
  w[1] = y;
  for (let k = 0; k < legCount; k++) {
    const len = trackSpacingM * (Math.floor(k / 2) + 1);
    const [dx, dy] = unit(firstLegBearingDeg + 90 * k);
    x += len * dx;
    y += len * dy;
    w[2 * k + 2] = x;
    w[2 * k + 3] = y;
  }
  // The swept square: the hull of the waypoints in the pattern's own axes, widened by S/2.
  const [ax, ay] = unit(firstLegBearingDeg);
  const [bx, by] = [ay, -ax];
  let minA = 0;
  let maxA = 0;
  let minB = 0;
  let maxB = 0;
  for (let k = 0; k <= legCount; k++) {
    const px = (w[2 * k] as number) - center[0];
    const py = (w[2 * k + 1] as number) - center[1];
    const a = px * ax + py * ay;
    const b = px * bx + py * by;
    minA = Math.min(minA, a);
    maxA = Math.max(maxA, a);
    minB = Math.min(minB, b);
    maxB = Math.max(maxB, b);
  }
  const h = trackSpacingM / 2;
  const corner = (a: number, b: number): [number, number] => [center[0] + a * ax + b * bx, center[1] + a * ay + b * by];
  return {
    kind: 'expanding-square',
    waypoints: w,
    trackSpacingM,
    trackLengthM: pathLength(w),
    reversals: 0,
    areaRing: [
      corner(minA - h, minB - h),
      corner(minA - h, maxB + h),
      corner(maxA + h, maxB + h),
      corner(maxA + h, minB - h),
    ],
  };
}

/**
 * Sector search from `center` with radius R: nine legs of length R, 120° turns to starboard, passing the datum
 * three times; the first leg on `firstLegBearingDeg` (down-drift in IAMSAR practice; a second search is rotated
 * 30°).
 */
export function sectorPattern(
  center: readonly [number, number],
  firstLegBearingDeg: number,
  radiusM: number,
): PlanePattern {
  positive(radiusM, 'pattern.radiusM');
  const w = new Float64Array(20);
  let x = center[0];
  let y = center[1];
  w[0] = x;
  w[1] = y;
  let heading = firstLegBearingDeg;
  for (let k = 0; k < 9; k++) {
    const [dx, dy] = unit(heading);
    x += radiusM * dx;
    y += radiusM * dy;
    w[2 * k + 2] = x;
    w[2 * k + 3] = y;
    if (k % 3 !== 2) heading += 120;
  }
  const ring: [number, number][] = [];
  for (let k = 0; k < 6; k++) {
    const [dx, dy] = unit(firstLegBearingDeg + 60 * k);
    ring.push([center[0] + radiusM * dx, center[1] + radiusM * dy]);
  }
  return {
    kind: 'sector',
    waypoints: w,
    trackSpacingM: radiusM,
    trackLengthM: pathLength(w),
    reversals: 0,
    areaRing: ring,
  };
}

/**
 * Track line search along `route` (plane points, ≥ 2). `returning`: TSR, out S/2 to starboard of the route and
 * back S/2 to starboard of the reversed route; otherwise TSN once along the route.
 */
export function trackLinePattern(
  route: readonly (readonly [number, number])[],
  trackSpacingM: number,
  returning: boolean,
  turnRadiusM = 0,
): PlanePattern {
  positive(trackSpacingM, 'pattern.trackSpacingM');
  if (route.length < 2)
    throw new TandemError('INVALID_INPUT', 'a track line needs at least 2 route points', 'pattern.route');
  const offset = (pts: readonly (readonly [number, number])[], d: number): [number, number][] =>
    pts.map((p, i) => {
      const a = pts[Math.max(0, i - 1)] as readonly [number, number];
      const b = pts[Math.min(pts.length - 1, i + 1)] as readonly [number, number];
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len = Math.hypot(dx, dy) || 1;
      return [p[0] + (d * dy) / len, p[1] - (d * dx) / len];
    });
  const out = returning ? offset(route, trackSpacingM / 2) : route.map((p) => [p[0], p[1]] as [number, number]);
  const back = returning ? offset([...route].reverse(), trackSpacingM / 2) : [];
  const all = [...out, ...back];
  const w = new Float64Array(all.flat());
  const half = returning ? trackSpacingM : trackSpacingM / 2;
  const left = offset(route, -half);
  const right = offset(route, half);
  return {
    kind: 'track-line',
    waypoints: w,
    trackSpacingM,
    trackLengthM: pathLength(w) + (returning ? 2 * turnRadiusM : 0),
    reversals: returning ? 1 : 0,
    areaRing: [...left, ...right.reverse()],
  };
}

/**
 * Drift compensation: the pattern is laid in the water, which moves at (eastMps, northMps); waypoint k, reached
 * after running the track to it at `speedMps`, is moved by the drift over that time. Returns the ground track.
 */
export function driftCompensate(p: PlanePattern, eastMps: number, northMps: number, speedMps: number): PlanePattern {
  positive(speedMps, 'unit.speedMps');
  const w = new Float64Array(p.waypoints.length);
  let s = 0;
  for (let i = 0; i < w.length; i += 2) {
    if (i > 0)
      s += Math.hypot(
        (p.waypoints[i] as number) - (p.waypoints[i - 2] as number),
        (p.waypoints[i + 1] as number) - (p.waypoints[i - 1] as number),
      );
    const t = s / speedMps;
    w[i] = (p.waypoints[i] as number) + eastMps * t;
    w[i + 1] = (p.waypoints[i + 1] as number) + northMps * t;
  }
  return { ...p, waypoints: w };
}

/** Segments [x0, y0, x1, y1, ...] between consecutive waypoints (the legs whose closest approach counts). */
export function patternLegs(p: PlanePattern): Float64Array {
  const n = p.waypoints.length / 2 - 1;
  const legs = new Float64Array(4 * Math.max(0, n));
  for (let k = 0; k < n; k++) {
    legs[4 * k] = p.waypoints[2 * k] as number;
    legs[4 * k + 1] = p.waypoints[2 * k + 1] as number;
    legs[4 * k + 2] = p.waypoints[2 * k + 2] as number;
    legs[4 * k + 3] = p.waypoints[2 * k + 3] as number;
  }
  return legs;
}

/** The pattern cut to its first `maxLengthM` metres of track (the turn allowance counted pro rata). */
export function truncatePattern(p: PlanePattern, maxLengthM: number): PlanePattern {
  if (p.trackLengthM <= maxLengthM) return p;
  const w = p.waypoints;
  const path = pathLength(w);
  const keep = path > 0 ? Math.max(0, maxLengthM) * (path / p.trackLengthM) : 0;
  const out: number[] = [w[0] as number, w[1] as number];
  let s = 0;
  for (let i = 2; i < w.length; i += 2) {
    const ax = w[i - 2] as number;
    const ay = w[i - 1] as number;
    const bx = w[i] as number;
    const by = w[i + 1] as number;
    const len = Math.hypot(bx - ax, by - ay);
    if (s + len >= keep) {
      const f = len > 0 ? (keep - s) / len : 0;
      out.push(ax + f * (bx - ax), ay + f * (by - ay));
      break;
    }
    out.push(bx, by);
    s += len;
  }
  const waypoints = Float64Array.from(out);
  const cut = pathLength(waypoints);
  return { ...p, waypoints, trackLengthM: path > 0 ? (cut * p.trackLengthM) / path : 0 };
}
