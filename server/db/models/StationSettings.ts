import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * What an admin changed of a station person's screen settings (clock, night mode, quick replies,
 * sound). Only the changed values are stored; the rest follow the defaults of the person's
 * language, so a default that changes later reaches every screen. Usage data (F14).
 */
export class StationSettings extends Model<InferAttributes<StationSettings>, InferCreationAttributes<StationSettings>> {
  declare stationUserId: string;
  declare settings: Record<string, unknown>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof StationSettings {
    StationSettings.init(
      {
        stationUserId: { type: DataTypes.UUID, primaryKey: true },
        settings: { type: DataTypes.JSON, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'station_settings' },
    );
    return StationSettings;
  }
}
