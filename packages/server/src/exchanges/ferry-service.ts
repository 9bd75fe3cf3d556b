/**
 * Ferry plans through the API: the request as JSON (ICAO codes, winds in knots at the edge, ISO 8601 UTC times),
 * computed by core's planner over the caller's airfields and aircraft types, and returned as a view with the legs
 * in SI and the figures shown (km, NM), the schedule by groups and days, and the route as GeoJSON for the map.
 */
import {
  SEED_TEAMS,
  TandemError,
  checkClearances,
  constantWind,
  countryName,
  findConfiguration,
  flightPerformance,
  geodesicCircle,
  geodesicPath,
  hoursToSeconds,
  knotsToMetersPerSecond,
  metersPerSecondToKnots,
  metersToNauticalMiles,
  noWind,
  parseUtcTime,
  planFerryRoute,
  requiredClearances,
  scheduleByDays,
  splitIntoGroups,
  stillAirReachM,
} from '@tandem/core';
import type {
  AircraftType,
  AirfieldDatabase,
  Clearance,
  ClearanceLeadTimeRule,
  ClearanceWarning,
  FerryLeg,
  LocalizedText,
  PlannedLeg,
  SupportItem,
  WindAloft,
} from '@tandem/core';
import { DEFAULT_LEAD_TIME_RULES, supportItemsWithoutLegalBasis } from '@tandem/core';

const ICAO = { type: 'string', pattern: '^[A-Za-z]{4}$' } as const;
const ISO_TIME = { type: 'string', minLength: 10, maxLength: 40 } as const;

/** JSON schema of a ferry plan request (POST /api/ferry/plan, and `request` of POST /api/ferry-plans). */
export const FERRY_REQUEST_SCHEMA = {
  type: 'object',
  required: ['type', 'from', 'to'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', minLength: 1, maxLength: 40 },
    configuration: { type: 'string', minLength: 1, maxLength: 40 },
    from: ICAO,
    to: ICAO,
    via: { type: 'array', maxItems: 10, items: ICAO },
    anyOrder: { type: 'boolean' },
    stops: { type: 'array', maxItems: 500, items: ICAO },
    countries: { type: 'array', maxItems: 50, items: { type: 'string', pattern: '^[A-Za-z]{2}$' } },
    wind: {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: {
        kind: { type: 'string', enum: ['none', 'constant', 'forcing'] },
        fromDeg: { type: 'number', minimum: 0, maximum: 360 },
        speedKt: { type: 'number', minimum: 0, maximum: 250 },
        dataFileId: { type: 'string', minLength: 1, maxLength: 64 },
      },
    },
    departure: ISO_TIME,
    aircraft: { type: 'integer', minimum: 1, maximum: 100 },
    perGroup: { type: 'integer', minimum: 1, maximum: 100 },
    daysBetweenGroups: { type: 'integer', minimum: 0, maximum: 30 },
    maxDutyH: { type: 'number', minimum: 1, maximum: 24 },
    maxLegsPerDay: { type: 'integer', minimum: 1, maximum: 10 },
    operator: { type: 'string', enum: ['KR', 'JP'] },
  },
} as const;

export interface FerryRequestJson {
  type: string;
  configuration?: string;
  from: string;
  to: string;
  via?: string[];
  anyOrder?: boolean;
  stops?: string[];
  countries?: string[];
  wind?: { kind: 'none' | 'constant' | 'forcing'; fromDeg?: number; speedKt?: number; dataFileId?: string };
  departure?: string;
  aircraft?: number;
  perGroup?: number;
  daysBetweenGroups?: number;
  maxDutyH?: number;
  maxLegsPerDay?: number;
  operator?: 'KR' | 'JP';
}

export interface LegView {
  readonly index: number;
  readonly from: string;
  readonly to: string;
  readonly distanceM: number;
  readonly distanceKm: number;
  readonly distanceNm: number;
  readonly initialTrackDeg: number;
  /** Air time, s; null when the leg cannot be flown in the wind. */
  readonly timeS: number | null;
  readonly rangeUsedFraction: number | null;
  readonly fuelRequiredFraction: number | null;
  readonly alternate: { readonly icao: string; readonly distanceKm: number } | null;
  readonly feasible: boolean;
  readonly issues: readonly { readonly code: string; readonly message: LocalizedText }[];
  readonly departureUtc?: number;
  readonly arrivalUtc?: number;
}

