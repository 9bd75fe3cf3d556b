import { TandemError } from '../errors/index.ts';
import { SECONDS_PER_DAY, formatUtcTime, parseUtcTime } from '../units/index.ts';
import type { Airfield, AirfieldDatabase } from './airfield.ts';
import type { CountryCode } from './country.ts';
import { localized } from './localized-text.ts';
import type { LocalizedText } from './localized-text.ts';

/** Diplomatic clearance kinds for state aircraft (Chicago Convention art. 3(c)): overflight or landing. */
export type ClearanceKind = 'overflight' | 'landing';

export type ClearanceStatus = 'draft' | 'requested' | 'approved' | 'denied' | 'withdrawn';

/** A clearance for one leg from one country. Dates are UTC epoch seconds. */
export interface Clearance {
  readonly id: string;
  readonly country: CountryCode;
  readonly kind: ClearanceKind;
  /** The leg it covers, by ICAO codes. */
  readonly fromIcao: string;
  readonly toIcao: string;
  readonly status: ClearanceStatus;
  readonly requestedUtc?: number;
  readonly approvedUtc?: number;
  /** The granting authority's reference (diplomatic clearance number). */
  readonly reference?: string;
  readonly validFromUtc?: number;
  readonly validToUtc?: number;
}

/** How far ahead of the flight a country wants the request, per kind; an input per country with its source. */
export interface ClearanceLeadTimeRule {
  readonly country: CountryCode;
  readonly kind: ClearanceKind;
  readonly leadTimeDays: number;
  readonly source: string;
}

/**
 * Default lead-time rules: planning inputs to replace with the figures in each state's AIP GEN 1.2 and the
 * diplomatic channel's current practice.
 */
export const DEFAULT_LEAD_TIME_RULES: readonly ClearanceLeadTimeRule[] = [
  {
    country: 'JP',
    kind: 'landing',
    leadTimeDays: 30,
    source: 'planning input: confirm with MOFA/JCAB (AIP Japan GEN 1.2)',
  },
  {
    country: 'JP',
    kind: 'overflight',
    leadTimeDays: 30,
    source: 'planning input: confirm with MOFA/JCAB (AIP Japan GEN 1.2)',
  },
  {
    country: 'KR',
    kind: 'landing',
    leadTimeDays: 30,
    source: 'planning input: confirm with MOFA/MOLIT (AIP Korea GEN 1.2)',
  },
  {
    country: 'KR',
    kind: 'overflight',
    leadTimeDays: 30,
    source: 'planning input: confirm with MOFA/MOLIT (AIP Korea GEN 1.2)',
  },
];

/** A leg needing clearances: which countries are landed in or overflown, and when. */
export interface ClearanceLeg {
  readonly fromIcao: string;
  readonly toIcao: string;
  readonly departureUtc: number;
  readonly arrivalUtc: number;
  /** Countries overflown between the two airfields (from the route's FIR crossings; an input). */
  readonly overflownCountries?: readonly CountryCode[];
}

export type ClearanceWarningCode =
  'MISSING' | 'NOT_APPROVED' | 'DENIED' | 'NOT_VALID_AT_FLIGHT_TIME' | 'REQUESTED_LATE' | 'REQUEST_DUE';

export interface ClearanceWarning {
  readonly code: ClearanceWarningCode;
  readonly fromIcao: string;
  readonly toIcao: string;
  readonly country: CountryCode;
  readonly kind: ClearanceKind;
  /** For REQUEST_DUE and REQUESTED_LATE: the last day to request under the lead-time rule. */
  readonly requestByUtc?: number;
  readonly clearanceId?: string;
  readonly message: LocalizedText;
}

/** The clearances a leg needs from a team of `operator`: landing in a foreign destination, overflights of foreign states. */
export function requiredClearances(
  leg: ClearanceLeg,
  db: AirfieldDatabase,
  operator: CountryCode,
): { country: CountryCode; kind: ClearanceKind }[] {
  const from: Airfield = db.get(leg.fromIcao, 'leg.fromIcao');
  const to: Airfield = db.get(leg.toIcao, 'leg.toIcao');
  const out: { country: CountryCode; kind: ClearanceKind }[] = [];
  if (to.country !== operator) out.push({ country: to.country, kind: 'landing' });
  const over = new Set<CountryCode>([from.country, to.country, ...(leg.overflownCountries ?? [])]);
  for (const c of over) {
    if (c === operator) continue;
    if (c === to.country) continue;
    out.push({ country: c, kind: 'overflight' });
  }
  return out;
}

