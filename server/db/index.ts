import path from 'node:path';
import sqlite3 from 'sqlite3';
import { Sequelize, Transaction } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { Event } from './models/Event.js';
import { Invitation } from './models/Invitation.js';
import { MagicLink } from './models/MagicLink.js';
import { MailJob } from './models/MailJob.js';
import { Session } from './models/Session.js';
import { User } from './models/User.js';
import { migrations } from './migrations/index.js';

export { Event, Invitation, MagicLink, MailJob, Session, User };
export type { Transaction };

/** Milliseconds a connection waits for another process's write lock (the CLI beside the server). */
const busyTimeoutMs = 5000;

/**
 * sqlite3 with a busy timeout on every connection: Sequelize opens one connection per
 * transaction, and each must wait for a lock instead of failing at once.
 */
const patientSqlite = {
  ...sqlite3,
  Database: class extends sqlite3.Database {
    constructor(filename: string, mode: number, callback: (error: Error | null) => void) {
      super(filename, mode, (error) => {
        if (!error) this.configure('busyTimeout', busyTimeoutMs);
        callback(error);
      });
    }
  },
};

/** The database of one prifora instance. */
export interface Database {
  sequelize: Sequelize;
  /** Runs fn in a write transaction. Writes are queued in-process: SQLite has one writer. */
  write<T>(fn: (transaction: Transaction) => Promise<T>): Promise<T>;
  migrator: Umzug<ReturnType<Sequelize['getQueryInterface']>>;
  close(): Promise<void>;
}

/** Where the database of a data directory lives. */
export function databasePath(dataDir: string): string {
  return path.join(dataDir, 'prifora.db');
}

/**
 * Opens the SQLite database (':memory:' for a throw-away one) with WAL and foreign keys on, and
 * initialises the models. Migrations are not applied here: call `migrator.up()`.
 */
export async function openDatabase(storage: string): Promise<Database> {
  const sequelize = new Sequelize({
    dialect: 'sqlite',
    storage,
    dialectModule: patientSqlite,
    logging: false,
    define: { freezeTableName: true },
  });
  for (const model of [User, Session, Invitation, MagicLink, Event, MailJob]) model.initModel(sequelize);
  User.hasMany(Session, { foreignKey: 'userId', onDelete: 'CASCADE' });
  Session.belongsTo(User, { foreignKey: 'userId' });
  MagicLink.belongsTo(User, { foreignKey: 'userId', onDelete: 'CASCADE' });
  Invitation.belongsTo(User, { as: 'invitedBy', foreignKey: 'invitedById' });
  Invitation.belongsTo(User, { as: 'acceptedUser', foreignKey: 'acceptedUserId' });

  if (storage !== ':memory:') await sequelize.query('PRAGMA journal_mode=WAL');
  await sequelize.query('PRAGMA foreign_keys=ON');

  const migrator = new Umzug({
    migrations,
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });

  let queue: Promise<unknown> = Promise.resolve();
  const write = <T>(fn: (transaction: Transaction) => Promise<T>): Promise<T> => {
    const run = queue.then(() => sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, fn));
    queue = run.catch(() => undefined);
    return run;
  };

  return { sequelize, write, migrator, close: () => sequelize.close() };
}