export interface ScheduledLegView {
  readonly group: number;
  readonly aircraftCount: number;
  readonly day: number;
  readonly legIndex: number;
  readonly from: string;
  readonly to: string;
  readonly departureUtc: number;
  readonly arrivalUtc: number;
}

export interface FerryPlanView {
  readonly typeId: string;
  readonly typeName: LocalizedText;
  readonly configurationId: string;
  readonly operator: 'KR' | 'JP';
  readonly wind: LocalizedText;
  readonly departureUtc: number;
  readonly feasible: boolean;
  readonly legs: readonly LegView[];
  readonly direct: LegView;
  readonly totalDistanceKm: number;
  readonly totalAirTimeS: number;
  readonly totalElapsedS: number;
  /** The figures the plan used, each with its provenance. */
  readonly figures: readonly { key: string; value: number; unit: string; kind: string; source: string }[];
  readonly alternateRule: { readonly required: boolean; readonly source: string };
  readonly schedule: readonly ScheduledLegView[];
  /** Legs (geodesic lines), airfields (points) and the range ring around the last leg's departure. */
  readonly map: GeoJsonFeatureCollection;
  /** Radius of the range ring (still-air reach keeping contingency and final reserve), metres. */
  readonly rangeRingM: number;
  /** Forcing winds only: points sampled along every leg tried, and how many had no value (flown calm). */
  readonly windSamples?: { readonly sampled: number; readonly outside: number };
}

export interface GeoJsonFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly {
    type: 'Feature';
    geometry:
      | { type: 'LineString'; coordinates: [number, number][] }
      | { type: 'Point'; coordinates: [number, number] }
      | { type: 'Polygon'; coordinates: [number, number][][] };
    properties: Record<string, unknown>;
  }[];
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
const finiteOrNull = (x: number, digits: number): number | null => (Number.isFinite(x) ? round(x, digits) : null);

function legView(l: FerryLeg, index: number, placed?: PlannedLeg): LegView {
  return {
    index,
    from: l.from,
    to: l.to,
    distanceM: l.distanceM,
    distanceKm: round(l.distanceM / 1000, 3),
    distanceNm: round(metersToNauticalMiles(l.distanceM), 1),
    initialTrackDeg: round(l.initialTrackDeg, 1),
    timeS: finiteOrNull(l.airTimeS, 0),
    rangeUsedFraction: finiteOrNull(l.rangeUsedFraction, 4),
    fuelRequiredFraction: finiteOrNull(l.fuelRequiredFraction, 4),
    alternate:
      l.alternate === null ? null : { icao: l.alternate.icao, distanceKm: round(l.alternate.distanceM / 1000, 1) },
    feasible: l.feasible,
    issues: l.issues.map((i) => ({ code: i.code, message: i.message })),
    ...(placed === undefined ? {} : { departureUtc: placed.departureUtc, arrivalUtc: placed.arrivalUtc }),
  };
}

function windFrom(w: FerryRequestJson['wind'], forcing: WindAloft | undefined): WindAloft {
  if (w === undefined || w.kind === 'none') return noWind();
  if (w.kind === 'forcing') {
    if (forcing === undefined)
      throw new TandemError('INVALID_INPUT', 'a forcing wind needs dataFileId', 'wind.dataFileId');
    return forcing;
  }
  if (w.fromDeg === undefined) throw new TandemError('INVALID_INPUT', 'a constant wind needs fromDeg', 'wind.fromDeg');
  if (w.speedKt === undefined) throw new TandemError('INVALID_INPUT', 'a constant wind needs speedKt', 'wind.speedKt');
  return constantWind(w.fromDeg, knotsToMetersPerSecond(w.speedKt));
}

function departureFrom(iso: string | undefined, nowUtc: number): number {
  if (iso === undefined) return Math.ceil(nowUtc / 3600) * 3600;
  const t = parseUtcTime(iso);
  if (Number.isNaN(t)) throw new TandemError('INVALID_INPUT', `not an ISO 8601 UTC time: "${iso}"`, 'departure');
  return t;
}

/** The nation flying the type: the request's operator, else the team that flies it, else the caller's nation. */
function operatorOf(req: FerryRequestJson, type: AircraftType, callerNation: 'KR' | 'JP'): 'KR' | 'JP' {
  if (req.operator !== undefined) return req.operator;
  const team = SEED_TEAMS.find((t) => [...t.display, ...t.support].some((c) => c.typeId === type.id));
  return team?.side ?? callerNation;
}

const COLORS = { feasible: '#1f6feb', infeasible: '#d1242f', direct: '#8c959f', ring: '#bf8700' } as const;

