import { TandemError } from '../errors/index.ts';
import type { CountryCode } from './country.ts';
import type { LocalizedText } from './localized-text.ts';

/** The legal instrument under which a host provides support (for example fuel under a host-nation provision). */
export interface LegalBasis {
  readonly instrument: LocalizedText;
  /** Article or paragraph. */
  readonly provision?: string;
  /** Document reference or URL. */
  readonly reference?: string;
}

export type SupportKind = 'fuel' | 'ground-handling' | 'lodging' | 'transport' | 'maintenance' | 'medical' | 'other';

/** One item of support at a stop, with who provides it and on what legal basis. */
export interface SupportItem {
  readonly id: string;
  readonly kind: SupportKind;
  readonly airfieldIcao: string;
  readonly providedBy: CountryCode;
  readonly description: LocalizedText;
  /** Quantity in SI or a count, with the unit in `unit` (e.g. `kg` of fuel, `person-nights`). */
  readonly quantity?: number;
  readonly unit?: string;
  readonly reimbursable: boolean;
  readonly legalBasis?: LegalBasis;
}

/** Support items that lack a legal basis (each must have one before the stopover is confirmed). */
export function supportItemsWithoutLegalBasis(items: readonly SupportItem[]): SupportItem[] {
  return items.filter((s) => s.legalBasis === undefined || s.legalBasis.instrument.en.trim() === '');
}

export function validateSupportItem(s: SupportItem, field = 'supportItem'): SupportItem {
  if (s.id.trim() === '') throw new TandemError('INVALID_INPUT', 'id is required', `${field}.id`);
  if (!/^[A-Z]{4}$/.test(s.airfieldIcao)) {
    throw new TandemError('INVALID_INPUT', 'airfield must be an ICAO code', `${field}.airfieldIcao`);
  }
  if (s.quantity !== undefined && !(Number.isFinite(s.quantity) && s.quantity >= 0)) {
    throw new TandemError('OUT_OF_RANGE', 'quantity must be a non-negative number', `${field}.quantity`);
  }
  return s;
}
