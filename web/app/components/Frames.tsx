import { useEffect, useState, type ReactNode } from 'react';
import type { MessageKey } from '../../common/i18n.js';
import { Button } from '../../common/components/Button.js';
import { LanguageSwitch } from '../../common/components/LanguageSwitch.js';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { live } from '../../common/live.js';
import { Link, useLocation } from '../../common/router.js';
import { signOut } from '../accounts.js';
import { IncomingCallBanner } from '../calls/IncomingCallBanner.js';
import { useSession } from '../session.js';
import '../nav.css';

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

/** The places of the app, in the order the navigation shows them. */
const places: Array<{ to: string; label: MessageKey; also?: string[] }> = [
  { to: '/', label: 'nav.home' },
  { to: '/chats', label: 'nav.chats' },
  { to: '/photos', label: 'nav.photos', also: ['/slideshows'] },
  { to: '/family', label: 'nav.family' },
  { to: '/more', label: 'nav.more', also: ['/account', '/notices', '/help', '/calls'] },
];

/** Whether a path belongs to a place: itself, a page below it, or one of its other pages. */
function inPlace(place: (typeof places)[number], pathname: string): boolean {
  if (place.to === '/') return pathname === '/';
  return [place.to, ...(place.also ?? [])].some((to) => pathname === to || pathname.startsWith(`${to}/`));
}

/** The app's navigation: a bar at the bottom of a phone, along the top on a wider screen. */
function AppNav() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  return (
    <nav className="appnav" aria-label={t('nav.label')}>
      <ul className="appnav__list">
        {places.map((place) => {
          const current = inPlace(place, pathname);
          return (
            <li key={place.to}>
              <Link to={place.to} className="appnav__link" aria-current={current ? 'page' : undefined}>
                {t(place.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The frame of the signed-in app: a bar with the family's name and signing out, then the page. */
export function AppFrame(props: { children: ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // One live connection while signed in; screens subscribe to it. When the server closes it
  // because this session was signed out elsewhere, the app says so and shows the sign-in page.
  const signedOut = session.signedOut;
  useEffect(() => {
    live.start();
    return live.onStatus((status) => {
      if (status === 'signedOut') signedOut('error.unauthenticated');
    });
  }, [signedOut]);

  const handleSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut();
      live.stop();
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
      <IncomingCallBanner />
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
      <AppNav />
      <main className="shell__main" id="main" tabIndex={-1}>
        <div className="shell__inner">
          {error && <Notice tone="error">{error}</Notice>}
          {props.children}
        </div>
      </main>
    </div>
  );
}
