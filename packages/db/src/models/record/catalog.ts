/**
 * What is sold and to whom: isotopes, tracers, customers, their delivery endpoints and the
 * catalog pages (which endpoint may order which tracer, with the production overhead).
 */
import {
  DEFAULT_RELEASE_GUARDS,
  DEFAULT_TRACER_LIMITS,
  TracerType,
  enumValues,
} from '@tracershop/core';
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
  doubleColumn,
  enumColumn,
  idColumn,
  referenceColumn,
  stringColumn,
} from '../columns';

export class Isotope extends Model<InferAttributes<Isotope>, InferCreationAttributes<Isotope>> {
  declare id: CreationOptional<number>;
  declare atomicNumber: number;
  declare atomicMass: number;
  /** Element symbol, e.g. 'F', 'Ga'. */
  declare atomicLetter: string;
  declare halflifeSeconds: number;
  declare metastable: CreationOptional<boolean>;
}

export class Tracer extends Model<InferAttributes<Tracer>, InferCreationAttributes<Tracer>> {
  declare id: CreationOptional<number>;
  /** Not unique: the legacy data has two tracers of one short name. */
  declare shortname: string;
  declare clinicalName: string;
  declare isotopeId: number;
  declare tracerType: TracerType;
  /** Lot-number prefix; '' = none. */
  declare vialTag: CreationOptional<string>;
  declare archived: CreationOptional<boolean>;
  declare marketed: CreationOptional<boolean>;
  /** Plausibility limits (core `plausibility.ts`): MBq per order and per delivery. */
  declare maxActivityPerOrder: CreationOptional<number>;
  declare maxActivityPerDelivery: CreationOptional<number>;
  declare maxInjectionsPerOrder: CreationOptional<number>;
  /** Release guards (core `releaseGuards.ts`). */
  declare releaseLeadHours: CreationOptional<number>;
  declare underDeliveryTolerancePercent: CreationOptional<number>;
  declare overDeliveryTolerancePercent: CreationOptional<number>;

  declare isotope?: NonAttribute<Isotope>;
}

export class Customer extends Model<InferAttributes<Customer>, InferCreationAttributes<Customer>> {
  declare id: CreationOptional<number>;
  declare shortName: string;
  declare longName: CreationOptional<string | null>;
  /** The dispenser's customer number; unique when set. */
  declare dispenserId: CreationOptional<number | null>;
  declare billingAddress: CreationOptional<string | null>;
  declare billingCity: CreationOptional<string | null>;
  declare billingEmail: CreationOptional<string | null>;
  declare billingPhone: CreationOptional<string | null>;
  declare billingZipCode: CreationOptional<string | null>;

  declare endpoints?: NonAttribute<DeliveryEndpoint[]>;
}

export class DeliveryEndpoint extends Model<
  InferAttributes<DeliveryEndpoint>,
  InferCreationAttributes<DeliveryEndpoint>
> {
  declare id: CreationOptional<number>;
  declare customerId: number;
  declare name: CreationOptional<string | null>;
  declare address: CreationOptional<string | null>;
  declare city: CreationOptional<string | null>;
  declare zipCode: CreationOptional<string | null>;
  declare phone: CreationOptional<string | null>;

  declare customer?: NonAttribute<Customer>;
}

export class TracerCatalogPage extends Model<
  InferAttributes<TracerCatalogPage>,
  InferCreationAttributes<TracerCatalogPage>
> {
  declare id: CreationOptional<number>;
  declare endpointId: number;
  declare tracerId: number;
  /** 1.25 = 25 % overhead; never shown to customers, never stored on orders. */
  declare overheadMultiplier: CreationOptional<number>;
  declare maxInjections: CreationOptional<number>;

  declare endpoint?: NonAttribute<DeliveryEndpoint>;
  declare tracer?: NonAttribute<Tracer>;
}

