/**
 * The recall trace of a lot (docs/domain.md, "Recall of a lot"): from a lot or batch number to
 * everything that went out with it, in one read.
 *
 * - Activity vials with that lot number; for each one the release that delivered it (the
 *   vials hang on the release's pivot order, `Vial.assignedToId`): the orders of the release,
 *   their customer, delivery endpoint, delivery date and time, and who signed the release
 *   when. A vial not delivered is listed as such.
 * - Injection orders released with that lot number.
 * - Isotope vials with that batch number and the isotope orders they were delivered with.
 * - The RIS bookings of every delivery's date and endpoint for the delivered tracer (the
 *   patient studies that may have received the product): accession number, study, location
 *   and time.
 *
 * Only rows reached from the lot are read, so no other delivery, customer or booking appears.
 */
import { activeSlotIdOf, localDateTimeOfInstant, OrderStatus } from '@tracershop/core';
import type { TracerUsage } from '@tracershop/core';
import { isotopeName } from '../documents/documentFormats';
import type { ApiServices } from '../services';

export interface TraceVial {
  id: number;
  lotNumber: string;
  tracer: string | null;
  /** The vial's owner (null for quality control). */
  owner: string | null;
  fillDate: string;
  fillTime: string;
  /** MBq at fill time. */
  activity: number;
  /** ml */
  volume: number;
  /** The pivot order of the release that delivered it; null when not delivered. */
  deliveredWithId: number | null;
}

export interface TraceBooking {
  accessionNumber: string | null;
  study: string | null;
  location: string;
  startDate: string;
  startTime: string;
}

export interface TraceSignature {
  /** Site wall time `YYYY-MM-DD HH:MM:SS`; null when unknown (legacy rows). */
  releasedAt: string | null;
  releasedBy: string | null;
}

export interface TraceActivityDelivery extends TraceSignature {
  /** The release's pivot order. */
  releaseId: number;
  customer: string;
  endpoint: string;
  tracer: string;
  deliveryDate: string;
  deliveryTime: string;
  orders: { id: number; orderedActivity: number; status: OrderStatus; comment: string | null }[];
  vialIds: number[];
  bookings: TraceBooking[];
}

export interface TraceInjectionOrder extends TraceSignature {
  id: number;
  customer: string;
  endpoint: string;
  tracer: string;
  deliveryDate: string;
  deliveryTime: string;
  injections: number;
  usage: TracerUsage;
  status: OrderStatus;
  bookings: TraceBooking[];
}

export interface TraceIsotopeVial {
  id: number;
  batchNumber: string;
  isotope: string;
  /** Site wall time of the calibration. */
  calibratedAt: string;
  activity: number;
  volume: number;
  deliveredWithId: number | null;
}

export interface TraceIsotopeOrder extends TraceSignature {
  id: number;
  customer: string;
  endpoint: string;
  deliveryDate: string;
  deliveryTime: string;
  orderedActivity: number;
  vialIds: number[];
}

export interface LotTrace {
  lot: string;
  vials: TraceVial[];
  activityDeliveries: TraceActivityDelivery[];
  injectionOrders: TraceInjectionOrder[];
  isotopeVials: TraceIsotopeVial[];
  isotopeOrders: TraceIsotopeOrder[];
  /** Distinct customers reached, by short name. */
  customers: string[];
}

/** The wall time of an instant on the site clock, or null. */
function siteTime(instant: Date | null, timeZone: string): string | null {
  return instant === null ? null : localDateTimeOfInstant(instant.getTime(), timeZone);
}

function byDateAndTime<T extends { deliveryDate: string; deliveryTime: string }>(a: T, b: T) {
  return (
    a.deliveryDate.localeCompare(b.deliveryDate) || a.deliveryTime.localeCompare(b.deliveryTime)
  );
}

/**
 * The RIS bookings at `endpointId`'s locations on `date` whose study is given with `tracerId`
 * there (the endpoint's procedures), by time.
 */
