import { DataTypes, type QueryInterface } from 'sequelize';

/** Photos and videos: one row per distinct content, its stored files, who uploaded it, where it is attached. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const createdAt = { type: DataTypes.DATE, allowNull: false };
  const mediaRef = { type: DataTypes.UUID, allowNull: false, references: { model: 'media', key: 'id' }, onDelete: 'CASCADE' };
  await qi.createTable('media', {
    id: { type: DataTypes.UUID, primaryKey: true, allowNull: false },
    sha256: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    kind: { type: DataTypes.STRING(8), allowNull: false },
    sourceMime: { type: DataTypes.STRING(40), allowNull: false },
    width: { type: DataTypes.INTEGER, allowNull: true },
    height: { type: DataTypes.INTEGER, allowNull: true },
    duration: { type: DataTypes.FLOAT, allowNull: true },
    placeholder: { type: DataTypes.STRING(100), allowNull: true },
    bytes: { type: DataTypes.BIGINT, allowNull: false },
    createdAt,
  });
  await qi.createTable('media_files', {
    mediaId: { ...mediaRef, primaryKey: true },
    size: { type: DataTypes.STRING(8), primaryKey: true, allowNull: false },
    file: { type: DataTypes.STRING(200), allowNull: false },
    bytes: { type: DataTypes.BIGINT, allowNull: false },
    width: { type: DataTypes.INTEGER, allowNull: true },
    height: { type: DataTypes.INTEGER, allowNull: true },
    mime: { type: DataTypes.STRING(40), allowNull: false },
    etag: { type: DataTypes.STRING(64), allowNull: false },
  });
  await qi.createTable('media_uploads', {
    mediaId: { ...mediaRef, primaryKey: true },
    userId: { type: DataTypes.UUID, primaryKey: true, allowNull: false, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' },
    createdAt,
  });
  await qi.addIndex('media_uploads', ['userId']);
  await qi.createTable('message_attachments', {
    messageSeq: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false, references: { model: 'messages', key: 'seq' }, onDelete: 'CASCADE' },
    mediaId: { ...mediaRef, primaryKey: true },
    position: { type: DataTypes.INTEGER, allowNull: false },
  });
  await qi.addIndex('message_attachments', ['mediaId']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['message_attachments', 'media_uploads', 'media_files', 'media']) await qi.dropTable(table);
}
