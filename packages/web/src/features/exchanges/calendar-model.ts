/** The month grid of the shared exchange calendar, in UTC (exchange times are UTC throughout Tandem). */

/** First day of the month `YYYY-MM` (UTC), or of the month of `nowMs` when absent or malformed. */
export function monthStart(ym: string | undefined, nowMs: number): Date {
  const m = ym === undefined ? null : /^(\d{4})-(\d{2})$/.exec(ym);
  if (m === null || Number(m[2]) < 1 || Number(m[2]) > 12) {
    const now = new Date(nowMs);
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  }
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

/** `YYYY-MM` of a date (UTC). */
export function monthKey(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month shifted by `delta` months. */
export function addMonths(d: Date, delta: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + delta, 1));
}

/** Weeks (Monday first) of day numbers, null outside the month. */
export function monthWeeks(start: Date): (number | null)[][] {
  const days = Math.round((addMonths(start, 1).getTime() - start.getTime()) / 86_400_000);
  const lead = (start.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** Whether an event [startUtc, endUtc] (epoch s) touches day `day` of the month starting at `start`. */
export function onDay(start: Date, day: number, startUtc: number, endUtc: number): boolean {
  const dayStart = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), day) / 1000;
  return startUtc < dayStart + 86_400 && endUtc >= dayStart;
}
