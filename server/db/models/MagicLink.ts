import { DataTypes, Model, type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { User } from './User.js';

/** A single-use emailed sign-in link; only the hash of its token is stored. */
export class MagicLink extends Model<InferAttributes<MagicLink>, InferCreationAttributes<MagicLink>> {
  declare id: CreationOptional<string>;
  declare tokenHash: string;
  declare userId: ForeignKey<User['id']>;
  declare expiresAt: Date;
  declare usedAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof MagicLink {
    MagicLink.init(
      {
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
        tokenHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        usedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'magic_links', updatedAt: false },
    );
    return MagicLink;
  }
}
