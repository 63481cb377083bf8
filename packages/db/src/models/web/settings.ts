/**
 * Site configuration: the server settings singleton, printers and the addresses of outside
 * services (RIS worklist, HL7, LDAP).
 */
import { PRINTER_NAME_PATTERN, ServiceAddressKind, enumValues } from '@tracershop/core';
import { DataTypes, Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  NonAttribute,
  Sequelize,
} from 'sequelize';
import { booleanColumn, idColumn, referenceColumn, stringColumn, textEnumColumn } from '../columns';

/** The id of the one ServerSettings row (created by the first migration). */
export const SERVER_SETTINGS_ID = 1;

/** Printer names are also CUPS queue names. */

export class Printer extends Model<InferAttributes<Printer>, InferCreationAttributes<Printer>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare host: string;
  declare port: CreationOptional<number>;
  declare uri: CreationOptional<string | null>;
  declare labelPrinter: CreationOptional<boolean>;
}

export class ServiceAddress extends Model<
  InferAttributes<ServiceAddress>,
  InferCreationAttributes<ServiceAddress>
> {
  declare id: CreationOptional<number>;
  declare kind: ServiceAddressKind;
  declare host: string;
  declare port: number;
  declare aeTitle: CreationOptional<string | null>;
  declare description: CreationOptional<string | null>;
}

export class ServerSettings extends Model<
  InferAttributes<ServerSettings>,
  InferCreationAttributes<ServerSettings>
> {
  declare id: CreationOptional<number>;
  /** Half-width in days of the window of time-sensitive data sent to clients. */
  declare dateRangeDays: CreationOptional<number>;
  declare adminPhone: CreationOptional<string>;
  declare adminEmail: CreationOptional<string>;
  declare activePrinterId: CreationOptional<number | null>;
  declare activeLabelPrinterId: CreationOptional<number | null>;
  declare risAddressId: CreationOptional<number | null>;
  /** The producing unit's name, printed on release documents. */
  declare unitName: CreationOptional<string | null>;
  /** The producing unit's postal address, printed on release documents. */
  declare unitAddress: CreationOptional<string | null>;

  declare activePrinter?: NonAttribute<Printer | null>;
  declare activeLabelPrinter?: NonAttribute<Printer | null>;
  declare risAddress?: NonAttribute<ServiceAddress | null>;
}

export function defineSettingsModels(sequelize: Sequelize) {
  class PrinterRow extends Printer {}
  PrinterRow.init(
    {
      id: idColumn(),
      name: { ...stringColumn(48), validate: { len: [1, 48], is: PRINTER_NAME_PATTERN } },
      host: stringColumn(255),
      port: {
        type: DataTypes.INTEGER,
        allowNull: false,
        defaultValue: 9100,
        validate: { min: 1, max: 65535 },
      },
      uri: stringColumn(255, true),
      labelPrinter: booleanColumn(false),
    },
    {
      sequelize,
      modelName: 'Printer',
      tableName: 'printers',
      indexes: [{ name: 'printers_name_unique', unique: true, fields: ['name'] }],
    },
  );

  class ServiceAddressRow extends ServiceAddress {}
  ServiceAddressRow.init(
    {
      id: idColumn(),
      kind: textEnumColumn(enumValues(ServiceAddressKind)),
      host: stringColumn(255),
      port: { type: DataTypes.INTEGER, allowNull: false, validate: { min: 1, max: 65535 } },
      aeTitle: stringColumn(16, true),
      description: stringColumn(120, true),
    },
    { sequelize, modelName: 'ServiceAddress', tableName: 'service_addresses' },
  );

  class ServerSettingsRow extends ServerSettings {}
  ServerSettingsRow.init(
    {
      id: {
        type: DataTypes.INTEGER,
        primaryKey: true,
        allowNull: false,
        defaultValue: SERVER_SETTINGS_ID,
        validate: { isIn: [[SERVER_SETTINGS_ID]] },
      },
      dateRangeDays: {
        type: DataTypes.INTEGER,
        allowNull: false,
        defaultValue: 64,
        validate: { min: 1 },
      },
      adminPhone: stringColumn(32, false, ''),
      adminEmail: stringColumn(64, false, ''),
      activePrinterId: referenceColumn(true),
      activeLabelPrinterId: referenceColumn(true),
      risAddressId: referenceColumn(true),
      unitName: stringColumn(128, true),
      unitAddress: stringColumn(256, true),
    },
    { sequelize, modelName: 'ServerSettings', tableName: 'server_settings' },
  );

  return {
    Printer: PrinterRow as typeof Printer,
    ServiceAddress: ServiceAddressRow as typeof ServiceAddress,
    ServerSettings: ServerSettingsRow as typeof ServerSettings,
  };
}
