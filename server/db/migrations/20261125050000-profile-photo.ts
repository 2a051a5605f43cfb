import { DataTypes, type QueryInterface } from 'sequelize';

/** A profile photo per person (F9), one of the family's media items. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('users', 'photoMediaId', { type: DataTypes.UUID, allowNull: true, references: { model: 'media', key: 'id' }, onDelete: 'SET NULL' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeColumn('users', 'photoMediaId');
}
