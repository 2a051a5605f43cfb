import './family.css';
import { useState } from 'react';

/** What an avatar needs of a person. */
export interface AvatarPerson {
  firstName: string;
  lastName: string;
  photoUrl: string | null;
  role?: string;
}

/**
 * "BV" for Bram de Vries: the first letter of the first name and of the last word of the last
 * name, since Dutch surnames start with a lowercase "de", "van" or "van der".
 */
export function initials(person: Pick<AvatarPerson, 'firstName' | 'lastName'>): string {
  const last = person.lastName.trim().split(/\s+/).pop() ?? '';
  return `${[...person.firstName.trim()][0] ?? ''}${[...last][0] ?? ''}`.toUpperCase();
}

/**
 * A person's profile photo, or their initials while there is none (or it does not load). The
 * name is always written beside it, so the avatar itself is hidden from screen readers.
 */
export function Avatar(props: { person: AvatarPerson; size?: 'small' | 'medium' | 'large' }) {
  const { person } = props;
  const [failed, setFailed] = useState<string | null>(null);
  const className = ['avatar', `avatar--${props.size ?? 'medium'}`, person.role === 'station' ? 'avatar--station' : ''].filter(Boolean).join(' ');
  const photo = person.photoUrl && failed !== person.photoUrl ? person.photoUrl : null;
  return (
    <span className={className} aria-hidden="true">
      {photo ? <img className="avatar__photo" src={photo} alt="" onError={() => setFailed(photo)} /> : initials(person)}
    </span>
  );
}
