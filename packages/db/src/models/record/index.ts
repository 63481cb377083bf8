/**
 * The record database: GMP records and the audit trail (docs/domain.md).
 */
import type { Sequelize } from 'sequelize';
import { defineAuditModels } from './audit';
import { defineBookingModels } from './bookings';
import { defineCatalogModels } from './catalog';
import { defineClientRequestModels } from './clientRequests';
import { defineLegacyIdModels } from './legacyIds';
import { defineOrderModels } from './orders';
import { defineReleaseRightModels } from './releaseRights';
import { defineServiceRunModels } from './serviceRuns';
import { defineScheduleModels } from './schedule';
import { defineVialModels } from './vials';

export * from './audit';
export * from './bookings';
export * from './catalog';
export * from './clientRequests';
export * from './legacyIds';
export * from './orders';
export * from './releaseRights';
export * from './schedule';
export * from './serviceRuns';
export * from './vials';

/**
 * Defines every record model on `sequelize` and the associations used for `include`. The
 * foreign keys themselves (and their on-delete rules) belong to the migrations, hence
 * `constraints: false` here.
 */
export function defineRecordModels(sequelize: Sequelize) {
  const models = {
    ...defineCatalogModels(sequelize),
    ...defineScheduleModels(sequelize),
    ...defineOrderModels(sequelize),
    ...defineVialModels(sequelize),
    ...defineReleaseRightModels(sequelize),
    ...defineBookingModels(sequelize),
    ...defineAuditModels(sequelize),
    ...defineClientRequestModels(sequelize),
    ...defineLegacyIdModels(sequelize),
    ...defineServiceRunModels(sequelize),
  };
  const m = models;
  const c = { constraints: false } as const;

  m.Tracer.belongsTo(m.Isotope, { as: 'isotope', foreignKey: 'isotopeId', ...c });
  m.DeliveryEndpoint.belongsTo(m.Customer, { as: 'customer', foreignKey: 'customerId', ...c });
  m.Customer.hasMany(m.DeliveryEndpoint, { as: 'endpoints', foreignKey: 'customerId', ...c });
  m.TracerCatalogPage.belongsTo(m.DeliveryEndpoint, {
    as: 'endpoint',
    foreignKey: 'endpointId',
    ...c,
  });
  m.TracerCatalogPage.belongsTo(m.Tracer, { as: 'tracer', foreignKey: 'tracerId', ...c });

  m.ActivityProduction.belongsTo(m.Tracer, { as: 'tracer', foreignKey: 'tracerId', ...c });
  m.ActivityDeliveryTimeSlot.belongsTo(m.DeliveryEndpoint, {
    as: 'endpoint',
    foreignKey: 'endpointId',
    ...c,
  });
  m.ActivityDeliveryTimeSlot.belongsTo(m.ActivityProduction, {
    as: 'production',
    foreignKey: 'productionId',
    ...c,
  });
  m.IsotopeProduction.belongsTo(m.Isotope, { as: 'isotope', foreignKey: 'isotopeId', ...c });
  m.IsotopeDelivery.belongsTo(m.IsotopeProduction, {
    as: 'isotopeProduction',
    foreignKey: 'isotopeProductionId',
    ...c,
  });
  m.IsotopeDelivery.belongsTo(m.DeliveryEndpoint, {
    as: 'endpoint',
    foreignKey: 'endpointId',
    ...c,
  });

  m.ActivityOrder.belongsTo(m.ActivityDeliveryTimeSlot, {
    as: 'orderedTimeSlot',
    foreignKey: 'orderedTimeSlotId',
    ...c,
  });
  m.ActivityOrder.belongsTo(m.ActivityDeliveryTimeSlot, {
    as: 'movedToTimeSlot',
    foreignKey: 'movedToTimeSlotId',
    ...c,
  });
  m.InjectionOrder.belongsTo(m.DeliveryEndpoint, {
    as: 'endpoint',
    foreignKey: 'endpointId',
    ...c,
  });
  m.InjectionOrder.belongsTo(m.Tracer, { as: 'tracer', foreignKey: 'tracerId', ...c });
  m.IsotopeOrder.belongsTo(m.IsotopeDelivery, {
    as: 'isotopeDelivery',
    foreignKey: 'isotopeDeliveryId',
    ...c,
  });

  m.Vial.belongsTo(m.Tracer, { as: 'tracer', foreignKey: 'tracerId', ...c });
  m.Vial.belongsTo(m.Customer, { as: 'customer', foreignKey: 'customerId', ...c });
  m.Vial.belongsTo(m.ActivityOrder, { as: 'assignedTo', foreignKey: 'assignedToId', ...c });
  m.IsotopeVial.belongsTo(m.Isotope, { as: 'isotope', foreignKey: 'isotopeId', ...c });
  m.IsotopeVial.belongsTo(m.IsotopeOrder, {
    as: 'deliveredWith',
    foreignKey: 'deliveredWithId',
    ...c,
  });

  m.ReleaseRight.belongsTo(m.Tracer, { as: 'tracer', foreignKey: 'tracerId', ...c });
  m.ReleaseRight.belongsTo(m.Isotope, { as: 'isotope', foreignKey: 'isotopeId', ...c });

  m.Location.belongsTo(m.DeliveryEndpoint, { as: 'endpoint', foreignKey: 'endpointId', ...c });
  m.Procedure.belongsTo(m.ProcedureIdentifier, {
    as: 'procedureIdentifier',
    foreignKey: 'procedureIdentifierId',
    ...c,
  });
  m.Procedure.belongsTo(m.DeliveryEndpoint, { as: 'endpoint', foreignKey: 'endpointId', ...c });
  m.Procedure.belongsTo(m.Tracer, { as: 'tracer', foreignKey: 'tracerId', ...c });
  m.Booking.belongsTo(m.Location, { as: 'location', foreignKey: 'locationId', ...c });
  m.Booking.belongsTo(m.ProcedureIdentifier, {
    as: 'procedureIdentifier',
    foreignKey: 'procedureIdentifierId',
    ...c,
  });

  return models;
}

export type RecordModels = ReturnType<typeof defineRecordModels>;
