/**
 * A small RFC 5545 reader: unfolds lines, splits name, parameters and value, unescapes TEXT, and nests
 * components. Enough to read back what writeIcs produces and what common calendar clients export.
 */
import { TandemError } from '@tandem/core';

export interface IcsProperty {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
  /** Raw value, still escaped. */
  readonly value: string;
}

export interface IcsComponent {
  readonly name: string;
  readonly properties: readonly IcsProperty[];
  readonly components: readonly IcsComponent[];
}

/** Most content lines accepted in one file (a bound on work for untrusted input). */
export const ICS_MAX_LINES = 200_000;

export function unescapeIcsText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Split a TEXT list value on unescaped commas and unescape each item. */
export function splitIcsTextList(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      cur += c + value[i + 1]!;
      i++;
    } else if (c === ',') {
      out.push(unescapeIcsText(cur));
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(unescapeIcsText(cur));
  return out;
}

/** Parse `YYYYMMDDTHHMMSSZ` to UTC epoch seconds; rejects local (floating) times. */
export function parseIcsUtc(value: string, field = 'time'): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m === null) throw new TandemError('UNSUPPORTED_FILE', `not a UTC date-time: "${value}"`, field);
  const [, y, mo, d, h, mi, s] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
}

function parseLine(line: string, lineNo: number): IcsProperty {
  let i = 0;
  let inQuote = false;
  let colon = -1;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuote = !inQuote;
    else if (c === ':' && !inQuote) {
      colon = i;
      break;
    }
  }
  if (colon < 0) throw new TandemError('UNSUPPORTED_FILE', `line ${lineNo}: no ":" in content line`, `line ${lineNo}`);
  const head = line.slice(0, colon);
  const parts: string[] = [];
  let cur = '';
  inQuote = false;
  for (const c of head) {
    if (c === '"') inQuote = !inQuote;
    if (c === ';' && !inQuote) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  const [name, ...rawParams] = parts;
  if (name === undefined || !/^[A-Za-z0-9-]+$/.test(name)) {
    throw new TandemError('UNSUPPORTED_FILE', `line ${lineNo}: bad property name`, `line ${lineNo}`);
  }
  const params: Record<string, string> = {};
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new TandemError('UNSUPPORTED_FILE', `line ${lineNo}: bad parameter "${p}"`, `line ${lineNo}`);
    params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"(.*)"$/, '$1');
  }
  return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

/** Parse an iCalendar stream into its top-level components (normally one VCALENDAR). */
export function parseIcs(text: string): IcsComponent[] {
  const physical = text.split(/\r\n|\n|\r/);
  const logical: { line: string; no: number }[] = [];
  physical.forEach((l, i) => {
    if ((l.startsWith(' ') || l.startsWith('\t')) && logical.length > 0) {
      logical[logical.length - 1]!.line += l.slice(1);
    } else if (l !== '') {
      if (logical.length >= ICS_MAX_LINES)
        throw new TandemError('FILE_TOO_LARGE', `more than ${ICS_MAX_LINES} lines`, 'ics');
      logical.push({ line: l, no: i + 1 });
    }
  });
  type Mutable = { name: string; properties: IcsProperty[]; components: Mutable[] };
  const roots: Mutable[] = [];
  const stack: Mutable[] = [];
  for (const { line, no } of logical) {
    const p = parseLine(line, no);
    if (p.name === 'BEGIN') {
      const c: Mutable = { name: p.value.toUpperCase(), properties: [], components: [] };
      (stack.length === 0 ? roots : stack[stack.length - 1]!.components).push(c);
      stack.push(c);
    } else if (p.name === 'END') {
      const top = stack.pop();
      if (top === undefined || top.name !== p.value.toUpperCase()) {
        throw new TandemError(
          'UNSUPPORTED_FILE',
          `line ${no}: END:${p.value} does not close ${top?.name ?? 'anything'}`,
          `line ${no}`,
        );
      }
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined)
        throw new TandemError('UNSUPPORTED_FILE', `line ${no}: property outside a component`, `line ${no}`);
      top.properties.push(p);
    }
  }
  if (stack.length > 0) {
    throw new TandemError('UNSUPPORTED_FILE', `unterminated ${stack[stack.length - 1]!.name} (truncated file?)`, 'ics');
  }
  return roots;
}

/** The first property named `name` of a component. */
export function icsProperty(c: IcsComponent, name: string): IcsProperty | undefined {
  return c.properties.find((p) => p.name === name.toUpperCase());
}
