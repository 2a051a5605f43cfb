import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * Who may see an event: everyone in the family, the admins, or named principals (user ids).
 * The live hub and catch-up both filter by it.
 */
export type Audience = { all: true } | { admins: true; users?: string[] } | { users: string[] };

/** One row of the event log: every change a service makes, in commit order. */
export class Event extends Model<InferAttributes<Event>, InferCreationAttributes<Event>> {
  declare id: CreationOptional<number>;
  declare type: string;
  declare actorId: string | null;
  declare audience: Audience;
  declare payload: Record<string, unknown>;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Event {
    Event.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        type: { type: DataTypes.STRING(64), allowNull: false },
        actorId: { type: DataTypes.UUID, allowNull: true },
        audience: { type: DataTypes.JSON, allowNull: false },
        payload: { type: DataTypes.JSON, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'events', updatedAt: false },
    );
    return Event;
  }
}
