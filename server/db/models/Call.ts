import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** ringing until someone answers; then active; the other four are final (services/callState.ts). */
export const callStates = ['ringing', 'active', 'ended', 'missed', 'declined', 'failed'] as const;
export type CallState = (typeof callStates)[number];

/** direct: one person calls one other; group: a whole group; family: a station rings every available relative. */
export const callKinds = ['direct', 'group', 'family'] as const;
export type CallKind = (typeof callKinds)[number];

/** builtin: WebRTC between two browsers with the websocket as signalling; jitsi: the family's Jitsi Meet. */
export const callEngines = ['builtin', 'jitsi'] as const;
export type CallEngine = (typeof callEngines)[number];

/**
 * Where each person of a call stands. The caller is `joined` from the start; a callee rings, then
 * joins, declines, misses it, or (when the whole family was rung) sees someone else answer.
 */
export const participantStates = ['ringing', 'joined', 'left', 'declined', 'missed', 'answeredElsewhere'] as const;
export type ParticipantState = (typeof participantStates)[number];

/** Why a call ended, as the history shows it. */
export const endReasons = ['hangup', 'cancelled', 'unanswered', 'declined', 'lost', 'failed'] as const;
export type EndReason = (typeof endReasons)[number];

/** One call (F1). Usage data of its caller and participants (F14): reached through callerId and call_participants. */
export class Call extends Model<InferAttributes<Call>, InferCreationAttributes<Call>> {
  declare id: CreationOptional<string>;
  declare kind: CallKind;
  /** Null once the caller has left the family; the call stays in the others' history. */
  declare callerId: string | null;
  declare groupId: string | null;
  declare engine: CallEngine;
  /** The Jitsi room (unguessable, lowercase ASCII); the built-in engine keeps it as the call's name. */
  declare room: string;
  declare state: CallState;
  /** The caller asked to look in: an allowed look-in is answered by the station on its own. */
  declare lookIn: boolean;
  declare autoAnswered: boolean;
  declare answeredById: string | null;
  declare endReason: EndReason | null;
  declare createdAt: CreationOptional<Date>;
  declare answeredAt: Date | null;
  declare endedAt: Date | null;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Call {
    Call.init(
      {
        id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        callerId: { type: DataTypes.UUID, allowNull: true },
        groupId: { type: DataTypes.UUID, allowNull: true },
        engine: { type: DataTypes.STRING(16), allowNull: false },
        room: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        state: { type: DataTypes.STRING(16), allowNull: false },
        lookIn: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        autoAnswered: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        answeredById: { type: DataTypes.UUID, allowNull: true },
        endReason: { type: DataTypes.STRING(16), allowNull: true },
        createdAt: DataTypes.DATE,
        answeredAt: { type: DataTypes.DATE, allowNull: true },
        endedAt: { type: DataTypes.DATE, allowNull: true },
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'calls' },
    );
    return Call;
  }
}

/**
 * One person in a call, caller included, with their own state. `callCreatedAt` copies the call's
 * start so a person's history is one walk over (userId, callCreatedAt, callId).
 */
export class CallParticipant extends Model<InferAttributes<CallParticipant>, InferCreationAttributes<CallParticipant>> {
  declare callId: string;
  declare userId: string;
  declare role: 'caller' | 'callee';
  declare state: ParticipantState;
  declare callCreatedAt: Date;
  declare joinedAt: Date | null;
  declare leftAt: Date | null;

  static initModel(sequelize: Sequelize): typeof CallParticipant {
    CallParticipant.init(
      {
        callId: { type: DataTypes.UUID, primaryKey: true },
        userId: { type: DataTypes.UUID, primaryKey: true },
        role: { type: DataTypes.STRING(8), allowNull: false },
        state: { type: DataTypes.STRING(24), allowNull: false },
        callCreatedAt: { type: DataTypes.DATE, allowNull: false },
        joinedAt: { type: DataTypes.DATE, allowNull: true },
        leftAt: { type: DataTypes.DATE, allowNull: true },
      },
      { sequelize, tableName: 'call_participants', timestamps: false },
    );
    return CallParticipant;
  }
}

/** Up to when a person has seen their missed calls (the station's tile, the app's badge). */
export class CallMarker extends Model<InferAttributes<CallMarker>, InferCreationAttributes<CallMarker>> {
  declare userId: string;
  declare missedSeenAt: Date;

  static initModel(sequelize: Sequelize): typeof CallMarker {
    CallMarker.init(
      {
        userId: { type: DataTypes.UUID, primaryKey: true },
        missedSeenAt: { type: DataTypes.DATE, allowNull: false },
      },
      { sequelize, tableName: 'call_markers', timestamps: false },
    );
    return CallMarker;
  }
}

/** The family's call settings, one row (id 1): what the admin allows beyond the defaults (F2). */
export class CallSettings extends Model<InferAttributes<CallSettings>, InferCreationAttributes<CallSettings>> {
  declare id: number;
  declare recordingAllowed: boolean;
  declare updatedById: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof CallSettings {
    CallSettings.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true },
        recordingAllowed: { type: DataTypes.BOOLEAN, allowNull: false },
        updatedById: { type: DataTypes.UUID, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'call_settings' },
    );
    return CallSettings;
  }
}
