import { useEffect, useRef } from 'react';
import type { CallOptionsJson } from '../../common/calls/types.js';
import { useI18n } from '../../common/i18n.js';
import type { PersonJson } from '../api.js';
import { Avatar } from '../Avatar.js';
import { PhoneIcon } from './PhoneIcon.js';
import './calls.css';

export interface CallContactsProps {
  /** Everyone the screen knows; only those the server lets it call now are shown. */
  people: readonly PersonJson[];
  options: ReadonlyMap<string, CallOptionsJson>;
  starting: boolean;
  onCallPerson(person: PersonJson): void;
  onRingFamily(): void;
  onBack(): void;
}

/**
 * The one level below home: a large tile for each person the station person may call ("Call
 * Anna", with "Available now" for whoever has prifora open), Ring the family for everyone
 * available at once, and Back. The station goes home from here after a minute untouched.
 */
export function CallContacts(props: CallContactsProps) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const callable = props.people.filter((person) => props.options.get(person.id)?.call === true);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <main className="call-contacts" aria-busy={props.starting || undefined}>
      <header className="call-contacts__head">
        <h1 className="call-contacts__title" ref={heading} tabIndex={-1}>
          {t('station.call.choose')}
        </h1>
        <button type="button" className="station-button station-button--back" onClick={props.onBack}>
          {t('station.call.back')}
        </button>
      </header>
      <ul className="call-contacts__list">
        {callable.map((person) => (
          <li key={person.id}>
            <button type="button" className="contact-tile" aria-disabled={props.starting || undefined} onClick={() => props.onCallPerson(person)}>
              <Avatar name={person.firstName} photoUrl={person.photoUrl} size="large" />
              <span className="contact-tile__name">{t('station.call.person', { name: person.firstName })}</span>
              {props.options.get(person.id)?.online ? <span className="contact-tile__online">{t('station.call.available')}</span> : null}
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="contact-tile contact-tile--family" aria-disabled={props.starting || undefined} onClick={props.onRingFamily}>
            <PhoneIcon />
            <span className="contact-tile__name">{t('station.call.family')}</span>
            <span className="contact-tile__hint">{t('station.call.familyHint')}</span>
          </button>
        </li>
      </ul>
    </main>
  );
}
