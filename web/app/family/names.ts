import type { I18n } from '../../common/i18n.js';
import type { PersonJson } from '../familyApi.js';

/** "Bram de Vries"; a station person also by their screen: "Riet de Vries (Riet’s screen)". */
export function personName(person: Pick<PersonJson, 'firstName' | 'lastName' | 'role'>, i18n: Pick<I18n, 't'>): string {
  const full = `${person.firstName} ${person.lastName}`.trim();
  return person.role === 'station' ? i18n.t('people.nameWithScreen', { name: full, first: person.firstName }) : full;
}

/** Everyone in the list by first name, then last name, the way the server sorts them. */
export function byName(a: PersonJson, b: PersonJson): number {
  return a.firstName.localeCompare(b.firstName) || a.lastName.localeCompare(b.lastName);
}
