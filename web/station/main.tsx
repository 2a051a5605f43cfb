/**
 * The entry of the station UI (web/station/index.html). A placeholder until the Home Station
 * screens are built; it already uses the shared stylesheet and catalogue.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../common/styles/base.css';
import './station.css';
import { browserLanguage, I18nProvider, useI18n } from '../common/i18n.js';
import { useDocumentTitle } from '../common/components/PageHeading.js';

function Placeholder() {
  const { t } = useI18n();
  useDocumentTitle(t('station.pageTitle'));
  return (
    <main className="station-placeholder">
      <div className="station-placeholder__card">
        <h1>{t('station.title')}</h1>
        <p>{t('station.body')}</p>
      </div>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider language={browserLanguage('nl')}>
      <Placeholder />
    </I18nProvider>
  </StrictMode>,
);
