import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export const supportStatuses = ['open', 'answered', 'closed'] as const;
export type SupportStatus = (typeof supportStatuses)[number];

/** Someone asking the family admin for help (F12). Personal data (F14). */
export class SupportRequest extends Model<InferAttributes<SupportRequest>, InferCreationAttributes<SupportRequest>> {
  declare id: CreationOptional<string>;
  declare askerId: string;
  declare subject: string;
  declare body: string;
  declare status: SupportStatus;
  declare closedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof SupportRequest {
    SupportRequest.init(
      {
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
        askerId: { type: DataTypes.UUID, allowNull: false },
        subject: { type: DataTypes.STRING(200), allowNull: false },
        body: { type: DataTypes.TEXT, allowNull: false },
        status: { type: DataTypes.STRING(16), allowNull: false },
        closedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'support_requests' },
    );
    return SupportRequest;
  }
}

/** A reply in a support request, from the asker or an admin. */
export class SupportReply extends Model<InferAttributes<SupportReply>, InferCreationAttributes<SupportReply>> {
  declare id: CreationOptional<string>;
  declare requestId: string;
  declare authorId: string | null;
  declare body: string;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof SupportReply {
    SupportReply.init(
      {
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
        requestId: { type: DataTypes.UUID, allowNull: false },
        authorId: { type: DataTypes.UUID, allowNull: true },
        body: { type: DataTypes.TEXT, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'support_replies', updatedAt: false },
    );
    return SupportReply;
  }
}
