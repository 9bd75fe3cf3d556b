/** A user-facing text in the three languages of the drill (English, Korean, Japanese). */
export interface DrillText {
  readonly en: string;
  readonly ko: string;
  readonly ja: string;
}

export type DrillLanguage = keyof DrillText;

export const DRILL_LANGUAGES: readonly DrillLanguage[] = ['en', 'ko', 'ja'];

/** Build a localized text. */
export function text(en: string, ko: string, ja: string): DrillText {
  return { en, ko, ja };
}

/** Replace `{name}` placeholders in every language with the given values. */
export function fillText(t: DrillText, values: Readonly<Record<string, string | number>>): DrillText {
  const f = (s: string): string => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
  return { en: f(t.en), ko: f(t.ko), ja: f(t.ja) };
}