function mapOf(
  db: AirfieldDatabase,
  legs: readonly FerryLeg[],
  direct: FerryLeg,
  ringM: number,
): GeoJsonFeatureCollection {
  const features: GeoJsonFeatureCollection['features'][number][] = [];
  const pos = (icao: string): [number, number] => {
    const p = db.get(icao).position;
    return [p[0], p[1]];
  };
  const segments = (d: number): number => Math.max(2, Math.ceil(d / 50_000));
  if (legs.length > 1 || (legs[0] !== undefined && (legs[0].from !== direct.from || legs[0].to !== direct.to))) {
    features.push({
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: geodesicPath(pos(direct.from), pos(direct.to), segments(direct.distanceM)) as [number, number][],
      },
      properties: { role: 'direct', color: COLORS.direct, width: 2, dashed: true },
    });
  }
  const last = legs.at(-1);
  if (last !== undefined && ringM > 0) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [geodesicCircle(pos(last.from), ringM, 90) as [number, number][]] },
      properties: { role: 'range-ring', from: last.from, radiusM: ringM, color: COLORS.ring, width: 2, opacity: 0.06 },
    });
  }
  legs.forEach((l, i) => {
    features.push({
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: geodesicPath(pos(l.from), pos(l.to), segments(l.distanceM)) as [number, number][],
      },
      properties: {
        role: 'leg',
        index: i,
        from: l.from,
        to: l.to,
        feasible: l.feasible,
        color: l.feasible ? COLORS.feasible : COLORS.infeasible,
        width: 4,
      },
    });
  });
  const points = new Set<string>(legs.flatMap((l) => [l.from, l.to]));
  for (const l of legs) if (l.alternate !== null && !points.has(l.alternate.icao)) points.add(l.alternate.icao);
  const onRoute = new Set(legs.flatMap((l) => [l.from, l.to]));
  for (const icao of points) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: pos(icao) },
      properties: {
        role: onRoute.has(icao) ? 'stop' : 'alternate',
        icao,
        color: onRoute.has(icao) ? '#0a3069' : '#6e7781',
        radius: onRoute.has(icao) ? 6 : 4,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Plan a ferry flight for the JSON request over the caller's airfields and types; `nowUtc` only sets the default
 * departure; `forcing` is the opened wind of `wind.dataFileId` when the request asks for forcing winds.
 */
export function computeFerryPlan(
  req: FerryRequestJson,
  db: AirfieldDatabase,
  types: readonly AircraftType[],
  callerNation: 'KR' | 'JP',
  nowUtc: number,
  forcing?: WindAloft & { readonly stats?: { sampled: number; outside: number } },
): FerryPlanView {
  const type = types.find((x) => x.id.toUpperCase() === req.type.toUpperCase());
  if (type === undefined) {
    throw new TandemError(
      'NOT_FOUND',
      `unknown aircraft type "${req.type}" (known: ${types.map((x) => x.id).join(', ')})`,
      'type',
    );
  }
  const configuration = findConfiguration(type, req.configuration);
  const departureUtc = departureFrom(req.departure, nowUtc);
  const plan = planFerryRoute(db, {
    type,
    configurationId: configuration.id,
    originIcao: req.from.toUpperCase(),
    destinationIcao: req.to.toUpperCase(),
    ...(req.via === undefined ? {} : { requiredStops: req.via.map((s) => s.toUpperCase()) }),
    requiredStopsOrder: req.anyOrder === true ? 'best' : 'given',
    ...(req.stops === undefined ? {} : { optionalStops: req.stops.map((s) => s.toUpperCase()) }),
    ...(req.countries === undefined ? {} : { allowedCountries: req.countries.map((s) => s.toUpperCase()) }),
    wind: windFrom(req.wind, forcing),
    departureUtc,
  });
  const perf = flightPerformance(type, configuration);
  const ringM = stillAirReachM(perf, plan.legs.at(-1)?.alternate?.airTimeS ?? 0);
  const aircraft = req.aircraft ?? 1;
  const groups = splitIntoGroups(aircraft, req.perGroup ?? aircraft, req.daysBetweenGroups ?? 1);
  const schedule: ScheduledLegView[] = [];
  if (plan.feasible && plan.legs.every((l) => Number.isFinite(l.airTimeS))) {
    const days = scheduleByDays(plan.legs, {
      firstDepartureUtc: departureUtc,
      maxDutyS: hoursToSeconds(req.maxDutyH ?? 10),
      maxLegsPerDay: req.maxLegsPerDay ?? 3,
      turnaroundS: perf.turnaroundS,
    });
    for (const g of groups) {
      days.forEach((s, legIndex) => {
        const shift = g.startDay * 86_400;
        schedule.push({
          group: g.index,
          aircraftCount: g.aircraftCount,
          day: s.day + g.startDay,
          legIndex,
          from: s.leg.from,
          to: s.leg.to,
          departureUtc: s.departureUtc + shift,
          arrivalUtc: s.arrivalUtc + shift,
        });
      });
    }
  }
  const figure = (key: string, v: { value: number; kind: string; source: string }, unit: string, scale = 1) => ({
    key,
    value: round(v.value * scale, 3),
    unit,
    kind: v.kind,
    source: v.source,
  });
  return {
    typeId: type.id,
    typeName: type.name,
    configurationId: configuration.id,
    operator: operatorOf(req, type, callerNation),
    wind: plan.wind,
    departureUtc,
    feasible: plan.feasible,
    legs: plan.legs.map((l, i) => legView(l, i, l)),
    direct: legView(plan.direct, -1),
    totalDistanceKm: round(plan.totalDistanceM / 1000, 3),
    totalAirTimeS: Number.isFinite(plan.totalAirTimeS) ? Math.round(plan.totalAirTimeS) : 0,
    totalElapsedS: Number.isFinite(plan.totalElapsedS) ? Math.round(plan.totalElapsedS) : 0,
    figures: [
      figure('rangeKm', configuration.rangeM, 'km', 1 / 1000),
      figure('cruiseKt', type.cruiseTasMps, 'kt', metersPerSecondToKnots(1)),
      figure('contingency', type.reserve.contingencyFraction, '', 1),
      figure('finalReserveMin', type.reserve.finalReserveS, 'min', 1 / 60),
      figure('minRunwayM', type.minRunwayM, 'm', 1),
      figure('turnaroundMin', type.turnaroundS, 'min', 1 / 60),
    ],
    alternateRule: type.alternate,
    schedule,
    map: mapOf(db, plan.legs, plan.direct, ringM),
    rangeRingM: Math.round(ringM),
    ...(req.wind?.kind === 'forcing' && forcing?.stats !== undefined
      ? { windSamples: { sampled: forcing.stats.sampled, outside: forcing.stats.outside } }
      : {}),
  };
}

/**
 * Clearance warnings for every flight of the plan: each group's legs on their own days when the plan is scheduled
 * (a clearance valid for the first group may have lapsed for the last), else the legs' own times. A warning that
 * several groups share (same code, leg, country, kind and clearance) is given once, for the earliest flight.
 */
export function clearanceWarnings(
  plan: FerryPlanView,
  clearances: readonly Clearance[],
  db: AirfieldDatabase,
  asOfUtc: number,
  rules: readonly ClearanceLeadTimeRule[] = DEFAULT_LEAD_TIME_RULES,
): ClearanceWarning[] {
  const flights =
    plan.schedule.length > 0
      ? [...plan.schedule]
          .sort((a, b) => a.departureUtc - b.departureUtc)
          .map((s) => ({ fromIcao: s.from, toIcao: s.to, departureUtc: s.departureUtc, arrivalUtc: s.arrivalUtc }))
      : plan.legs
          .filter((l) => l.departureUtc !== undefined && l.arrivalUtc !== undefined)
          .map((l) => ({ fromIcao: l.from, toIcao: l.to, departureUtc: l.departureUtc!, arrivalUtc: l.arrivalUtc! }));
  const seen = new Set<string>();
  return checkClearances(flights, clearances, db, plan.operator, asOfUtc, rules).filter((w) => {
    const key = [w.code, w.fromIcao, w.toIcao, w.country, w.kind, w.clearanceId ?? ''].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The clearances each leg needs (core's rule: landing in a foreign state, overflight of others), for the form. */
export function neededClearances(
  plan: FerryPlanView,
  db: AirfieldDatabase,
): { legIndex: number; country: string; countryName: LocalizedText; kind: 'overflight' | 'landing' }[] {
  return plan.legs.flatMap((l, legIndex) =>
    requiredClearances({ fromIcao: l.from, toIcao: l.to, departureUtc: 0, arrivalUtc: 0 }, db, plan.operator).map(
      (n) => ({ legIndex, country: n.country, countryName: countryName(n.country), kind: n.kind }),
    ),
  );
}

export function supportWithoutLegalBasis(items: readonly SupportItem[]): string[] {
  return supportItemsWithoutLegalBasis(items).map((s) => s.id);
}
