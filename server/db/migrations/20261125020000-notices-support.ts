import { DataTypes, type QueryInterface } from 'sequelize';

/** The message center (notices and who read them) and support requests with their replies. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const createdAt = { type: DataTypes.DATE, allowNull: false };
  const uuidKey = { type: DataTypes.UUID, primaryKey: true, allowNull: false };
  const userRef = (onDelete: 'CASCADE' | 'SET NULL') => ({ type: DataTypes.UUID, allowNull: onDelete === 'SET NULL', references: { model: 'users', key: 'id' }, onDelete });

  await qi.createTable('notices', {
    id: uuidKey,
    kind: { type: DataTypes.STRING(16), allowNull: false },
    groupId: { type: DataTypes.UUID, allowNull: true, references: { model: 'groups', key: 'id' }, onDelete: 'CASCADE' },
    authorId: userRef('SET NULL'),
    title: { type: DataTypes.STRING(200), allowNull: false },
    body: { type: DataTypes.TEXT, allowNull: false },
    messageKey: { type: DataTypes.STRING(100), allowNull: true },
    createdAt,
  });
  await qi.addIndex('notices', ['createdAt']);
  await qi.createTable('notice_reads', {
    noticeId: { type: DataTypes.UUID, primaryKey: true, references: { model: 'notices', key: 'id' }, onDelete: 'CASCADE' },
    userId: { ...userRef('CASCADE'), primaryKey: true },
    createdAt,
  });

  await qi.createTable('support_requests', {
    id: uuidKey,
    askerId: userRef('CASCADE'),
    subject: { type: DataTypes.STRING(200), allowNull: false },
    body: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false },
    closedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt,
    updatedAt: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('support_requests', ['askerId']);
  await qi.createTable('support_replies', {
    id: uuidKey,
    requestId: { type: DataTypes.UUID, allowNull: false, references: { model: 'support_requests', key: 'id' }, onDelete: 'CASCADE' },
    authorId: userRef('SET NULL'),
    body: { type: DataTypes.TEXT, allowNull: false },
    createdAt,
  });
  await qi.addIndex('support_replies', ['requestId']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['support_replies', 'support_requests', 'notice_reads', 'notices']) await qi.dropTable(table);
}
