/**
 * RIS bookings and what turns them into orders: locations (scanner rooms), procedure
 * identifiers (study types), per-endpoint procedures and the bookings themselves (personal
 * data, deleted 7 days after their date).
 */
import { BookingStatus, enumValues } from '@tracershop/core';
import { Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  NonAttribute,
  Sequelize,
} from 'sequelize';
import {
  booleanColumn,
  calendarDateColumn,
  doubleColumn,
  enumColumn,
  idColumn,
  referenceColumn,
  stringColumn,
  timeOfDayColumn,
} from '../columns';
import type { DeliveryEndpoint, Tracer } from './catalog';

export class Location extends Model<InferAttributes<Location>, InferCreationAttributes<Location>> {
  declare id: CreationOptional<number>;
  declare locationCode: string;
  declare commonName: CreationOptional<string | null>;
  declare endpointId: CreationOptional<number | null>;

  declare endpoint?: NonAttribute<DeliveryEndpoint | null>;
}

export class ProcedureIdentifier extends Model<
  InferAttributes<ProcedureIdentifier>,
  InferCreationAttributes<ProcedureIdentifier>
> {
  declare id: CreationOptional<number>;
  declare code: CreationOptional<string | null>;
  declare description: CreationOptional<string | null>;
  declare isPet: CreationOptional<boolean>;
}

export class Procedure extends Model<
  InferAttributes<Procedure>,
  InferCreationAttributes<Procedure>
> {
  declare id: CreationOptional<number>;
  declare procedureIdentifierId: number;
  declare endpointId: number;
  declare tracerId: number;
  /** MBq at scan time (activity tracers) or number of injections (injection tracers). */
  declare tracerUnits: CreationOptional<number>;
  /** Minutes from the booking's start to the injection. */
  declare delayMinutes: CreationOptional<number>;

  declare procedureIdentifier?: NonAttribute<ProcedureIdentifier>;
  declare endpoint?: NonAttribute<DeliveryEndpoint>;
  declare tracer?: NonAttribute<Tracer>;
}

export class Booking extends Model<InferAttributes<Booking>, InferCreationAttributes<Booking>> {
  declare id: CreationOptional<number>;
  declare accessionNumber: CreationOptional<string | null>;
  declare locationId: number;
  declare procedureIdentifierId: number;
  declare startDate: string;
  declare startTime: string;
  declare status: CreationOptional<BookingStatus>;

  declare location?: NonAttribute<Location>;
  declare procedureIdentifier?: NonAttribute<ProcedureIdentifier>;
}

export function defineBookingModels(sequelize: Sequelize) {
  class LocationRow extends Location {}
  LocationRow.init(
    {
      id: idColumn(),
      locationCode: stringColumn(120),
      commonName: stringColumn(120, true),
      endpointId: referenceColumn(true),
    },
    {
      sequelize,
      modelName: 'Location',
      tableName: 'locations',
      indexes: [
        { name: 'locations_location_code_unique', unique: true, fields: ['location_code'] },
      ],
    },
  );

  class ProcedureIdentifierRow extends ProcedureIdentifier {}
  ProcedureIdentifierRow.init(
    {
      id: idColumn(),
      code: stringColumn(128, true),
      description: stringColumn(255, true),
      isPet: booleanColumn(true),
    },
    {
      sequelize,
      modelName: 'ProcedureIdentifier',
      tableName: 'procedure_identifiers',
      indexes: [
        { name: 'procedure_identifiers_code_unique', unique: true, fields: ['code'] },
        { name: 'procedure_identifiers_description_unique', unique: true, fields: ['description'] },
      ],
    },
  );

  class ProcedureRow extends Procedure {}
  ProcedureRow.init(
    {
      id: idColumn(),
      procedureIdentifierId: referenceColumn(),
      endpointId: referenceColumn(),
      tracerId: referenceColumn(),
      tracerUnits: { ...doubleColumn(false, 0), validate: { min: 0 } },
      delayMinutes: doubleColumn(false, 0),
    },
    {
      sequelize,
      modelName: 'Procedure',
      tableName: 'procedures',
      indexes: [
        {
          name: 'procedures_identifier_endpoint_unique',
          unique: true,
          fields: ['procedure_identifier_id', 'endpoint_id'],
        },
      ],
    },
  );

  class BookingRow extends Booking {}
  BookingRow.init(
    {
      id: idColumn(),
      accessionNumber: stringColumn(32, true),
      locationId: referenceColumn(),
      procedureIdentifierId: referenceColumn(),
      startDate: calendarDateColumn(),
      startTime: timeOfDayColumn(),
      status: enumColumn(enumValues(BookingStatus), { defaultValue: BookingStatus.Initial }),
    },
    {
      sequelize,
      modelName: 'Booking',
      tableName: 'bookings',
      indexes: [
        { name: 'bookings_accession_number_unique', unique: true, fields: ['accession_number'] },
        { name: 'bookings_location_start_date', fields: ['location_id', 'start_date'] },
        { name: 'bookings_start', fields: ['start_date', 'start_time'] },
      ],
    },
  );

  return {
    Location: LocationRow as typeof Location,
    ProcedureIdentifier: ProcedureIdentifierRow as typeof ProcedureIdentifier,
    Procedure: ProcedureRow as typeof Procedure,
    Booking: BookingRow as typeof Booking,
  };
}
