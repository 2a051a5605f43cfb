import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { Language } from '../../i18n/index.js';

/** admin and member are relatives with accounts; station is a Home Station's person, who never signs in. */
export const roles = ['admin', 'member', 'station'] as const;
export type Role = (typeof roles)[number];
export const signInMethods = ['password', 'magic', 'none'] as const;
export type SignInMethod = (typeof signInMethods)[number];

/** A person of the family: a relative ("contact"), an admin, or a station person. Personal data (F14). */
export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<string>;
  declare role: Role;
  declare username: string;
  declare firstName: string;
  declare lastName: string;
  declare email: string;
  declare mobile: string;
  declare language: Language | null;
  declare passwordHash: string | null;
  declare signInMethod: SignInMethod;
  declare photoMediaId: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof User {
    User.init(
      {
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
        role: { type: DataTypes.STRING(16), allowNull: false },
        username: { type: DataTypes.STRING(40), allowNull: false, unique: true },
        firstName: { type: DataTypes.STRING(100), allowNull: false },
        lastName: { type: DataTypes.STRING(100), allowNull: false },
        email: { type: DataTypes.STRING(254), allowNull: false, unique: true },
        mobile: { type: DataTypes.STRING(20), allowNull: false },
        language: { type: DataTypes.STRING(2), allowNull: true },
        passwordHash: { type: DataTypes.STRING(200), allowNull: true },
        signInMethod: { type: DataTypes.STRING(16), allowNull: false },
        photoMediaId: { type: DataTypes.UUID, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'users' },
    );
    return User;
  }
}
