import { useState } from 'react';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { languageNames, languages, useI18n, type Language } from '../../common/i18n.js';
import { updateMe } from '../familyApi.js';
import { useSession } from '../session.js';

/** The language prifora speaks to me, applied at once. */
export function LanguageChoice() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Language | null>(null);

  const choose = async (language: Language) => {
    setError(null);
    setPending(language);
    try {
      session.updatedMe(await updateMe({ language }));
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
    } finally {
      setPending(null);
    }
  };

  const current = pending ?? session.me?.language ?? i18n.language;
  return (
    <section className="card stack" aria-labelledby="account-language">
      <h2 id="account-language">{t('account.language')}</h2>
      <fieldset className="choices">
        <legend className="choices__legend">{t('account.languageLegend')}</legend>
        {languages.map((code) => (
          <label key={code} className="choice" lang={code}>
            <input type="radio" name="language" value={code} checked={current === code} onChange={() => void choose(code)} />
            {languageNames[code]}
          </label>
        ))}
      </fieldset>
      {error && <Notice tone="error">{error}</Notice>}
    </section>
  );
}
