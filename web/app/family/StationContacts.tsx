import { useEffect, useId, useState } from 'react';
import { Notice } from '../../common/components/Notice.js';
import { errorSentence } from '../../common/errors.js';
import { useI18n } from '../../common/i18n.js';
import { listStationContacts, setStationContact, type PersonJson, type StationContactJson } from '../familyApi.js';

/** Per relative: may they message and call this station person? Saved at each click. */
export function StationContacts(props: { station: PersonJson; people: PersonJson[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const [contacts, setContacts] = useState<Record<string, StationContactJson> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Someone who joins gets the family's default permissions on the server: fetch them too.
  const peopleKey = props.people.map((p) => p.id).join(',');

  useEffect(() => {
    let live = true;
    listStationContacts(props.station.id).then(
      (list) => live && setContacts(Object.fromEntries(list.map((c) => [c.userId, c]))),
      (thrown: unknown) => live && setError(errorSentence(thrown, i18n)),
    );
    return () => {
      live = false;
    };
  }, [props.station.id, i18n, peopleKey]);

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
