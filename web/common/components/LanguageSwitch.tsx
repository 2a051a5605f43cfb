import { languageNames, languages, useI18n, type Language } from '../i18n.js';

/** Buttons to read the page in another language (shown before anyone is signed in). */
export function LanguageSwitch(props: { onChange(language: Language): void }) {
  const { language, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="language-switch__option"
          aria-pressed={code === language}
          onClick={() => props.onChange(code)}
        >
          {languageNames[code]}
        </button>
      ))}
    </div>
  );
}
