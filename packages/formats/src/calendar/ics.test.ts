import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  cancelEvent,
  confirmEvent,
  localized,
  parseUtcTime,
  postponeEvent,
  proposeEvent,
  seedAirfieldDatabase,
} from '@tandem/core';
import { ICS_MAX_LINE_OCTETS, escapeIcsText, foldIcsLine, formatIcsUtc, writeIcs } from './ics-writer.ts';
import type { IcsEvent } from './ics-writer.ts';
import { icsProperty, parseIcs, parseIcsUtc, splitIcsTextList, unescapeIcsText } from './ics-parser.ts';
import { exchangeCalendarIcs, exchangeEventUid } from './exchange-event-ics.ts';

const start = parseUtcTime('2026-01-28T03:00:00Z');

function lineChecks(ics: string): void {
  assert.ok(ics.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(ics), 'every line ends in CRLF');
  const physical = ics.slice(0, -2).split('\r\n');
  for (const l of physical) {
    const bytes = Buffer.from(l, 'utf8');
    assert.ok(bytes.length <= ICS_MAX_LINE_OCTETS, `line of ${bytes.length} octets: ${l}`);
    assert.equal(bytes.toString('utf8'), l, 'no split UTF-8 sequence');
    assert.ok(!l.includes('\uFFFD'));
  }
}

test('UTC times, escaping and folding follow RFC 5545', () => {
  assert.equal(formatIcsUtc(start), '20260128T030000Z');
  assert.equal(parseIcsUtc('20260128T030000Z'), start);
  assert.throws(() => parseIcsUtc('20260128T030000'), { code: 'UNSUPPORTED_FILE' });
  assert.equal(escapeIcsText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
  assert.equal(unescapeIcsText('a\\,b\\;c\\\\d\\ne'), 'a,b;c\\d\ne');
  assert.deepEqual(splitIcsTextList('a\\,b,c'), ['a,b', 'c']);
  const ascii = 'DESCRIPTION:' + 'x'.repeat(200);
  const folded = foldIcsLine(ascii).split('\r\n');
  assert.equal(folded[0]!.length, 75);
  assert.ok(folded.slice(1).every((l) => l.startsWith(' ') && l.length <= 75));
  assert.equal(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join(''), ascii);
  const korean = 'SUMMARY:' + '블랙이글스와 블루임펄스의 교류'.repeat(6);
  for (const l of foldIcsLine(korean).split('\r\n')) assert.ok(Buffer.byteLength(l) <= 75);
});

test('property: any text survives escape, fold, write and parse', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.string({ unit: 'grapheme-ascii', maxLength: 80 }),
      (s, loc) => {
        // eslint-disable-next-line no-control-regex
        const clean = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\r\n?/g, '\n');
        // eslint-disable-next-line no-control-regex
        const cleanLoc = loc.replace(/[\u0000-\u001f\u007f]/g, '');
        const ev: IcsEvent = { uid: 'x@t', startUtc: start, endUtc: start + 60, summary: clean, location: cleanLoc };
        const ics = writeIcs({ prodId: '-//t//t//EN', dtstampUtc: start, events: [ev] });
        lineChecks(ics);
        const vevent = parseIcs(ics)[0]!.components[0]!;
        return (
          unescapeIcsText(icsProperty(vevent, 'SUMMARY')!.value) === clean &&
          unescapeIcsText(icsProperty(vevent, 'LOCATION')!.value) === cleanLoc
        );
      },
    ),
    { numRuns: 200 },
  );
});

