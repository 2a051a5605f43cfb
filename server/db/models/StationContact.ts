import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A window of time in the family's time zone, "HH:MM"; across midnight when until is earlier. */
export interface ContactWindow {
  from: string;
  until: string;
  days?: Array<'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat'>;
}

/**
 * Whether a relative may message and call one station person, and when, and whether they may
 * look in (an auto-answered call): the admin's decision (F1, F6).
 */
export class StationContact extends Model<InferAttributes<StationContact>, InferCreationAttributes<StationContact>> {
  declare stationUserId: string;
  declare userId: string;
  declare mayMessage: boolean;
  declare mayCall: boolean;
  declare mayLookIn: CreationOptional<boolean>;
  /** When calls may ring; null: any time. */
  declare callHours: CreationOptional<ContactWindow[] | null>;
  /** When the relative may look in; null: whenever they may call. */
  declare lookInHours: CreationOptional<ContactWindow[] | null>;
  declare callAtNight: CreationOptional<boolean>;
  declare lookInAtNight: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof StationContact {
    StationContact.init(
      {
        stationUserId: { type: DataTypes.UUID, primaryKey: true },
        userId: { type: DataTypes.UUID, primaryKey: true },
        mayMessage: { type: DataTypes.BOOLEAN, allowNull: false },
        mayCall: { type: DataTypes.BOOLEAN, allowNull: false },
        mayLookIn: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        callHours: { type: DataTypes.JSON, allowNull: true, defaultValue: null },
        lookInHours: { type: DataTypes.JSON, allowNull: true, defaultValue: null },
        callAtNight: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        lookInAtNight: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'station_contacts' },
    );
    return StationContact;
  }
}
