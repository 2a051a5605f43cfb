import { useState, type FormEvent } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence, fieldErrors } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { updateMe, type ProfileChanges } from '../familyApi.js';
import { useSession } from '../session.js';

const fields = ['firstName', 'lastName', 'username', 'email', 'mobile'] as const;
type Field = (typeof fields)[number];

/** My details: correct names, username, email and mobile; the server's problems beside each field. */
export function ProfileForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const me = session.me;
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    firstName: me?.firstName ?? '',
    lastName: me?.lastName ?? '',
    username: me?.username ?? '',
    email: me?.email ?? '',
    mobile: me?.mobile ?? '',
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const labels: Record<Field, string> = {
    firstName: t('profile.firstName'),
    lastName: t('profile.lastName'),
    username: t('profile.username'),
    email: t('profile.email'),
    mobile: t('profile.mobile'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    const changes: ProfileChanges = {};
    for (const field of fields) if (values[field] !== (me?.[field] ?? '')) changes[field] = values[field].trim();
    try {
      const user = await updateMe(changes);
      session.updatedMe(user);
      setSaved(true);
    } catch (thrown) {
      setError(thrown);
      const first = fields.find((f) => fieldErrors(thrown, i18n)[f]);
      if (first) window.setTimeout(() => document.querySelector<HTMLInputElement>(`[data-field="${first}"]`)?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  const problems = fieldErrors(error, i18n);
  return (
    <section className="card stack" aria-labelledby="account-profile">
      <h2 id="account-profile">{t('account.profile')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        {error !== null && <Notice tone="error">{Object.keys(problems).length ? t('form.fixFields') : errorSentence(error, i18n)}</Notice>}
        {fields.map((field) => (
          <TextField
            key={field}
            data-field={field}
            label={labels[field]}
            value={values[field]}
            type={field === 'email' ? 'email' : field === 'mobile' ? 'tel' : 'text'}
            autoComplete={field === 'firstName' ? 'given-name' : field === 'lastName' ? 'family-name' : field === 'email' ? 'email' : field === 'mobile' ? 'tel' : 'username'}
            error={problems[field]}
            onValueChange={(value) => setValues((v) => ({ ...v, [field]: value }))}
          />
        ))}
        <Button type="submit" busy={busy} busyLabel={t('account.saving')}>
          {t('account.save')}
        </Button>
        {saved && <Notice tone="success">{t('account.saved')}</Notice>}
      </form>
    </section>
  );
}
