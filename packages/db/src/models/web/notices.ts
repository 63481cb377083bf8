/**
 * Notices shown to the users of some customers until an expiry date.
 */
import { DataTypes, Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  Sequelize,
} from 'sequelize';
import { calendarDateColumn, idColumn } from '../columns';

export class CustomerNotice extends Model<
  InferAttributes<CustomerNotice>,
  InferCreationAttributes<CustomerNotice>
> {
  declare id: CreationOptional<number>;
  declare message: string;
  /** Last day shown; null = until removed. */
  declare expiresOn: CreationOptional<string | null>;
  /** Customer ids of the record database (no foreign key can span the two databases). */
  declare customerIds: CreationOptional<number[]>;
}

function parseCustomerIds(text: unknown): number[] {
  if (typeof text !== 'string' || text === '') {
    return [];
  }
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isInteger(id)) : [];
}

export function defineNoticeModels(sequelize: Sequelize) {
  class CustomerNoticeRow extends CustomerNotice {}
  CustomerNoticeRow.init(
    {
      id: idColumn(),
      message: { type: DataTypes.TEXT, allowNull: false, validate: { len: [1, 8000] } },
      expiresOn: calendarDateColumn(true),
      // A JSON array in a text column: MariaDB's JSON type is text underneath anyway, and a
      // text column reads back the same on both dialects.
      customerIds: {
        type: DataTypes.TEXT,
        allowNull: false,
        defaultValue: '[]',
        get(this: CustomerNoticeRow): number[] {
          return parseCustomerIds(this.getDataValue('customerIds') as unknown);
        },
        set(this: CustomerNoticeRow, ids: unknown) {
          const list = Array.isArray(ids) ? ids : [];
          this.setDataValue('customerIds', JSON.stringify(list) as unknown as number[]);
        },
        validate: {
          isListOfIds(value: unknown) {
            const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
            if (!Array.isArray(list) || !list.every((id) => Number.isInteger(id) && id > 0)) {
              throw new Error('must be a list of customer ids');
            }
          },
        },
      },
    },
    { sequelize, modelName: 'CustomerNotice', tableName: 'customer_notices' },
  );
  return { CustomerNotice: CustomerNoticeRow as typeof CustomerNotice };
}
