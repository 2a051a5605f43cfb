import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * The family network (station people, groups, who may reach the station) and chat
 * (conversations, participants with read state, messages with a full-text index).
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const createdAt = { type: DataTypes.DATE, allowNull: false };
  const updatedAt = { type: DataTypes.DATE, allowNull: false };
  const uuidKey = { type: DataTypes.UUID, primaryKey: true, allowNull: false };
  const ref = (model: string, onDelete: 'CASCADE' | 'SET NULL', type = DataTypes.UUID) => ({
    type,
    allowNull: onDelete === 'SET NULL',
    references: { model, key: 'id' },
    onDelete,
  });

  await qi.createTable('station_profiles', {
    userId: { ...ref('users', 'CASCADE'), primaryKey: true },
    birthDate: { type: DataTypes.DATEONLY, allowNull: true },
    otherDate: { type: DataTypes.DATEONLY, allowNull: true },
    otherDateLabel: { type: DataTypes.STRING(100), allowNull: true },
    address: { type: DataTypes.STRING(300), allowNull: true },
    notes: { type: DataTypes.TEXT, allowNull: true },
    createdAt,
    updatedAt,
  });

  await qi.createTable('station_contacts', {
    stationUserId: { ...ref('users', 'CASCADE'), primaryKey: true },
    userId: { ...ref('users', 'CASCADE'), primaryKey: true },
    mayMessage: { type: DataTypes.BOOLEAN, allowNull: false },
    mayCall: { type: DataTypes.BOOLEAN, allowNull: false },
    createdAt,
    updatedAt,
  });
  await qi.addIndex('station_contacts', ['userId']);

  await qi.createTable('groups', {
    id: uuidKey,
    name: { type: DataTypes.STRING(100), allowNull: false, unique: true },
    createdAt,
    updatedAt,
  });
  await qi.createTable('group_members', {
    groupId: { ...ref('groups', 'CASCADE'), primaryKey: true },
    userId: { ...ref('users', 'CASCADE'), primaryKey: true },
    createdAt,
  });
  await qi.addIndex('group_members', ['userId']);

  await qi.createTable('conversations', {
    id: uuidKey,
    kind: { type: DataTypes.STRING(16), allowNull: false },
    groupId: { type: DataTypes.UUID, allowNull: true, unique: true, references: { model: 'groups', key: 'id' }, onDelete: 'CASCADE' },
    directKey: { type: DataTypes.STRING(80), allowNull: true, unique: true },
    lastMessageAt: { type: DataTypes.DATE, allowNull: true },
    createdAt,
  });

  await qi.createTable('conversation_participants', {
    conversationId: { ...ref('conversations', 'CASCADE'), primaryKey: true },
    userId: { ...ref('users', 'CASCADE'), primaryKey: true },
    lastReadSeq: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    createdAt,
  });
  await qi.addIndex('conversation_participants', ['userId']);

  await qi.createTable('messages', {
    seq: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    id: { type: DataTypes.UUID, allowNull: false, unique: true },
    conversationId: ref('conversations', 'CASCADE'),
    authorId: { type: DataTypes.UUID, allowNull: true, references: { model: 'users', key: 'id' }, onDelete: 'SET NULL' },
    body: { type: DataTypes.TEXT, allowNull: false },
    replyToSeq: { type: DataTypes.INTEGER, allowNull: true },
    editedAt: { type: DataTypes.DATE, allowNull: true },
    deletedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt,
  });
  await qi.addIndex('messages', ['conversationId', 'seq']);
  await qi.addIndex('messages', ['authorId']);

  if (qi.sequelize.getDialect() === 'sqlite') {
    // Accent- and case-insensitive search for Dutch and English: unicode61 folds case and, with
    // remove_diacritics 2, accents ("café" finds "cafe"). External content keeps one copy of the text.
    await qi.sequelize.query(
      "CREATE VIRTUAL TABLE messages_fts USING fts5(body, content='messages', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')",
    );
    await qi.sequelize.query(
      'CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN INSERT INTO messages_fts(rowid, body) VALUES (new.seq, new.body); END',
    );
    await qi.sequelize.query(
      "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.seq, old.body); END",
    );
    await qi.sequelize.query(
      "CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.seq, old.body); INSERT INTO messages_fts(rowid, body) VALUES (new.seq, new.body); END",
    );
  }
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  if (qi.sequelize.getDialect() === 'sqlite') {
    for (const trigger of ['messages_fts_insert', 'messages_fts_delete', 'messages_fts_update']) {
      await qi.sequelize.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    await qi.sequelize.query('DROP TABLE IF EXISTS messages_fts');
  }
  for (const table of ['messages', 'conversation_participants', 'conversations', 'group_members', 'groups', 'station_contacts', 'station_profiles']) {
    await qi.dropTable(table);
  }
}
