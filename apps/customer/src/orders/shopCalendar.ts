/**
 * The colours of the shop calendar (docs/domain.md): the fill shows the activity orders of the
 * chosen product to the chosen destination but dead ones not released (core
 * `countsForStatusColour`), the ring the destination's injection orders.
 * Without orders a day is light grey when core says the product is delivered that day and
 * ordering is still open, dark grey otherwise; closed days are dark grey.
 */
import {
  countsForStatusColour,
  DEFAULT_TIME_ZONE,
  isOrderingClosed,
  slotDeliversOn,
} from '@tracershop/core';
import type { DeadlineRule, OrderStatus, WeeklyRepeat } from '@tracershop/core';
import type { DayColours } from '@tracershop/ui';
import { dayColourOf, statusesByDate } from '@tracershop/ui';

export interface ShopCalendarData {
  /** Delivery slots of the destination for the chosen product, with their production weekday. */
  slots: readonly { id: number; weekday: number; weeklyRepeat: WeeklyRepeat }[];
  activityOrders: readonly {
    orderedTimeSlotId: number;
    deliveryDate: string;
    status: OrderStatus;
    orderedActivity: number;
  }[];
  injectionOrders: readonly { deliveryDate: string; status: OrderStatus }[];
  activityDeadline: DeadlineRule | null;
  injectionDeadline: DeadlineRule | null;
  closedDates: readonly string[];
  /** The site's wall clock `'YYYY-MM-DD HH:MM:SS'`. */
  now: string;
  timeZone?: string;
}

/** A function giving each date's colours, with the orders grouped once. */
export function shopCalendarColours(data: ShopCalendarData): (date: string) => DayColours {
  const slotIds = new Set(data.slots.map((slot) => slot.id));
  const activity = statusesByDate(
    data.activityOrders.filter(
      (order) => slotIds.has(order.orderedTimeSlotId) && countsForStatusColour(order),
    ),
  );
  const injection = statusesByDate(data.injectionOrders);
  const closedDates = new Set(data.closedDates);
  const timeZone = data.timeZone ?? DEFAULT_TIME_ZONE;
  const open = (deadline: DeadlineRule | null, date: string) =>
    !isOrderingClosed({ deadline, orderDate: date, closedDates, now: data.now, timeZone });
  return (date) => {
    const closed = closedDates.has(date);
    const delivered = data.slots.some((slot) => slotDeliversOn(slot, date));
    return {
      fill: dayColourOf({
        statuses: activity.get(date) ?? [],
        orderable: delivered && open(data.activityDeadline, date),
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
