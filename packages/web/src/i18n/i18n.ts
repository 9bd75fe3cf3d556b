/** i18next set up with the three languages; the choice is kept in localStorage and drives `<html lang>`. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './messages-en.ts';
import { ko } from './messages-ko.ts';
import { ja } from './messages-ja.ts';
import { drillsMessages } from '../features/drills/messages.ts';
import { exchangesMessages } from '../features/exchanges/messages.ts';
import { dialoguesMessages } from '../features/dialogues/messages.ts';
import { followThroughMessages } from '../features/follow-through/messages.ts';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ko', name: '한국어' },
  { code: 'ja', name: '日本語' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'tandem.lang';

function initialLanguage(): LanguageCode {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  const stored = fromUrl ?? window.localStorage.getItem(STORAGE_KEY) ?? navigator.language.slice(0, 2);
  return LANGUAGES.some((l) => l.code === stored) ? (stored as LanguageCode) : 'en';
}

/** The app's table plus each area's, under its own key (`t('drills.page.heading')`). */
function bundle(lng: LanguageCode): Record<string, unknown> {
  const base = { en, ko, ja }[lng];
  return {
    ...base,
    drills: drillsMessages[lng],
    exchanges: exchangesMessages[lng],
    dialogues: dialoguesMessages[lng],
    followThrough: followThroughMessages[lng],
  };
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: {
      en: { translation: bundle('en') },
      ko: { translation: bundle('ko') },
      ja: { translation: bundle('ja') },
    },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    window.localStorage.setItem(STORAGE_KEY, lng);
  });
}