test('the exchange calendar round-trips with UIDs, statuses, locations and links in each language', () => {
  const db = seedAirfieldDatabase();
  const ev = proposeEvent({
    id: 'ev-naha-2025-11',
    kind: 'joint-display',
    title: localized(
      'Black Eagles stopover, Naha; exchange with Blue Impulse',
      '블랙이글스 나하 경유, 블루임펄스와 교류',
      'ブラックイーグルス那覇立ち寄り・ブルーインパルスとの交流',
    ),
    description: localized(
      'Refuelling stop on the way to Riyadh.\nBriefings: maintenance, safety',
      '리야드행 급유 경유.\n브리핑: 정비, 안전',
      'リヤドへの給油立ち寄り。\nブリーフィング：整備、安全',
    ),
    airfieldIcao: 'ROAH',
    startUtc: start - 60 * 86400,
    endUtc: start - 60 * 86400 + 7200,
  });
  const { original, replacement } = postponeEvent(
    confirmEvent(confirmEvent(ev, 'KR', 'a', 0), 'JP', 'b', 1),
    'Cancelled at short notice; rescheduled',
    'a',
    2,
    { id: 'ev-naha-2026-01', startUtc: start, endUtc: start + 7200 },
  );
  const jpOnly = confirmEvent(replacement, 'JP', 'b', 3);
  const cancelled = cancelEvent(proposeEvent({ ...ev, id: 'ev-x' }), 'weather; typhoon', 'a', 4);
  for (const locale of ['en', 'ko', 'ja'] as const) {
    const ics = exchangeCalendarIcs([original, jpOnly, cancelled], { locale, dtstampUtc: start, airfields: db });
    lineChecks(ics);
    const [cal] = parseIcs(ics);
    assert.equal(cal!.name, 'VCALENDAR');
    assert.equal(icsProperty(cal!, 'VERSION')!.value, '2.0');
    const events = cal!.components.filter((c) => c.name === 'VEVENT');
    assert.equal(events.length, 3);
    const [a, b, c] = events;
    assert.equal(icsProperty(a!, 'UID')!.value, exchangeEventUid('ev-naha-2025-11'));
    assert.equal(icsProperty(a!, 'STATUS')!.value, 'CANCELLED');
    assert.equal(icsProperty(a!, 'RELATED-TO')!.value, exchangeEventUid('ev-naha-2026-01'));
    assert.equal(unescapeIcsText(icsProperty(a!, 'SUMMARY')!.value), ev.title[locale]);
    assert.equal(icsProperty(a!, 'SUMMARY')!.params['LANGUAGE'], locale);
    assert.ok(unescapeIcsText(icsProperty(a!, 'DESCRIPTION')!.value).startsWith(ev.description![locale]));
    assert.ok(
      unescapeIcsText(icsProperty(a!, 'DESCRIPTION')!.value).includes('Cancelled at short notice; rescheduled'),
    );
    assert.equal(unescapeIcsText(icsProperty(a!, 'LOCATION')!.value), `${db.get('ROAH').name[locale]} (ROAH)`);
    assert.equal(icsProperty(a!, 'GEO')!.value, '26.195800;127.645900');
    assert.equal(parseIcsUtc(icsProperty(b!, 'DTSTART')!.value), start);
    assert.equal(parseIcsUtc(icsProperty(b!, 'DTEND')!.value), start + 7200);
    assert.equal(icsProperty(b!, 'STATUS')!.value, 'TENTATIVE');
    assert.ok(unescapeIcsText(icsProperty(b!, 'DESCRIPTION')!.value).endsWith('KR'), 'awaiting Korean confirmation');
    assert.equal(icsProperty(c!, 'STATUS')!.value, 'CANCELLED');
    assert.equal(icsProperty(a!, 'DTSTAMP')!.value, '20260128T030000Z');
  }
});

test('bad input: duplicate UIDs, control characters, truncated files', () => {
  const e: IcsEvent = { uid: 'a@t', startUtc: 0, endUtc: 60, summary: 's' };
  assert.throws(() => writeIcs({ prodId: 'p', dtstampUtc: 0, events: [e, e] }), { code: 'CONFLICT' });
  assert.throws(() => writeIcs({ prodId: 'p', dtstampUtc: 0, events: [{ ...e, summary: 'bell\u0007' }] }), {
    code: 'INVALID_INPUT',
    field: 'events[0].summary',
  });
  assert.throws(() => writeIcs({ prodId: 'p', dtstampUtc: 0, events: [{ ...e, uid: 'has space' }] }), {
    field: 'events[0].uid',
  });
  const ics = writeIcs({ prodId: 'p', dtstampUtc: 0, events: [e] });
  assert.throws(() => parseIcs(ics.slice(0, ics.indexOf('END:VEVENT'))), { code: 'UNSUPPORTED_FILE' });
  assert.throws(() => parseIcs('BEGIN:VCALENDAR\r\nnonsense\r\nEND:VCALENDAR\r\n'), { code: 'UNSUPPORTED_FILE' });
});
