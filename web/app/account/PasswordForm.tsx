import { useState } from 'react';
import { limits } from '../../../server/limits.js';
import { isApiError } from '../../common/api.js';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence, fieldErrors } from '../../common/errors.js';
import { useI18n, type I18n } from '../../common/i18n.js';
import { useSubmit } from '../../common/useSubmit.js';
import { changePassword } from '../accounts.js';
import { useSession } from '../session.js';
import { withoutEmpty, type FieldErrors } from '../validation.js';

interface Values {
  currentPassword: string;
  newPassword: string;
}

function check(values: Values, needsCurrent: boolean, i18n: I18n): FieldErrors {
  const { t } = i18n;
  const errors: FieldErrors = {};
  if (needsCurrent && !values.currentPassword) errors.currentPassword = t('people.password.currentRequired');
  if (!values.newPassword) errors.newPassword = t('problem.newPassword.required');
  else if (values.newPassword.length < limits.passwordMinLength) errors.newPassword = t('problem.tooShort', { min: limits.passwordMinLength });
  else if (values.newPassword.length > limits.passwordMaxLength) errors.newPassword = t('problem.tooLong', { max: limits.passwordMaxLength });
  return withoutEmpty(errors);
}

/**
 * My password: change it with the current one, or choose a first one when signing in with
 * emailed links. Every other device is signed out afterwards, and the form says how many.
 * @param props.onChanged - called after a change (the device list reloads)
 */
export function PasswordForm(props: { onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const needsCurrent = session.me?.signInMethod === 'password';
  const [values, setValues] = useState<Values>({ currentPassword: '', newPassword: '' });
  const [show, setShow] = useState(false);
  const [problems, setProblems] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);

  const submission = useSubmit(async () => {
    const result = await changePassword({ ...(needsCurrent ? { currentPassword: values.currentPassword } : {}), newPassword: values.newPassword });
    setValues({ currentPassword: '', newPassword: '' });
    session.updatedMe(result.user);
    const others = result.signedOut === 0 ? '' : ` ${t(result.signedOut === 1 ? 'people.password.signedOut.one' : 'people.password.signedOut.other', { count: result.signedOut })}`;
    setDone(`${t('people.password.done')}${others}`);
    props.onChanged();
  });

  const error = submission.error;
  const shown: FieldErrors = {
    ...fieldErrors(error, i18n),
    ...(isApiError(error, 'wrong_password') ? { currentPassword: errorSentence(error, i18n) } : {}),
    ...problems,
  };
  const formError = error !== null && !shown.currentPassword && !shown.newPassword ? errorSentence(error, i18n) : null;
  const bind = (field: keyof Values) => ({
    value: values[field],
    error: shown[field],
    onValueChange: (value: string) => setValues((v) => ({ ...v, [field]: value })),
  });

  return (
    <section className="card stack" aria-labelledby="account-password">
      <h2 id="account-password">{t('people.password.title')}</h2>
      <p className="muted">{t(needsCurrent ? 'people.password.introPassword' : 'people.password.introMagic')}</p>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          const found = check(values, needsCurrent, i18n);
          setProblems(found);
          setDone(null);
          if (Object.keys(found).length > 0) {
            event.preventDefault();
            document.querySelector<HTMLInputElement>(`[data-password-field="${found.currentPassword ? 'currentPassword' : 'newPassword'}"]`)?.focus();
            return;
          }
          void submission.submit(event);
        }}
      >
        {needsCurrent && (
          <TextField label={t('people.password.current')} type={show ? 'text' : 'password'} autoComplete="current-password" data-password-field="currentPassword" {...bind('currentPassword')} />
        )}
        <TextField
          label={t('people.password.new')}
          hint={t('profile.passwordHint', { min: limits.passwordMinLength })}
          type={show ? 'text' : 'password'}
          autoComplete="new-password"
          data-password-field="newPassword"
          {...bind('newPassword')}
        />
        <label className="check">
          <input type="checkbox" checked={show} onChange={(event) => setShow(event.target.checked)} />
          <span>{t('form.showPassword')}</span>
        </label>
        {formError && <Notice tone="error">{formError}</Notice>}
        <Button type="submit" busy={submission.busy} busyLabel={t('people.password.busy')}>
          {t(needsCurrent ? 'people.password.submit' : 'people.password.submitFirst')}
        </Button>
        {done && <Notice tone="success">{done}</Notice>}
      </form>
    </section>
  );
}
