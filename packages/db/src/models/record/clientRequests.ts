/**
 * ClientRequest: the client key of a creating mutation and its result (docs/domain.md), so a
 * retried request returns the first result instead of creating twice.
 */
import { DataTypes, Model } from 'sequelize';
import type { InferAttributes, InferCreationAttributes, Sequelize } from 'sequelize';
import { instantColumn, stringColumn } from '../columns';

export class ClientRequest extends Model<
  InferAttributes<ClientRequest>,
  InferCreationAttributes<ClientRequest>
> {
  declare clientKey: string;
  /** Web-database id of the user who sent it; a key is only honoured for the same user. */
  declare userId: number;
  /** The procedure path, e.g. 'bookings.massOrder'. */
  declare procedure: string;
  /** The JSON result returned the first time. */
  declare result: string;
  declare createdAt: Date;
}

export function defineClientRequestModels(sequelize: Sequelize) {
  class ClientRequestRow extends ClientRequest {}
  ClientRequestRow.init(
    {
      clientKey: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      procedure: stringColumn(64),
      result: { type: DataTypes.TEXT('long'), allowNull: false },
      createdAt: instantColumn(),
    },
    { sequelize, modelName: 'ClientRequest', tableName: 'client_requests' },
  );
  return { ClientRequest: ClientRequestRow as typeof ClientRequest };
}
