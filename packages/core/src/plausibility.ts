/**
 * Plausibility limits of orders (docs/domain.md, "Plausibility limits"): each tracer has a
 * highest activity one order may ask for, a highest activity one delivery (a slot on a date)
 * may carry in all, and, for injection tracers, a highest number of injections per order.
 * A figure above a limit is a typing mistake far more often than a real need (999 999 999
 * MBq was once accepted), so the server refuses it; production may go above a limit only
 * with a stated reason, which the audit trail keeps. A figure exactly at the limit is allowed.
 */
import { isDeadOrder } from './slotSummary';

/** A tracer's limits. */
export interface TracerLimits {
  /** MBq one activity order may ask for. */
  maxActivityPerOrder: number;
  /** MBq all orders one slot delivers on one date may ask for together. */
  maxActivityPerDelivery: number;
  /** Injections one injection order may ask for. */
  maxInjectionsPerOrder: number;
}

/**
 * What a new site starts with, for every tracer until production sets its own: above what a
 * department of a PET centre orders for one delivery (a few GBq of FDG for a morning's
 * patients), below what a typing slip of a few zeros asks for, and no more than a cyclotron
 * run can carry to one delivery. Twenty injections is more than one scanner can give from
 * one order.
 */
export const DEFAULT_TRACER_LIMITS: TracerLimits = {
  maxActivityPerOrder: 50_000,
  maxActivityPerDelivery: 100_000,
  maxInjectionsPerOrder: 20,
};

/** Which limit a figure goes above, the limit and the figure. */
export type LimitBreach =
  | { limit: 'activityPerOrder'; max: number; value: number }
  | { limit: 'activityPerDelivery'; max: number; value: number }
  | { limit: 'injectionsPerOrder'; max: number; value: number };

/** An order already in the delivery: only non-rejected, non-dead ones count. */
export interface DeliveryOrder {
  orderedActivity: number;
  rejected: boolean;
}

/** Input of `activityOrderBreaches`: a new or changed activity order and the rest of its delivery. */
export interface ActivityOrderPlausibility {
  limits: Pick<TracerLimits, 'maxActivityPerOrder' | 'maxActivityPerDelivery'>;
  /** The new or changed order's activity, MBq. */
  orderedActivity: number;
  /** The other orders the same slot delivers on the same date (not the one being changed). */
  otherOrders: readonly DeliveryOrder[];
}

/**
 * The limits an activity order goes above: its own activity, and the delivery's total with
 * it. Empty when it is plausible.
 */
export function activityOrderBreaches(input: ActivityOrderPlausibility): LimitBreach[] {
  const { limits, orderedActivity } = input;
  const breaches: LimitBreach[] = [];
  if (orderedActivity > limits.maxActivityPerOrder) {
    breaches.push({
      limit: 'activityPerOrder',
      max: limits.maxActivityPerOrder,
      value: orderedActivity,
    });
  }
  const others = input.otherOrders
    .filter((order) => !order.rejected && !isDeadOrder(order))
    .reduce((sum, order) => sum + order.orderedActivity, 0);
  const total = others + orderedActivity;
  if (total > limits.maxActivityPerDelivery) {
    breaches.push({
      limit: 'activityPerDelivery',
      max: limits.maxActivityPerDelivery,
      value: total,
    });
  }
  return breaches;
}

/** The limit an injection order goes above, if any. */
export function injectionOrderBreaches(
  limits: Pick<TracerLimits, 'maxInjectionsPerOrder'>,
  injections: number,
): LimitBreach[] {
  return injections > limits.maxInjectionsPerOrder
    ? [{ limit: 'injectionsPerOrder', max: limits.maxInjectionsPerOrder, value: injections }]
    : [];
}
