import { TandemError } from '../errors/index.ts';
import { SECONDS_PER_DAY } from '../units/index.ts';
import type { FerryLeg } from './ferry-leg.ts';

/** A leg placed on a day of the ferry, UTC epoch seconds. `day` counts from 0. */
export interface ScheduledLeg {
  readonly leg: FerryLeg;
  readonly day: number;
  readonly departureUtc: number;
  readonly arrivalUtc: number;
}

export interface DayRule {
  /** First departure of each flying day, UTC epoch seconds of day 0. */
  readonly firstDepartureUtc: number;
  /** Longest crew duty (first departure to last arrival) in a day, seconds. */
  readonly maxDutyS: number;
  /** Most legs in a day. */
  readonly maxLegsPerDay: number;
  /** Ground time between legs on the same day, seconds. */
  readonly turnaroundS: number;
}

/**
 * Split a route into flying days: legs follow each other with the turnaround between them until the next leg
 * would break the duty limit or the legs-per-day limit; it then departs at the same clock time on the next day.
 * A single leg longer than the duty limit is an error (no day can hold it).
 */
export function scheduleByDays(legs: readonly FerryLeg[], rule: DayRule): ScheduledLeg[] {
  if (!(rule.maxDutyS > 0)) throw new TandemError('OUT_OF_RANGE', 'must be positive', 'maxDutyS');
  if (!(rule.maxLegsPerDay >= 1)) throw new TandemError('OUT_OF_RANGE', 'must be at least 1', 'maxLegsPerDay');
  const out: ScheduledLeg[] = [];
  let day = 0;
  let dayStart = rule.firstDepartureUtc;
  let t = dayStart;
  let legsToday = 0;
  legs.forEach((leg, i) => {
    if (!(leg.airTimeS <= rule.maxDutyS)) {
      throw new TandemError('OUT_OF_RANGE', `leg ${leg.from}–${leg.to} is longer than the duty limit`, `legs[${i}]`);
    }
    let departure = legsToday === 0 ? t : t + rule.turnaroundS;
    if (legsToday > 0 && (legsToday >= rule.maxLegsPerDay || departure + leg.airTimeS - dayStart > rule.maxDutyS)) {
      day += 1;
      dayStart = rule.firstDepartureUtc + day * SECONDS_PER_DAY;
      departure = dayStart;
      legsToday = 0;
    }
    out.push({ leg, day, departureUtc: departure, arrivalUtc: departure + leg.airTimeS });
    t = departure + leg.airTimeS;
    legsToday += 1;
  });
  return out;
}

/** A flight group: some aircraft of the deployment that fly the route together, starting on `startDay`. */
export interface FlightGroup {
  readonly index: number;
  readonly aircraftCount: number;
  readonly startDay: number;
}

/**
 * Split `aircraftCount` aircraft into groups of at most `maxPerGroup` (apron space or tanker/escort limits at a
 * stop), as even as possible, each group starting `daysBetweenGroups` after the previous one.
 */
export function splitIntoGroups(aircraftCount: number, maxPerGroup: number, daysBetweenGroups: number): FlightGroup[] {
  if (!Number.isInteger(aircraftCount) || aircraftCount < 1) {
    throw new TandemError('OUT_OF_RANGE', 'must be a positive integer', 'aircraftCount');
  }
  if (!Number.isInteger(maxPerGroup) || maxPerGroup < 1) {
    throw new TandemError('OUT_OF_RANGE', 'must be a positive integer', 'maxPerGroup');
  }
  if (!Number.isInteger(daysBetweenGroups) || daysBetweenGroups < 0) {
    throw new TandemError('OUT_OF_RANGE', 'must be a non-negative integer', 'daysBetweenGroups');
  }
  const n = Math.ceil(aircraftCount / maxPerGroup);
  const base = Math.floor(aircraftCount / n);
  const extra = aircraftCount % n;
  return Array.from({ length: n }, (_, i) => ({
    index: i,
    aircraftCount: base + (i < extra ? 1 : 0),
    startDay: i * daysBetweenGroups,
  }));
}
