/**
 * A minimal site for integration tests: one of each record row, linked together.
 */
import {
  DeadlineScope,
  DeadlineType,
  OrderStatus,
  TracerType,
  TracerUsage,
  WeeklyRepeat,
} from '@tracershop/core';
import type { Models } from '../src/connection';

export async function createSmallSite(models: Models) {
  const isotope = await models.Isotope.create({
    atomicNumber: 9,
    atomicMass: 18,
    atomicLetter: 'F',
    halflifeSeconds: 6586.2,
  });
  const copper = await models.Isotope.create({
    atomicNumber: 29,
    atomicMass: 64,
    atomicLetter: 'Cu',
    halflifeSeconds: 45723.6,
  });
  const tracer = await models.Tracer.create({
    shortname: 'FDG',
    clinicalName: 'Fludeoxyglucose (18F)',
    isotopeId: isotope.id,
    tracerType: TracerType.Activity,
    vialTag: 'FDG',
  });
  const injectionTracer = await models.Tracer.create({
    shortname: 'Ga-PSMA',
    clinicalName: '[68Ga]Ga-PSMA-11',
    isotopeId: isotope.id,
    tracerType: TracerType.Injection,
  });
  const customer = await models.Customer.create({ shortName: 'RH KF', dispenserId: 1 });
  const endpoint = await models.DeliveryEndpoint.create({ customerId: customer.id, name: 'PET1' });
  const catalogPage = await models.TracerCatalogPage.create({
    endpointId: endpoint.id,
    tracerId: tracer.id,
    overheadMultiplier: 1.25,
  });
  const production = await models.ActivityProduction.create({
    tracerId: tracer.id,
    weekday: 0,
    productionTime: '06:30:00',
  });
  const slot = await models.ActivityDeliveryTimeSlot.create({
    endpointId: endpoint.id,
    productionId: production.id,
    deliveryTime: '08:00:00',
    weeklyRepeat: WeeklyRepeat.EveryWeek,
  });
  const earlySlot = await models.ActivityDeliveryTimeSlot.create({
    endpointId: endpoint.id,
    productionId: production.id,
    deliveryTime: '07:30:00',
    weeklyRepeat: WeeklyRepeat.EvenWeeks,
  });
  const order = await models.ActivityOrder.create({
    orderedActivity: 500,
    deliveryDate: '2024-12-02',
    status: OrderStatus.Released,
    orderedTimeSlotId: slot.id,
    movedToTimeSlotId: earlySlot.id,
    orderedById: 5,
    orderedByName: 'Shop User',
    freedAt: new Date('2024-12-02T06:55:00.000Z'),
    freedById: 3,
    freedByName: 'Production User',
  });
  const vial = await models.Vial.create({
    tracerId: tracer.id,
    customerId: customer.id,
    lotNumber: 'FDG-241202-1',
    fillDate: '2024-12-02',
    fillTime: '07:10:00',
    activity: 900,
    volume: 2.5,
    assignedToId: order.id,
  });
  const injectionOrder = await models.InjectionOrder.create({
    endpointId: endpoint.id,
    tracerId: injectionTracer.id,
    deliveryDate: '2024-12-02',
    deliveryTime: '11:00:00',
    injections: 2,
    tracerUsage: TracerUsage.Human,
    status: OrderStatus.Ordered,
  });
  const isotopeProduction = await models.IsotopeProduction.create({
    isotopeId: copper.id,
    weekday: 2,
    productionTime: '10:00:00',
  });
  const isotopeDelivery = await models.IsotopeDelivery.create({
    isotopeProductionId: isotopeProduction.id,
    endpointId: endpoint.id,
    deliveryTime: '14:00:00',
  });
  const isotopeOrder = await models.IsotopeOrder.create({
    isotopeDeliveryId: isotopeDelivery.id,
    deliveryDate: '2024-12-04',
    orderedActivity: 2000,
    orderedById: 6,
    orderedByName: 'External User',
  });
  const isotopeVial = await models.IsotopeVial.create({
    isotopeId: copper.id,
    batchNumber: 'CU64-241204-1',
    calibratedAt: new Date('2024-12-04T11:00:00.000Z'),
    activity: 2500,
    volume: 1.5,
    deliveredWithId: isotopeOrder.id,
  });
  const deadline = await models.Deadline.create({
    deadlineType: DeadlineType.Daily,
    deadlineTime: '13:00:00',
    appliesTo: DeadlineScope.Activity,
  });
  const location = await models.Location.create({
    locationCode: 'RGH-KF-PETCT1',
    endpointId: endpoint.id,
  });
  const procedureIdentifier = await models.ProcedureIdentifier.create({
    code: 'WZCXPET01',
    description: 'PET/CT FDG helkrop',
  });
  const procedure = await models.Procedure.create({
    procedureIdentifierId: procedureIdentifier.id,
    endpointId: endpoint.id,
    tracerId: tracer.id,
    tracerUnits: 300,
    delayMinutes: 60,
  });
  const booking = await models.Booking.create({
    accessionNumber: 'DKRGH241202001',
    locationId: location.id,
    procedureIdentifierId: procedureIdentifier.id,
    startDate: '2024-12-02',
    startTime: '09:00:00',
  });
  const releaseRight = await models.ReleaseRight.create({
    userId: 3,
    userName: 'Production User',
    tracerId: tracer.id,
  });
  return {
    isotope,
    copper,
    tracer,
    injectionTracer,
    customer,
    endpoint,
    catalogPage,
    production,
    slot,
    earlySlot,
    order,
    vial,
    injectionOrder,
    isotopeProduction,
    isotopeDelivery,
    isotopeOrder,
    isotopeVial,
    deadline,
    location,
    procedureIdentifier,
    procedure,
    booking,
    releaseRight,
  };
}

export type SmallSite = Awaited<ReturnType<typeof createSmallSite>>;
