import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ru from './ru.json';

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
