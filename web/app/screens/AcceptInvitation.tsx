import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, isApiError } from '../../common/api.js';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence, fieldErrors, type ErrorSentences } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { Link, useLocation } from '../../common/router.js';
import type { InvitationPreviewJson } from '../../common/types.js';
import { acceptInvitation, inspectInvitation } from '../accounts.js';
import { GuestFrame } from '../components/Frames.js';
import { once } from '../once.js';
import { useSession } from '../session.js';
import { checkProfile, passwordMinLength, type FieldErrors, type ProfileValues } from '../validation.js';

/** Which link opened the page: an invitation (/invite#token) or the first-admin set-up link (/setup#token). */
export type LinkKind = 'invitation' | 'setup';

// A link that cannot be used, in the words of its kind.
const linkSentences: Record<LinkKind, ErrorSentences> = {
  invitation: {
    link_used: 'invite.link_used',
    link_expired: 'invite.link_expired',
    link_revoked: 'invite.link_revoked',
    link_invalid: 'invite.link_invalid',
    invalid_input: 'invite.link_invalid',
  },
  setup: {
    link_used: 'setup.link_used',
    link_expired: 'setup.link_expired',
    link_revoked: 'setup.link_revoked',
    link_invalid: 'setup.link_invalid',
    invalid_input: 'setup.link_invalid',
    admin_exists: 'setup.admin_exists',
  },
};

/** A short name with no-break spaces, so a heading never wraps inside "De Vries". */
function keepTogether(name: string): string {
  return name.length <= 24 ? name.replace(/ /g, '\u00a0') : name;
}

const fieldOrder: Array<keyof ProfileValues> = ['email', 'firstName', 'lastName', 'username', 'mobile', 'password'];

type Phase = { name: 'checking' } | { name: 'unusable'; error: unknown } | { name: 'form'; preview: InvitationPreviewJson };

/**
 * Joins the family through an invitation or the set-up link: says who invites whom to which
 * family, asks for the required profile and how the person wants to sign in, then signs them in.
 */
export function AcceptInvitation(props: { kind: LinkKind }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const { hash } = useLocation();
  const [token] = useState(hash);
  const [phase, setPhase] = useState<Phase>({ name: 'checking' });

  useEffect(() => {
    if (!token) {
      setPhase({ name: 'unusable', error: new ApiError({ status: 0, code: 'link_invalid', message: '' }) });
      return;
    }
    let current = true;
    once(`inspect:${token}`, () => inspectInvitation(token)).then(
      (preview) => current && setPhase({ name: 'form', preview }),
      (error: unknown) => current && setPhase({ name: 'unusable', error }),
    );
    return () => {
      current = false;
    };
  }, [token]);

  const pageTitle = t(props.kind === 'setup' ? 'setup.pageTitle' : 'accept.pageTitle');

  if (phase.name === 'checking') {
    return (
      <GuestFrame>
        <PageHeading title={pageTitle}>{t(props.kind === 'setup' ? 'setup.checking' : 'accept.checking')}</PageHeading>
      </GuestFrame>
    );
  }
  if (phase.name === 'unusable') {
    return (
      <GuestFrame>
        <PageHeading title={pageTitle}>{t(props.kind === 'setup' ? 'setup.failedTitle' : 'invite.failedTitle')}</PageHeading>
        <Notice tone="error">{errorSentence(phase.error, i18n, linkSentences[props.kind])}</Notice>
        {session.me ? (
          <Link to="/" className="button button--primary button--wide">
            {t('notFound.home')}
          </Link>
        ) : (
          <Link to="/signin" className="button button--primary button--wide">
            {t('signin.goTo')}
          </Link>
        )}
      </GuestFrame>
    );
  }
  return (
    <ProfileForm
      kind={props.kind}
      token={token}
      preview={phase.preview}
      pageTitle={pageTitle}
      onUnusable={(error) => setPhase({ name: 'unusable', error })}
    />
  );
}