async function bookingsOf(
  services: ApiServices,
  endpointId: number,
  tracerId: number,
  date: string,
): Promise<TraceBooking[]> {
  const { models } = services.db;
  const [locations, procedures] = await Promise.all([
    models.Location.findAll({ where: { endpointId } }),
    models.Procedure.findAll({ where: { endpointId, tracerId } }),
  ]);
  if (locations.length === 0 || procedures.length === 0) {
    return [];
  }
  const bookings = await models.Booking.findAll({
    where: {
      startDate: date,
      locationId: locations.map((location) => location.id),
      procedureIdentifierId: procedures.map((procedure) => procedure.procedureIdentifierId),
    },
    include: [{ association: 'procedureIdentifier' }],
    order: [
      ['startTime', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const locationName = new Map(
    locations.map((location) => [location.id, location.commonName ?? location.locationCode]),
  );
  return bookings.map((booking) => ({
    accessionNumber: booking.accessionNumber,
    study: booking.procedureIdentifier?.description ?? null,
    location: locationName.get(booking.locationId) ?? '',
    startDate: booking.startDate,
    startTime: booking.startTime,
  }));
}

/** Everything that went out with lot (or isotope batch) `lot`. */
export async function traceLot(services: ApiServices, lot: string): Promise<LotTrace> {
  const { models } = services.db;
  const { timeZone } = services.config;
  const [vialRows, injectionRows, isotopeVialRows] = await Promise.all([
    models.Vial.findAll({
      where: { lotNumber: lot },
      include: [{ association: 'tracer' }, { association: 'customer' }],
      order: [['id', 'ASC']],
    }),
    models.InjectionOrder.findAll({
      where: { lotNumber: lot, status: OrderStatus.Released },
      include: [
        { association: 'tracer' },
        { association: 'endpoint', include: [{ association: 'customer' }] },
      ],
    }),
    models.IsotopeVial.findAll({
      where: { batchNumber: lot },
      include: [{ association: 'isotope' }],
      order: [['id', 'ASC']],
    }),
  ]);
  const customers = new Set<string>();

  const vials: TraceVial[] = vialRows.map((vial) => ({
    id: vial.id,
    lotNumber: vial.lotNumber,
    tracer: vial.tracer?.shortname ?? null,
    owner: vial.customer?.shortName ?? null,
    fillDate: vial.fillDate,
    fillTime: vial.fillTime,
    activity: vial.activity,
    volume: vial.volume,
    deliveredWithId: vial.assignedToId,
  }));

  const pivotIds = [
    ...new Set(
      vials.flatMap((vial) => (vial.deliveredWithId === null ? [] : [vial.deliveredWithId])),
    ),
  ];
  const releasedOrders =
    pivotIds.length === 0
      ? []
      : await models.ActivityOrder.findAll({
          where: { releasedWithId: pivotIds },
          order: [['id', 'ASC']],
        });
  // A release from before a delivery could be released twice has no pivot column set: the
  // pivot itself still carries the vials.
  const pivotsWithoutRows = pivotIds.filter(
    (id) => !releasedOrders.some((order) => order.releasedWithId === id),
  );
  const legacyPivots =
    pivotsWithoutRows.length === 0
      ? []
      : await models.ActivityOrder.findAll({ where: { id: pivotsWithoutRows } });
  const slotIds = [...new Set([...releasedOrders, ...legacyPivots].map(activeSlotIdOf))];
  const slots =
    slotIds.length === 0
      ? []
      : await models.ActivityDeliveryTimeSlot.findAll({
          where: { id: slotIds },
          include: [
            { association: 'endpoint', include: [{ association: 'customer' }] },
            { association: 'production', include: [{ association: 'tracer' }] },
          ],
        });
  const slotOf = new Map(slots.map((slot) => [slot.id, slot]));

  const activityDeliveries: TraceActivityDelivery[] = [];
  for (const pivotId of pivotIds) {
    const orders = [
      ...releasedOrders.filter((order) => order.releasedWithId === pivotId),
      ...legacyPivots.filter((order) => order.id === pivotId),
    ];
    const pivot = orders.find((order) => order.id === pivotId) ?? orders[0];
    const slot = pivot === undefined ? undefined : slotOf.get(activeSlotIdOf(pivot));
    if (pivot === undefined || slot === undefined) {
      continue;
    }
    const customer = slot.endpoint?.customer?.shortName ?? '';
    customers.add(customer);
    activityDeliveries.push({
      releaseId: pivotId,
      customer,
      endpoint: slot.endpoint?.name ?? '',
      tracer: slot.production?.tracer?.shortname ?? '',
      deliveryDate: pivot.deliveryDate,
      deliveryTime: slot.deliveryTime,
      orders: orders.map((order) => ({
        id: order.id,
        orderedActivity: order.orderedActivity,
        status: order.status,
        comment: order.comment,
      })),
      vialIds: vials.filter((vial) => vial.deliveredWithId === pivotId).map((vial) => vial.id),
      releasedAt: siteTime(pivot.freedAt, timeZone),
      releasedBy: pivot.freedByName,
      bookings: await bookingsOf(
        services,
        slot.endpointId,
        slot.production?.tracerId ?? 0,
        pivot.deliveryDate,
      ),
    });
  }
  activityDeliveries.sort(byDateAndTime);

  const injectionOrders: TraceInjectionOrder[] = [];
  for (const order of injectionRows) {
    const customer = order.endpoint?.customer?.shortName ?? '';
    customers.add(customer);
    injectionOrders.push({
      id: order.id,
      customer,
      endpoint: order.endpoint?.name ?? '',
      tracer: order.tracer?.shortname ?? '',
      deliveryDate: order.deliveryDate,
      deliveryTime: order.deliveryTime,
      injections: order.injections,
      usage: order.tracerUsage,
      status: order.status,
      releasedAt: siteTime(order.freedAt, timeZone),
      releasedBy: order.freedByName,
      bookings: await bookingsOf(services, order.endpointId, order.tracerId, order.deliveryDate),
    });
  }
  injectionOrders.sort(byDateAndTime);

  const isotopeVials: TraceIsotopeVial[] = isotopeVialRows.map((vial) => ({
    id: vial.id,
    batchNumber: vial.batchNumber,
    isotope: vial.isotope === undefined ? '' : isotopeName(vial.isotope),
    calibratedAt: localDateTimeOfInstant(vial.calibratedAt.getTime(), timeZone),
    activity: vial.activity,
    volume: vial.volume,
    deliveredWithId: vial.deliveredWithId,
  }));
  const isotopeOrderIds = [
    ...new Set(
      isotopeVials.flatMap((vial) => (vial.deliveredWithId === null ? [] : [vial.deliveredWithId])),
    ),
  ];
  const isotopeOrderRows =
    isotopeOrderIds.length === 0
      ? []
      : await models.IsotopeOrder.findAll({
          where: { id: isotopeOrderIds },
          include: [
            {
              association: 'isotopeDelivery',
              include: [{ association: 'endpoint', include: [{ association: 'customer' }] }],
            },
          ],
        });
  const isotopeOrders: TraceIsotopeOrder[] = isotopeOrderRows.map((order) => {
    const endpoint = order.isotopeDelivery?.endpoint;
    const customer = endpoint?.customer?.shortName ?? '';
    customers.add(customer);
    return {
      id: order.id,
      customer,
      endpoint: endpoint?.name ?? '',
      deliveryDate: order.deliveryDate,
      deliveryTime: order.isotopeDelivery?.deliveryTime ?? '',
      orderedActivity: order.orderedActivity,
      vialIds: isotopeVials
        .filter((vial) => vial.deliveredWithId === order.id)
        .map((vial) => vial.id),
      releasedAt: siteTime(order.freedAt, timeZone),
      releasedBy: order.freedByName,
    };
  });
  isotopeOrders.sort(byDateAndTime);

  return {
    lot,
    vials,
    activityDeliveries,
    injectionOrders,
    isotopeVials,
    isotopeOrders,
    customers: [...customers].filter((name) => name !== '').sort(),
  };
}
