/**
 * The colours of a calendar day (docs/domain.md): the least progressed status of the day's orders,
 * or, without orders, light grey when ordering is possible and dark grey when not. Closed days
 * are always dark grey. Whether ordering is possible is core's rule (deadlines, schedule); this
 * file only turns the answers into colours.
 */
import { OrderStatus } from '@tracershop/core';

export type DayColour =
  'available' | 'unavailable' | 'ordered' | 'accepted' | 'released' | 'rejected';

export const DAY_COLOURS: Record<DayColour, string> = {
  available: '#d6d6d6',
  // Darker than the legacy #858585 so the white day number reads (WCAG AA contrast 5.3:1).
  unavailable: '#6b6b6b',
  ordered: '#ff5555',
  accepted: '#ffff55',
  released: '#55ff55',
  rejected: '#333333',
};

const STATUS_COLOUR: Record<OrderStatus, DayColour> = {
  [OrderStatus.Ordered]: 'ordered',
  [OrderStatus.Accepted]: 'accepted',
  [OrderStatus.Released]: 'released',
  [OrderStatus.Rejected]: 'rejected',
};

export interface DayColourInput {
  /** Statuses of the day's relevant orders. */
  statuses: readonly OrderStatus[];
  /** Ordering is open and something is delivered that day. */
  orderable: boolean;
  /** Production closed the day. */
  closed: boolean;
}

export function dayColourOf({ statuses, orderable, closed }: DayColourInput): DayColour {
  if (closed) {
    return 'unavailable';
  }
  if (statuses.length === 0) {
    return orderable ? 'available' : 'unavailable';
  }
  return STATUS_COLOUR[Math.min(...statuses) as OrderStatus];
}

/** The statuses of the orders per delivery date: group once, then colour every day. */
export function statusesByDate(
  orders: readonly { deliveryDate: string; status: OrderStatus }[],
): Map<string, OrderStatus[]> {
  const byDate = new Map<string, OrderStatus[]>();
  for (const order of orders) {
    const list = byDate.get(order.deliveryDate) ?? [];
    list.push(order.status);
    byDate.set(order.deliveryDate, list);
  }
  return byDate;
}

/** Inner fill and outer ring of a day (shop: activity orders and injection orders). */
export interface DayColours {
  fill: DayColour;
  ring: DayColour;
}
