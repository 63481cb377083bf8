/**
 * The production page of one tracer on one date (the user guides in docs/):
 * the run lines ("Kørsel HH:MM: X MBq / Overhead: Y MBq"), one card per delivery slot that
 * delivers that day or has orders (ghosts included) – one per release and one for the orders
 * not released yet, when a delivery got orders after its release – with core's summary and
 * per-order figures (what each order delivered once released, who rejected it and when, from
 * the audit trail); the day's injection orders; and the isotope deliveries with their totals.
 * Every figure comes from core; this file only loads what core needs.
 */
import {
  deliveredActivity,
  fieldSchemas,
  orderDeliveryActivity,
  activeSlotIdOf,
  slotDeliversOn,
  splitSlot,
  summarizeRun,
  weekdayOf,
  isRejected,
  isReleased,
} from '@tracershop/core';
import type { RunSlot, SlotOrder, SlotSummary, TracerType } from '@tracershop/core';
import type { ActivityDeliveryTimeSlot, ActivityOrder, InjectionOrder, Vial } from '@tracershop/db';
import type { InferAttributes } from 'sequelize';
import { z } from 'zod';
import { apiError } from '../../errors';
import type { ApiServices } from '../../services';
import type { Wire } from '../../wire';
import { toWire, toWireList } from '../../wire';
import { slotOrderOf, slotTimeOf, slotVialOf } from './deliveryParts';
import { slotRepeatOf } from './orderingRules';
import type { EndpointView, SlotView } from './orderViews';
import { endpointView, slotView } from './orderViews';
import type { IsotopeDeliveries } from './isotopeDay';
import { readIsotopeDeliveries } from './isotopeDay';
import { readOrderRejections } from './orderRejections';

export const productionDayInput = z.strictObject(
  { date: fieldSchemas.dateText, tracerId: fieldSchemas.id },
  fieldSchemas.keyed('input.invalid'),
);
export type ProductionDayInput = z.infer<typeof productionDayInput>;

export interface RunView {
  productionId: number;
  productionTime: string;
  orderedActivity: number;
  withOverhead: number;
}

/**
 * One order on a production card, with "Uden overhead" / "Med overhead" (unfloored), what it
 * delivered once released, and who rejected it.
 */
export interface ProductionOrderLine {
  order: Wire<InferAttributes<ActivityOrder>>;
  /** The slot that delivers it (moved-to or ordered). */
  activeSlotId: number;
  /** "Rykket til HH:MM:SS" when moved. */
  movedToTime: string | null;
  withoutOverhead: number;
  withOverhead: number;
  /**
   * Once released, "Udleveret": core's delivered activity of the vials assigned to the order,
   * at the delivery time of the slot that delivers it (unfloored; the monthly export's
   * figure). Null while not released.
   */
  deliveredActivity: number | null;
  /**
   * A released order whose release's vials hang on another order of the release (its pivot):
   * that order, whose line carries the delivered figure. Null otherwise.
   */
  deliveredWithOrderId: number | null;
  /** Who rejected a Rejected order (its latest rejection in the audit trail); else null. */
  rejectedBy: string | null;
  /** When, an ISO-8601 instant; null as `rejectedBy` (a legacy rejection has no event). */
  rejectedAt: string | null;
  /** Carries no activity; left out of every total. */
  dead: boolean;
}

/**
 * One card of the production page: a (slot, date) delivery, or one part of it when the
 * delivery was released and got orders afterwards (core `splitSlot`): each release, and the
 * orders not released yet, on a card of its own.
 */
export interface ProductionSlotCard {
  slot: SlotView;
  /** The release the card shows (it addresses the certificate); null: orders not released. */
  releaseId: number | null;
  /** 1, 2, … among the delivery's releases; null for orders not released. */
  releaseNumber: number | null;
  /** Orders placed after a release of this delivery, released on their own. */
  afterRelease: boolean;
  endpoint: EndpointView;
  /** The slot delivers on the date (a slot shown only for moved-in orders may not). */
  delivers: boolean;
  overheadMultiplier: number;
  /** The endpoint's earliest slot of the day, where the move button sends the orders. */
  moveTargetSlotId: number | null;
  summary: SlotSummary;
  orders: ProductionOrderLine[];
  /** Vials assigned to the orders this slot delivers. */
  vials: Wire<InferAttributes<Vial>>[];
}

