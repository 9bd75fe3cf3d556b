import { TandemError } from '../errors/index.ts';
import type { Airfield, AirfieldDatabase } from './airfield.ts';
import type { AircraftType } from './aircraft-type.ts';
import { findConfiguration } from './aircraft-type.ts';
import type { CountryCode } from './country.ts';
import { geodesicLeg } from './ferry-geodesic.ts';
import type { AlternateChoice, FerryLeg, FlightPerformance } from './ferry-leg.ts';
import { evaluateLeg, flightPerformance, legAirTimeS, nearestAlternate } from './ferry-leg.ts';
import type { WindAloft } from './wind-aloft.ts';
import type { LocalizedText } from './localized-text.ts';
import { noWind } from './wind-aloft.ts';

/** A leg placed in time: departure and arrival, UTC epoch seconds. */
export interface PlannedLeg extends FerryLeg {
  readonly departureUtc: number;
  readonly arrivalUtc: number;
}

export interface FerryPlanRequest {
  readonly type: AircraftType;
  readonly configurationId?: string;
  readonly originIcao: string;
  readonly destinationIcao: string;
  /** Stops that must be landed at, in the given order unless `requiredStopsOrder` is 'best'. */
  readonly requiredStops?: readonly string[];
  readonly requiredStopsOrder?: 'given' | 'best';
  /**
   * Airfields the planner may add as stops (and use as alternates). Default: every airfield in the database,
   * restricted to `allowedCountries` when given.
   */
  readonly optionalStops?: readonly string[];
  readonly allowedCountries?: readonly CountryCode[];
  readonly wind?: WindAloft;
  /** Departure from the origin, UTC epoch seconds (matters for time-varying winds and the schedule). */
  readonly departureUtc?: number;
}

export interface FerryPlan {
  readonly typeId: string;
  readonly configurationId: string;
  readonly wind: LocalizedText;
  /** True when a sequence of feasible legs through all required stops was found. */
  readonly feasible: boolean;
  /** The best sequence when feasible; otherwise the legs through the required stops only, evaluated as flown. */
  readonly legs: readonly PlannedLeg[];
  /** Origin → destination flown direct, whatever the required stops, for comparison. */
  readonly direct: FerryLeg;
  readonly totalDistanceM: number;
  readonly totalAirTimeS: number;
  /** Air time plus turnarounds at intermediate stops. */
  readonly totalElapsedS: number;
  readonly performance: FlightPerformance;
}

/** Most required stops for which every order is tried when `requiredStopsOrder` is 'best' (7! = 5040 orders). */
export const MAX_PERMUTED_STOPS = 7;

interface Graph {
  readonly nodes: readonly Airfield[];
  readonly perf: FlightPerformance;
  readonly wind: WindAloft;
  readonly distM: Float64Array;
  readonly altCache: Map<number, AlternateChoice | null>;
  /** Leg air times, cached when the wind does not change with time (NaN: unflyable). */
  readonly airS: Float64Array;
  readonly airKnown: Uint8Array;
}

function airTime(g: Graph, i: number, j: number, departureUtc: number): number {
  const k = i * g.nodes.length + j;
  if (g.wind.timeInvariant && g.airKnown[k] === 1) return g.airS[k]!;
  const t = legAirTimeS(g.nodes[i]!, g.nodes[j]!, g.perf.cruiseTasMps, g.wind, departureUtc);
  if (g.wind.timeInvariant) {
    g.airS[k] = t;
    g.airKnown[k] = 1;
  }
  return t;
}

function distance(g: Graph, i: number, j: number): number {
  const n = g.nodes.length;
  const k = i * n + j;
  let d = g.distM[k] ?? NaN;
  if (Number.isNaN(d)) {
    d = geodesicLeg(g.nodes[i]!.position, g.nodes[j]!.position).distanceM;
    g.distM[k] = d;
    g.distM[j * n + i] = d;
  }
  return d;
}

