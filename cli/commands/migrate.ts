import type { Command } from 'commander';
import { applyMigrations, migrationStatus } from '../../server/services/database.js';
import { withServices, type CommonOptions } from '../context.js';
import { withData, withJson } from '../options.js';

/** `prifora migrate [--status]`: applies pending migrations, or lists them. */
export function migrateCommand(program: Command): void {
  withJson(withData(program.command('migrate')))
    .description('apply pending database migrations (start does this too)')
    .option('--status', 'only list migrations and whether each is applied')
    .action(async (options: CommonOptions & { status?: boolean }) =>
      withServices(
        options,
        async (services, out) => {
          if (options.status) {
            const states = await migrationStatus(services);
            if (options.json) return out.json({ migrations: states });
            out.table(states.map((s) => ({ migration: s.name, state: s.applied ? 'applied' : 'pending' })), ['migration', 'state']);
            return;
          }
          const applied = await applyMigrations(services);
          if (options.json) return out.json({ applied });
          out.line(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
        },
        { migrate: false },
      ),
    );
}
