/**
 * Punctuality of releases, as the "Monitorering" page counts it (docs/user-guide-production.md,
 * "Monitorering"): a released order is on time when it was released at or before its delivery
 * time, "late30" when at most 30 minutes after, "lateMore" when later; an accepted order whose
 * delivery date has passed was never released. Activity orders are delivered from their active
 * slot (the moved-to slot if moved), injection orders at their ordered delivery time.
 * Lateness is real elapsed time, so midnight and daylight-saving changes count correctly.
 */
import {
  DEFAULT_TIME_ZONE,
  compareLocal,
  instantOfLocalDateTime,
  localDateTimeOf,
} from './calendar';
import { OrderStatus } from './enums';

/** The four categories of the monitoring chart. */
export type Punctuality = 'onTime' | 'late30' | 'lateMore' | 'notReleased';

/** Every category, in the order the chart and its table show them. */
export const PUNCTUALITIES: readonly Punctuality[] = [
  'onTime',
  'late30',
  'lateMore',
  'notReleased',
];

/** Most seconds a release may come after the delivery time and still count as "late30". */
export const LATE_LIMIT_SECONDS = 30 * 60;

/** What the rule needs of an order (activity or injection). */
export interface PunctualityOrder {
  status: OrderStatus;
  /** `'YYYY-MM-DD'`. */
  deliveryDate: string;
  /** `'HH:MM:SS'` on the site's wall clock: the active slot's time or the injection time. */
  deliveryTime: string;
  /** The release instant (ISO-8601 text or epoch milliseconds); null when not released. */
  freedAt: string | number | Date | null;
}

/** Options of `punctualityOf` and `summarizePunctuality`. */
export interface PunctualityOptions {
  /** The site's calendar date today (`'YYYY-MM-DD'`): accepted orders before it were not released. */
  today: string;
  timeZone?: string;
}

function epochMillisecondsOf(instant: string | number | Date): number {
  if (typeof instant === 'number') {
    return instant;
  }
  if (instant instanceof Date) {
    return instant.getTime();
  }
  const value = new Date(instant).getTime();
  if (Number.isNaN(value)) {
    throw new RangeError(`Not an instant: ${JSON.stringify(instant)}`);
  }
  return value;
}

/**
 * Signed seconds from the order's delivery time to its release (negative = released early);
 * null when the order has no release instant.
 */
export function releaseDelaySeconds(
  order: Pick<PunctualityOrder, 'deliveryDate' | 'deliveryTime' | 'freedAt'>,
  timeZone: string = DEFAULT_TIME_ZONE,
): number | null {
  if (order.freedAt === null) {
    return null;
  }
  const delivery = instantOfLocalDateTime(
    localDateTimeOf(order.deliveryDate, order.deliveryTime),
    timeZone,
  ).epochMilliseconds;
  return (epochMillisecondsOf(order.freedAt) - delivery) / 1000;
}

/**
 * The category of one order, or null when it does not count: ordered or rejected orders,
 * accepted orders whose delivery date is today or later, released orders without a release
 * instant.
 */
export function punctualityOf(
  order: PunctualityOrder,
  { today, timeZone = DEFAULT_TIME_ZONE }: PunctualityOptions,
): Punctuality | null {
  if (order.status === OrderStatus.Accepted) {
    return compareLocal(order.deliveryDate, today) < 0 ? 'notReleased' : null;
  }
  if (order.status !== OrderStatus.Released) {
    return null;
  }
  const delay = releaseDelaySeconds(order, timeZone);
  if (delay === null) {
    return null;
  }
  if (delay <= 0) {
    return 'onTime';
  }
  return delay <= LATE_LIMIT_SECONDS ? 'late30' : 'lateMore';
}

/** Counts per category, and their total (the orders that count). */
export type PunctualityCounts = Record<Punctuality, number> & { total: number };

/** The counts of `punctualityOf` over `orders`. */
export function summarizePunctuality(
  orders: Iterable<PunctualityOrder>,
  options: PunctualityOptions,
): PunctualityCounts {
  const counts: PunctualityCounts = { total: 0, onTime: 0, late30: 0, lateMore: 0, notReleased: 0 };
  for (const order of orders) {
    const category = punctualityOf(order, options);
    if (category !== null) {
      counts[category] += 1;
      counts.total += 1;
    }
  }
  return counts;
}
