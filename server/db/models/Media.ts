import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export type MediaKind = 'photo' | 'video';
/** The stored files of a media item: photo sizes, or a video and its poster frame. */
export type MediaSize = 'thumb' | 'station' | 'full' | 'video' | 'poster';

/** A photo or video, stored once per distinct content (by SHA-256). Personal data (F14). */
export class Media extends Model<InferAttributes<Media>, InferCreationAttributes<Media>> {
  declare id: CreationOptional<string>;
  declare sha256: string;
  declare kind: MediaKind;
  declare sourceMime: string;
  declare width: number | null;
  declare height: number | null;
  declare duration: number | null;
  declare placeholder: string | null;
  /** Bytes of every stored file together (what counts against the quota). */
  declare bytes: number;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Media {
    Media.init(
      {
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
        sha256: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        kind: { type: DataTypes.STRING(8), allowNull: false },
        sourceMime: { type: DataTypes.STRING(40), allowNull: false },
        width: { type: DataTypes.INTEGER, allowNull: true },
        height: { type: DataTypes.INTEGER, allowNull: true },
        duration: { type: DataTypes.FLOAT, allowNull: true },
        placeholder: { type: DataTypes.STRING(100), allowNull: true },
        bytes: { type: DataTypes.BIGINT, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'media', updatedAt: false },
    );
    return Media;
  }
}

/** One stored file of a media item, relative to DATA/media. */
export class MediaFile extends Model<InferAttributes<MediaFile>, InferCreationAttributes<MediaFile>> {
  declare mediaId: string;
  declare size: MediaSize;
  declare file: string;
  declare bytes: number;
  declare width: number | null;
  declare height: number | null;
  declare mime: string;
  declare etag: string;

  static initModel(sequelize: Sequelize): typeof MediaFile {
    MediaFile.init(
      {
        mediaId: { type: DataTypes.UUID, primaryKey: true },
        size: { type: DataTypes.STRING(8), primaryKey: true },
        file: { type: DataTypes.STRING(200), allowNull: false },
        bytes: { type: DataTypes.BIGINT, allowNull: false },
        width: { type: DataTypes.INTEGER, allowNull: true },
        height: { type: DataTypes.INTEGER, allowNull: true },
        mime: { type: DataTypes.STRING(40), allowNull: false },
        etag: { type: DataTypes.STRING(64), allowNull: false },
      },
      { sequelize, tableName: 'media_files', timestamps: false },
    );
    return MediaFile;
  }
}

/** Who uploaded a media item (the same content may come from several people). */
export class MediaUpload extends Model<InferAttributes<MediaUpload>, InferCreationAttributes<MediaUpload>> {
  declare mediaId: string;
  declare userId: string;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof MediaUpload {
    MediaUpload.init(
      { mediaId: { type: DataTypes.UUID, primaryKey: true }, userId: { type: DataTypes.UUID, primaryKey: true }, createdAt: DataTypes.DATE },
      { sequelize, tableName: 'media_uploads', updatedAt: false },
    );
    return MediaUpload;
  }
}

/** A media item shown in a message. */
export class MessageAttachment extends Model<InferAttributes<MessageAttachment>, InferCreationAttributes<MessageAttachment>> {
  declare messageSeq: number;
  declare mediaId: string;
  declare position: number;

  static initModel(sequelize: Sequelize): typeof MessageAttachment {
    MessageAttachment.init(
      {
        messageSeq: { type: DataTypes.INTEGER, primaryKey: true },
        mediaId: { type: DataTypes.UUID, primaryKey: true },
        position: { type: DataTypes.INTEGER, allowNull: false },
      },
      { sequelize, tableName: 'message_attachments', timestamps: false },
    );
    return MessageAttachment;
  }
}
