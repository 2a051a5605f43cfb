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
  /** inviter is null when the family itself invites (the CLI on the host). */
  invitation: { inviter: string | null; link: string };
  magicLink: { name: string; link: string };
  welcome: { name: string; link: string };
  test: object;
  supportRequest: { asker: string; topic: string; question: string; link: string };
  supportAnswer: { name: string; helper: string; topic: string; answer: string; link: string };
  supportClosed: { name: string; helper: string; topic: string; link: string };
}
export type MailTemplate = keyof MailTemplates;

/** Renders a template in a language, for a family. */
export type MailRenderer = <T extends MailTemplate>(
  template: T,
  language: Language,
  params: MailTemplates[T] & { family: string },
) => Omit<OutgoingMail, 'to'>;

/** One look at the family's Jitsi Meet from this host (`prifora jitsi check`). */
export interface JitsiCheck {
  /** reachable: the domain answers over https; externalApi: it serves the IFrame API script. */
  name: 'reachable' | 'externalApi';
  ok: boolean;
  url: string;
  /** One sentence for people: what was found, or what is wrong and where to look. */
  detail: string;
}

/** What a docker compose set-up of prifora with its own Jitsi Meet is made from. */
export interface JitsiComposeSettings {
  /** Absolute: the compose file points at the Dockerfile written there. */
  outDir: string;
  priforaPublicUrl: string;
  jitsiDomain: string;
  /** For the certificate authority's expiry mails; null: none. */
  email: string | null;
  appId: string;
  appSecret: string;
  recording: boolean;
  timeZone: string;
}

/** A file of a generated set-up, relative to its folder. */
export interface GeneratedFile {
  name: string;
  text: string;
  mode: number;
}

/** The Jitsi bridge as the CLI uses it outside calls. */
export interface JitsiSetup {
  check(domain: string): Promise<JitsiCheck[]>;
  composeFiles(settings: JitsiComposeSettings): GeneratedFile[];
}
