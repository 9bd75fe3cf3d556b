import type { Airfield } from './airfield.ts';
import type { AircraftConfiguration, AircraftType } from './aircraft-type.ts';
import { geodesicLeg, geodesicMidpoints } from './ferry-geodesic.ts';
import type { WindAloft } from './wind-aloft.ts';
import { groundSpeedMps } from './wind-aloft.ts';
import { localized } from './localized-text.ts';
import type { LocalizedText } from './localized-text.ts';

/** Longest piece over which the wind is taken as constant when integrating a leg, metres. */
export const WIND_INTEGRATION_PIECE_M = 50_000;

export type LegIssueCode =
  'RANGE_EXCEEDED' | 'NO_ALTERNATE_IN_REACH' | 'RUNWAY_TOO_SHORT' | 'WIND_TOO_STRONG' | 'SAME_AIRFIELD';

export interface LegIssue {
  readonly code: LegIssueCode;
  readonly message: LocalizedText;
}

/** The nearest suitable alternate for a destination and the flight time to it. */
export interface AlternateChoice {
  readonly icao: string;
  readonly distanceM: number;
  readonly airTimeS: number;
}

/** One evaluated leg of a ferry flight. Times in seconds, distances in metres, fractions of endurance. */
export interface FerryLeg {
  readonly from: string;
  readonly to: string;
  readonly distanceM: number;
  readonly initialTrackDeg: number;
  readonly airTimeS: number;
  /** Mean ground speed, m/s (distance / air time). */
  readonly groundSpeedMps: number;
  /**
   * Trip fuel as a fraction of usable fuel: air time / endurance, where endurance = still-air range / cruise TAS.
   * In still air this is distance / range.
   */
  readonly rangeUsedFraction: number;
  /** Trip × (1 + contingency) + alternate + final reserve, as a fraction of endurance; feasible needs ≤ 1. */
  readonly fuelRequiredFraction: number;
  readonly alternate: AlternateChoice | null;
  readonly feasible: boolean;
  readonly issues: readonly LegIssue[];
}

/** What the leg evaluator needs about the aircraft, in SI. */
export interface FlightPerformance {
  readonly typeId: string;
  readonly configurationId: string;
  readonly rangeM: number;
  readonly cruiseTasMps: number;
  readonly enduranceS: number;
  readonly contingencyFraction: number;
  readonly finalReserveS: number;
  readonly alternateRequired: boolean;
  readonly minRunwayM: number;
  readonly turnaroundS: number;
}

export function flightPerformance(type: AircraftType, configuration: AircraftConfiguration): FlightPerformance {
  const rangeM = configuration.rangeM.value;
  const cruiseTasMps = type.cruiseTasMps.value;
  return {
    typeId: type.id,
    configurationId: configuration.id,
    rangeM,
    cruiseTasMps,
    enduranceS: rangeM / cruiseTasMps,
    contingencyFraction: type.reserve.contingencyFraction.value,
    finalReserveS: type.reserve.finalReserveS.value,
    alternateRequired: type.alternate.required,
    minRunwayM: type.minRunwayM.value,
    turnaroundS: type.turnaroundS.value,
  };
}

/**
 * Air time along the geodesic from `from` to `to` at cruise TAS in the wind, departing at `departureUtc`:
 * the leg is cut into pieces of at most WIND_INTEGRATION_PIECE_M, each flown at the ground speed given by the
 * wind triangle at its midpoint and local track. NaN when some piece cannot be flown (wind ≥ TAS).
 */
export function legAirTimeS(
  from: Airfield,
  to: Airfield,
  tasMps: number,
  wind: WindAloft,
  departureUtc: number,
): number {
  const { distanceM } = geodesicLeg(from.position, to.position);
  if (distanceM === 0) return 0;
  if (wind.calm === true) return distanceM / tasMps;
  const n = Math.max(1, Math.ceil(distanceM / WIND_INTEGRATION_PIECE_M));
  const { pieceM, samples } = geodesicMidpoints(from.position, to.position, n);
  let t = 0;
  for (const s of samples) {
    const gs = groundSpeedMps(s.trackDeg, tasMps, wind.windAt(s.lonDeg, s.latDeg, departureUtc + t));
    if (Number.isNaN(gs)) return NaN;
    t += pieceM / gs;
  }
  return t;
}

/**
 * The alternate reachable in the least time from `destination` among `candidates` (other airfields with a long
 * enough runway), or null when there is none. Time is flown at cruise TAS in the wind from `arrivalUtc`.
 */
export function nearestAlternate(
  destination: Airfield,
  candidates: readonly Airfield[],
  perf: FlightPerformance,
  wind: WindAloft,
  arrivalUtc: number,
): AlternateChoice | null {
  let best: AlternateChoice | null = null;
  for (const c of candidates) {
    if (c.icao === destination.icao || c.longestRunwayM < perf.minRunwayM) continue;
    const { distanceM } = geodesicLeg(destination.position, c.position);
    if (distanceM > perf.rangeM) continue;
    if (best !== null && distanceM / (perf.cruiseTasMps * 2) > best.airTimeS) continue;
    const t = legAirTimeS(destination, c, perf.cruiseTasMps, wind, arrivalUtc);
    if (Number.isNaN(t)) continue;
    if (best === null || t < best.airTimeS) best = { icao: c.icao, distanceM, airTimeS: t };
  }
  return best;
}

