import path from 'node:path';
import sqlite3 from 'sqlite3';
import { Sequelize, Transaction } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { Call, CallMarker, CallParticipant, CallSettings } from './models/Call.js';
import { Conversation, Participant } from './models/Conversation.js';
import { Event } from './models/Event.js';
import { Group, GroupMember } from './models/Group.js';
import { Invitation } from './models/Invitation.js';
import { MagicLink } from './models/MagicLink.js';
import { MailJob } from './models/MailJob.js';
import { Media, MediaFile, MediaUpload, MessageAttachment } from './models/Media.js';
import { Message } from './models/Message.js';
import { Notice, NoticeRead } from './models/Notice.js';
import { Session } from './models/Session.js';
import { Slideshow, SlideshowItem, StationSlideshow } from './models/Slideshow.js';
import { Station, StationPairing } from './models/Station.js';
import { StationContact } from './models/StationContact.js';
import { StationProfile } from './models/StationProfile.js';
import { StationSettings } from './models/StationSettings.js';
import { SupportReply, SupportRequest } from './models/SupportRequest.js';
import { User } from './models/User.js';
import { migrations } from './migrations/index.js';

export {
  Call,
  CallMarker,
  CallParticipant,
  CallSettings,
  Conversation,
  Event,
  Group,
  GroupMember,
  Invitation,
  MagicLink,
  MailJob,
  Media,
  MediaFile,
  MediaUpload,
  Message,
  MessageAttachment,
  Notice,
  NoticeRead,
  Participant,
  Session,
  Slideshow,
  SlideshowItem,
  Station,
  StationContact,
  StationPairing,
  StationProfile,
  StationSettings,
  StationSlideshow,
  SupportReply,
  SupportRequest,
  User,
};
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
        if (!error) {
          this.configure('busyTimeout', busyTimeoutMs);
          // In WAL mode NORMAL survives a crash of prifora; only a power cut can lose the last commits.
          this.run('PRAGMA synchronous=NORMAL');
        }
        callback(error);
      });
    }
  },
};

interface ConnectionManager {
  getConnection(options?: { uuid?: string }): Promise<object>;
  releaseConnection(connection: object, force?: boolean): void;
}

/**
 * Sequelize's SQLite dialect opens (and closes) a new connection for every transaction, which
 * costs more than the transaction itself. Writes are serialised by `write` below anyway, so every
 * transaction shares one long-lived writer connection; plain reads keep the default one.
 */
function keepOneWriterConnection(sequelize: Sequelize): void {
  const manager = (sequelize as unknown as { connectionManager: ConnectionManager }).connectionManager;
  const getConnection = manager.getConnection.bind(manager);
  const releaseConnection = manager.releaseConnection.bind(manager);
  let writer: Promise<object> | undefined;
  manager.getConnection = (options) => {
    if (!options?.uuid || options.uuid === 'default') return getConnection(options);
    writer ??= getConnection({ ...options, uuid: 'writer' });
    return writer;
  };
  manager.releaseConnection = (connection, force) => {
    if (!force && writer) {
      void writer.then((shared) => {
        if (shared !== connection) releaseConnection(connection, force);
      });
      return;
    }
    releaseConnection(connection, force);
  };
}

interface PendingWrite {
  fn: (transaction: Transaction) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Writes taken into one transaction at most; bounds the latency of the first in a batch. */
const maxBatch = 64;

function runAlone(sequelize: Sequelize, write: PendingWrite): Promise<void> {
  return sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, write.fn).then(write.resolve, write.reject);
}

/**
 * Serialises writes (SQLite has one writer) and commits the writes that queued up meanwhile in
 * one transaction: under load, BEGIN/COMMIT and the lock are paid once per batch. When a batch
 * fails, it is rolled back whole and each of its writes runs again alone, so one failing write
 * never takes the others with it. Writes must therefore only touch the database (and register
 * afterCommit hooks), which every service write does.
 */
function groupCommit(sequelize: Sequelize): Database['write'] {
  const pending: PendingWrite[] = [];
  let draining = false;

  const drain = async () => {
    draining = true;
    while (pending.length > 0) {
      const batch = pending.splice(0, maxBatch);
      if (batch.length === 1) {
        await runAlone(sequelize, batch[0] as PendingWrite);
        continue;
      }
      const results: unknown[] = [];
      try {
        await sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, async (transaction) => {
          for (const write of batch) results.push(await write.fn(transaction));
        });
      } catch {
        for (const write of batch) await runAlone(sequelize, write);
        continue;
      }
      batch.forEach((write, index) => write.resolve(results[index]));
    }
    draining = false;
  };

  return <T>(fn: (transaction: Transaction) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!draining) void drain();
    });
}

/** The database of one prifora instance. */
export interface Database {
  sequelize: Sequelize;
  /** Runs fn in a write transaction, queued in-process and group-committed (see groupCommit). */
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
  for (const model of [User, Session, Invitation, MagicLink, Event, MailJob, StationProfile, StationContact, Group, GroupMember, Conversation, Participant, Message, Notice, NoticeRead, SupportRequest, SupportReply, Media, MediaFile, MediaUpload, MessageAttachment, Slideshow, SlideshowItem, StationSlideshow, Station, StationPairing, StationSettings, Call, CallParticipant, CallMarker, CallSettings]) {
    model.initModel(sequelize);
  }
  User.hasMany(Session, { foreignKey: 'userId', onDelete: 'CASCADE' });
  Session.belongsTo(User, { foreignKey: 'userId' });
  MagicLink.belongsTo(User, { foreignKey: 'userId', onDelete: 'CASCADE' });
  Invitation.belongsTo(User, { as: 'invitedBy', foreignKey: 'invitedById' });
  Invitation.belongsTo(User, { as: 'acceptedUser', foreignKey: 'acceptedUserId' });
  User.hasOne(StationProfile, { foreignKey: 'userId', onDelete: 'CASCADE' });
  Group.hasMany(GroupMember, { foreignKey: 'groupId', onDelete: 'CASCADE' });
  Conversation.hasMany(Participant, { foreignKey: 'conversationId', onDelete: 'CASCADE' });

  if (storage !== ':memory:') {
    await sequelize.query('PRAGMA journal_mode=WAL');
    keepOneWriterConnection(sequelize);
  }
  await sequelize.query('PRAGMA foreign_keys=ON');

  const migrator = new Umzug({
    migrations,
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });

  const write = groupCommit(sequelize);

  return { sequelize, write, migrator, close: () => sequelize.close() };
}
