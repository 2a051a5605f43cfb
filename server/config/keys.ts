import { z } from 'zod';
import { languages } from '../i18n/index.js';
import { limits } from '../limits.js';

/**
 * One config key: its type, what it is for, and how it can be set. The README table, the init
 * wizard's questions, `init --yes` flags, environment variables and the sample config all come
 * from these definitions.
 */
export interface KeyDefinition<S extends z.ZodType = z.ZodType> {
  schema: S;
  description: string;
  /** Value used when nothing sets the key; `generate` makes a fresh secret at init. */
  default: z.input<S> | (() => z.input<S>);
  example: string;
  secret?: boolean;
  /** Set by `init` with a freshly generated value instead of asking. */
  generated?: boolean;
  /** A flag of `init --yes`, like `--family-name`. */
  flag?: string;
  /** Asked by the interactive init wizard. */
  ask?: boolean;
}

/** A nested group of keys, mirroring the shape of config.json. */
export interface KeyTree {
  [name: string]: KeyDefinition | KeyTree;
}

function key<S extends z.ZodType>(definition: KeyDefinition<S>): KeyDefinition<S> {
  return definition;
}

function randomSecret(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

const timeZone = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, 'not a known time zone (use an IANA name such as Europe/Amsterdam)');

const httpUrl = z
  .string()
  .url('not a URL (write it like https://family.example.org)')
  .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://')
  .transform((value) => value.replace(/\/+$/, ''));

