import { Fragment, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from '../common/components/Button.js';
import { Notice } from '../common/components/Notice.js';
import { PageHeading } from '../common/components/PageHeading.js';
import { errorSentence } from '../common/errors.js';
import { browserLanguage, I18nProvider, useI18n, type Language, type MessageKey } from '../common/i18n.js';
import { live } from '../common/live.js';
import { navigate, Redirect, useLocation } from '../common/router.js';
import type { FamilyJson, UserJson } from '../common/types.js';
import { getFamily, getMe } from './accounts.js';
import { GuestFrame } from './components/Frames.js';
import { findRoute, preloadScreens } from './routes.js';
import { NotFound } from './screens/NotFound.js';
import { SignIn } from './screens/SignIn.js';
import { SessionContext, useSession, type Session } from './session.js';

type Boot = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; family: FamilyJson | null; me: UserJson | null };

/**
 * The relatives' web app: loads the family and the signed-in person, picks the language (the
 * person's own, else the one chosen on the page, else the browser's, else the family's) and
 * shows the page of the address.
 */
export function App() {
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);

  const load = useCallback(async () => {
    setBoot({ status: 'loading' });
    try {
      const [family, me] = await Promise.all([getFamily(), getMe()]);
      setBoot({ status: 'ready', family, me });
    } catch (error) {
      setBoot({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Once the first screen is up, fetch the other screens' code while the phone is idle.
  const ready = boot.status === 'ready';
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(preloadScreens, 1500);
    return () => clearTimeout(timer);
  }, [ready]);

  const family = boot.status === 'ready' ? boot.family : null;
  const me = boot.status === 'ready' ? boot.me : null;
  const language = me?.language ?? chosenLanguage ?? browserLanguage(family?.language ?? 'en');

  const session = useMemo<Session>(
    () => ({
      family,
      me,
      notice,
      signedIn(user) {
        setNotice(null);
        setBoot({ status: 'ready', family, me: user });
        const current = findRoute(window.location.pathname);
        // A page that needed signing in shows itself now; links and the sign-in page lead Home.
        navigate(current?.route.access === 'user' ? window.location.pathname + window.location.search : '/', { replace: true });
      },
      signedOut(next) {
        live.stop();
        setNotice(next ?? null);
        setBoot({ status: 'ready', family, me: null });
        navigate('/signin', { replace: true });
      },
      updatedMe(user) {
        setBoot({ status: 'ready', family, me: user });
      },
      chooseLanguage: setChosenLanguage,
    }),
    [family, me, notice],
  );

  return (
    <I18nProvider language={language}>
      <SessionContext.Provider value={session}>
        {boot.status === 'loading' ? <Loading /> : boot.status === 'failed' ? <BootFailed error={boot.error} retry={load} /> : <Pages />}
      </SessionContext.Provider>
    </I18nProvider>
  );
}

/** The page of the current address. */
function Pages() {
  const { pathname } = useLocation();
  const { me } = useSession();
  const found = findRoute(pathname);
  if (!found) return <NotFound />;
  const { route, params } = found;
  // Keyed by pattern, so moving to another page starts it afresh.
  if (route.access === 'user' && !me) return <SignIn key="signin" />;
  if (route.access === 'guest' && me) return <Redirect to="/" />;
  return (
    <Suspense fallback={<Loading />}>
      <Fragment key={route.path}>{route.render(params)}</Fragment>
    </Suspense>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      {t('app.loading')}
    </div>
  );
}

/** The server could not be reached when the app opened. */
function BootFailed(props: { error: unknown; retry(): void }) {
  const i18n = useI18n();
  return (
    <GuestFrame>
      <PageHeading title={i18n.t('app.name')}>{i18n.t('app.name')}</PageHeading>
      <Notice tone="error">{errorSentence(props.error, i18n)}</Notice>
      <Button onClick={props.retry}>{i18n.t('error.tryAgain')}</Button>
    </GuestFrame>
  );
}
