import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** An ordered collection of photos and videos that stations play (F5), with its play rules. */
export class Slideshow extends Model<InferAttributes<Slideshow>, InferCreationAttributes<Slideshow>> {
  declare id: CreationOptional<string>;
  declare name: string;
  declare intervalSeconds: number;
  /** Items added within this many days play first. */
  declare newForDays: number;
  /** "HH:MM" in the family's time zone; both null: always. */
  declare activeFrom: string | null;
  declare activeUntil: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Slideshow {
    Slideshow.init(
      {
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
        name: { type: DataTypes.STRING(100), allowNull: false },
        intervalSeconds: { type: DataTypes.INTEGER, allowNull: false },
        newForDays: { type: DataTypes.INTEGER, allowNull: false },
        activeFrom: { type: DataTypes.STRING(5), allowNull: true },
        activeUntil: { type: DataTypes.STRING(5), allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'slideshows' },
    );
    return Slideshow;
  }
}

/** A photo or video in a slideshow, with who added it (for the caption) and its place. */
export class SlideshowItem extends Model<InferAttributes<SlideshowItem>, InferCreationAttributes<SlideshowItem>> {
  declare slideshowId: string;
  declare mediaId: string;
  declare position: number;
  declare addedById: string | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof SlideshowItem {
    SlideshowItem.init(
      {
        slideshowId: { type: DataTypes.UUID, primaryKey: true },
        mediaId: { type: DataTypes.UUID, primaryKey: true },
        position: { type: DataTypes.INTEGER, allowNull: false },
        addedById: { type: DataTypes.UUID, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'slideshow_items', updatedAt: false },
    );
    return SlideshowItem;
  }
}

/** A slideshow that a station person's screen plays. */
export class StationSlideshow extends Model<InferAttributes<StationSlideshow>, InferCreationAttributes<StationSlideshow>> {
  declare stationUserId: string;
  declare slideshowId: string;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof StationSlideshow {
    StationSlideshow.init(
      { stationUserId: { type: DataTypes.UUID, primaryKey: true }, slideshowId: { type: DataTypes.UUID, primaryKey: true }, createdAt: DataTypes.DATE },
      { sequelize, tableName: 'station_slideshows', updatedAt: false },
    );
    return StationSlideshow;
  }
}
