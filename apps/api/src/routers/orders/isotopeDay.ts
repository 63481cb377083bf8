/**
 * The isotope deliveries of a date (the user guides in docs/): one card per isotope delivery
 * running that day or with orders for it, with core's totals (`summarizeIsotopeDelivery`) over
 * the vials delivered with its orders, whatever day they were calibrated on; and the runs
 * "Kørsel: HH:MM - X MBq". The production page reads every isotope's (`orders.productionDay`),
 * the isotope view one isotope's (`orders.isotopeDay`). Every figure comes from core.
 */
import {
  fieldSchemas,
  slotDeliversOn,
  summarizeIsotopeDelivery,
  weekdayOf,
} from '@tracershop/core';
import type { IsotopeTotals, WeeklyRepeat } from '@tracershop/core';
import type { IsotopeOrder, IsotopeVial } from '@tracershop/db';
import type { InferAttributes } from 'sequelize';
import { z } from 'zod';
import { apiError } from '../../errors';
import type { ApiServices } from '../../services';
import type { Wire } from '../../wire';
import { toWireList } from '../../wire';
import type { EndpointView } from './orderViews';
import { endpointView, isotopeName } from './orderViews';

export const isotopeDayInput = z.strictObject(
  { date: fieldSchemas.dateText, isotopeId: fieldSchemas.id },
  fieldSchemas.keyed('input.invalid'),
);
export type IsotopeDayInput = z.infer<typeof isotopeDayInput>;

/** "Kørsel: HH:MM - X MBq": the ordered MBq of one isotope production running that day. */
export interface IsotopeRunView {
  productionId: number;
  isotopeId: number;
  productionTime: string;
  orderedActivity: number;
}

export interface IsotopeDeliveryCard {
  delivery: {
    id: number;
    isotopeProductionId: number;
    endpointId: number;
    deliveryTime: string;
    weeklyRepeat: WeeklyRepeat;
  };
  production: { id: number; weekday: number; productionTime: string };
  isotope: { id: number; name: string };
  endpoint: EndpointView;
  /** The delivery runs on the date (a card shown only for its orders may not). */
  delivers: boolean;
  summary: IsotopeTotals;
  orders: Wire<InferAttributes<IsotopeOrder>>[];
  /** The vials delivered with these orders, whatever day they were calibrated on. */
  vials: Wire<InferAttributes<IsotopeVial>>[];
}

export interface IsotopeDeliveries {
  runs: IsotopeRunView[];
  deliveries: IsotopeDeliveryCard[];
}

/** One isotope on one date: the isotope view of the "Ordre" page. */
export interface IsotopeDay extends IsotopeDeliveries {
  date: string;
  weekday: number;
  isotope: { id: number; name: string; halflifeSeconds: number };
}

/**
 * Every isotope delivery running on `date` or with orders for it (only `isotopeId`'s when
 * given), in delivery-time order, with core's totals; and the runs of that weekday.
 */
export async function readIsotopeDeliveries(
  services: ApiServices,
  date: string,
  isotopeId?: number,
): Promise<IsotopeDeliveries> {
  const { models } = services.db;
  const timeZone = services.config.timeZone;
  const weekday = weekdayOf(date);
  const productionFilter =
    isotopeId === undefined
      ? {}
      : {
          isotopeProductionId: (
            await models.IsotopeProduction.findAll({ where: { isotopeId }, attributes: ['id'] })
          ).map((production) => production.id),
        };
  const deliveries = await models.IsotopeDelivery.findAll({
    where: productionFilter,
    include: [
      { association: 'isotopeProduction', include: [{ association: 'isotope' }] },
      { association: 'endpoint', include: [{ association: 'customer' }] },
    ],
    order: [
      ['deliveryTime', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const orders = await models.IsotopeOrder.findAll({
    where:
      isotopeId === undefined
        ? { deliveryDate: date }
        : { deliveryDate: date, isotopeDeliveryId: deliveries.map((delivery) => delivery.id) },
    order: [['id', 'ASC']],
  });
  const vials = await models.IsotopeVial.findAll({
    where: { deliveredWithId: orders.map((order) => order.id) },
    order: [['id', 'ASC']],
  });
  const plainOrders = orders.map((order) => ({
    id: order.id,
    isotopeDeliveryId: order.isotopeDeliveryId,
    deliveryDate: order.deliveryDate,
    orderedActivity: order.orderedActivity,
    status: order.status,
  }));
  const plainVials = vials.map((vial) => ({
    id: vial.id,
    calibratedAt: vial.calibratedAt.toISOString(),
    activity: vial.activity,
    deliveredWithId: vial.deliveredWithId,
  }));

  const cards: IsotopeDeliveryCard[] = [];
  for (const delivery of deliveries) {
    const production = delivery.isotopeProduction;
    const isotope = production?.isotope;
    if (production == null || isotope == null) {
      continue;
    }
    const ordersHere = orders.filter((order) => order.isotopeDeliveryId === delivery.id);
    const runs = slotDeliversOn(
      { weekday: production.weekday, weeklyRepeat: delivery.weeklyRepeat },
      date,
    );
    if (!runs && ordersHere.length === 0) {
      continue;
    }
    const orderIds = new Set(ordersHere.map((order) => order.id));
    cards.push({
      delivery: {
        id: delivery.id,
        isotopeProductionId: delivery.isotopeProductionId,
        endpointId: delivery.endpointId,
        deliveryTime: delivery.deliveryTime,
        weeklyRepeat: delivery.weeklyRepeat,
      },
      production: {
        id: production.id,
        weekday: production.weekday,
        productionTime: production.productionTime,
      },
      isotope: { id: isotope.id, name: isotopeName(isotope) },
      endpoint: endpointView(delivery.endpoint),
      delivers: runs,
      summary: summarizeIsotopeDelivery({
        delivery: { id: delivery.id, deliveryTime: delivery.deliveryTime },
        date,
        orders: plainOrders,
        vials: plainVials,
        halflifeSeconds: isotope.halflifeSeconds,
        timeZone,
      }),
      orders: toWireList(ordersHere),
      vials: toWireList(vials.filter((vial) => orderIds.has(vial.deliveredWithId ?? -1))),
    });
  }

  const isotopeRuns = new Map<number, IsotopeRunView>();
  for (const card of cards) {
    if (card.production.weekday !== weekday) {
      continue;
    }
    const run = isotopeRuns.get(card.production.id) ?? {
      productionId: card.production.id,
      isotopeId: card.isotope.id,
      productionTime: card.production.productionTime,
      orderedActivity: 0,
    };
    run.orderedActivity += card.summary.orderedActivity;
    isotopeRuns.set(card.production.id, run);
  }
  return { runs: [...isotopeRuns.values()], deliveries: cards };
}

/** One isotope's runs and delivery cards on one date; NOT_FOUND for an unknown isotope. */
export async function readIsotopeDay(
  services: ApiServices,
  input: IsotopeDayInput,
): Promise<IsotopeDay> {
  const isotope = await services.db.models.Isotope.findByPk(input.isotopeId);
  if (isotope === null) {
    throw apiError('NOT_FOUND', { entity: 'Isotope' });
  }
  const deliveries = await readIsotopeDeliveries(services, input.date, input.isotopeId);
  return {
    date: input.date,
    weekday: weekdayOf(input.date),
    isotope: {
      id: isotope.id,
      name: isotopeName(isotope),
      halflifeSeconds: isotope.halflifeSeconds,
    },
    runs: deliveries.runs.sort((a, b) => a.productionTime.localeCompare(b.productionTime)),
    deliveries: deliveries.deliveries,
  };
}
