import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export const noticeKinds = ['admin', 'system'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/**
 * A notice in the message center (F11): from an admin to the family or a group, or from
 * prifora itself. System notices carry a catalogue key so each reader sees their language.
 */
export class Notice extends Model<InferAttributes<Notice>, InferCreationAttributes<Notice>> {
  declare id: CreationOptional<string>;
  declare kind: NoticeKind;
  declare groupId: string | null;
  declare authorId: string | null;
  declare title: string;
  declare body: string;
  declare messageKey: string | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Notice {
    Notice.init(
      {
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        groupId: { type: DataTypes.UUID, allowNull: true },
        authorId: { type: DataTypes.UUID, allowNull: true },
        title: { type: DataTypes.STRING(200), allowNull: false },
        body: { type: DataTypes.TEXT, allowNull: false },
        messageKey: { type: DataTypes.STRING(100), allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'notices', updatedAt: false },
    );
    return Notice;
  }
}

/** That one person has read one notice. */
export class NoticeRead extends Model<InferAttributes<NoticeRead>, InferCreationAttributes<NoticeRead>> {
  declare noticeId: string;
  declare userId: string;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof NoticeRead {
    NoticeRead.init(
      {
        noticeId: { type: DataTypes.UUID, primaryKey: true },
        userId: { type: DataTypes.UUID, primaryKey: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'notice_reads', updatedAt: false },
    );
    return NoticeRead;
  }
}