function ProfileForm(props: { kind: LinkKind; token: string; preview: InvitationPreviewJson; pageTitle: string; onUnusable(error: unknown): void }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const session = useSession();
  const withEmail = !props.preview.email;
  const [values, setValues] = useState<ProfileValues>({
    email: '',
    username: '',
    firstName: '',
    lastName: '',
    mobile: '',
    method: 'password',
    password: '',
  });
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<keyof ProfileValues, HTMLInputElement | null>>>({});

  const set = (field: keyof ProfileValues) => (value: string) => setValues((before) => ({ ...before, [field]: value }));
  const bind = (field: keyof ProfileValues) => ({
    value: values[field],
    onValueChange: set(field),
    error: errors[field],
    inputRef: (element: HTMLInputElement | null) => {
      inputs.current[field] = element;
    },
  });

  const show = (found: FieldErrors) => {
    setErrors(found);
    const first = fieldOrder.find((field) => found[field]);
    if (first) inputs.current[first]?.focus();
    return Boolean(first);
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (show(checkProfile(values, { withEmail }, i18n))) {
      setError(t('form.fixFields'));
      return;
    }
    setBusy(true);
    try {
      const user = await acceptInvitation({
        token: props.token,
        username: values.username.trim(),
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        mobile: values.mobile.trim(),
        ...(withEmail ? { email: values.email.trim() } : {}),
        ...(values.method === 'password' ? { password: values.password } : {}),
        language,
      });
      session.signedIn(user);
    } catch (thrown) {
      setBusy(false);
      if (isApiError(thrown, 'link_used', 'link_expired', 'link_revoked', 'link_invalid', 'admin_exists')) {
        props.onUnusable(thrown);
        return;
      }
      // Clashes the form can place next to a field (the server names no field for them).
      if (isApiError(thrown, 'conflict')) {
        show({ username: t('problem.username.taken') });
        setError(t('form.fixFields'));
        return;
      }
      if (isApiError(thrown, 'already_member') && withEmail) {
        show({ email: t('error.already_member') });
        setError(t('form.fixFields'));
        return;
      }
      const found = fieldErrors(thrown, i18n);
      if (show(found)) setError(t('form.fixFields'));
      else setError(errorSentence(thrown, i18n, props.kind === 'invitation' ? { already_member: 'invite.already_member' } : {}));
    }
  };

  const { preview } = props;
  const family = keepTogether(preview.family);
  const heading =
    props.kind === 'setup'
      ? t('setup.title', { family })
      : preview.inviter
        ? t('accept.invitedBy', { inviter: preview.inviter, family })
        : t('accept.invited', { family });

  return (
    <GuestFrame>
      <PageHeading title={props.pageTitle}>{heading}</PageHeading>
      <p className="lead">{t(props.kind === 'setup' ? 'setup.intro' : 'accept.intro')}</p>
      {error && <Notice tone="error">{error}</Notice>}
      <form className="stack" noValidate onSubmit={handleSubmit}>
        {withEmail ? (
          <TextField
            label={t('profile.email')}
            hint={t('profile.emailHint')}
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            {...bind('email')}
          />
        ) : (
          <TextField
            label={t('profile.email')}
            hint={t('profile.emailFixed')}
            type="email"
            name="email"
            autoComplete="username"
            readOnly
            value={preview.email ?? ''}
            onValueChange={() => undefined}
          />
        )}
        <TextField label={t('profile.firstName')} name="firstName" autoComplete="given-name" required {...bind('firstName')} />
        <TextField label={t('profile.lastName')} name="lastName" autoComplete="family-name" required {...bind('lastName')} />
        <TextField
          label={t('profile.username')}
          hint={t('profile.usernameHint')}
          name="username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          {...bind('username')}
        />
        <TextField
          label={t('profile.mobile')}
          hint={t('profile.mobileHint')}
          type="tel"
          name="mobile"
          autoComplete="tel"
          inputMode="tel"
          required
          {...bind('mobile')}
        />
        <fieldset className="choices">
          <legend className="choices__legend">{t('profile.method.legend')}</legend>
          <label className="choice">
            <input type="radio" name="method" value="password" checked={values.method === 'password'} onChange={() => set('method')('password')} />
            <span>{t('profile.method.password')}</span>
          </label>
          <label className="choice">
            <input type="radio" name="method" value="magic" checked={values.method === 'magic'} onChange={() => set('method')('magic')} />
            <span>{t('profile.method.magic')}</span>
          </label>
        </fieldset>
        {values.method === 'password' ? (
          <div className="stack stack--tight">
            <TextField
              label={t('profile.password')}
              hint={t('profile.passwordHint', { min: passwordMinLength })}
              type={showPassword ? 'text' : 'password'}
              name="password"
              autoComplete="new-password"
              required
              {...bind('password')}
            />
            <label className="check">
              <input type="checkbox" checked={showPassword} onChange={(event) => setShowPassword(event.target.checked)} />
              <span>{t('form.showPassword')}</span>
            </label>
          </div>
        ) : (
          <p className="muted">{t('profile.method.magicHint')}</p>
        )}
        <Button type="submit" className="button--wide" busy={busy} busyLabel={t('accept.busy')}>
          {t('accept.submit')}
        </Button>
      </form>
    </GuestFrame>
  );
}
