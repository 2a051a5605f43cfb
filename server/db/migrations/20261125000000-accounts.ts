import { DataTypes, type QueryInterface } from 'sequelize';

/** Accounts, sessions, invitations, magic links, the event log and the mail queue. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const id = { type: DataTypes.UUID, primaryKey: true, allowNull: false };
  const createdAt = { type: DataTypes.DATE, allowNull: false };
  const userRef = (onDelete: 'CASCADE' | 'SET NULL') => ({
    type: DataTypes.UUID,
    allowNull: onDelete === 'SET NULL',
    references: { model: 'users', key: 'id' },
    onDelete,
  });

  await qi.createTable('users', {
    id,
    role: { type: DataTypes.STRING(16), allowNull: false },
    username: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    firstName: { type: DataTypes.STRING(100), allowNull: false },
    lastName: { type: DataTypes.STRING(100), allowNull: false },
    email: { type: DataTypes.STRING(254), allowNull: false, unique: true },
    mobile: { type: DataTypes.STRING(20), allowNull: false },
    language: { type: DataTypes.STRING(2), allowNull: true },
    passwordHash: { type: DataTypes.STRING(200), allowNull: true },
    signInMethod: { type: DataTypes.STRING(16), allowNull: false },
    createdAt,
    updatedAt: { type: DataTypes.DATE, allowNull: false },
  });

  await qi.createTable('sessions', {
    id,
    tokenHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    userId: userRef('CASCADE'),
    userAgent: { type: DataTypes.STRING(300), allowNull: true },
    ip: { type: DataTypes.STRING(64), allowNull: true },
    lastSeenAt: { type: DataTypes.DATE, allowNull: false },
    expiresAt: { type: DataTypes.DATE, allowNull: false },
    createdAt,
  });
  await qi.addIndex('sessions', ['userId']);

  await qi.createTable('invitations', {
    id,
    kind: { type: DataTypes.STRING(16), allowNull: false },
    email: { type: DataTypes.STRING(254), allowNull: true },
    role: { type: DataTypes.STRING(16), allowNull: false },
    language: { type: DataTypes.STRING(2), allowNull: false },
    tokenHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    invitedById: userRef('SET NULL'),
    acceptedUserId: userRef('SET NULL'),
    expiresAt: { type: DataTypes.DATE, allowNull: false },
    acceptedAt: { type: DataTypes.DATE, allowNull: true },
    revokedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt,
  });
  await qi.addIndex('invitations', ['email']);

  await qi.createTable('magic_links', {
    id,
    tokenHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    userId: userRef('CASCADE'),
    expiresAt: { type: DataTypes.DATE, allowNull: false },
    usedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt,
  });

  await qi.createTable('events', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    type: { type: DataTypes.STRING(64), allowNull: false },
    actorId: { type: DataTypes.UUID, allowNull: true },
    audience: { type: DataTypes.JSON, allowNull: false },
    payload: { type: DataTypes.JSON, allowNull: false },
    createdAt,
  });
  await qi.addIndex('events', ['createdAt']);

  await qi.createTable('mail_jobs', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    to: { type: DataTypes.STRING(254), allowNull: false },
    subject: { type: DataTypes.STRING(300), allowNull: false },
    text: { type: DataTypes.TEXT, allowNull: false },
    html: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    nextAttemptAt: { type: DataTypes.DATE, allowNull: false },
    lastError: { type: DataTypes.STRING(1000), allowNull: true },
    sentAt: { type: DataTypes.DATE, allowNull: true },
    createdAt,
  });
  await qi.addIndex('mail_jobs', ['status', 'nextAttemptAt']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['mail_jobs', 'events', 'magic_links', 'invitations', 'sessions', 'users']) {
    await qi.dropTable(table);
  }
}
