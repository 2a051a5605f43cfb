import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** Whether a relative may message and call one station person: the admin's decision (F6). */
export class StationContact extends Model<InferAttributes<StationContact>, InferCreationAttributes<StationContact>> {
  declare stationUserId: string;
  declare userId: string;
  declare mayMessage: boolean;
  declare mayCall: boolean;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof StationContact {
    StationContact.init(
      {
        stationUserId: { type: DataTypes.UUID, primaryKey: true },
        userId: { type: DataTypes.UUID, primaryKey: true },
        mayMessage: { type: DataTypes.BOOLEAN, allowNull: false },
        mayCall: { type: DataTypes.BOOLEAN, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'station_contacts' },
    );
    return StationContact;
  }
}
