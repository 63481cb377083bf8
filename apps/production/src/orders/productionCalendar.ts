/**
 * The colours of the production calendar (docs/domain.md): the fill shows every activity order of
 * the day (any customer, any tracer) but dead ones not released (core `countsForStatusColour`),
 * the ring every injection order. Without orders the fill
 * is light grey when some activity production runs on that weekday and the activity deadline
 * has not passed, the ring light grey until the injection deadline passes; dark grey
 * otherwise. Closed days are dark grey.
 */
import {
  countsForStatusColour,
  DEFAULT_TIME_ZONE,
  isOrderingClosed,
  weekdayOf,
} from '@tracershop/core';
import type { DeadlineRule, OrderStatus } from '@tracershop/core';
import type { DayColours } from '@tracershop/ui';
import { dayColourOf, statusesByDate } from '@tracershop/ui';

export interface ProductionCalendarData {
  /** The activity productions' weekdays (0 = Monday). */
  productionWeekdays: readonly number[];
  activityOrders: readonly { deliveryDate: string; status: OrderStatus; orderedActivity: number }[];
  injectionOrders: readonly { deliveryDate: string; status: OrderStatus }[];
  activityDeadline: DeadlineRule | null;
  injectionDeadline: DeadlineRule | null;
  closedDates: readonly string[];
  /** The site's wall clock `'YYYY-MM-DD HH:MM:SS'`. */
  now: string;
  timeZone?: string;
}

/** A function giving each date's colours, with the orders grouped once. */
export function productionCalendarColours(
  data: ProductionCalendarData,
): (date: string) => DayColours {
  const activity = statusesByDate(data.activityOrders.filter(countsForStatusColour));
  const injection = statusesByDate(data.injectionOrders);
  const closedDates = new Set(data.closedDates);
  const weekdays = new Set(data.productionWeekdays);
  const timeZone = data.timeZone ?? DEFAULT_TIME_ZONE;
  const open = (deadline: DeadlineRule | null, date: string) =>
    !isOrderingClosed({ deadline, orderDate: date, closedDates, now: data.now, timeZone });
  return (date) => {
    const closed = closedDates.has(date);
    return {
      fill: dayColourOf({
        statuses: activity.get(date) ?? [],
        orderable: weekdays.has(weekdayOf(date)) && open(data.activityDeadline, date),
        closed,
      }),
      ring: dayColourOf({
        statuses: injection.get(date) ?? [],
        orderable: open(data.injectionDeadline, date),
        closed,
      }),
    };
  };
}
