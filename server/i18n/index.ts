import { en, type MessageKey } from './en.js';
import { nl } from './nl.js';

/** The languages prifora speaks. */
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
export type { MessageKey };

const catalogues: Record<Language, Record<MessageKey, string>> = { en, nl };

/**
 * Translates a key into a language, filling `{name}` placeholders from params.
 * A placeholder without a value is left as it is, so a missing value shows rather than vanishes.
 */
export function t(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Whether a string is one of prifora's language codes. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * Picks nl or en from an Accept-Language header, falling back to the given default.
 * Quality values are honoured; the first supported language of highest quality wins.
 */
export function languageFromHeader(header: string | undefined, fallback: Language): Language {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.trim().slice(2)) : 1, index };
    })
    .filter((r) => !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.tag).find(isLanguage) ?? fallback;
}
