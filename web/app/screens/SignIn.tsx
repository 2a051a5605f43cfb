import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence, fieldErrors } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { requestMagicLink, signIn } from '../accounts.js';
import { GuestFrame } from '../components/Frames.js';
import { useSession } from '../session.js';
import { checkEmail, withoutEmpty, type FieldErrors } from '../validation.js';

/**
 * Sign in with email and password, or ask for an emailed sign-in link with the same address.
 * Shown at /signin and in place of any page that needs signing in.
 */
export function SignIn() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  // Each error shows next to the button that caused it, where the person is looking.
  const [error, setError] = useState<string | null>(null);
  const [magicError, setMagicError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'password' | 'magic' | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [cameBack, setCameBack] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const show = (found: FieldErrors) => {
    setErrors(found);
    if (found.email) emailRef.current?.focus();
    else if (found.password) passwordRef.current?.focus();
  };

  const handleSignIn = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setMagicError(null);
    const found = withoutEmpty({ email: checkEmail(email, i18n), password: password ? undefined : t('problem.password.required') });
    show(found);
    if (Object.keys(found).length > 0) return;
    setBusy('password');
    try {
      session.signedIn(await signIn({ email: email.trim(), password }));
    } catch (thrown) {
      setBusy(null);
      setError(errorSentence(thrown, i18n));
      show(fieldErrors(thrown, i18n));
    }
  };

  const handleMagicLink = async () => {
    if (busy) return;
    setError(null);
    setMagicError(null);
    const found = withoutEmpty({ email: checkEmail(email, i18n) });
    show(found);
    if (found.email) return;
    setBusy('magic');
    try {
      await requestMagicLink({ email: email.trim() });
      setSentTo(email.trim());
    } catch (thrown) {
      setMagicError(errorSentence(thrown, i18n));
      show(fieldErrors(thrown, i18n));
    } finally {
      setBusy(null);
    }
  };

  const family = session.family ? <p className="eyebrow">{t('family.name', { family: session.family.name })}</p> : null;

  if (sentTo) {
    return (
      <GuestFrame>
        {family}
        <PageHeading title={t('signin.magic.sentTitle')} focus>
          {t('signin.magic.sentTitle')}
        </PageHeading>
        <Notice tone="success">{t('signin.magic.sent', { email: sentTo })}</Notice>
        <p className="muted">{t('signin.magic.spam')}</p>
        <Button
          variant="secondary"
          onClick={() => {
            setSentTo(null);
            setCameBack(true);
          }}
        >
          {t('signin.magic.back')}
        </Button>
      </GuestFrame>
    );
  }

  return (
    <GuestFrame>
      {family}
      <PageHeading title={t('signin.title')} focus={cameBack}>
        {t('signin.title')}
      </PageHeading>
      <p className="lead">{t('signin.intro')}</p>
      {session.notice && <Notice tone="info">{t(session.notice)}</Notice>}
      {session.family && !session.family.hasAdmin && <Notice tone="info">{t('signin.noAdmin')}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      <form className="stack" noValidate onSubmit={handleSignIn}>
        <TextField
          label={t('signin.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={email}
          onValueChange={setEmail}
          error={errors.email}
          inputRef={emailRef}
        />
        <TextField
          label={t('signin.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onValueChange={setPassword}
          error={errors.password}
          inputRef={passwordRef}
        />
        <Button type="submit" className="button--wide" busy={busy === 'password'} busyLabel={t('signin.busy')}>
          {t('signin.submit')}
        </Button>
      </form>
      <div className="divider" aria-hidden="true">
        <span>{t('signin.or')}</span>
      </div>
      <p className="muted">{t('signin.magic.intro')}</p>
      <Button variant="secondary" className="button--wide" busy={busy === 'magic'} busyLabel={t('signin.magic.busy')} onClick={handleMagicLink}>
        {t('signin.magic.submit')}
      </Button>
      {magicError && <Notice tone="error">{magicError}</Notice>}
      <p className="muted small">{t('signin.newHere')}</p>
    </GuestFrame>
  );
}
