/**
 * The small interfaces through which services reach the bridges. The composition root
 * (server/index.ts) plugs in a real bridge, or a double in unit tests.
 */
import type { Language } from '../i18n/index.js';

/** A mail ready to go out. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends one mail; throws when it could not be handed over. */
export interface Mailer {
  /** "smtp" sends for real; "outbox" writes .eml files into DATA/outbox. */
  readonly kind: 'smtp' | 'outbox';
  /** One line for people: where mail goes ("smtp.example.org:587 (starttls)"). */
  readonly description: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The mails prifora writes, and what each needs. */
export interface MailTemplates {
  invitation: { inviter: string; link: string };
  magicLink: { name: string; link: string };
  welcome: { name: string; link: string };
  test: object;
}
export type MailTemplate = keyof MailTemplates;

/** Renders a template in a language, for a family. */
export type MailRenderer = <T extends MailTemplate>(
  template: T,
  language: Language,
  params: MailTemplates[T] & { family: string },
) => Omit<OutgoingMail, 'to'>;
