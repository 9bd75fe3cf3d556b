import { localized } from './localized-text.ts';
import type { LocalizedText } from './localized-text.ts';

/** ISO 3166-1 alpha-2 country code, upper case (`KR`, `JP`, `SA`). */
export type CountryCode = string;

/** The two partner nations of the first Tandem pair. */
export type PartnerSide = 'KR' | 'JP';

export const PARTNER_SIDES: readonly PartnerSide[] = ['KR', 'JP'];

export const COUNTRY_NAMES: Readonly<Record<string, LocalizedText>> = {
  KR: localized('Republic of Korea', '대한민국', '大韓民国'),
  JP: localized('Japan', '일본', '日本'),
};

export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value);
}

export function countryName(code: CountryCode): LocalizedText {
  return COUNTRY_NAMES[code] ?? localized(code, code, code);
}
