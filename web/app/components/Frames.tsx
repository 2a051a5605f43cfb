import { useState, type ReactNode } from 'react';
import { Button } from '../../common/components/Button.js';
import { LanguageSwitch } from '../../common/components/LanguageSwitch.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Link } from '../../common/router.js';
import { signOut } from '../accounts.js';
import { useSession } from '../session.js';

/** The prifora mark and name. The mark is decoration: the name says it. */
export function Brand() {
  return (
    <span className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="9" fill="currentColor" />
        <path d="M8.5 16.2 16 9.5l7.5 6.7V23a1.5 1.5 0 0 1-1.5 1.5h-3.5v-5h-5v5H10A1.5 1.5 0 0 1 8.5 23z" fill="#fffaf3" />
      </svg>
      <span className="brand__name">prifora</span>
    </span>
  );
}

/** The frame of the pages before signing in: the brand, the language switch and one card. */
export function GuestFrame(props: { children: ReactNode }) {
  const { chooseLanguage } = useSession();
  return (
    <div className="guest">
      <header className="guest__bar">
        <Brand />
        <LanguageSwitch onChange={chooseLanguage} />
      </header>
      <main className="guest__main" id="main">
        <div className="card guest__card">{props.children}</div>
      </main>
    </div>
  );
}

/** The frame of the signed-in app: a bar with the family's name and signing out, then the page. */
export function AppFrame(props: { children: ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const handleSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut();
      session.signedOut('signin.signedOut');
    } catch (thrown) {
      setBusy(false);
      setError(errorSentence(thrown, i18n));
    }
  };

  const skipToMain = () => {
    document.getElementById('main')?.focus();
  };

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          skipToMain();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="shell__bar">
        <div className="shell__inner shell__bar-inner">
          <div className="shell__identity">
            <Link to="/" className="shell__home" aria-label={`prifora, ${t('home.pageTitle')}`}>
              <Brand />
            </Link>
            {session.family && <span className="shell__family">{t('family.name', { family: session.family.name })}</span>}
          </div>
          <Button variant="secondary" className="shell__signout" busy={busy} busyLabel={t('home.signingOut')} onClick={handleSignOut}>
            {t('home.signOut')}
          </Button>
        </div>
      </header>
      <main className="shell__main" id="main" tabIndex={-1}>
        <div className="shell__inner">
          {error && <Notice tone="error">{error}</Notice>}
          {props.children}
        </div>
      </main>
    </div>
  );
}
