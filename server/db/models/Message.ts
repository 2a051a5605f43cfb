import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * A chat message. `seq` orders history and is the cursor; `id` is the public, random id.
 * A deleted message keeps its row as a tombstone with an empty body. Personal data (F14).
 */
export class Message extends Model<InferAttributes<Message>, InferCreationAttributes<Message>> {
  declare seq: CreationOptional<number>;
  declare id: CreationOptional<string>;
  declare conversationId: string;
  declare authorId: string | null;
  declare body: string;
  declare replyToSeq: number | null;
  declare editedAt: Date | null;
  declare deletedAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Message {
    Message.init(
      {
        seq: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, allowNull: false, unique: true },
        conversationId: { type: DataTypes.UUID, allowNull: false },
        authorId: { type: DataTypes.UUID, allowNull: true },
        body: { type: DataTypes.TEXT, allowNull: false },
        replyToSeq: { type: DataTypes.INTEGER, allowNull: true },
        editedAt: { type: DataTypes.DATE, allowNull: true },
        deletedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'messages', updatedAt: false },
    );
    return Message;
  }
}
