/**
 * User-facing text in the three working languages of Tandem. Every name and message shown to a person carries all
 * three; code never builds a sentence from one language's fragments.
 */
export interface LocalizedText {
  readonly en: string;
  readonly ko: string;
  readonly ja: string;
}

export type Locale = keyof LocalizedText;

export const LOCALES: readonly Locale[] = ['en', 'ko', 'ja'];

export function isLocale(value: string): value is Locale {
  return value === 'en' || value === 'ko' || value === 'ja';
}

/** Build a localized text; each language is required so a missing translation is a compile error. */
export function localized(en: string, ko: string, ja: string): LocalizedText {
  return { en, ko, ja };
}
