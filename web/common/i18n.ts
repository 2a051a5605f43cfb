/**
 * Translation for the web app and the station UI: every sentence a person reads comes from
 * web/common/messages/{en,nl}.ts through `t`. Which language? A signed-in person's own choice
 * wins; before that, the browser's; then the family's.
 */
import { createContext, createElement, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { setApiLanguage } from './api.js';
import { en, type MessageKey } from './messages/en.js';
import { nl } from './messages/nl.js';

export type { MessageKey };

/** A language the web app speaks: the same codes as the server's (server/i18n). */
export type Language = 'nl' | 'en';

/** The languages the web app speaks, in the order the language switch lists them. */
export const languages: readonly Language[] = ['nl', 'en'];

/** Each language's name in that language, for the language switch. */
export const languageNames: Record<Language, string> = { nl: 'Nederlands', en: 'English' };

const catalogues: Record<Language, Record<MessageKey, string>> = { en, nl };

/** Values for the `{name}` placeholders of a sentence. */
export type MessageParams = Record<string, string | number>;

/** Whether a string is one of the app's language codes. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * Fills a sentence of the catalogue. A placeholder without a value stays visible as `{name}`,
 * so a missing value shows in review instead of vanishing.
 */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return catalogues[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The first of the browser's preferred languages that the app speaks, else the fallback. */
export function browserLanguage(fallback: Language, preferred: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return fallback;
}

/** What a component needs to speak the person's language. */
export interface I18n {
  language: Language;
  /** A sentence of the catalogue, with its placeholders filled. */
  t(key: MessageKey, params?: MessageParams): string;
  /** "14:35" (both languages use the 24-hour clock). */
  formatTime(date: Date): string;
  /** "25 November 2025" / "25 november 2025". */
  formatDate(date: Date): string;
  /** "5 minutes ago" / "5 minuten geleden"; "just now" / "zojuist" under a minute. */
  formatRelative(date: Date, now?: Date): string;
}

/** Builds the translation helpers of one language. */
export function createI18n(language: Language): I18n {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    language,
    t: (key, params) => translate(language, key, params),
    formatTime: (value) => time.format(value),
    formatDate: (value) => date.format(value),
    formatRelative: (value, now = new Date()) => {
      const seconds = Math.round((value.getTime() - now.getTime()) / 1000);
      const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
        ['day', 86_400],
        ['hour', 3_600],
        ['minute', 60],
      ];
      for (const [unit, size] of steps) {
        if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
      }
      return translate(language, 'time.justNow');
    },
  };
}

const I18nContext = createContext<I18n>(createI18n('en'));

/**
 * Provides the language to everything below it, and keeps the page's `lang` attribute and the
 * API's Accept-Language in step with it.
 */
export function I18nProvider(props: { language: Language; children: ReactNode }) {
  const value = useMemo(() => createI18n(props.language), [props.language]);
  // Set before children render, so their first API calls already ask in this language.
  setApiLanguage(props.language);
  useEffect(() => {
    document.documentElement.lang = props.language;
  }, [props.language]);
  return createElement(I18nContext.Provider, { value }, props.children);
}

/** The translation helpers of the surrounding I18nProvider. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
