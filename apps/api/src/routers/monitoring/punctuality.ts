/**
 * `monitoring.punctuality` ("Monitorering", the user guides in docs/): how the accepted and
 * released orders of one month were released — on time, at most 30 minutes late, later, or
 * not at all — for one activity tracer (each order at its active slot's time) or for all
 * injection orders. The rule is core's (`summarizePunctuality`); this file loads its input.
 */
import {
  OrderStatus,
  activeSlotIdOf,
  fieldSchemas,
  formatDate,
  summarizePunctuality,
  toPlainDate,
} from '@tracershop/core';
import type { PunctualityCounts, PunctualityOrder } from '@tracershop/core';
import { Op } from 'sequelize';
import { z } from 'zod';
import { siteToday } from '../../clock';
import { notFound } from '../../errors';
import { procedure } from '../../trpc/init';
import type { ApiServices } from '../../services';

const { id, keyed, typeError } = fieldSchemas;

/** `'YYYY-MM'`: a calendar month. */
const monthText = z
  .string(typeError('input.invalid'))
  .max(7, keyed('input.invalid'))
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, keyed('input.invalid'));

const productInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('tracer'), tracerId: id }, keyed('input.invalid')),
    z.strictObject({ kind: z.literal('injection') }, keyed('input.invalid')),
  ],
  keyed('input.invalid'),
);

export const punctualityInput = z.strictObject(
  { month: monthText, product: productInput },
  keyed('input.invalid'),
);
export type PunctualityInput = z.infer<typeof punctualityInput>;

export interface PunctualityReport {
  month: string;
  /** The first and last delivery date counted. */
  fromDate: string;
  toDate: string;
  counts: PunctualityCounts;
}

/** The orders that can count: accepted or released (ordered and rejected never do). */
const COUNTED_STATUSES = [OrderStatus.Accepted, OrderStatus.Released];

async function activityOrdersOf(
  services: ApiServices,
  tracerId: number,
  fromDate: string,
  toDate: string,
): Promise<PunctualityOrder[]> {
  const { models } = services.db;
  if ((await models.Tracer.findByPk(tracerId)) === null) {
    throw notFound('Tracer', [tracerId]);
  }
  const productions = await models.ActivityProduction.findAll({
    where: { tracerId },
    attributes: ['id'],
  });
  const slots = await models.ActivityDeliveryTimeSlot.findAll({
    where: { productionId: productions.map((production) => production.id) },
    attributes: ['id', 'deliveryTime'],
  });
  // Orders only move between slots of one tracer, so the ordered slot names the tracer.
  const orders = await models.ActivityOrder.findAll({
    where: {
      deliveryDate: { [Op.between]: [fromDate, toDate] },
      status: COUNTED_STATUSES,
      orderedTimeSlotId: slots.map((slot) => slot.id),
    },
  });
  const timeOfSlot = new Map(slots.map((slot) => [slot.id, slot.deliveryTime]));
  const missing = orders
    .map(activeSlotIdOf)
    .filter((slotId, index, all) => !timeOfSlot.has(slotId) && all.indexOf(slotId) === index);
  if (missing.length > 0) {
    const others = await models.ActivityDeliveryTimeSlot.findAll({
      where: { id: missing },
      attributes: ['id', 'deliveryTime'],
    });
    for (const slot of others) {
      timeOfSlot.set(slot.id, slot.deliveryTime);
    }
  }
  return orders.flatMap((order) => {
    const deliveryTime = timeOfSlot.get(activeSlotIdOf(order));
    return deliveryTime === undefined
      ? []
      : [
          {
            status: order.status,
            deliveryDate: order.deliveryDate,
            deliveryTime,
            freedAt: order.freedAt,
          },
        ];
  });
}

async function injectionOrdersOf(
  services: ApiServices,
  fromDate: string,
  toDate: string,
): Promise<PunctualityOrder[]> {
  const orders = await services.db.models.InjectionOrder.findAll({
    where: {
      deliveryDate: { [Op.between]: [fromDate, toDate] },
      status: COUNTED_STATUSES,
    },
    attributes: ['status', 'deliveryDate', 'deliveryTime', 'freedAt'],
  });
  return orders.map((order) => ({
    status: order.status,
    deliveryDate: order.deliveryDate,
    deliveryTime: order.deliveryTime,
    freedAt: order.freedAt,
  }));
}

export async function readPunctuality(
  services: ApiServices,
  input: PunctualityInput,
): Promise<PunctualityReport> {
  const first = toPlainDate(`${input.month}-01`);
  const fromDate = formatDate(first);
  const toDate = formatDate(first.add({ months: 1 }).subtract({ days: 1 }));
  const orders =
    input.product.kind === 'tracer'
      ? await activityOrdersOf(services, input.product.tracerId, fromDate, toDate)
      : await injectionOrdersOf(services, fromDate, toDate);
  const timeZone = services.config.timeZone;
  const counts = summarizePunctuality(orders, {
    today: siteToday(services.clock, timeZone),
    timeZone,
  });
  return { month: input.month, fromDate, toDate, counts };
}

export const punctuality = procedure('monitoring.read')
  .input(punctualityInput)
  .query(({ ctx, input }) => readPunctuality(ctx.services, input));
