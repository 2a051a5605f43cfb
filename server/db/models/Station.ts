import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * A paired Home Station: a screen that acts as its station person. Its cookie holds a credential;
 * only the hash is stored, so a copy of the database opens no screen. Usage data (F14): the
 * station person's record reaches it by stationUserId.
 */
export class Station extends Model<InferAttributes<Station>, InferCreationAttributes<Station>> {
  declare id: CreationOptional<string>;
  declare name: string;
  declare stationUserId: string;
  /** Null between the admin's approval and the screen collecting its credential. */
  declare credentialHash: string | null;
  declare pairedById: string | null;
  declare pairedAt: Date;
  declare lastSeenAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Station {
    Station.init(
      {
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
        name: { type: DataTypes.STRING(100), allowNull: false },
        stationUserId: { type: DataTypes.UUID, allowNull: false },
        credentialHash: { type: DataTypes.STRING(64), allowNull: true, unique: true },
        pairedById: { type: DataTypes.UUID, allowNull: true },
        pairedAt: { type: DataTypes.DATE, allowNull: false },
        lastSeenAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'stations' },
    );
    return Station;
  }
}

/**
 * A screen asking to be paired: the code it shows and the secret it keeps, both hashed. Once an
 * admin approves the code, stationId names the new station until the screen collects it.
 */
export class StationPairing extends Model<InferAttributes<StationPairing>, InferCreationAttributes<StationPairing>> {
  declare id: CreationOptional<string>;
  declare codeHash: string;
  declare secretHash: string;
  declare stationId: string | null;
  declare expiresAt: Date;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof StationPairing {
    StationPairing.init(
      {
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
        codeHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        secretHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        stationId: { type: DataTypes.UUID, allowNull: true },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'station_pairings', updatedAt: false },
    );
    return StationPairing;
  }
}
