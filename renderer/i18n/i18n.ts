import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import appEn from './en.json';
import appRu from './ru.json';
import chargesEn from './charges.en.json';
import chargesRu from './charges.ru.json';
import evidenceEn from './evidence.en.json';
import evidenceRu from './evidence.ru.json';
import personsEn from './persons.en.json';
import personsRu from './persons.ru.json';
import dossierEn from './dossier.en.json';
import dossierRu from './dossier.ru.json';
import searchEn from './search.en.json';
import searchRu from './search.ru.json';
import sharingEn from './sharing.en.json';
import sharingRu from './sharing.ru.json';
import viewersEn from './viewers.en.json';
import viewersRu from './viewers.ru.json';

/**
 * The translations, one file per area and language; each area owns its own top-level keys
 * (a key defined twice is a test failure, not a silent override).
 */
export const translationFiles = {
  en: [appEn, evidenceEn, personsEn, viewersEn, chargesEn, dossierEn, sharingEn, searchEn],
  ru: [appRu, evidenceRu, personsRu, viewersRu, chargesRu, dossierRu, sharingRu, searchRu],
} as const;

const en: Record<string, unknown> = Object.assign({}, ...translationFiles.en) as Record<
  string,
  unknown
>;
const ru: Record<string, unknown> = Object.assign({}, ...translationFiles.ru) as Record<
  string,
  unknown
>;
export const translations = { en, ru };

export const languages = ['en', 'ru'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'habeas.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The saved choice, else the system's language when we have it, else English. */
export function initialLanguage(
  storage: Pick<Storage, 'getItem'>,
  systemLanguage: string,
): Language {
  const saved = storage.getItem(storageKey);
  if (isLanguage(saved)) return saved;
  return systemLanguage.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function rememberLanguage(storage: Pick<Storage, 'setItem'>, language: Language): void {
  storage.setItem(storageKey, language);
}

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  instance
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en }, ru: { translation: ru } },
      lng: language,
      fallbackLng: false,
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    })
    .catch(() => undefined);
  return instance;
}
