import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Calls (F1, F2): each call with its participants and their own state, the missed-calls-seen
 * marker, the family's call settings, and per station contact whether and when a relative may
 * call and look in.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const date = (allowNull: boolean) => ({ type: DataTypes.DATE, allowNull });
  const userRef = (onDelete: 'CASCADE' | 'SET NULL') => ({ type: DataTypes.UUID, allowNull: onDelete === 'SET NULL', references: { model: 'users', key: 'id' }, onDelete });

  await qi.createTable('calls', {
    id: { type: DataTypes.UUID, primaryKey: true, allowNull: false },
    kind: { type: DataTypes.STRING(16), allowNull: false },
    callerId: userRef('SET NULL'),
    groupId: { type: DataTypes.UUID, allowNull: true, references: { model: 'groups', key: 'id' }, onDelete: 'SET NULL' },
    engine: { type: DataTypes.STRING(16), allowNull: false },
    room: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    state: { type: DataTypes.STRING(16), allowNull: false },
    lookIn: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    autoAnswered: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    answeredById: userRef('SET NULL'),
    endReason: { type: DataTypes.STRING(16), allowNull: true },
    createdAt: date(false),
    answeredAt: date(true),
    endedAt: date(true),
    updatedAt: date(false),
  });
  // Start-up looks for calls still ringing or active; the look-in log walks auto-answered ones.
  await qi.addIndex('calls', ['state']);
  await qi.addIndex('calls', ['autoAnswered', 'createdAt']);

  await qi.createTable('call_participants', {
    callId: { type: DataTypes.UUID, primaryKey: true, allowNull: false, references: { model: 'calls', key: 'id' }, onDelete: 'CASCADE' },
    userId: { ...userRef('CASCADE'), primaryKey: true },
    role: { type: DataTypes.STRING(8), allowNull: false },
    state: { type: DataTypes.STRING(24), allowNull: false },
    callCreatedAt: date(false),
    joinedAt: date(true),
    leftAt: date(true),
  });
  await qi.addIndex('call_participants', ['userId', 'callCreatedAt', 'callId'], { name: 'call_participants_history' });

  await qi.createTable('call_markers', {
    userId: { ...userRef('CASCADE'), primaryKey: true },
    missedSeenAt: date(false),
  });

  await qi.createTable('call_settings', {
    id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    recordingAllowed: { type: DataTypes.BOOLEAN, allowNull: false },
    updatedById: userRef('SET NULL'),
    createdAt: date(false),
    updatedAt: date(false),
  });

  await qi.addColumn('station_contacts', 'mayLookIn', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
  await qi.addColumn('station_contacts', 'callHours', { type: DataTypes.JSON, allowNull: true });
  await qi.addColumn('station_contacts', 'lookInHours', { type: DataTypes.JSON, allowNull: true });
  await qi.addColumn('station_contacts', 'callAtNight', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
  await qi.addColumn('station_contacts', 'lookInAtNight', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const column of ['lookInAtNight', 'callAtNight', 'lookInHours', 'callHours', 'mayLookIn']) await qi.removeColumn('station_contacts', column);
  for (const table of ['call_settings', 'call_markers', 'call_participants', 'calls']) await qi.dropTable(table);
}