const km = (m: number): string => (m / 1000).toFixed(0);

/**
 * Evaluate a leg against range, reserves, runway and alternate rules. `alternate` is the precomputed nearest
 * alternate for the destination (see nearestAlternate), or null if none exists; `airTimeS`, when given, is the
 * leg's air time already computed by legAirTimeS for the same departure.
 */
export function evaluateLeg(
  from: Airfield,
  to: Airfield,
  perf: FlightPerformance,
  wind: WindAloft,
  departureUtc: number,
  alternate: AlternateChoice | null,
  airTimeS: number = legAirTimeS(from, to, perf.cruiseTasMps, wind, departureUtc),
): FerryLeg {
  const { distanceM, initialTrackDeg } = geodesicLeg(from.position, to.position);
  const issues: LegIssue[] = [];
  if (from.icao === to.icao) {
    issues.push({
      code: 'SAME_AIRFIELD',
      message: localized(
        'departure and destination are the same',
        '출발지와 목적지가 같습니다',
        '出発地と目的地が同じです',
      ),
    });
  }
  if (to.longestRunwayM < perf.minRunwayM) {
    issues.push({
      code: 'RUNWAY_TOO_SHORT',
      message: localized(
        `${to.icao} runway ${to.longestRunwayM.toFixed(0)} m is shorter than the ${perf.typeId} minimum ${perf.minRunwayM.toFixed(0)} m`,
        `${to.icao} 활주로 ${to.longestRunwayM.toFixed(0)} m가 ${perf.typeId} 최소 ${perf.minRunwayM.toFixed(0)} m보다 짧습니다`,
        `${to.icao} の滑走路 ${to.longestRunwayM.toFixed(0)} m は ${perf.typeId} の最小 ${perf.minRunwayM.toFixed(0)} m より短い`,
      ),
    });
  }
  if (Number.isNaN(airTimeS)) {
    issues.push({
      code: 'WIND_TOO_STRONG',
      message: localized(
        `the wind (${wind.description.en}) is too strong to fly ${from.icao}–${to.icao}`,
        `바람(${wind.description.ko})이 강해 ${from.icao}–${to.icao} 비행이 불가능합니다`,
        `風（${wind.description.ja}）が強く ${from.icao}–${to.icao} を飛行できません`,
      ),
    });
  }
  const tripS = Number.isNaN(airTimeS) ? Infinity : airTimeS;
  const rangeUsedFraction = tripS / perf.enduranceS;
  const altS = alternate?.airTimeS ?? 0;
  const fuelRequiredS = tripS * (1 + perf.contingencyFraction) + altS + perf.finalReserveS;
  const fuelRequiredFraction = fuelRequiredS / perf.enduranceS;
  if (fuelRequiredFraction > 1 && Number.isFinite(tripS)) {
    issues.push({
      code: 'RANGE_EXCEEDED',
      message: localized(
        `${from.icao}–${to.icao} ${km(distanceM)} km needs ${(fuelRequiredFraction * 100).toFixed(0)}% of the ${perf.typeId} (${perf.configurationId}, ${km(perf.rangeM)} km) fuel with reserves`,
        `${from.icao}–${to.icao} ${km(distanceM)} km는 예비연료 포함 ${perf.typeId}(${perf.configurationId}, ${km(perf.rangeM)} km) 연료의 ${(fuelRequiredFraction * 100).toFixed(0)}%가 필요합니다`,
        `${from.icao}–${to.icao} ${km(distanceM)} km は予備燃料を含め ${perf.typeId}（${perf.configurationId}、${km(perf.rangeM)} km）の燃料の ${(fuelRequiredFraction * 100).toFixed(0)}% を要します`,
      ),
    });
  }
  if (perf.alternateRequired && alternate === null) {
    issues.push({
      code: 'NO_ALTERNATE_IN_REACH',
      message: localized(
        `no alternate airfield within reach of ${to.icao}`,
        `${to.icao} 주변에 도달 가능한 교체비행장이 없습니다`,
        `${to.icao} から到達可能な代替飛行場がありません`,
      ),
    });
  }
  return {
    from: from.icao,
    to: to.icao,
    distanceM,
    initialTrackDeg,
    airTimeS: tripS,
    groundSpeedMps: Number.isFinite(tripS) && tripS > 0 ? distanceM / tripS : NaN,
    rangeUsedFraction,
    fuelRequiredFraction,
    alternate,
    feasible: issues.length === 0,
    issues,
  };
}

/**
 * Still-air distance a leg may be, with reserves, when the alternate is `alternateS` of flight away: the trip
 * time that leaves trip × (1 + contingency) + alternate + final reserve within endurance, flown at cruise TAS.
 * The radius of the range ring drawn around a departure airfield. Metres, never negative.
 */
export function stillAirReachM(perf: FlightPerformance, alternateS = 0): number {
  const tripS = (perf.enduranceS - perf.finalReserveS - alternateS) / (1 + perf.contingencyFraction);
  return Math.max(0, tripS * perf.cruiseTasMps);
}
