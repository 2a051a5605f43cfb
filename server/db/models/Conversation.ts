import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export const conversationKinds = ['group', 'direct'] as const;
export type ConversationKind = (typeof conversationKinds)[number];

/** A chat: the conversation of a group, or a direct one between two people. */
export class Conversation extends Model<InferAttributes<Conversation>, InferCreationAttributes<Conversation>> {
  declare id: CreationOptional<string>;
  declare kind: ConversationKind;
  declare groupId: string | null;
  /** The two participant ids, sorted and joined: one direct conversation per pair. */
  declare directKey: string | null;
  declare lastMessageAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Conversation {
    Conversation.init(
      {
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        groupId: { type: DataTypes.UUID, allowNull: true, unique: true },
        directKey: { type: DataTypes.STRING(80), allowNull: true, unique: true },
        lastMessageAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'conversations', updatedAt: false },
    );
    return Conversation;
  }
}

/** A person in a conversation, with how far they have read (a message seq). */
export class Participant extends Model<InferAttributes<Participant>, InferCreationAttributes<Participant>> {
  declare conversationId: string;
  declare userId: string;
  declare lastReadSeq: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Participant {
    Participant.init(
      {
        conversationId: { type: DataTypes.UUID, primaryKey: true },
        userId: { type: DataTypes.UUID, primaryKey: true },
        lastReadSeq: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'conversation_participants', updatedAt: false },
    );
    return Participant;
  }
}
