/**
 * Who can log in (User) and which customers a shop user acts for (UserAssignment).
 */
import { UserGroup, UserSource, enumValues } from '@tracershop/core';
import { DataTypes, Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  NonAttribute,
  Sequelize,
} from 'sequelize';
import {
  booleanColumn,
  enumColumn,
  foreignIdColumn,
  idColumn,
  instantColumn,
  referenceColumn,
  stringColumn,
  textEnumColumn,
} from '../columns';

/**
 * The key under which a username is unique: case-insensitive, so that "ABC123" and "abc123"
 * are one account on SQLite and MySQL alike (a column, not a collation, behaves the same on
 * both).
 */
export function usernameKeyOf(username: string): string {
  return username.normalize('NFC').toLowerCase();
}

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare username: string;
  /** usernameKeyOf(username), maintained by hooks; the unique index is on this column. */
  declare usernameKey: CreationOptional<string>;
  declare displayName: CreationOptional<string>;
  declare userGroup: CreationOptional<UserGroup>;
  declare active: CreationOptional<boolean>;
  /** argon2 hash; never leaves the server. Null for accounts that log in elsewhere (LDAP). */
  declare passwordHash: CreationOptional<string | null>;
  declare source: CreationOptional<UserSource>;
  declare lastLoginAt: CreationOptional<Date | null>;
  /** Set when someone else chose the password (a new account, a reset): its owner replaces it first. */
  declare mustChangePassword: CreationOptional<boolean>;

  declare assignments?: NonAttribute<UserAssignment[]>;
}

export class UserAssignment extends Model<
  InferAttributes<UserAssignment>,
  InferCreationAttributes<UserAssignment>
> {
  declare id: CreationOptional<number>;
  declare userId: number;
  /** A Customer id of the record database. */
  declare customerId: number;

  declare user?: NonAttribute<User>;
}

export function defineUserModels(sequelize: Sequelize) {
  class UserRow extends User {}
  UserRow.init(
    {
      id: idColumn(),
      username: { ...stringColumn(120), validate: { len: [1, 120] } },
      usernameKey: { type: DataTypes.STRING(120), allowNull: false },
      displayName: stringColumn(150, false, ''),
      userGroup: enumColumn(enumValues(UserGroup), { defaultValue: UserGroup.Anon }),
      active: booleanColumn(true),
      passwordHash: stringColumn(255, true),
      source: textEnumColumn(enumValues(UserSource), { defaultValue: UserSource.Local }),
      lastLoginAt: instantColumn(true),
      mustChangePassword: booleanColumn(false),
    },
    {
      sequelize,
      modelName: 'User',
      tableName: 'users',
      indexes: [{ name: 'users_username_key_unique', unique: true, fields: ['username_key'] }],
      hooks: {
        beforeValidate(user) {
          if (typeof user.username === 'string') {
            user.usernameKey = usernameKeyOf(user.username);
          }
        },
        beforeBulkCreate(users) {
          for (const user of users) {
            if (typeof user.username === 'string') {
              user.usernameKey = usernameKeyOf(user.username);
            }
          }
        },
        beforeBulkUpdate(options) {
          // Model.update() passes the new values as `attributes` (missing from the typings).
          const bulk = options as { attributes?: Record<string, unknown>; fields?: string[] };
          const username = bulk.attributes?.username;
          if (bulk.attributes !== undefined && typeof username === 'string') {
            bulk.attributes.usernameKey = usernameKeyOf(username);
            if (Array.isArray(bulk.fields) && !bulk.fields.includes('usernameKey')) {
              bulk.fields.push('usernameKey');
            }
          }
        },
      },
    },
  );

  class UserAssignmentRow extends UserAssignment {}
  UserAssignmentRow.init(
    {
      id: idColumn(),
      userId: referenceColumn(),
      customerId: foreignIdColumn(false),
    },
    {
      sequelize,
      modelName: 'UserAssignment',
      tableName: 'user_assignments',
      indexes: [
        {
          name: 'user_assignments_user_customer_unique',
          unique: true,
          fields: ['user_id', 'customer_id'],
        },
      ],
    },
  );

  return {
    User: UserRow as typeof User,
    UserAssignment: UserAssignmentRow as typeof UserAssignment,
  };
}
