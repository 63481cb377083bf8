/**
 * Totals of one isotope delivery on one date (docs/domain.md): ordered MBq of
 * the non-rejected orders and the activity of their vials at the delivery time. Vials decay
 * forward like tracer vials (docs/domain.md; the legacy flipped sign is not copied).
 */
import { Temporal } from 'temporal-polyfill';

import { DEFAULT_TIME_ZONE, instantOfLocalDateTime, localDateTimeOf } from './calendar';
import { OrderStatus } from './enums';
import { decayedActivity } from './physics';

/** The fields of an IsotopeOrder the totals read. */
export interface IsotopeTotalsOrder {
  id: number;
  isotopeDeliveryId: number;
  deliveryDate: string;
  orderedActivity: number;
  status: OrderStatus;
}

/** The fields of an IsotopeVial the totals read. */
export interface IsotopeTotalsVial {
  id: number;
  /** ISO-8601 instant, e.g. `'2024-12-02T09:00:00Z'`. */
  calibratedAt: string;
  activity: number;
  deliveredWithId?: number | null;
}

/** Input of `summarizeIsotopeDelivery`. */
export interface IsotopeTotalsInput {
  delivery: { id: number; deliveryTime: string };
  date: string;
  /** Any isotope orders; only those of this delivery and `date` count. */
  orders: readonly IsotopeTotalsOrder[];
  vials: readonly IsotopeTotalsVial[];
  halflifeSeconds: number;
  timeZone?: string;
}

/** What the production page shows for one (isotope delivery, date). */
export interface IsotopeTotals {
  /** Lowest status among the orders of this delivery and date; null when there are none. */
  status: OrderStatus | null;
  /** Σ ordered MBq of the non-rejected orders (no overhead, no decay). */
  orderedActivity: number;
  /** Σ activity of their vials, decayed forward from calibration to the delivery time. */
  deliveredActivity: number;
}

/**
 * Summarize one isotope delivery on `date`. A vial calibrated after the delivery time is
 * counted as is (never corrected backwards).
 */
export function summarizeIsotopeDelivery(input: IsotopeTotalsInput): IsotopeTotals {
  const { delivery, date, orders, vials, halflifeSeconds } = input;
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;

  let status: OrderStatus | null = null;
  let orderedActivity = 0;
  const countedOrderIds = new Set<number>();
  for (const order of orders) {
    if (order.isotopeDeliveryId !== delivery.id || order.deliveryDate !== date) {
      continue;
    }
    if (status === null || order.status < status) {
      status = order.status;
    }
    if (order.status !== OrderStatus.Rejected) {
      orderedActivity += order.orderedActivity;
      countedOrderIds.add(order.id);
    }
  }

  const deliveredAt = instantOfLocalDateTime(
    localDateTimeOf(date, delivery.deliveryTime),
    timeZone,
  );
  let deliveredActivity = 0;
  for (const vial of vials) {
    if (vial.deliveredWithId == null || !countedOrderIds.has(vial.deliveredWithId)) {
      continue;
    }
    const calibratedAt = Temporal.Instant.from(vial.calibratedAt);
    const elapsed = (deliveredAt.epochMilliseconds - calibratedAt.epochMilliseconds) / 1000;
    deliveredActivity +=
      elapsed > 0 ? decayedActivity(vial.activity, halflifeSeconds, elapsed) : vial.activity;
  }

  return { status, orderedActivity, deliveredActivity };
}