const hostPattern = /^(?=.{1,253}(:|$))([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/;

/**
 * A Jitsi domain as the IFrame API takes it: a host name, and a port only when Jitsi is not on
 * 443. prifora adds https:// itself, so a scheme or a path would end up doubled in every URL.
 */
const jitsiDomain = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => !/^[a-z][a-z0-9+.-]*:\/\//.test(value), 'must be the domain only, without https:// (like meet.example.org)')
  .refine((value) => !/[/?#]/.test(value), 'must be the domain only, without a path (like meet.example.org)')
  .refine((value) => new RegExp(`${hostPattern.source}(:\\d{1,5})?$`).test(value), 'not a domain name (like meet.example.org, or meet.example.org:8443 when Jitsi is not on port 443)')
  .refine((value) => {
    const port = value.match(/:(\d+)$/)?.[1];
    return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
  }, 'the port after the colon must be 1 to 65535');

/**
 * ICE server URLs as WebRTC takes them (stun:host[:port], turn:/turns:host[:port][?transport=udp|tcp]):
 * a list in config.json, or one comma-separated line in an environment variable.
 */
function iceUrls(scheme: 'stun:' | 'turn:') {
  const pattern = scheme === 'stun:' ? /^stuns?:[a-z0-9.-]+(:\d{1,5})?$/i : /^turns?:[a-z0-9.-]+(:\d{1,5})?(\?transport=(udp|tcp))?$/i;
  const example = scheme === 'stun:' ? 'stun:stun.example.org:3478' : 'turn:turn.example.org:3478';
  const list = z.array(z.string().trim().regex(pattern, `each must be a URL like ${example}`)).min(1, 'must name at least one server').max(10, 'at most 10 servers');
  return z.union([list, z.string().transform((text) => text.split(/[\s,]+/).filter(Boolean)).pipe(list)], { message: `must be URLs like ${example}` });
}

/** Every config key of prifora. */
export const configKeys = {
  family: {
    name: key({
      schema: z.string().trim().min(1, 'must not be empty').max(limits.familyNameLength, `at most ${limits.familyNameLength} characters`),
      description: 'The family name shown in the app, on the station and in every email.',
      default: 'Family',
      example: 'De Vries',
      flag: '--family-name',
      ask: true,
    }),
    timeZone: key({
      schema: timeZone,
      description: 'IANA time zone used for the day clock, the agenda and reminders.',
      default: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Amsterdam',
      example: 'Europe/Amsterdam',
      flag: '--time-zone',
      ask: true,
    }),
    language: key({
      schema: z.enum(languages, { message: 'must be nl or en' }),
      description: 'Language for the station and for people who have not chosen one (nl or en).',
      default: 'nl',
      example: 'nl',
      flag: '--language',
      ask: true,
    }),
  },
  server: {
    publicUrl: key({
      schema: httpUrl,
      description: 'The address relatives open; links in emails point here.',
      default: 'http://localhost:8080',
      example: 'https://devries.example.org',
      flag: '--public-url',
      ask: true,
    }),
    host: key({
      schema: z.string().min(1, 'must not be empty'),
      description: 'Address the server listens on (0.0.0.0 for the whole LAN, 127.0.0.1 for this host only).',
      default: '0.0.0.0',
      example: '0.0.0.0',
    }),
    port: key({
      schema: z.number().int('must be a whole number').min(0, 'must be 0 to 65535').max(65535, 'must be 0 to 65535'),
      description: 'TCP port the server listens on (0 picks a free one).',
      default: 8080,
      example: '8080',
    }),
    trustProxy: key({
      schema: z.boolean(),
      description: 'Trust X-Forwarded-* headers from a reverse proxy in front of prifora.',
      default: false,
      example: 'true',
    }),
  },
  secrets: {
    session: key({
      schema: z.string().min(32, 'must be at least 32 characters'),
      description: 'Secret for signing links and cookies. Generated at init; keep it private.',
      default: randomSecret,
      example: '(generated)',
      secret: true,
      generated: true,
    }),
  },
  mail: {
    from: key({
      schema: z.string().min(3, 'must be an address like prifora@example.org').max(limits.emailLength),
      description: 'Sender address of the mail prifora sends.',
      default: 'prifora@localhost',
      example: 'De Vries <prifora@devries.example.org>',
      flag: '--mail-from',
    }),
    smtp: {
      host: key({
        schema: z.string().max(253).nullable(),
        description: 'SMTP server. When empty, mail is written as .eml files to DATA/outbox instead of sent.',
        default: null,
        example: 'smtp.example.org',
        flag: '--smtp-host',
        ask: true,
      }),
      port: key({
        schema: z.number().int('must be a whole number').min(1, 'must be 1 to 65535').max(65535, 'must be 1 to 65535'),
        description: 'SMTP port (465 for TLS, 587 for STARTTLS, 25 for plain).',
        default: 587,
        example: '587',
        flag: '--smtp-port',
        ask: true,
      }),
      security: key({
        schema: z.enum(['tls', 'starttls', 'none'], { message: 'must be tls, starttls or none' }),
        description: 'tls: encrypted from the start (port 465); starttls: upgrade required (587); none: plain (only on a trusted network).',
        default: 'starttls',
        example: 'starttls',
        flag: '--smtp-security',
        ask: true,
      }),
      user: key({
        schema: z.string().max(254).nullable(),
        description: 'SMTP user name, when the server needs one.',
        default: null,
        example: 'prifora@example.org',
        flag: '--smtp-user',
        ask: true,
      }),
      password: key({
        schema: z.string().max(1024).nullable(),
        description: 'SMTP password.',
        default: null,
        example: '(secret)',
        secret: true,
        flag: '--smtp-password',
        ask: true,
      }),
    },
  },
  jitsi: {
    domain: key({
      schema: jitsiDomain.nullable(),
      description: 'Domain of the family’s Jitsi Meet, without https:// (a port only when not 443). Empty: calls use the built-in engine.',
      default: null,
      example: 'meet.devries.example.org',
      flag: '--jitsi-domain',
      ask: true,
    }),
    appId: key({
      schema: z
        .string()
        .min(1, 'must not be empty')
        .max(100, 'at most 100 characters')
        .regex(/^[A-Za-z0-9._-]+$/, 'only letters, digits, dots, dashes and underscores (it is also JWT_APP_ID in Jitsi’s settings)'),
      description: 'JWT app id shared with Jitsi (iss and aud of call tokens; JWT_APP_ID in docker-jitsi-meet).',
      default: 'prifora',
      example: 'prifora',
    }),
    appSecret: key({
      schema: z.string().min(32, 'must be at least 32 characters'),
      description: 'JWT secret shared with Jitsi (JWT_APP_SECRET in docker-jitsi-meet). Generated at init; never printed.',
      default: randomSecret,
      example: '(generated)',
      secret: true,
      generated: true,
    }),
    sub: key({
      schema: z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^(\*|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)$/, 'must be * or a lowercase domain or tenant (like meet.jitsi)')
        .nullable(),
      description: 'JWT sub of call tokens: Jitsi’s XMPP domain or tenant (meet.jitsi in docker-jitsi-meet), or *. Empty: the host of jitsi.domain.',
      default: null,
      example: 'meet.jitsi',
    }),
    tokenMinutes: key({
      schema: z.number().int('must be a whole number').min(5, 'must be 5 to 1440').max(1440, 'must be 5 to 1440'),
      description: 'How long a call token stays valid, in minutes; Jitsi refuses a rejoin after it expires.',
      default: 240,
      example: '240',
    }),
    recording: key({
      schema: z.boolean(),
      description: 'Whether calls may be recorded (needs Jibri on the Jitsi side); off: every token denies recording.',
      default: false,
      example: 'false',
    }),
  },
  calls: {
    ringSeconds: key({
      schema: z.number().int('must be a whole number').min(1, 'must be 1 to 600').max(600, 'must be 1 to 600'),
      description: 'How long a call rings before it counts as missed, in seconds.',
      default: 45,
      example: '45',
    }),
    aliveSeconds: key({
      schema: z.number().int('must be a whole number').min(1, 'must be 1 to 600').max(600, 'must be 1 to 600'),
      description: 'A call ends when someone in it has not reported for this many seconds (a closed tab, a phone gone offline); call screens report every 10 s.',
      default: 30,
      example: '30',
    }),
    stunUrls: key({
      schema: iceUrls('stun:').nullable(),
      description: 'STUN servers for built-in calls beyond the home network, comma-separated (like stun:stun.example.org:3478). Empty: none, which serves a LAN.',
      default: null,
      example: 'stun:stun.example.org:3478',
    }),
    turnUrls: key({
      schema: iceUrls('turn:').nullable(),
      description: 'TURN servers that relay built-in calls when no direct path exists, comma-separated (like turn:turn.example.org:3478?transport=udp). Empty: none.',
      default: null,
      example: 'turn:turn.example.org:3478',
    }),
    turnUsername: key({
      schema: z.string().min(1, 'must not be empty').max(200, 'at most 200 characters').nullable(),
      description: 'User name for the TURN servers, when they use fixed credentials (ignored with calls.turnSecret).',
      default: null,
      example: 'prifora',
    }),
    turnPassword: key({
      schema: z.string().min(1, 'must not be empty').max(200, 'at most 200 characters').nullable(),
      description: 'Password for the TURN servers, when they use fixed credentials (ignored with calls.turnSecret).',
      default: null,
      example: '(secret)',
      secret: true,
    }),
    turnSecret: key({
      schema: z.string().min(16, 'must be at least 16 characters').max(200, 'at most 200 characters').nullable(),
      description: 'Shared secret of coturn’s use-auth-secret: each call participant gets credentials that expire after 12 hours instead of a fixed password.',
      default: null,
      example: '(secret)',
      secret: true,
    }),
  },
  matrix: {
    homeserverUrl: key({
      schema: httpUrl.nullable(),
      description: 'Matrix homeserver to bridge chats to. Empty: no Matrix bridge.',
      default: null,
      example: 'https://matrix.devries.example.org',
      flag: '--matrix-homeserver',
      ask: true,
    }),
  },
  network: {
    defaultMayMessage: key({
      schema: z.boolean(),
      description: 'Whether a new member may message the station people until an admin decides otherwise.',
      default: true,
      example: 'true',
    }),
    defaultMayCall: key({
      schema: z.boolean(),
      description: 'Whether a new member may call the station people until an admin decides otherwise.',
      default: true,
      example: 'true',
    }),
  },
  media: {
    maxPhotoBytes: key({
      schema: z.number().int('must be a whole number').min(1024, 'must be at least 1024'),
      description: 'Largest photo upload, in bytes (413 beyond it).',
      default: 50 * 1024 * 1024,
      example: '52428800',
    }),
    maxVideoBytes: key({
      schema: z.number().int('must be a whole number').min(1024, 'must be at least 1024'),
      description: 'Largest video upload, in bytes (413 beyond it).',
      default: 2 * 1024 * 1024 * 1024,
      example: '2147483648',
    }),
    maxPixels: key({
      schema: z.number().int('must be a whole number').min(1, 'must be at least 1'),
      description: 'Most pixels (width × height) a photo may have; larger ones are refused (422) before decoding.',
      default: 100_000_000,
      example: '100000000',
    }),
    quotaBytes: key({
      schema: z.number().int('must be a whole number').min(0, 'must be 0 or more').nullable(),
      description: 'Storage quota for all photos and videos, in bytes (a hosting plan limit; 507 when full). Empty: no quota.',
      default: null,
      example: '53687091200',
    }),
  },
  events: {
    retentionDays: key({
      schema: z.number().int('must be a whole number').min(1, 'must be at least 1').max(3650),
      description: 'Days the event log is kept for catching up clients and bridges.',
      default: 30,
      example: '30',
    }),
  },
  discovery: {
    mdns: key({
      schema: z.boolean(),
      description: 'Announce prifora on the LAN with mDNS/DNS-SD (_prifora._tcp, with the public URL) so a Home Station finds it; only on the address the server listens on. false: no announcement.',
      default: true,
      example: 'true',
    }),
  },
  weather: {
    provider: key({
      schema: z.enum(['none', 'open-meteo'], { message: 'must be none or open-meteo' }),
      description:
        'Where the station’s weather comes from. none: no weather, and nothing is sent anywhere. open-meteo: the server asks weather.url for the current temperature and sky at most every 30 minutes, sending only weather.latitude, weather.longitude and the family’s time zone (no names, no ids, nothing else about the family); it needs no account or key.',
      default: 'none',
      example: 'open-meteo',
    }),
    latitude: key({
      schema: z.number('must be a number like 52.37').min(-90, 'must be -90 to 90').max(90, 'must be -90 to 90').nullable(),
      description: 'Latitude of the family’s home for the weather, in degrees (like 52.37); sent to the weather provider rounded to two decimals (about 1 km). Required when weather.provider is not none.',
      default: null,
      example: '52.37',
    }),
    longitude: key({
      schema: z.number('must be a number like 4.89').min(-180, 'must be -180 to 180').max(180, 'must be -180 to 180').nullable(),
      description: 'Longitude of the family’s home for the weather, in degrees (like 4.89); sent to the weather provider rounded to two decimals. Required when weather.provider is not none.',
      default: null,
      example: '4.89',
    }),
    url: key({
      schema: httpUrl,
      description: 'The forecast address of the weather provider (Open-Meteo’s, or a mirror of it the family trusts more).',
      default: 'https://api.open-meteo.com/v1/forecast',
      example: 'https://api.open-meteo.com/v1/forecast',
    }),
  },
  log: {
    level: key({
      schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' }),
      description: 'How much the server logs.',
      default: 'info',
      example: 'info',
    }),
  },
} satisfies KeyTree;

type Infer<T> = {
  -readonly [K in keyof T]: T[K] extends KeyDefinition<infer S> ? z.output<S> : Infer<T[K]>;
};

/** The validated configuration of one prifora instance. */
export type Config = Infer<typeof configKeys>;

/** A key with its dotted path, like `mail.smtp.host`. */
export interface FlatKey {
  path: string;
  /** The environment variable that sets it, like PRIFORA_MAIL_SMTP_HOST. */
  env: string;
  definition: KeyDefinition;
}

function isDefinition(node: KeyDefinition | KeyTree): node is KeyDefinition {
  return 'schema' in node && node.schema instanceof z.ZodType;
}

/** Every key as a flat list, in the order of the tree. */
export function flatKeys(tree: KeyTree = configKeys, prefix = ''): FlatKey[] {
  return Object.entries(tree).flatMap(([name, node]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    if (isDefinition(node)) {
      const env = `PRIFORA_${path.replace(/([a-z])([A-Z])/g, '$1_$2').replace(/\./g, '_').toUpperCase()}`;
      return [{ path, env, definition: node }];
    }
    return flatKeys(node, path);
  });
}

/** The zod schema of a whole config.json: strict, so unknown keys are refused. */
export function configSchema(tree: KeyTree = configKeys): z.ZodType<Config> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, node] of Object.entries(tree)) {
    shape[name] = isDefinition(node) ? node.schema : configSchema(node);
  }
  return z.strictObject(shape) as unknown as z.ZodType<Config>;
}

/** A rule between keys that no single key's schema can state: the key to blame and why. */
export interface KeyRule {
  path: string;
  /** The problem, or null when the config keeps the rule. */
  check(config: Config): string | null;
}

/** Rules between keys, checked after every key on its own passed. */
export const keyRules: KeyRule[] = [
  ...(['latitude', 'longitude'] as const).map((name) => ({
    path: `weather.${name}`,
    check: (config: Config) =>
      config.weather.provider !== 'none' && config.weather[name] === null
        ? `is required when weather.provider is ${config.weather.provider}: the weather is asked for this place (set it, or set weather.provider to none)`
        : null,
  })),
];

/** The value a key takes when nothing sets it (a fresh one for generated secrets). */
export function defaultValue(definition: KeyDefinition): unknown {
  return typeof definition.default === 'function' ? (definition.default as () => unknown)() : definition.default;
}