function alternateFor(g: Graph, j: number, arrivalUtc: number): AlternateChoice | null {
  if (!g.perf.alternateRequired) return null;
  if (g.wind.timeInvariant && g.altCache.has(j)) return g.altCache.get(j) ?? null;
  const alt = nearestAlternate(g.nodes[j]!, g.nodes, g.perf, g.wind, arrivalUtc);
  if (g.wind.timeInvariant) g.altCache.set(j, alt);
  return alt;
}

function legBetween(g: Graph, i: number, j: number, departureUtc: number): FerryLeg {
  const air = airTime(g, i, j, departureUtc);
  const arrival = departureUtc + (Number.isFinite(air) ? air : 0);
  return evaluateLeg(g.nodes[i]!, g.nodes[j]!, g.perf, g.wind, departureUtc, alternateFor(g, j, arrival), air);
}

/** Lexicographic (legs, elapsed time) shortest path from `s` to `t`, departing at `startUtc`. */
function bestSegment(g: Graph, s: number, t: number, startUtc: number): PlannedLeg[] | null {
  const n = g.nodes.length;
  const legs = new Int32Array(n).fill(0x7fffffff);
  const elapsed = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const prevLeg: (PlannedLeg | undefined)[] = new Array<PlannedLeg | undefined>(n);
  const done = new Uint8Array(n);
  legs[s] = 0;
  elapsed[s] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) {
      if (done[i] || legs[i] === 0x7fffffff) continue;
      if (u < 0 || legs[i]! < legs[u]! || (legs[i] === legs[u] && elapsed[i]! < elapsed[u]!)) u = i;
    }
    if (u < 0 || u === t) break;
    done[u] = 1;
    const departureUtc = startUtc + elapsed[u]! + (u === s ? 0 : g.perf.turnaroundS);
    for (let v = 0; v < n; v++) {
      if (v === u || done[v]) continue;
      if (distance(g, u, v) > g.perf.rangeM) continue;
      if (legs[u]! + 1 > legs[v]!) continue;
      const leg = legBetween(g, u, v, departureUtc);
      if (!leg.feasible) continue;
      const arrivalElapsed = departureUtc - startUtc + leg.airTimeS;
      const nl = legs[u]! + 1;
      if (nl < legs[v]! || (nl === legs[v] && arrivalElapsed < elapsed[v]!)) {
        legs[v] = nl;
        elapsed[v] = arrivalElapsed;
        prev[v] = u;
        prevLeg[v] = { ...leg, departureUtc, arrivalUtc: departureUtc + leg.airTimeS };
      }
    }
  }
  if (legs[t] === 0x7fffffff) return null;
  const path: PlannedLeg[] = [];
  for (let v = t; v !== s; v = prev[v]!) path.unshift(prevLeg[v]!);
  return path;
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [xs.slice()];
  const out: T[][] = [];
  xs.forEach((x, i) => {
    for (const rest of permutations([...xs.slice(0, i), ...xs.slice(i + 1)])) out.push([x, ...rest]);
  });
  return out;
}

function compareRoutes(a: readonly PlannedLeg[], b: readonly PlannedLeg[]): number {
  if (a.length !== b.length) return a.length - b.length;
  const ea = a.length === 0 ? 0 : a[a.length - 1]!.arrivalUtc;
  const eb = b.length === 0 ? 0 : b[b.length - 1]!.arrivalUtc;
  return ea - eb;
}

/**
 * Plan a ferry flight: the best sequence of stops from origin to destination through the required stops,
 * fewest legs first, then least elapsed time (air time plus turnarounds). Each leg is a WGS 84 geodesic flown at
 * cruise TAS in the wind and must carry trip fuel with contingency, fuel to the nearest suitable alternate and the
 * final reserve. Segments between consecutive required stops are solved by a lexicographic Dijkstra search on the
 * airfield graph; (legs, time) costs add, so joining optimal segments gives the optimal route for that order.
 */
