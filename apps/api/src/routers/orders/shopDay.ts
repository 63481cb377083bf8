/**
 * The shop's "Ordreoversigt" of one endpoint on one date (the user guides in docs/): the
 * endpoint's delivery slots of that day with the orders ordered to them (an order moved to an
 * earlier slot shows as moved, with the receiving slot and, once released there, that release's
 * figures and certificate), the released summary ("Udleveret": core's delivered activity, the
 * figure production and the certificate show; "Frigivet kl"), the injection orders, the
 * isotope deliveries, and whether the activity and injection deadlines still allow ordering. A delivery that got orders after its release shows each release and
 * the later orders on cards of their own (core `splitSlot`). Nothing here reveals overhead or
 * what production must make: those figures stay on the production page.
 */
import {
  DeadlineScope,
  activeSlotIdOf,
  fieldSchemas,
  slotDeliversOn,
  splitSlot,
  isRejected,
} from '@tracershop/core';
import type { OrderStatus, SlotPart, WeeklyRepeat } from '@tracershop/core';
import type { ActivityOrder, InjectionOrder, IsotopeOrder } from '@tracershop/db';
import type { InferAttributes } from 'sequelize';
import { z } from 'zod';
import type { SessionUser } from '../../auth/sessions';
import { assertActsFor } from '../../customerScope';
import { apiError } from '../../errors';
import type { ApiServices } from '../../services';
import type { Wire } from '../../wire';
import { toWire, toWireList } from '../../wire';
import { slotOrderOf, slotTimeOf, slotVialOf } from './deliveryParts';
import type { CallerOrdering } from './orderingRules';
import { callerOrderingOf, slotRepeatOf } from './orderingRules';
import type { EndpointView, SlotView } from './orderViews';
import { endpointView, isotopeName, slotView } from './orderViews';

export const shopDayInput = z.strictObject(
  { endpointId: fieldSchemas.id, date: fieldSchemas.dateText },
  fieldSchemas.keyed('input.invalid'),
);
export type ShopDayInput = z.infer<typeof shopDayInput>;

export interface ShopOrderLine {
  order: Wire<InferAttributes<ActivityOrder>>;
  /** "Rykket til HH:MM:SS" when production moved the order. */
  movedToTime: string | null;
}

/** "Udleveret: X MBq" and "Frigivet kl: HH:MM" of one release. */
export interface ShopReleased {
  /** Core's delivered activity: the vials decay-corrected to the slot's delivery time. */
  deliveredActivity: number;
  vialCount: number;
  freedAt: string | null;
}

/**
 * Where production moved a card's orders: the receiving slot, an earlier slot of the same
 * endpoint, tracer and weekday (core `checkMove`). Once the orders are released there, the
 * card's `releaseId` and `released` are that slot's release (its figures, release time and
 * certificate: `/documents/activity-certificate/<slot.id>/<date>/<releaseId>.pdf`).
 */
export interface ShopMovedTo {
  slot: SlotView;
}

/**
 * One card of the shop: a delivery slot on the date, or one part of it when the delivery was
 * released and got orders afterwards: each release, and the orders not released yet.
 */
export interface ShopSlotCard {
  slot: SlotView;
  tracerId: number;
  delivers: boolean;
  /** The release the card shows (it addresses the certificate); null: orders not released. */
  releaseId: number | null;
  /** 1, 2, … among the delivery's releases; null for orders not released. */
  releaseNumber: number | null;
  /** Orders placed after a release of this delivery, released on their own. */
  afterRelease: boolean;
  /** Lowest status of the orders ordered to this slot; null when there are none. */
  status: OrderStatus | null;
  /** Σ MBq of the non-rejected orders ordered to this slot ("Bestilt: X MBq"). */
  orderedActivity: number;
  /** Every non-rejected order of this slot was moved to an earlier delivery. */
  movedAway: boolean;
  movedToTime: string | null;
  /** The receiving slot when every order of the card was moved (`movedAway`); else null. */
  movedTo: ShopMovedTo | null;
  orders: ShopOrderLine[];
  /** The release's figures; for a moved card those of its release in the receiving slot. */
  released: ShopReleased | null;
}

export interface ShopIsotopeCard {
  delivery: { id: number; endpointId: number; deliveryTime: string; weeklyRepeat: WeeklyRepeat };
  isotope: { id: number; name: string };
  delivers: boolean;
  status: OrderStatus | null;
  orderedActivity: number;
  orders: Wire<InferAttributes<IsotopeOrder>>[];
  /** Delivered vials: "Aktivitet: X MBq kalibret til …". */
  vials: { id: number; batchNumber: string; activity: number; calibratedAt: string }[];
}

export interface ShopDay {
  date: string;
  endpoint: EndpointView;
  ordering: { activity: CallerOrdering; injection: CallerOrdering };
  slots: ShopSlotCard[];
  injectionOrders: Wire<InferAttributes<InjectionOrder>>[];
  isotopes: ShopIsotopeCard[];
}

