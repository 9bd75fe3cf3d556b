/**
 * iCalendar (RFC 5545) writer for the shared exchange calendar: CRLF line ends, lines folded at 75 octets without
 * splitting a UTF-8 character (§3.1), TEXT values escaped (§3.3.11), all times in UTC with the Z form (§3.3.5),
 * and a globally unique UID per event (§3.8.4.7).
 */
import { TandemError } from '@tandem/core';

export type IcsStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';

/** One VEVENT. Times are UTC epoch seconds. */
export interface IcsEvent {
  /** Globally unique and stable across exports (RFC 5545 §3.8.4.7), e.g. `ev-naha-2026@tandem`. */
  readonly uid: string;
  readonly startUtc: number;
  readonly endUtc: number;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  readonly status?: IcsStatus;
  /** Revision number, incremented at each significant change (§3.8.7.4). */
  readonly sequence?: number;
  readonly categories?: readonly string[];
  /** Latitude and longitude, degrees (§3.8.1.6 orders them lat;lon). */
  readonly geo?: { readonly latDeg: number; readonly lonDeg: number };
  /** UIDs of related events, e.g. the event that replaced a postponed one (§3.8.4.5). */
  readonly relatedTo?: readonly string[];
  readonly lastModifiedUtc?: number;
}

export interface IcsCalendar {
  readonly prodId: string;
  readonly name?: string;
  /** RFC 5646 language tag of the TEXT values (`en`, `ko`, `ja`). */
  readonly language?: string;
  /** Creation time of this export, UTC epoch seconds (DTSTAMP of every event). */
  readonly dtstampUtc: number;
  readonly events: readonly IcsEvent[];
}

/** Largest number of octets on one line, excluding the CRLF (RFC 5545 §3.1). */
export const ICS_MAX_LINE_OCTETS = 75;

/** `YYYYMMDDTHHMMSSZ` for a UTC epoch second count. */
export function formatIcsUtc(epochS: number, field = 'time'): string {
  if (!Number.isFinite(epochS)) throw new TandemError('INVALID_INPUT', 'time must be finite', field);
  const d = new Date(Math.round(epochS) * 1000);
  if (Number.isNaN(d.getTime())) throw new TandemError('OUT_OF_RANGE', 'time out of range', field);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return (
    `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}` +
    `T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`
  );
}

/** Escape a TEXT value: backslash, semicolon, comma and newlines (§3.3.11). */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Fold one content line into physical lines of at most 75 octets: each continuation starts with a space, which
 * counts toward its 75. Breaks fall between characters, never inside a UTF-8 sequence or a surrogate pair.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > ICS_MAX_LINE_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n');
}

function checkNoControl(value: string, field: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) {
    throw new TandemError('INVALID_INPUT', 'control characters are not allowed in calendar text', field);
  }
}

function textProp(name: string, value: string, language: string | undefined, field: string): string {
  checkNoControl(value, field);
  const param = language === undefined ? '' : `;LANGUAGE=${language}`;
  return `${name}${param}:${escapeIcsText(value)}`;
}

/** Serialize a calendar as an RFC 5545 iCalendar object. */
export function writeIcs(cal: IcsCalendar): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeIcsText(cal.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (cal.name !== undefined) lines.push(textProp('X-WR-CALNAME', cal.name, cal.language, 'name'));
  const dtstamp = formatIcsUtc(cal.dtstampUtc, 'dtstampUtc');
  const seen = new Set<string>();
  cal.events.forEach((e, i) => {
    const f = `events[${i}]`;
    if (!/^[\x21-\x7e]+$/.test(e.uid)) {
      throw new TandemError('INVALID_INPUT', 'UID must be printable ASCII without spaces', `${f}.uid`);
    }
    if (seen.has(e.uid)) throw new TandemError('CONFLICT', `duplicate UID ${e.uid}`, `${f}.uid`);
    seen.add(e.uid);
    if (!(e.endUtc >= e.startUtc))
      throw new TandemError('INVALID_INPUT', 'end must not be before start', `${f}.endUtc`);
    lines.push('BEGIN:VEVENT');
    lines.push(`UID:${e.uid}`);
    lines.push(`DTSTAMP:${dtstamp}`);
    lines.push(`DTSTART:${formatIcsUtc(e.startUtc, `${f}.startUtc`)}`);
    lines.push(`DTEND:${formatIcsUtc(e.endUtc, `${f}.endUtc`)}`);
    lines.push(textProp('SUMMARY', e.summary, cal.language, `${f}.summary`));
    if (e.description !== undefined)
      lines.push(textProp('DESCRIPTION', e.description, cal.language, `${f}.description`));
    if (e.location !== undefined) lines.push(textProp('LOCATION', e.location, cal.language, `${f}.location`));
    if (e.geo !== undefined) {
      const { latDeg, lonDeg } = e.geo;
      if (!(Math.abs(latDeg) <= 90 && Math.abs(lonDeg) <= 180)) {
        throw new TandemError('OUT_OF_RANGE', 'latitude/longitude out of range', `${f}.geo`);
      }
      lines.push(`GEO:${latDeg.toFixed(6)};${lonDeg.toFixed(6)}`);
    }
    if (e.status !== undefined) lines.push(`STATUS:${e.status}`);
    if (e.sequence !== undefined) {
      if (!Number.isInteger(e.sequence) || e.sequence < 0) {
        throw new TandemError('INVALID_INPUT', 'sequence must be a non-negative integer', `${f}.sequence`);
      }
      lines.push(`SEQUENCE:${e.sequence}`);
    }
    if (e.categories !== undefined && e.categories.length > 0) {
      e.categories.forEach((c, j) => checkNoControl(c, `${f}.categories[${j}]`));
      lines.push(`CATEGORIES:${e.categories.map(escapeIcsText).join(',')}`);
    }
    for (const r of e.relatedTo ?? []) lines.push(`RELATED-TO:${escapeIcsText(r)}`);
    if (e.lastModifiedUtc !== undefined)
      lines.push(`LAST-MODIFIED:${formatIcsUtc(e.lastModifiedUtc, `${f}.lastModifiedUtc`)}`);
    lines.push('END:VEVENT');
  });
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
