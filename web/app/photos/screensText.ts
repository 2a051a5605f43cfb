import type { I18n } from '../../common/i18n.js';

/** "Plays on Oma Riet’s screen", "Plays on the screens of Oma Riet and Opa Jan", or "Not on a screen yet". */
export function screensText(i18n: I18n, screens: Array<{ name: string }> | undefined): string {
  const names = (screens ?? []).map((screen) => screen.name);
  if (names.length === 0) return i18n.t('slideshows.noScreen');
  if (names.length === 1) return i18n.t('slideshows.onScreen', { name: names[0] as string });
  const list = new Intl.ListFormat(i18n.language === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' }).format(names);
  return i18n.t('slideshows.onScreens', { names: list });
}
