import path from 'node:path';
import { openServices, type Services } from '../server/boot.js';
import { loadConfig } from '../server/config/index.js';
import { createLogger } from '../server/logger.js';
import { applyMigrations } from '../server/services/database.js';
import { createOutput, type Output } from './ui/output.js';

/** Options every command has. */
export interface CommonOptions {
  data: string;
  json?: boolean;
}

/** The resolved data directory of a command. */
export function dataDirOf(options: CommonOptions): string {
  return path.resolve(options.data);
}

/**
 * Runs a command body with the services of the data directory (migrations applied), and closes
 * them afterwards. Logs below warnings stay quiet: the command's own output is what counts.
 */
export async function withServices<T>(
  options: CommonOptions,
  body: (services: Services, out: Output) => Promise<T>,
  settings: { migrate?: boolean } = {},
): Promise<T> {
  const dataDir = dataDirOf(options);
  const config = loadConfig(dataDir);
  const services = await openServices({ dataDir, config, logger: createLogger('warn') });
  try {
    if (settings.migrate !== false) await applyMigrations(services);
    return await body(services, createOutput());
  } finally {
    await services.close();
  }
}
