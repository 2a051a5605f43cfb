import type { Command } from 'commander';
import { z } from 'zod';
import { buildConfig, configExists, configPath, loadConfig, writeConfig } from '../../server/config/index.js';
import { startServer } from '../../server/http.js';
import { createLogger } from '../../server/logger.js';
import { version } from '../../server/version.js';
import { dataDirOf, type CommonOptions } from '../context.js';
import { parseFlag, withData } from '../options.js';
import { createOutput } from '../ui/output.js';

interface StartOptions extends CommonOptions {
  port?: string;
  host?: string;
}

const portFlag = z.string().regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535').transform(Number).pipe(z.number().max(65535, 'must be 0 to 65535'));
const hostFlag = z.string().min(1, 'must not be empty').max(253);

/** `prifora start`: applies migrations, serves until SIGINT/SIGTERM, then stops gracefully. */
export function startCommand(program: Command): void {
  withData(program.command('start'))
    .description('apply pending migrations and serve prifora (creates a default config when there is none)')
    .option('--port <n>', 'TCP port (0 picks a free one); default from config')
    .option('--host <address>', 'address to listen on; default from config')
    .action(async (options: StartOptions) => {
      const out = createOutput();
      const dataDir = dataDirOf(options);
      const port = options.port === undefined ? undefined : parseFlag('--port', portFlag, options.port);
      const host = options.host === undefined ? undefined : parseFlag('--host', hostFlag, options.host);
      if (!configExists(dataDir)) {
        writeConfig(dataDir, buildConfig({}, 'defaults'));
        out.note(`No config yet: wrote ${configPath(dataDir)} with defaults ("prifora init --force" asks instead).`);
      }
      const config = loadConfig(dataDir);
      const logger = createLogger(config.log.level);
      const running = await startServer({ dataDir, config, logger, port, host });

      out.line(`prifora ${version} for the ${config.family.name} family`);
      out.line(`listening on ${running.urls[0]}`);
      for (const url of running.urls.slice(1)) out.line(`on the LAN (for the Home Station): ${url}`);
      out.line(`public URL (links in mail): ${config.server.publicUrl}`);
      if (running.migrated.length) out.line(`applied migrations: ${running.migrated.join(', ')}`);
      out.line(`mail goes to ${running.services.mailer.description}`);
      if (running.setupLink) {
        out.line('');
        out.line('This family has no admin yet. Open this link within 24 hours to become the first admin:');
        out.line(`  ${running.setupLink.link}`);
        out.line('');
      }

      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          out.note(`${signal}: finishing requests in flight, then stopping…`);
          running
            .stop()
            .catch((error: unknown) => logger.error({ err: error }, 'error while stopping'))
            .finally(() => {
              logger.flush();
              out.note('stopped');
              resolve();
            });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
