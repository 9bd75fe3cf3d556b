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

/** Replace `{name}` placeholders in every language; a localized value gives each language its own text. */
export function fillText(t: DrillText, values: Readonly<Record<string, string | number | DrillText>>): DrillText {
  const f = (s: string, lang: DrillLanguage): string =>
    s.replace(/\{(\w+)\}/g, (m, k: string) => {
      const v = values[k];
      if (v === undefined) return m;
      return typeof v === 'object' ? v[lang] : String(v);
    });
  return { en: f(t.en, 'en'), ko: f(t.ko, 'ko'), ja: f(t.ja, 'ja') };
}
