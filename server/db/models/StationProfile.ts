import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** What only a station person has: dates, home address, notes. Personal data (F14). */
export class StationProfile extends Model<InferAttributes<StationProfile>, InferCreationAttributes<StationProfile>> {
  declare userId: string;
  declare birthDate: string | null;
  declare otherDate: string | null;
  declare otherDateLabel: string | null;
  declare address: string | null;
  declare notes: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof StationProfile {
    StationProfile.init(
      {
        userId: { type: DataTypes.UUID, primaryKey: true },
        birthDate: { type: DataTypes.DATEONLY, allowNull: true },
        otherDate: { type: DataTypes.DATEONLY, allowNull: true },
        otherDateLabel: { type: DataTypes.STRING(100), allowNull: true },
        address: { type: DataTypes.STRING(300), allowNull: true },
        notes: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'station_profiles' },
    );
    return StationProfile;
  }
}