export function defineCatalogModels(sequelize: Sequelize) {
  class IsotopeRow extends Isotope {}
  IsotopeRow.init(
    {
      id: idColumn(),
      atomicNumber: { type: DataTypes.SMALLINT, allowNull: false },
      atomicMass: { type: DataTypes.SMALLINT, allowNull: false },
      atomicLetter: stringColumn(3),
      halflifeSeconds: { type: DataTypes.DOUBLE, allowNull: false, validate: { min: 0 } },
      metastable: booleanColumn(false),
    },
    { sequelize, modelName: 'Isotope', tableName: 'isotopes' },
  );

  class TracerRow extends Tracer {}
  TracerRow.init(
    {
      id: idColumn(),
      shortname: stringColumn(32),
      clinicalName: stringColumn(256),
      isotopeId: referenceColumn(),
      tracerType: enumColumn(enumValues(TracerType)),
      vialTag: stringColumn(32, false, ''),
      archived: booleanColumn(false),
      marketed: booleanColumn(false),
      maxActivityPerOrder: doubleColumn(false, DEFAULT_TRACER_LIMITS.maxActivityPerOrder),
      maxActivityPerDelivery: doubleColumn(false, DEFAULT_TRACER_LIMITS.maxActivityPerDelivery),
      maxInjectionsPerOrder: {
        type: DataTypes.INTEGER,
        allowNull: false,
        defaultValue: DEFAULT_TRACER_LIMITS.maxInjectionsPerOrder,
      },
      releaseLeadHours: doubleColumn(false, DEFAULT_RELEASE_GUARDS.releaseLeadHours),
      underDeliveryTolerancePercent: doubleColumn(
        false,
        DEFAULT_RELEASE_GUARDS.underDeliveryTolerancePercent,
      ),
      overDeliveryTolerancePercent: doubleColumn(
        false,
        DEFAULT_RELEASE_GUARDS.overDeliveryTolerancePercent,
      ),
    },
    { sequelize, modelName: 'Tracer', tableName: 'tracers' },
  );

  class CustomerRow extends Customer {}
  CustomerRow.init(
    {
      id: idColumn(),
      shortName: stringColumn(32),
      longName: stringColumn(128, true),
      dispenserId: { type: DataTypes.SMALLINT, allowNull: true },
      billingAddress: stringColumn(128, true),
      billingCity: stringColumn(128, true),
      billingEmail: stringColumn(128, true),
      billingPhone: stringColumn(32, true),
      billingZipCode: stringColumn(8, true),
    },
    {
      sequelize,
      modelName: 'Customer',
      tableName: 'customers',
      indexes: [{ name: 'customers_dispenser_id_unique', unique: true, fields: ['dispenser_id'] }],
    },
  );

  class DeliveryEndpointRow extends DeliveryEndpoint {}
  DeliveryEndpointRow.init(
    {
      id: idColumn(),
      customerId: referenceColumn(),
      name: stringColumn(32, true),
      address: stringColumn(128, true),
      city: stringColumn(128, true),
      zipCode: stringColumn(8, true),
      phone: stringColumn(32, true),
    },
    { sequelize, modelName: 'DeliveryEndpoint', tableName: 'delivery_endpoints' },
  );

  class TracerCatalogPageRow extends TracerCatalogPage {}
  TracerCatalogPageRow.init(
    {
      id: idColumn(),
      endpointId: referenceColumn(),
      tracerId: referenceColumn(),
      overheadMultiplier: { ...doubleColumn(false, 1), validate: { min: 0 } },
      maxInjections: { type: DataTypes.SMALLINT, allowNull: false, defaultValue: 0 },
    },
    {
      sequelize,
      modelName: 'TracerCatalogPage',
      tableName: 'tracer_catalog_pages',
      indexes: [
        {
          name: 'tracer_catalog_pages_endpoint_tracer_unique',
          unique: true,
          fields: ['endpoint_id', 'tracer_id'],
        },
      ],
    },
  );

  return {
    Isotope: IsotopeRow as typeof Isotope,
    Tracer: TracerRow as typeof Tracer,
    Customer: CustomerRow as typeof Customer,
    DeliveryEndpoint: DeliveryEndpointRow as typeof DeliveryEndpoint,
    TracerCatalogPage: TracerCatalogPageRow as typeof TracerCatalogPage,
  };
}
