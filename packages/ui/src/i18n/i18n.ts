/**
 * Texts of the apps: Danish (the users' language) by default, English selectable. Each app
 * adds its own message files on top of the shared ones; the chosen language is remembered.
 */
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setErrorTexts } from '../api/apiErrors';
import type { Locale } from '@tracershop/core';
import da from './da.json';
import en from './en.json';

/** The shared texts (namespace `translation`); the apps' typed keys build on them. */
export type SharedMessages = typeof da;

export const LANGUAGES = ['da', 'en'] as const satisfies readonly Locale[];
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'tracershop.language';

/** Nested message objects, as in the JSON files. */
export interface Messages {
  [key: string]: string | Messages;
}

export interface I18nOptions {
  /** The app's own messages per language, merged over the shared ones. */
  messages?: Partial<Record<Language, Messages>>;
  /** Start language; default the remembered one, else Danish. */
  language?: Language;
}

function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}

function rememberedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_KEY) ?? null;
    return isLanguage(stored) ? stored : 'da';
  } catch {
    return 'da';
  }
}

/** Remembers `language` for the next visit (both apps share it). */
export function rememberLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts this visit only.
  }
}

/** A ready i18next instance (resources are bundled, so it initialises synchronously). */
export function createI18n(options: I18nOptions = {}): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      da: { translation: da, app: options.messages?.da ?? {} },
      en: { translation: en, app: options.messages?.en ?? {} },
    },
    ns: ['translation', 'app'],
    defaultNS: 'translation',
    fallbackNS: 'translation',
    lng: options.language ?? rememberedLanguage(),
    fallbackLng: 'da',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  setErrorTexts(instance);
  // The page's language follows the user's choice (screen readers, hyphenation).
  const followLanguage = (language: string) => {
    if (typeof document !== 'undefined') {
      document.documentElement.lang = language;
    }
  };
  followLanguage(instance.language);
  instance.on('languageChanged', followLanguage);
  return instance;
}

/** The core locale of an i18next language (for `messageFor`). */
export function localeOf(language: string): Locale {
  return isLanguage(language) ? language : 'da';
}
