/**
 * Who is signed in, and the family: loaded once when the app opens and changed by the screens
 * that sign people in and out. Screens read it with useSession().
 */
import { createContext, useContext } from 'react';
import type { MessageKey } from '../common/i18n.js';
import type { FamilyJson, Language, UserJson } from '../common/types.js';

/** What the app knows about the session. */
export interface Session {
  family: FamilyJson | null;
  /** The signed-in person, or null. */
  me: UserJson | null;
  /** A sentence for the sign-in screen after signing out or after the session ended. */
  notice: MessageKey | null;
  /** The person was signed in (the cookie is set): shows the page they were after, else Home. */
  signedIn(user: UserJson): void;
  /** The person is signed out (or their session ended): back to the sign-in screen. */
  signedOut(notice?: MessageKey): void;
  /** The signed-in person changed their profile (language applies at once). */
  updatedMe(user: UserJson): void;
  /** Reads signed-out pages in another language. */
  chooseLanguage(language: Language): void;
}

export const SessionContext = createContext<Session | null>(null);

/** The session of the surrounding app. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs the SessionContext of web/app/App.tsx.');
  return session;
}
