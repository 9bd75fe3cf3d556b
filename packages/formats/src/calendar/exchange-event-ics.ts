import type { AirfieldDatabase, ExchangeEvent, Locale } from '@tandem/core';
import { localized } from '@tandem/core';
import type { IcsEvent, IcsStatus } from './ics-writer.ts';
import { writeIcs } from './ics-writer.ts';

/** Domain part of exchange-event UIDs: `<event id>@exchanges.tandem`. */
export const EXCHANGE_UID_DOMAIN = 'exchanges.tandem';

export function exchangeEventUid(eventId: string): string {
  return `${eventId}@${EXCHANGE_UID_DOMAIN}`;
}

const STATUS: Readonly<Record<ExchangeEvent['status'], IcsStatus>> = {
  proposed: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  held: 'CONFIRMED',
  postponed: 'CANCELLED',
  cancelled: 'CANCELLED',
};

const REASON = localized('Reason', '사유', '理由');
const REPLACED_BY = localized('Replaced by', '대체 일정', '代替日程');
const AWAITING = localized('Awaiting confirmation by', '확인 대기', '確認待ち');

/** An exchange event as a calendar entry in one language. */
export function exchangeEventToIcs(e: ExchangeEvent, locale: Locale, airfields?: AirfieldDatabase): IcsEvent {
  const lines: string[] = [];
  if (e.description !== undefined) lines.push(e.description[locale]);
  if (e.status === 'proposed') {
    const missing = (['KR', 'JP'] as const).filter((s) => e.confirmations[s] === undefined);
    lines.push(`${AWAITING[locale]}: ${missing.join(', ')}`);
  }
  if (e.reason !== undefined) lines.push(`${REASON[locale]}: ${e.reason}`);
  if (e.replacedById !== undefined) lines.push(`${REPLACED_BY[locale]}: ${e.replacedById}`);
  const airfield = e.airfieldIcao === undefined ? undefined : airfields?.find(e.airfieldIcao);
  const related = [e.replacedById, e.replacesId].filter((x): x is string => x !== undefined).map(exchangeEventUid);
  const last = e.history.at(-1);
  return {
    uid: exchangeEventUid(e.id),
    startUtc: e.startUtc,
    endUtc: e.endUtc,
    summary: e.title[locale],
    ...(lines.length === 0 ? {} : { description: lines.join('\n') }),
    ...(e.airfieldIcao === undefined
      ? {}
      : { location: airfield === undefined ? e.airfieldIcao : `${airfield.name[locale]} (${airfield.icao})` }),
    ...(airfield === undefined ? {} : { geo: { latDeg: airfield.position[1], lonDeg: airfield.position[0] } }),
    status: STATUS[e.status],
    sequence: e.history.length + Object.keys(e.confirmations).length,
    categories: [e.kind],
    ...(related.length === 0 ? {} : { relatedTo: related }),
    ...(last === undefined ? {} : { lastModifiedUtc: last.atUtc }),
  };
}

/** The shared exchange calendar as an .ics file in one language. */
export function exchangeCalendarIcs(
  events: readonly ExchangeEvent[],
  options: { locale: Locale; dtstampUtc: number; airfields?: AirfieldDatabase },
): string {
  const name = localized('Tandem exchange calendar', 'Tandem 교류 일정', 'Tandem 交流カレンダー');
  return writeIcs({
    prodId: '-//Tandem//Exchange calendar//EN',
    name: name[options.locale],
    language: options.locale,
    dtstampUtc: options.dtstampUtc,
    events: events.map((e) => exchangeEventToIcs(e, options.locale, options.airfields)),
  });
}
