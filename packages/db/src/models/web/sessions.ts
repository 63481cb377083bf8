/**
 * Sign-in: sessions (stored by the hash of their token) and the log of login attempts.
 */
import { DataTypes, Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  NonAttribute,
  Sequelize,
} from 'sequelize';
import { booleanColumn, idColumn, instantColumn, referenceColumn, stringColumn } from '../columns';
import type { User } from './users';

export class Session extends Model<InferAttributes<Session>, InferCreationAttributes<Session>> {
  /** The SHA-256 (hex) of the random session token; the token itself is never stored. */
  declare id: string;
  declare userId: number;
  declare createdAt: CreationOptional<Date>;
  declare expiresAt: Date;
  declare lastSeenAt: CreationOptional<Date>;

  declare user?: NonAttribute<User>;
}

export class LoginEvent extends Model<
  InferAttributes<LoginEvent>,
  InferCreationAttributes<LoginEvent>
> {
  declare id: CreationOptional<number>;
  declare at: CreationOptional<Date>;
  declare username: string;
  declare success: boolean;
  declare reason: CreationOptional<string | null>;
  declare remoteAddress: CreationOptional<string | null>;
}

export function defineSessionModels(sequelize: Sequelize) {
  class SessionRow extends Session {}
  SessionRow.init(
    {
      id: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
      userId: referenceColumn(),
      createdAt: { ...instantColumn(), defaultValue: DataTypes.NOW },
      expiresAt: instantColumn(),
      lastSeenAt: { ...instantColumn(), defaultValue: DataTypes.NOW },
    },
    {
      sequelize,
      modelName: 'Session',
      tableName: 'sessions',
      indexes: [
        { name: 'sessions_user_id', fields: ['user_id'] },
        { name: 'sessions_expires_at', fields: ['expires_at'] },
      ],
    },
  );

  class LoginEventRow extends LoginEvent {}
  LoginEventRow.init(
    {
      id: idColumn(),
      at: { ...instantColumn(), defaultValue: DataTypes.NOW },
      username: stringColumn(120),
      success: booleanColumn(false),
      reason: stringColumn(64, true),
      remoteAddress: stringColumn(45, true),
    },
    {
      sequelize,
      modelName: 'LoginEvent',
      tableName: 'login_events',
      indexes: [{ name: 'login_events_at', fields: ['at'] }],
    },
  );

  return {
    Session: SessionRow as typeof Session,
    LoginEvent: LoginEventRow as typeof LoginEvent,
  };
}
