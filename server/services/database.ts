import type { ServiceContext } from './context.js';

/** One migration and whether it has been applied. */
export interface MigrationState {
  name: string;
  applied: boolean;
}

/** Every known migration with its state, oldest first. */
export async function migrationStatus(ctx: ServiceContext): Promise<MigrationState[]> {
  const [executed, pending] = await Promise.all([ctx.db.migrator.executed(), ctx.db.migrator.pending()]);
  return [
    ...executed.map((m) => ({ name: m.name, applied: true })),
    ...pending.map((m) => ({ name: m.name, applied: false })),
  ];
}

/** Applies pending migrations; returns the names applied. */
export async function applyMigrations(ctx: ServiceContext): Promise<string[]> {
  const applied = await ctx.db.migrator.up();
  return applied.map((m) => m.name);
}

/** Whether the database answers (used by /healthz). */
export async function databaseHealthy(ctx: ServiceContext): Promise<boolean> {
  try {
    await ctx.db.sequelize.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
