import { DataTypes, type QueryInterface } from 'sequelize';

/** Slideshows (ordered collections of photos and videos) and which of them each station plays. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const createdAt = { type: DataTypes.DATE, allowNull: false };
  await qi.createTable('slideshows', {
    id: { type: DataTypes.UUID, primaryKey: true, allowNull: false },
    name: { type: DataTypes.STRING(100), allowNull: false },
    intervalSeconds: { type: DataTypes.INTEGER, allowNull: false },
    newForDays: { type: DataTypes.INTEGER, allowNull: false },
    activeFrom: { type: DataTypes.STRING(5), allowNull: true },
    activeUntil: { type: DataTypes.STRING(5), allowNull: true },
    createdAt,
    updatedAt: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.createTable('slideshow_items', {
    slideshowId: { type: DataTypes.UUID, primaryKey: true, allowNull: false, references: { model: 'slideshows', key: 'id' }, onDelete: 'CASCADE' },
    mediaId: { type: DataTypes.UUID, primaryKey: true, allowNull: false, references: { model: 'media', key: 'id' }, onDelete: 'CASCADE' },
    position: { type: DataTypes.INTEGER, allowNull: false },
    addedById: { type: DataTypes.UUID, allowNull: true, references: { model: 'users', key: 'id' }, onDelete: 'SET NULL' },
    createdAt,
  });
  await qi.addIndex('slideshow_items', ['mediaId']);
  await qi.createTable('station_slideshows', {
    stationUserId: { type: DataTypes.UUID, primaryKey: true, allowNull: false, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' },
    slideshowId: { type: DataTypes.UUID, primaryKey: true, allowNull: false, references: { model: 'slideshows', key: 'id' }, onDelete: 'CASCADE' },
    createdAt,
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['station_slideshows', 'slideshow_items', 'slideshows']) await qi.dropTable(table);
}