export interface ProductionDay {
  date: string;
  weekday: number;
  tracer: { id: number; shortname: string; tracerType: TracerType; halflifeSeconds: number };
  /** Weekdays the tracer is produced on ("… bliver kun produceret: …"). */
  productionWeekdays: number[];
  runs: RunView[];
  slots: ProductionSlotCard[];
  /** Every injection order of the date (the "Special" table). */
  injectionOrders: Wire<InferAttributes<InjectionOrder>>[];
  isotopes: IsotopeDeliveries;
}

/** Cards in the legacy order: customer, endpoint, delivery time. */
function compareSlots(
  a: ActivityDeliveryTimeSlot,
  b: ActivityDeliveryTimeSlot,
  customerOf: (endpointId: number) => number,
): number {
  return (
    customerOf(a.endpointId) - customerOf(b.endpointId) ||
    a.endpointId - b.endpointId ||
    a.deliveryTime.localeCompare(b.deliveryTime) ||
    a.id - b.id
  );
}

export async function readProductionDay(
  services: ApiServices,
  input: ProductionDayInput,
): Promise<ProductionDay> {
  const { models } = services.db;
  const timeZone = services.config.timeZone;
  const { date, tracerId } = input;
  const weekday = weekdayOf(date);

  const tracer = await models.Tracer.findByPk(tracerId, { include: [{ association: 'isotope' }] });
  if (tracer === null || tracer.isotope == null) {
    throw apiError('NOT_FOUND', { entity: 'Tracer' });
  }
  const halflifeSeconds = tracer.isotope.halflifeSeconds;

  const productions = await models.ActivityProduction.findAll({
    where: { tracerId },
    order: [
      ['weekday', 'ASC'],
      ['productionTime', 'ASC'],
    ],
  });
  const productionById = new Map(productions.map((production) => [production.id, production]));
  const slots = await models.ActivityDeliveryTimeSlot.findAll({
    where: { productionId: productions.map((production) => production.id) },
  });
  // Moves stay within one tracer, so the ordered slot finds every order of this tracer.
  const orders = await models.ActivityOrder.findAll({
    where: { deliveryDate: date, orderedTimeSlotId: slots.map((slot) => slot.id) },
    order: [['id', 'ASC']],
  });
  const vials = await models.Vial.findAll({
    where: { assignedToId: orders.map((order) => order.id) },
    order: [['id', 'ASC']],
  });
  const endpointIds = [...new Set(slots.map((slot) => slot.endpointId))];
  const endpoints = await models.DeliveryEndpoint.findAll({
    where: { id: endpointIds },
    include: [{ association: 'customer' }],
  });
  const endpointById = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
  const pages = await models.TracerCatalogPage.findAll({
    where: { tracerId, endpointId: endpointIds },
  });
  const overheadByEndpoint: Record<number, number> = {};
  for (const page of pages) {
    overheadByEndpoint[page.endpointId] = page.overheadMultiplier;
  }
  const overheadOf = (endpointId: number) => overheadByEndpoint[endpointId] ?? 1;

  const slotOrders = orders.map(slotOrderOf);
  const slotVials = vials.map(slotVialOf);
  const slotTimes = slots.map(slotTimeOf);
  const runSlots: RunSlot[] = slots.map((slot) => ({
    id: slot.id,
    productionId: slot.productionId,
    deliveryTime: slot.deliveryTime,
    endpointId: slot.endpointId,
  }));
  const slotById = new Map(slots.map((slot) => [slot.id, slot]));

  const runs = productions
    .filter((production) => production.weekday === weekday)
    .map((production): RunView => ({
      productionId: production.id,
      productionTime: production.productionTime,
      ...summarizeRun({
        production: { id: production.id, productionTime: production.productionTime },
        date,
        slots: runSlots,
        orders: slotOrders,
        halflifeSeconds,
        overheadByEndpoint,
        timeZone,
      }),
    }));

  const delivers = (slot: ActivityDeliveryTimeSlot) => {
    const production = productionById.get(slot.productionId);
    return production !== undefined && slotDeliversOn(slotRepeatOf(slot, production), date);
  };
  const relevantTo = (slot: ActivityDeliveryTimeSlot) =>
    slotOrders.filter(
      (order) => order.orderedTimeSlotId === slot.id || order.movedToTimeSlotId === slot.id,
    );
  const customerOf = (endpointId: number) => endpointById.get(endpointId)?.customerId ?? 0;
  const shown = slots
    .filter((slot) => delivers(slot) || relevantTo(slot).length > 0)
    .sort((a, b) => compareSlots(a, b, customerOf));
  // The move button sends a card's orders to its endpoint's earliest slot of the day.
  const earliestOfEndpoint = new Map<number, ActivityDeliveryTimeSlot>();
  for (const slot of shown) {
    const earliest = earliestOfEndpoint.get(slot.endpointId);
    if (delivers(slot) && (earliest === undefined || slot.deliveryTime < earliest.deliveryTime)) {
      earliestOfEndpoint.set(slot.endpointId, slot);
    }
  }
  const orderById = new Map(orders.map((order) => [order.id, order]));
  const rejections = await readOrderRejections(
    services,
    orders.filter((order) => isRejected(order.status)).map((order) => order.id),
  );

  const orderLine = (
    order: SlotOrder,
    slot: ActivityDeliveryTimeSlot,
    summary: SlotSummary,
  ): ProductionOrderLine => {
    const activeSlotId = activeSlotIdOf(order);
    const activeSlot = slotById.get(activeSlotId);
    const figures = orderDeliveryActivity({
      order,
      slots: slotTimes,
      halflifeSeconds,
      overheadMultiplier: overheadOf(activeSlot?.endpointId ?? slot.endpointId),
      date,
      timeZone,
    });
    const row = orderById.get(order.id);
    if (row === undefined) {
      throw new Error(`Order ${order.id} vanished while summarizing`);
    }
    const released = isReleased(row.status);
    const pivotId = row.releasedWithId ?? row.id;
    const rejection = isRejected(row.status) ? rejections.get(row.id) : undefined;
    return {
      order: toWire(row),
      activeSlotId,
      movedToTime:
        order.movedToTimeSlotId == null || activeSlot === undefined
          ? null
          : activeSlot.deliveryTime,
      withoutOverhead: figures.withoutOverhead,
      withOverhead: figures.withOverhead,
      deliveredActivity: released
        ? deliveredActivity(
            slotVials.filter((vial) => vial.assignedToId === order.id),
            {
              date,
              deliveryTime: (activeSlot ?? slot).deliveryTime,
              halflifeSeconds,
              timeZone,
            },
          )
        : null,
      deliveredWithOrderId: released && pivotId !== row.id ? pivotId : null,
      rejectedBy: rejection?.byName ?? null,
      rejectedAt: rejection?.at ?? null,
      dead: summary.deadOrderIds.includes(order.id),
    };
  };

  const cards = shown.flatMap((slot): ProductionSlotCard[] => {
    const overheadMultiplier = overheadOf(slot.endpointId);
    const parts = splitSlot({
      slot: slotTimeOf(slot),
      date,
      orders: slotOrders,
      slots: slotTimes,
      halflifeSeconds,
      overheadMultiplier,
      vials: slotVials,
      timeZone,
    });
    const earliest = earliestOfEndpoint.get(slot.endpointId);
    return parts.map((part) => {
      const partOrders = slotOrders.filter((order) => part.orderIds.includes(order.id));
      const activeHere = new Set(
        partOrders.filter((order) => activeSlotIdOf(order) === slot.id).map((order) => order.id),
      );
      return {
        slot: slotView(slot),
        releaseId: part.releaseId,
        releaseNumber: part.releaseNumber,
        afterRelease: part.afterRelease,
        endpoint: endpointView(endpointById.get(slot.endpointId)),
        delivers: delivers(slot),
        overheadMultiplier,
        moveTargetSlotId: earliest !== undefined && earliest.id !== slot.id ? earliest.id : null,
        summary: part.summary,
        orders: partOrders.map((order) => orderLine(order, slot, part.summary)),
        vials: toWireList(vials.filter((vial) => activeHere.has(vial.assignedToId ?? -1))),
      };
    });
  });

  const injectionOrders = await models.InjectionOrder.findAll({
    where: { deliveryDate: date },
    order: [
      ['deliveryTime', 'ASC'],
      ['id', 'ASC'],
    ],
  });

  return {
    date,
    weekday,
    tracer: {
      id: tracer.id,
      shortname: tracer.shortname,
      tracerType: tracer.tracerType,
      halflifeSeconds,
    },
    productionWeekdays: [...new Set(productions.map((production) => production.weekday))],
    runs,
    slots: cards,
    injectionOrders: toWireList(injectionOrders),
    isotopes: await readIsotopeDeliveries(services, date),
  };
}
