import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence, fieldErrors } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { live } from '../../common/live.js';
import { createInvitation, listInvitations, revokeInvitation, type InvitationJson } from '../familyApi.js';

const invitationEvents = new Set(['invitation.created', 'invitation.revoked', 'member.joined']);

/** Admins: invite someone by email, and the invitations still open, each to withdraw. */
export function Invitations() {
  const i18n = useI18n();
  const { t } = i18n;
  const [invitations, setInvitations] = useState<InvitationJson[] | null>(null);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setInvitations(await listInvitations());
    } catch (thrown) {
      setError(thrown);
    }
  }, []);

  useEffect(() => {
    void load();
    // Another admin's invitation, or one accepted meanwhile, shows without a reload.
    return live.subscribe((event) => {
      if (invitationEvents.has(event.event)) void load();
    });
  }, [load]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const invitation = await createInvitation(email.trim());
      setMessage(t('family.invite.sent', { email: invitation.email ?? email }));
      setEmail('');
      await load();
    } catch (thrown) {
      setError(thrown);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (invitation: InvitationJson) => {
    setError(null);
    setMessage(null);
    try {
      await revokeInvitation(invitation.id);
      setMessage(t('family.invite.revoked', { email: invitation.email ?? '' }));
      await load();
    } catch (thrown) {
      setError(thrown);
    }
  };

  const problems = fieldErrors(error, i18n);
  const pending = (invitations ?? []).filter((i) => i.status === 'pending');
  return (
    <section className="card stack" aria-labelledby="family-invite">
      <h2 id="family-invite">{t('family.invite.title')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          label={t('family.invite.email')}
          hint={t('family.invite.hint')}
          type="email"
          autoComplete="off"
          value={email}
          onValueChange={setEmail}
          error={problems.email}
        />
        <Button type="submit" busy={busy} busyLabel={t('family.invite.busy')}>
          {t('family.invite.submit')}
        </Button>
      </form>
      {error !== null && !problems.email && <Notice tone="error">{errorSentence(error, i18n)}</Notice>}
      {message && <Notice tone="success">{message}</Notice>}
      <h3>{t('family.invite.open')}</h3>
      {invitations !== null && pending.length === 0 && <p className="muted">{t('family.invite.none')}</p>}
      <ul className="device-list">
        {pending.map((invitation) => (
          <li key={invitation.id} className="device">
            <div className="device__text">
              <div className="device__name">{invitation.email}</div>
              <div className="device__meta">{t('family.invite.expires', { date: i18n.formatDate(new Date(invitation.expiresAt)) })}</div>
            </div>
            <Button
              variant="secondary"
              className="device__action"
              aria-label={t('family.invite.revokeNamed', { email: invitation.email ?? '' })}
              onClick={() => void revoke(invitation)}
            >
              {t('family.invite.revoke')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
