import type { Config } from '../config/index.js';
import type { Database } from '../db/index.js';
import type { Logger } from '../logger.js';
import type { Caches } from './cache.js';
import type { CallRuntime } from './callRuntime.js';
import type { EventBus } from './events.js';
import type { CallBridge, MailRenderer, Mailer } from './ports.js';
import type { StationPresence } from './presence.js';
import type { RateLimiter } from './rateLimits.js';
import type { WeatherCache } from './weather.js';

/**
 * What every service function receives: the instance's config, database, bus and bridges.
 * Built once by the composition root (server/index.ts) and shared by the CLI and the routes.
 */
export interface ServiceContext {
  dataDir: string;
  config: Config;
  db: Database;
  bus: EventBus;
  logger: Logger;
  mailer: Mailer;
  renderMail: MailRenderer;
  limiter: RateLimiter;
  caches: Caches;
  /** Which paired screens are connected to the live hub of this process. */
  stationPresence: StationPresence;
  /** Calls still ringing or active in this process: their timers, who reported, who may signal whom. */
  calls: CallRuntime;
  /** Rooms and participant tokens on the family's Jitsi (bridges/jitsi). */
  callBridge: CallBridge;
  /** The weather for the screens, when weather.provider names one (bridges/weather). */
  weather: WeatherCache;
  /** Asks the mail queue to look for due mail now (after a commit that queued some). */
  kickMailQueue(): void;
}
