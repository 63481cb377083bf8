/**
 * Release rights: a production user's GMP certification to release ("frigive") one tracer or
 * one isotope, until an expiry date.
 */
import { Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  NonAttribute,
  Sequelize,
} from 'sequelize';
import {
  calendarDateColumn,
  foreignIdColumn,
  idColumn,
  referenceColumn,
  stringColumn,
} from '../columns';
import type { Isotope, Tracer } from './catalog';
import { PERSON_NAME_LENGTH } from './orders';

/** The database CHECK that a right names exactly one product. */
export const RELEASE_RIGHT_PRODUCT_CHECK = 'release_rights_exactly_one_product';

export class ReleaseRight extends Model<
  InferAttributes<ReleaseRight>,
  InferCreationAttributes<ReleaseRight>
> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare userName: string;
  /** Exactly one of tracerId and isotopeId is set (a database CHECK). */
  declare tracerId: CreationOptional<number | null>;
  declare isotopeId: CreationOptional<number | null>;
  /** Last day the right is valid; null = never expires. */
  declare expiryDate: CreationOptional<string | null>;

  declare tracer?: NonAttribute<Tracer | null>;
  declare isotope?: NonAttribute<Isotope | null>;
}

export function defineReleaseRightModels(sequelize: Sequelize) {
  class ReleaseRightRow extends ReleaseRight {}
  ReleaseRightRow.init(
    {
      id: idColumn(),
      userId: foreignIdColumn(false),
      userName: stringColumn(PERSON_NAME_LENGTH),
      tracerId: referenceColumn(true),
      isotopeId: referenceColumn(true),
      expiryDate: calendarDateColumn(true),
    },
    {
      sequelize,
      modelName: 'ReleaseRight',
      tableName: 'release_rights',
      indexes: [{ name: 'release_rights_user_id', fields: ['user_id'] }],
    },
  );
  return { ReleaseRight: ReleaseRightRow as typeof ReleaseRight };
}
