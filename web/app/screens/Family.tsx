import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../../common/components/Button.js';
import { Notice } from '../../common/components/Notice.js';
import { PageHeading } from '../../common/components/PageHeading.js';
import { TextField } from '../../common/components/TextField.js';
import { errorSentence, fieldErrors } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { AppFrame } from '../components/Frames.js';
import {
  createInvitation,
  listInvitations,
  listPeople,
  listStationContacts,
  listStationPeople,
  revokeInvitation,
  setStationContact,
  type InvitationJson,
  type PersonJson,
  type StationContactJson,
} from '../familyApi.js';
import { useSession } from '../session.js';

type State = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; people: PersonJson[]; stations: PersonJson[] };

/**
 * Family: everyone in the family and the station people, by first name. Admins also invite by
 * email, withdraw invitations, and decide per station person who may message and call it.
 */
export function Family() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const isAdmin = me?.role === 'admin';
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const [people, stations] = await Promise.all([listPeople(), listStationPeople()]);
      setState({ status: 'ready', people: people.filter((p) => p.role !== 'station'), stations });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <AppFrame>
      <PageHeading title={t('family.pageTitle')}>{t('family.title')}</PageHeading>
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'failed' && (
        <div className="stack">
          <Notice tone="error">{errorSentence(state.error, i18n)}</Notice>
          <Button onClick={load}>{t('error.tryAgain')}</Button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <section className="card stack" aria-labelledby="family-people">
            <h2 id="family-people">{t('family.people')}</h2>
            <ul className="people-list">
              {state.people.map((person) => (
                <li key={person.id} className="person">
                  <span className="person__avatar" aria-hidden="true">
                    {person.firstName.slice(0, 1)}
                  </span>
                  <span className="person__name">{person.firstName}</span>
                  {person.role === 'admin' && <span className="badge">{t('family.admin')}</span>}
                  {person.id === me?.id && <span className="muted small">{t('family.you')}</span>}
                </li>
              ))}
            </ul>
          </section>
          <section className="card stack" aria-labelledby="family-stations">
            <h2 id="family-stations">{t('family.stations')}</h2>
            {state.stations.length === 0 ? (
              <p className="muted">{t('family.noStations')}</p>
            ) : (
              <ul className="people-list">
                {state.stations.map((station) => (
                  <li key={station.id} className="person">
                    <span className="person__avatar person__avatar--station" aria-hidden="true">
                      {station.firstName.slice(0, 1)}
                    </span>
                    <span className="person__name">{t('family.stationOf', { name: station.firstName })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {isAdmin &&
            state.stations.map((station) => <StationContacts key={station.id} station={station} people={state.people} />)}
          {isAdmin && <Invitations />}
        </>
      )}
    </AppFrame>
  );
}

/** Per relative: may they message and call this station person? Saved at each click. */
function StationContacts(props: { station: PersonJson; people: PersonJson[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const [contacts, setContacts] = useState<Record<string, StationContactJson> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    listStationContacts(props.station.id).then(
      (list) => live && setContacts(Object.fromEntries(list.map((c) => [c.userId, c]))),
      (thrown: unknown) => live && setError(errorSentence(thrown, i18n)),
    );
    return () => {
      live = false;
    };
  }, [props.station.id, i18n]);

  const change = async (person: PersonJson, field: 'mayMessage' | 'mayCall', value: boolean) => {
    setError(null);
    setSaved(null);
    try {
      const contact = await setStationContact(props.station.id, person.id, { [field]: value });
      setContacts((current) => ({ ...current, [person.id]: contact }));
      setSaved(t('family.contacts.saved', { name: person.firstName }));
    } catch (thrown) {
      setError(errorSentence(thrown, i18n));
    }
  };

  const name = props.station.firstName;
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('family.contacts.title', { name })}</h2>
      <p className="muted">{t('family.contacts.intro', { name })}</p>
      {error && <Notice tone="error">{error}</Notice>}
      {contacts === null && !error && <p role="status">{t('app.loading')}</p>}
      {contacts && (
        <ul className="contact-list">
          {props.people.map((person) => {
            const contact = contacts[person.id];
            return (
              <li key={person.id} className="contact">
                <span className="contact__name">{person.firstName}</span>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={contact?.mayMessage ?? false}
                    onChange={(event) => void change(person, 'mayMessage', event.target.checked)}
                  />
                  {t('family.contacts.mayMessage', { person: person.firstName, name })}
                </label>
                <label className="check">
                  <input type="checkbox" checked={contact?.mayCall ?? false} onChange={(event) => void change(person, 'mayCall', event.target.checked)} />
                  {t('family.contacts.mayCall', { person: person.firstName, name })}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {saved && <p role="status" className="small muted">{saved}</p>}
    </section>
  );
}

/** Admins: invite someone by email, and the invitations still open, each to withdraw. */
function Invitations() {
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
