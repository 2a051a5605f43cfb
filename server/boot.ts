import os from 'node:os';
import path from 'node:path';
import { createMailer, renderMail } from '../bridges/mail/index.js';
import { createCallBridge } from './callBridge.js';
import { createMdnsDiscovery, type MdnsOptions } from '../bridges/mdns/index.js';
import type { Config } from './config/index.js';
import type { Language } from './i18n/index.js';
import { databasePath, openDatabase } from './db/index.js';
import { createLogger, type Logger } from './logger.js';
import type { ServiceContext } from './services/context.js';
import type { LanDiscovery } from './services/ports.js';
import { createCaches, invalidateCaches } from './services/cache.js';
import { CallRuntime } from './services/callRuntime.js';
import { EventBus } from './services/events.js';
import { MailQueue } from './services/mail.js';
import { StationPresence } from './services/presence.js';
import { RateLimiter } from './services/rateLimits.js';
import { WeatherCache } from './services/weather.js';
import { createWeatherSource } from './weatherSource.js';

/** The services of one instance, plus what it takes to shut them down. */
export interface Services extends ServiceContext {
  mailQueue: MailQueue;
  close(): Promise<void>;
}

/**
 * The composition root: opens the database of a data directory and wires config, bus, mailer
 * and limiter into the context every service receives. Migrations are applied by the caller
 * (start applies them; `migrate --status` only looks).
 */
export async function openServices(options: {
  dataDir: string;
  config: Config;
  logger?: Logger;
  /** ':memory:' for a throw-away database in tests. */
  storage?: string;
}): Promise<Services> {
  const logger = options.logger ?? createLogger(options.config.log.level);
  const db = await openDatabase(options.storage ?? databasePath(options.dataDir));
  const mailer = createMailer(options.config.mail, options.dataDir, (line) =>
    logger.info({ to: line.to, links: line.links, file: path.basename(line.file) }, `mail written to outbox: ${line.subject}`),
  );
  const bus = new EventBus();
  const caches = createCaches();
  bus.on('*', (event) => invalidateCaches(caches, event.type));
  const services: Omit<Services, 'mailQueue'> & { mailQueue?: MailQueue } = {
    dataDir: options.dataDir,
    config: options.config,
    db,
    bus,
    caches,
    stationPresence: new StationPresence(),
    calls: new CallRuntime({ ringMs: options.config.calls.ringSeconds * 1000, aliveMs: options.config.calls.aliveSeconds * 1000 }),
    callBridge: createCallBridge(options.config.jitsi),
    weather: new WeatherCache(createWeatherSource(options.config.weather, options.config.family.timeZone), {
      onFailure: (error) => logger.warn({ err: error }, 'the weather provider did not answer; the screens keep the last reading for up to 3 hours'),
    }),
    logger,
    mailer,
    renderMail,
    limiter: new RateLimiter(),
    kickMailQueue: () => services.mailQueue?.kick(),
    async close() {
      await services.mailQueue?.stop();
      services.calls.stop();
      mailer.close();
      await db.close();
    },
  };
  services.mailQueue = new MailQueue(services);
  return services as Services;
}

/**
 * Finding prifora on the LAN over mDNS/DNS-SD: the server announces itself with it, and
 * `prifora station discover` looks with it. Needs no data directory.
 */
export function createLanDiscovery(options: MdnsOptions = {}): LanDiscovery {
  return createMdnsDiscovery(options);
}

/**
 * Sends one test mail with mail settings that are not saved yet (the init wizard's live test).
 * Returns where it went; throws the transport's error when it could not be sent.
 */
export async function testMailSettings(input: { mail: Config['mail']; familyName: string; language: Language; to: string }): Promise<string> {
  const mailer = createMailer(input.mail, os.tmpdir(), () => undefined);
  try {
    await mailer.send({ to: input.to, ...renderMail('test', input.language, { family: input.familyName }) });
    return mailer.description;
  } finally {
    mailer.close();
  }
}
