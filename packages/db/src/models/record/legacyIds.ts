/**
 * LegacyId: which new row a row of the old Tracershop database became (`tracershop
 * legacy-import`), so that importing again updates that row instead of creating another.
 */
import { DataTypes, Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  Sequelize,
} from 'sequelize';
import { idColumn, stringColumn } from '../columns';

export class LegacyId extends Model<InferAttributes<LegacyId>, InferCreationAttributes<LegacyId>> {
  declare id: CreationOptional<number>;
  /** The legacy table, e.g. 'orders', 'Users'. */
  declare legacyTable: string;
  /** The legacy key as text (composite keys joined by ':'). */
  declare legacyId: string;
  /** The new model name, e.g. 'ActivityOrder'. */
  declare entity: string;
  declare entityId: number;
}

export function defineLegacyIdModels(sequelize: Sequelize) {
  class LegacyIdRow extends LegacyId {}
  LegacyIdRow.init(
    {
      id: idColumn(),
      legacyTable: stringColumn(64),
      legacyId: stringColumn(64),
      entity: stringColumn(64),
      entityId: { type: DataTypes.INTEGER, allowNull: false },
    },
    {
      sequelize,
      modelName: 'LegacyId',
      tableName: 'legacy_ids',
      indexes: [
        {
          name: 'legacy_ids_legacy_table_legacy_id',
          unique: true,
          fields: ['legacy_table', 'legacy_id'],
        },
        { name: 'legacy_ids_entity_entity_id', fields: ['entity', 'entity_id'] },
      ],
    },
  );
  return { LegacyId: LegacyIdRow as typeof LegacyId };
}
