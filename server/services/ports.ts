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

/** What a server announces on the LAN (mDNS/DNS-SD, `_prifora._tcp`). */
export interface ServerAnnouncement {
  /** The TCP port the server listens on. */
  port: number;
  /** The public URL, where a Home Station opens /station. */
  url: string;
  version: string;
}

/** A running announcement. */
export interface LanAnnouncement {
  /** Says goodbye on the LAN and closes the socket. */
  stop(): Promise<void>;
}

/** A prifora server found on the LAN. */
export interface FoundServer {
  /** The DNS-SD instance name, like "prifora on nas:8080". */
  name: string;
  /** Its public URL from the TXT record; null when it announced none that is usable. */
  url: string | null;
  version: string | null;
  /** The address it answered from, and its port. */
  host: string;
  port: number;
  addresses: string[];
}

/** Finding prifora on the home LAN: the server announces itself, a station (or the CLI) looks. */
export interface LanDiscovery {
  /** Starts announcing; onUnavailable is called once when multicast does not work here. */
  announce(announcement: ServerAnnouncement, onUnavailable: (reason: string) => void): LanAnnouncement;
  /** Asks the LAN for prifora servers and lists what answered within timeoutMs. */
  browse(timeoutMs: number): Promise<FoundServer[]>;
}

/** Who a call token is for: prifora's id and the name people know them by (strings only). */
export interface CallTokenPerson {
  id: string;
  name: string;
  /** An absolute URL Jitsi can load without a session, or null. */
  avatar: string | null;
}

/** What calls need of the Jitsi bridge (bridges/jitsi): a room per call and a token per participant. */
export interface CallBridge {
  /** A new unguessable, lowercase ASCII room name. */
  newRoomName(): string;
  /**
   * A signed token that lets one person into one room of the family's Jitsi; recording only when
   * `allowRecording` and the config's jitsi.recording both say so. Throws when no Jitsi is set up.
   */
  mintToken(input: { room: string; person: CallTokenPerson; allowRecording: boolean; now?: Date }): string;
}

/** The weather outside now, as a provider reports it. */
export interface WeatherReading {
  /** Degrees Celsius. */
  temperature: number;
  /** The WMO weather interpretation code (0 clear sky … 99 thunderstorm with heavy hail). */
  code: number;
  /** Whether the sun is up there now: a clear sky reads "sunny" by day and "clear" at night. */
  isDay: boolean;
}

/**
 * A weather provider (bridges/weather). Asking sends the place it was made for and nothing else;
 * it throws when the provider does not answer in time or answers something else.
 */
export interface WeatherSource {
  /** One line for logs: which provider, at which address. */
  readonly description: string;
  current(): Promise<WeatherReading>;
}
