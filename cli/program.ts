import { Command } from 'commander';
import { version } from '../server/version.js';
import { groupCommand } from './commands/group.js';
import { initCommand } from './commands/init.js';
import { jitsiCommand } from './commands/jitsi.js';
import { mailCommand } from './commands/mail.js';
import { mediaCommand } from './commands/media.js';
import { migrateCommand } from './commands/migrate.js';
import { noticeCommand } from './commands/notice.js';
import { startCommand } from './commands/start.js';
import { stationCommand } from './commands/station.js';
import { userCommand } from './commands/user.js';

/** Builds the prifora command with every subcommand; parsing errors throw instead of exiting. */
export function createProgram(): Command {
  const program = new Command('prifora')
    .description('prifora: a self-hosted communication suite for one family')
    .version(version, '-v, --version')
    .showSuggestionAfterError(true);
  for (const register of [initCommand, startCommand, userCommand, groupCommand, stationCommand, noticeCommand, mediaCommand, mailCommand, jitsiCommand, migrateCommand]) register(program);
  const strict = (command: Command) => {
    command.exitOverride().allowExcessArguments(false).configureOutput({ outputError: () => undefined });
    command.commands.forEach(strict);
  };
  strict(program);
  return program;
}
