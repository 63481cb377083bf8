/**
 * ApiToken: a named token a script signs in with (docs/scripts.md, "Tokens"). It acts for its
 * owner with a role, read or write access and customers of its own; only its SHA-256 is kept.
 * A revoked token stays listed (who revoked it, when) until its owner is deleted.
 */
import { DataTypes, Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  NonAttribute,
  Sequelize,
} from 'sequelize';
import { idColumn, instantColumn, referenceColumn, stringColumn } from '../columns';
import type { User } from './users';

export class ApiToken extends Model<InferAttributes<ApiToken>, InferCreationAttributes<ApiToken>> {
  declare id: CreationOptional<number>;
  declare name: string;
  /** The SHA-256 (hex) of the token; the token itself is never stored. */
  declare tokenHash: string;
  declare ownerId: number;
  /** The role the token acts with (core's UserGroup). */
  declare userGroup: number;
  /** 'read' or 'write' (core's API_TOKEN_ACCESS). */
  declare access: string;
  /** The customers of a shop role; empty for the roles that see every customer. */
  declare customerIds: number[];
  declare createdAt: Date;
  declare expiresAt: Date;
  declare revokedAt: CreationOptional<Date | null>;
  declare revokedByName: CreationOptional<string | null>;
  declare lastUsedAt: CreationOptional<Date | null>;
  declare lastUsedFrom: CreationOptional<string | null>;

  declare owner?: NonAttribute<User>;
}

export function defineApiTokenModels(sequelize: Sequelize) {
  class ApiTokenRow extends ApiToken {}
  ApiTokenRow.init(
    {
      id: idColumn(),
      name: stringColumn(60),
      tokenHash: { type: DataTypes.CHAR(64), allowNull: false },
      ownerId: referenceColumn(),
      userGroup: { type: DataTypes.SMALLINT, allowNull: false },
      access: stringColumn(16),
      customerIds: {
        type: DataTypes.TEXT,
        allowNull: false,
        get(this: ApiTokenRow): number[] {
          const text = this.getDataValue('customerIds') as unknown;
          return typeof text === 'string' && text !== '' ? (JSON.parse(text) as number[]) : [];
        },
        set(this: ApiTokenRow, ids: number[]) {
          this.setDataValue('customerIds', JSON.stringify(ids) as unknown as number[]);
        },
      },
      createdAt: instantColumn(),
      expiresAt: instantColumn(),
      revokedAt: instantColumn(true),
      revokedByName: stringColumn(256, true),
      lastUsedAt: instantColumn(true),
      lastUsedFrom: stringColumn(64, true),
    },
    {
      sequelize,
      modelName: 'ApiToken',
      tableName: 'api_tokens',
      indexes: [
        { name: 'api_tokens_token_hash_unique', fields: ['token_hash'], unique: true },
        { name: 'api_tokens_owner_id', fields: ['owner_id'] },
      ],
    },
  );
  return { ApiToken: ApiTokenRow as typeof ApiToken };
}