const kindText = (k: ClearanceKind): LocalizedText =>
  k === 'landing' ? localized('landing', '착륙', '着陸') : localized('overflight', '영공통과', '上空通過');

const day = (t: number): string => formatUtcTime(t).slice(0, 10);

/**
 * Check every leg against the clearances on file. A warning is raised when a leg lacks an approved clearance
 * valid at its departure, when a request went in later than the country's lead time, and, for clearances not yet
 * requested, when the request is due (`asOfUtc` past the lead-time date) so the officer knows the last day.
 */
export function checkClearances(
  legs: readonly ClearanceLeg[],
  clearances: readonly Clearance[],
  db: AirfieldDatabase,
  operator: CountryCode,
  asOfUtc: number,
  rules: readonly ClearanceLeadTimeRule[] = DEFAULT_LEAD_TIME_RULES,
): ClearanceWarning[] {
  const warnings: ClearanceWarning[] = [];
  legs.forEach((leg, i) => {
    if (!(leg.arrivalUtc >= leg.departureUtc)) {
      throw new TandemError('INVALID_INPUT', 'arrival must not be before departure', `legs[${i}].arrivalUtc`);
    }
    for (const need of requiredClearances(leg, db, operator)) {
      const rule = rules.find((r) => r.country === need.country && r.kind === need.kind);
      const requestByUtc = rule === undefined ? undefined : leg.departureUtc - rule.leadTimeDays * SECONDS_PER_DAY;
      const base = { fromIcao: leg.fromIcao, toIcao: leg.toIcao, country: need.country, kind: need.kind };
      const what = `${need.country} ${kindText(need.kind).en} ${leg.fromIcao}–${leg.toIcao}`;
      const whatKo = `${need.country} ${kindText(need.kind).ko} ${leg.fromIcao}–${leg.toIcao}`;
      const whatJa = `${need.country} ${kindText(need.kind).ja} ${leg.fromIcao}–${leg.toIcao}`;
      const candidates = clearances.filter(
        (c) =>
          c.country === need.country && c.kind === need.kind && c.fromIcao === leg.fromIcao && c.toIcao === leg.toIcao,
      );
      const approved = candidates.find((c) => c.status === 'approved');
      if (approved !== undefined) {
        const validFrom = approved.validFromUtc ?? -Infinity;
        const validTo = approved.validToUtc ?? Infinity;
        if (leg.departureUtc < validFrom || leg.arrivalUtc > validTo) {
          warnings.push({
            ...base,
            code: 'NOT_VALID_AT_FLIGHT_TIME',
            clearanceId: approved.id,
            message: localized(
              `${what}: clearance ${approved.reference ?? approved.id} is not valid at the flight time`,
              `${whatKo}: 허가 ${approved.reference ?? approved.id}가 비행 시각에 유효하지 않습니다`,
              `${whatJa}: 許可 ${approved.reference ?? approved.id} は飛行時刻に有効ではありません`,
            ),
          });
        }
        if (requestByUtc !== undefined && approved.requestedUtc !== undefined && approved.requestedUtc > requestByUtc) {
          warnings.push({
            ...base,
            code: 'REQUESTED_LATE',
            requestByUtc,
            clearanceId: approved.id,
            message: localized(
              `${what}: requested after the ${rule?.leadTimeDays}-day lead time (due ${day(requestByUtc)})`,
              `${whatKo}: ${rule?.leadTimeDays}일 사전 신청 기한(${day(requestByUtc)}) 이후에 신청됨`,
              `${whatJa}: ${rule?.leadTimeDays}日前の申請期限（${day(requestByUtc)}）後に申請`,
            ),
          });
        }
        continue;
      }
      const denied = candidates.find((c) => c.status === 'denied');
      const pending = candidates.find((c) => c.status === 'requested');
      if (denied !== undefined && pending === undefined) {
        warnings.push({
          ...base,
          code: 'DENIED',
          clearanceId: denied.id,
          message: localized(`${what}: clearance denied`, `${whatKo}: 허가 거부됨`, `${whatJa}: 許可が拒否されました`),
        });
        continue;
      }
      if (pending !== undefined) {
        warnings.push({
          ...base,
          code: 'NOT_APPROVED',
          clearanceId: pending.id,
          message: localized(
            `${what}: requested, not yet approved`,
            `${whatKo}: 신청했으나 아직 승인되지 않음`,
            `${whatJa}: 申請済み、未承認`,
          ),
        });
        if (requestByUtc !== undefined && pending.requestedUtc !== undefined && pending.requestedUtc > requestByUtc) {
          warnings.push({
            ...base,
            code: 'REQUESTED_LATE',
            requestByUtc,
            clearanceId: pending.id,
            message: localized(
              `${what}: requested after the ${rule?.leadTimeDays}-day lead time (due ${day(requestByUtc)})`,
              `${whatKo}: ${rule?.leadTimeDays}일 사전 신청 기한(${day(requestByUtc)}) 이후에 신청됨`,
              `${whatJa}: ${rule?.leadTimeDays}日前の申請期限（${day(requestByUtc)}）後に申請`,
            ),
          });
        }
        continue;
      }
      warnings.push({
        ...base,
        code: 'MISSING',
        ...(requestByUtc === undefined ? {} : { requestByUtc }),
        message: localized(`${what}: no clearance on file`, `${whatKo}: 등록된 허가 없음`, `${whatJa}: 許可の登録なし`),
      });
      if (requestByUtc !== undefined && asOfUtc >= requestByUtc) {
        warnings.push({
          ...base,
          code: 'REQUEST_DUE',
          requestByUtc,
          message: localized(
            `${what}: the ${rule?.leadTimeDays}-day lead time has passed (request by ${day(requestByUtc)})`,
            `${whatKo}: ${rule?.leadTimeDays}일 사전 신청 기한이 지났습니다(${day(requestByUtc)}까지 신청)`,
            `${whatJa}: ${rule?.leadTimeDays}日前の申請期限を過ぎています（${day(requestByUtc)}まで）`,
          ),
        });
      }
    }
  });
  return warnings;
}

