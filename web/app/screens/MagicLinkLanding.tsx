import { useEffect, useState } from 'react';
import { ApiError } from '../../common/api.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Link, useLocation } from '../../common/router.js';
import type { UserJson } from '../../common/types.js';
import { consumeMagicLink } from '../accounts.js';
import { GuestFrame } from '../components/Frames.js';
import { useSession } from '../session.js';
import { once } from '../once.js';

/**
 * Where an emailed sign-in link lands (/signin/magic#token): uses the link up and goes Home; a
 * used, expired or broken link says so and offers a new one.
 */
export function MagicLinkLanding() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const { hash } = useLocation();
  const [token] = useState(hash);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    // The token is a secret: keep it out of the history once it has been read.
    window.history.replaceState(null, '', window.location.pathname);
    if (!token) {
      setError(new ApiError({ status: 0, code: 'link_invalid', message: '' }));
      return;
    }
    let current = true;
    once(`magic:${token}`, () => consumeMagicLink(token)).then(
      (user: UserJson) => current && session.signedIn(user),
      (thrown: unknown) => current && setError(thrown),
    );
    return () => {
      current = false;
    };
    // Runs once per token: signedIn changes identity whenever the session does.
  }, [token]);

  if (!error) {
    return (
      <GuestFrame>
        <PageHeading title={t('magic.pageTitle')}>{t('magic.checking')}</PageHeading>
      </GuestFrame>
    );
  }
  return (
    <GuestFrame>
      <PageHeading title={t('magic.pageTitle')}>{t('magic.failedTitle')}</PageHeading>
      <Notice tone="error">
        {errorSentence(error, i18n, { link_used: 'magic.link_used', link_expired: 'magic.link_expired', link_invalid: 'magic.link_invalid', invalid_input: 'magic.link_invalid' })}
      </Notice>
      <Link to="/signin" className="button button--primary button--wide">
        {t('magic.newLink')}
      </Link>
    </GuestFrame>
  );
}