export function planFerryRoute(db: AirfieldDatabase, req: FerryPlanRequest): FerryPlan {
  const configuration = findConfiguration(req.type, req.configurationId);
  const perf = flightPerformance(req.type, configuration);
  if (!(perf.cruiseTasMps > 0) || !(perf.rangeM > 0)) {
    throw new TandemError('OUT_OF_RANGE', 'cruise speed and range must be positive', 'type');
  }
  const wind = req.wind ?? noWind();
  const startUtc = req.departureUtc ?? 0;
  const origin = db.get(req.originIcao, 'from');
  const destination = db.get(req.destinationIcao, 'to');
  const required = (req.requiredStops ?? []).map((icao, i) => db.get(icao, `via[${i}]`));
  const waypointsGiven = [origin, ...required, destination];
  for (let k = 1; k < waypointsGiven.length; k++) {
    if (waypointsGiven[k]!.icao === waypointsGiven[k - 1]!.icao) {
      const field = k === waypointsGiven.length - 1 ? 'to' : `via[${k - 1}]`;
      throw new TandemError(
        'INVALID_INPUT',
        `${waypointsGiven[k]!.icao} follows itself: a leg needs two airfields`,
        field,
      );
    }
  }
  const allowed = req.allowedCountries === undefined ? null : new Set(req.allowedCountries);
  const pool =
    req.optionalStops === undefined
      ? db.all.filter((a) => allowed === null || allowed.has(a.country))
      : req.optionalStops.map((icao, i) => db.get(icao, `optionalStops[${i}]`));
  const byIcao = new Map<string, Airfield>();
  for (const a of [origin, ...required, destination]) byIcao.set(a.icao, a);
  for (const a of pool) if (a.longestRunwayM >= perf.minRunwayM) byIcao.set(a.icao, a);
  const nodes = [...byIcao.values()];
  const index = new Map(nodes.map((a, i) => [a.icao, i]));
  const n2 = nodes.length * nodes.length;
  const g: Graph = {
    nodes,
    perf,
    wind,
    distM: new Float64Array(n2).fill(NaN),
    altCache: new Map(),
    airS: new Float64Array(n2),
    airKnown: new Uint8Array(n2),
  };

  const direct = legBetween(g, index.get(origin.icao)!, index.get(destination.icao)!, startUtc);

  const orders =
    req.requiredStopsOrder === 'best' && required.length > 1
      ? required.length > MAX_PERMUTED_STOPS
        ? (() => {
            throw new TandemError('OUT_OF_RANGE', `at most ${MAX_PERMUTED_STOPS} stops can be reordered`, 'via');
          })()
        : permutations(required)
      : [required];

  let best: PlannedLeg[] | null = null;
  for (const order of orders) {
    const waypoints = [origin, ...order, destination];
    const route: PlannedLeg[] = [];
    let t = startUtc;
    let ok = true;
    for (let k = 0; k + 1 < waypoints.length; k++) {
      const seg = bestSegment(g, index.get(waypoints[k]!.icao)!, index.get(waypoints[k + 1]!.icao)!, t);
      if (seg === null) {
        ok = false;
        break;
      }
      route.push(...seg);
      t = seg.length === 0 ? t : seg[seg.length - 1]!.arrivalUtc + perf.turnaroundS;
    }
    if (ok && (best === null || compareRoutes(route, best) < 0)) best = route;
  }

  let legs: PlannedLeg[];
  if (best !== null) {
    legs = best;
  } else {
    legs = [];
    const waypoints = [origin, ...required, destination];
    let t = startUtc;
    for (let k = 0; k + 1 < waypoints.length; k++) {
      const leg = legBetween(g, index.get(waypoints[k]!.icao)!, index.get(waypoints[k + 1]!.icao)!, t);
      const air = Number.isFinite(leg.airTimeS) ? leg.airTimeS : 0;
      legs.push({ ...leg, departureUtc: t, arrivalUtc: t + air });
      t += air + perf.turnaroundS;
    }
  }
  const totalAirTimeS = legs.reduce((s, l) => s + l.airTimeS, 0);
  return {
    typeId: req.type.id,
    configurationId: configuration.id,
    wind: wind.description,
    feasible: best !== null,
    legs,
    direct,
    totalDistanceM: legs.reduce((s, l) => s + l.distanceM, 0),
    totalAirTimeS,
    totalElapsedS: legs.length === 0 ? 0 : legs[legs.length - 1]!.arrivalUtc - legs[0]!.departureUtc,
    performance: perf,
  };
}
