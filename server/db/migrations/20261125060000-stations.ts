import { DataTypes, type QueryInterface } from 'sequelize';

/** Paired Home Stations, the pairing codes that are waiting for an admin, and each station person's screen settings. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const createdAt = { type: DataTypes.DATE, allowNull: false };
  await qi.createTable('stations', {
    id: { type: DataTypes.UUID, primaryKey: true, allowNull: false },
    name: { type: DataTypes.STRING(100), allowNull: false },
    stationUserId: { type: DataTypes.UUID, allowNull: false, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' },
    // Null until the screen collects its credential right after the approval.
    credentialHash: { type: DataTypes.STRING(64), allowNull: true, unique: true },
    pairedById: { type: DataTypes.UUID, allowNull: true, references: { model: 'users', key: 'id' }, onDelete: 'SET NULL' },
    pairedAt: { type: DataTypes.DATE, allowNull: false },
    lastSeenAt: { type: DataTypes.DATE, allowNull: true },
    createdAt,
    updatedAt: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('stations', ['stationUserId']);
  await qi.createTable('station_pairings', {
    id: { type: DataTypes.UUID, primaryKey: true, allowNull: false },
    codeHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    secretHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    stationId: { type: DataTypes.UUID, allowNull: true, references: { model: 'stations', key: 'id' }, onDelete: 'CASCADE' },
    expiresAt: { type: DataTypes.DATE, allowNull: false },
    createdAt,
  });
  await qi.addIndex('station_pairings', ['expiresAt']);
  await qi.createTable('station_settings', {
    stationUserId: { type: DataTypes.UUID, primaryKey: true, allowNull: false, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' },
    settings: { type: DataTypes.JSON, allowNull: false },
    createdAt,
    updatedAt: { type: DataTypes.DATE, allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['station_settings', 'station_pairings', 'stations']) await qi.dropTable(table);
}