function lowestStatus(statuses: readonly OrderStatus[]): OrderStatus | null {
  let lowest: OrderStatus | null = null;
  for (const status of statuses) {
    if (lowest === null || status < lowest) {
      lowest = status;
    }
  }
  return lowest;
}

export async function readShopDay(
  services: ApiServices,
  user: SessionUser,
  input: ShopDayInput,
): Promise<ShopDay> {
  const { models } = services.db;
  const { date } = input;
  const endpoint = await models.DeliveryEndpoint.findByPk(input.endpointId, {
    include: [{ association: 'customer' }],
  });
  if (endpoint === null) {
    throw apiError('NOT_FOUND', { entity: 'DeliveryEndpoint' });
  }
  assertActsFor(user, endpoint.customerId);

  const slots = await models.ActivityDeliveryTimeSlot.findAll({
    where: { endpointId: endpoint.id },
    include: [{ association: 'production' }],
    order: [
      ['deliveryTime', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const orders = await models.ActivityOrder.findAll({
    where: { deliveryDate: date, orderedTimeSlotId: slots.map((slot) => slot.id) },
    order: [['id', 'ASC']],
  });
  const vials = await models.Vial.findAll({
    where: { assignedToId: orders.map((order) => order.id) },
    attributes: ['id', 'activity', 'fillDate', 'fillTime', 'assignedToId'],
  });
  const tracers = await models.Tracer.findAll({
    where: { id: [...new Set(slots.map((slot) => slot.production?.tracerId ?? 0))] },
    include: [{ association: 'isotope' }],
  });
  const halflifeOf = new Map(
    tracers.map((tracer) => [tracer.id, tracer.isotope?.halflifeSeconds ?? null]),
  );
  const slotTime = new Map(slots.map((slot) => [slot.id, slot.deliveryTime]));
  const slotOrders = orders.map(slotOrderOf);
  const slotVials = vials.map(slotVialOf);
  const slotTimes = slots.map(slotTimeOf);
  const slotOf = new Map(slots.map((slot) => [slot.id, slot]));

  /** The parts of one slot's delivery on the date (core `splitSlot`, no overhead). */
  const partsOf = (slot: (typeof slots)[number], halflifeSeconds: number): SlotPart[] =>
    splitSlot({
      slot: slotTimeOf(slot),
      date,
      orders: slotOrders,
      slots: slotTimes,
      halflifeSeconds,
      // The shop reads no figure that carries overhead.
      overheadMultiplier: 1,
      vials: slotVials,
      timeZone: services.config.timeZone,
    });

  /**
   * "Udleveret" and "Frigivet" of a released part of `slotId`: one computation for the slot's
   * own card and for the cards of orders moved into it. The delivered activity is core's
   * (the certificate's total); vials and release time are those of the orders it delivers.
   */
  const releasedOf = (part: SlotPart, slotId: number): ShopReleased => {
    const deliveredIds = new Set(
      orders
        .filter((order) => part.orderIds.includes(order.id) && activeSlotIdOf(order) === slotId)
        .map((order) => order.id),
    );
    const freedTimes = orders
      .filter((order) => deliveredIds.has(order.id))
      .map((order) => order.freedAt?.toISOString() ?? null)
      .filter((freedAt): freedAt is string => freedAt !== null)
      .sort();
    return {
      deliveredActivity: part.summary.deliveredActivity,
      vialCount: vials.filter((vial) => deliveredIds.has(vial.assignedToId ?? -1)).length,
      freedAt: freedTimes[freedTimes.length - 1] ?? null,
    };
  };

  const cards: ShopSlotCard[] = [];
  for (const slot of slots) {
    const production = slot.production;
    const halflifeSeconds = halflifeOf.get(production?.tracerId ?? 0) ?? null;
    if (production == null || halflifeSeconds === null) {
      continue;
    }
    const delivers = slotDeliversOn(slotRepeatOf(slot, production), date);
    const parts = partsOf(slot, halflifeSeconds);
    const slotCards: ShopSlotCard[] = [];
    for (const part of parts) {
      // The shop lists an order at the slot it was ordered to (moved ones marked as moved).
      const orderedHere = orders.filter(
        (order) => part.orderIds.includes(order.id) && order.orderedTimeSlotId === slot.id,
      );
      if (orderedHere.length === 0) {
        continue;
      }
      const { movedAway } = part.summary;
      const firstMoved = orderedHere.find(
        (order) => !isRejected(order.status) && order.movedToTimeSlotId != null,
      );
      const receiving =
        movedAway && firstMoved?.movedToTimeSlotId != null
          ? slotOf.get(firstMoved.movedToTimeSlotId)
          : undefined;
      // A moved card shows its release as the receiving slot shows it: the same part there.
      const receivingPart =
        receiving === undefined || part.releaseId === null
          ? undefined
          : partsOf(receiving, halflifeSeconds).find(
              (candidate) => candidate.releaseId === part.releaseId && !candidate.summary.movedAway,
            );
      slotCards.push({
        slot: slotView(slot),
        tracerId: production.tracerId,
        delivers,
        releaseId: part.releaseId,
        releaseNumber: part.releaseNumber,
        afterRelease: part.afterRelease,
        status: lowestStatus(orderedHere.map((order) => order.status)),
        orderedActivity: orderedHere
          .filter((order) => !isRejected(order.status))
          .reduce((sum, order) => sum + order.orderedActivity, 0),
        movedAway,
        movedToTime:
          movedAway && firstMoved?.movedToTimeSlotId != null
            ? (slotTime.get(firstMoved.movedToTimeSlotId) ?? null)
            : null,
        movedTo: receiving === undefined ? null : { slot: slotView(receiving) },
        orders: orderedHere.map((order) => ({
          order: toWire(order),
          movedToTime:
            order.movedToTimeSlotId == null
              ? null
              : (slotTime.get(order.movedToTimeSlotId) ?? null),
        })),
        released:
          part.releaseId === null
            ? null
            : !movedAway
              ? releasedOf(part, slot.id)
              : receiving !== undefined && receivingPart !== undefined
                ? releasedOf(receivingPart, receiving.id)
                : null,
      });
    }
    if (slotCards.length === 0 && delivers) {
      slotCards.push({
        slot: slotView(slot),
        tracerId: production.tracerId,
        delivers,
        releaseId: null,
        releaseNumber: null,
        afterRelease: false,
        status: null,
        orderedActivity: 0,
        movedAway: false,
        movedToTime: null,
        movedTo: null,
        orders: [],
        released: null,
      });
    }
    cards.push(...slotCards);
  }

  const injectionOrders = await models.InjectionOrder.findAll({
    where: { endpointId: endpoint.id, deliveryDate: date },
    order: [
      ['deliveryTime', 'ASC'],
      ['id', 'ASC'],
    ],
  });

  return {
    date,
    endpoint: endpointView(endpoint),
    ordering: {
      activity: await callerOrderingOf(services, user, DeadlineScope.Activity, date),
      injection: await callerOrderingOf(services, user, DeadlineScope.Injection, date),
    },
    slots: cards,
    injectionOrders: toWireList(injectionOrders),
    isotopes: await readShopIsotopes(services, endpoint.id, date),
  };
}

async function readShopIsotopes(
  services: ApiServices,
  endpointId: number,
  date: string,
): Promise<ShopIsotopeCard[]> {
  const { models } = services.db;
  const deliveries = await models.IsotopeDelivery.findAll({
    where: { endpointId },
    include: [{ association: 'isotopeProduction', include: [{ association: 'isotope' }] }],
    order: [
      ['deliveryTime', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const orders = await models.IsotopeOrder.findAll({
    where: { deliveryDate: date, isotopeDeliveryId: deliveries.map((delivery) => delivery.id) },
    order: [['id', 'ASC']],
  });
  const vials = await models.IsotopeVial.findAll({
    where: { deliveredWithId: orders.map((order) => order.id) },
    order: [['id', 'ASC']],
  });
  const cards: ShopIsotopeCard[] = [];
  for (const delivery of deliveries) {
    const production = delivery.isotopeProduction;
    const isotope = production?.isotope;
    if (production == null || isotope == null) {
      continue;
    }
    const delivers = slotDeliversOn(
      { weekday: production.weekday, weeklyRepeat: delivery.weeklyRepeat },
      date,
    );
    const ordersHere = orders.filter((order) => order.isotopeDeliveryId === delivery.id);
    if (!delivers && ordersHere.length === 0) {
      continue;
    }
    const orderIds = new Set(ordersHere.map((order) => order.id));
    cards.push({
      delivery: {
        id: delivery.id,
        endpointId: delivery.endpointId,
        deliveryTime: delivery.deliveryTime,
        weeklyRepeat: delivery.weeklyRepeat,
      },
      isotope: { id: isotope.id, name: isotopeName(isotope) },
      delivers,
      status: lowestStatus(ordersHere.map((order) => order.status)),
      orderedActivity: ordersHere
        .filter((order) => !isRejected(order.status))
        .reduce((sum, order) => sum + order.orderedActivity, 0),
      orders: toWireList(ordersHere),
      vials: vials
        .filter((vial) => orderIds.has(vial.deliveredWithId ?? -1))
        .map((vial) => ({
          id: vial.id,
          batchNumber: vial.batchNumber,
          activity: vial.activity,
          calibratedAt: vial.calibratedAt.toISOString(),
        })),
    });
  }
  return cards;
}