const KINDS: readonly ClearanceKind[] = ['overflight', 'landing'];
const STATUSES: readonly ClearanceStatus[] = ['draft', 'requested', 'approved', 'denied', 'withdrawn'];

/**
 * A clearance from its JSON form (times as ISO 8601 UTC strings, airfields as ICAO codes), validated field by
 * field; throws INVALID_INPUT naming the field (`clearances[2].validTo`).
 */
export function clearanceFromJson(value: unknown, field = 'clearance'): Clearance {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TandemError('INVALID_INPUT', 'must be an object', field);
  }
  const o = value as Record<string, unknown>;
  const str = (k: string, required: boolean): string | undefined => {
    const v = o[k];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v.trim() === '' || v.length > 200) {
      throw new TandemError('INVALID_INPUT', 'must be a non-empty string of at most 200 characters', `${field}.${k}`);
    }
    return v.trim();
  };
  const time = (k: string): number | undefined => {
    const v = str(k, false);
    if (v === undefined) return undefined;
    const t = parseUtcTime(v);
    if (Number.isNaN(t)) throw new TandemError('INVALID_INPUT', `not an ISO 8601 UTC time: "${v}"`, `${field}.${k}`);
    return t;
  };
  const icao = (k: string): string => {
    const v = str(k, true)!.toUpperCase();
    if (!/^[A-Z]{4}$/.test(v)) throw new TandemError('INVALID_INPUT', 'must be an ICAO code', `${field}.${k}`);
    return v;
  };
  const country = str('country', true)!.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    throw new TandemError('INVALID_INPUT', 'must be an ISO 3166-1 alpha-2 code', `${field}.country`);
  }
  const kind = str('kind', true) as ClearanceKind;
  if (!KINDS.includes(kind))
    throw new TandemError('INVALID_INPUT', `must be one of ${KINDS.join(', ')}`, `${field}.kind`);
  const status = str('status', true) as ClearanceStatus;
  if (!STATUSES.includes(status)) {
    throw new TandemError('INVALID_INPUT', `must be one of ${STATUSES.join(', ')}`, `${field}.status`);
  }
  const requestedUtc = time('requested');
  const approvedUtc = time('approved');
  const validFromUtc = time('validFrom');
  const validToUtc = time('validTo');
  const reference = str('reference', false);
  if (validFromUtc !== undefined && validToUtc !== undefined && validToUtc < validFromUtc) {
    throw new TandemError('INVALID_INPUT', 'validity ends before it starts', `${field}.validTo`);
  }
  return {
    id: str('id', true)!,
    country,
    kind,
    fromIcao: icao('from'),
    toIcao: icao('to'),
    status,
    ...(requestedUtc === undefined ? {} : { requestedUtc }),
    ...(approvedUtc === undefined ? {} : { approvedUtc }),
    ...(reference === undefined ? {} : { reference }),
    ...(validFromUtc === undefined ? {} : { validFromUtc }),
    ...(validToUtc === undefined ? {} : { validToUtc }),
  };
}
