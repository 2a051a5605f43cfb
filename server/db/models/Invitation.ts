import { DataTypes, Model, type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { Language } from '../../i18n/index.js';
import type { Role, User } from './User.js';

export const invitationKinds = ['invitation', 'setup'] as const;
/** An invitation for a relative, or the set-up link that creates the first admin. */
export type InvitationKind = (typeof invitationKinds)[number];

/** A single-use link that makes someone a member of the family. Personal data (F14): the email. */
export class Invitation extends Model<InferAttributes<Invitation>, InferCreationAttributes<Invitation>> {
  declare id: CreationOptional<string>;
  declare kind: InvitationKind;
  declare email: string | null;
  declare role: Role;
  declare language: Language;
  declare tokenHash: string;
  declare invitedById: ForeignKey<User['id']> | null;
  declare acceptedUserId: ForeignKey<User['id']> | null;
  declare expiresAt: Date;
  declare acceptedAt: Date | null;
  declare revokedAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Invitation {
    Invitation.init(
      {
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        email: { type: DataTypes.STRING(254), allowNull: true },
        role: { type: DataTypes.STRING(16), allowNull: false },
        language: { type: DataTypes.STRING(2), allowNull: false },
        tokenHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        acceptedAt: { type: DataTypes.DATE, allowNull: true },
        revokedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'invitations', updatedAt: false },
    );
    return Invitation;
  }
}
