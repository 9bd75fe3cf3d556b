/**
 * Branded SI quantities. SI inside the engine; knots, nautical miles, feet and hours only at the edges,
 * converted by the named functions below. This is the only file where 1852, 3600 or 0.3048 appear.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Meters = Brand<number, 'Meters'>;
export type Seconds = Brand<number, 'Seconds'>;
export type MetersPerSecond = Brand<number, 'MetersPerSecond'>;
/** Bearing in degrees true, clockwise from north, [0, 360). */
export type DegreesTrue = Brand<number, 'DegreesTrue'>;
export type Radians = Brand<number, 'Radians'>;
/** A probability in [0, 1]. */
export type Probability = Brand<number, 'Probability'>;
/** Seconds since 1970-01-01T00:00:00Z (UTC, no leap seconds), the engine's time axis. */
export type EpochSeconds = Brand<number, 'EpochSeconds'>;

export const meters = (v: number): Meters => v as Meters;
export const seconds = (v: number): Seconds => v as Seconds;
export const metersPerSecond = (v: number): MetersPerSecond => v as MetersPerSecond;
export const degreesTrue = (v: number): DegreesTrue => (((v % 360) + 360) % 360) as DegreesTrue;
export const probability = (v: number): Probability => v as Probability;
export const epochSeconds = (v: number): EpochSeconds => v as EpochSeconds;

/** International nautical mile (exact, by definition, 1929). */
export const METERS_PER_NAUTICAL_MILE = 1852;
/** International foot (exact, 1959). */
export const METERS_PER_FOOT = 0.3048;
export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_DAY = 86400;
/** One knot = 1852 m per 3600 s. */
export const METERS_PER_SECOND_PER_KNOT = METERS_PER_NAUTICAL_MILE / SECONDS_PER_HOUR;

export const nauticalMilesToMeters = (nm: number): Meters => (nm * METERS_PER_NAUTICAL_MILE) as Meters;
export const metersToNauticalMiles = (m: number): number => m / METERS_PER_NAUTICAL_MILE;
export const knotsToMetersPerSecond = (kt: number): MetersPerSecond =>
  (kt * METERS_PER_SECOND_PER_KNOT) as MetersPerSecond;
export const metersPerSecondToKnots = (mps: number): number => mps / METERS_PER_SECOND_PER_KNOT;
export const feetToMeters = (ft: number): Meters => (ft * METERS_PER_FOOT) as Meters;
export const metersToFeet = (m: number): number => m / METERS_PER_FOOT;
export const hoursToSeconds = (h: number): Seconds => (h * SECONDS_PER_HOUR) as Seconds;
export const secondsToHours = (s: number): number => s / SECONDS_PER_HOUR;
export const minutesToSeconds = (min: number): Seconds => (min * SECONDS_PER_MINUTE) as Seconds;
/** cm/s (the Leeway tables' unit) to m/s. */
export const centimetersPerSecondToMetersPerSecond = (cms: number): MetersPerSecond => (cms / 100) as MetersPerSecond;
export const degreesToRadians = (deg: number): Radians => ((deg * Math.PI) / 180) as Radians;
export const radiansToDegrees = (rad: number): number => (rad * 180) / Math.PI;

/** Parse an ISO-8601 UTC time ("2016-02-01T12:00:00Z"); returns NaN when it is not a valid UTC time. */
export function parseUtcTime(iso: string): EpochSeconds {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]00:?00)$/.test(iso)) return NaN as EpochSeconds;
  const ms = Date.parse(iso);
  return (Number.isFinite(ms) ? ms / 1000 : NaN) as EpochSeconds;
}

/** Format epoch seconds as ISO-8601 UTC with a Z suffix, no milliseconds when whole. */
export function formatUtcTime(t: EpochSeconds | number): string {
  const iso = new Date(t * 1000).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}
