/**
 * The releases of one delivery (slot, date). A delivery may be released more than once: an
 * order placed for a delivery that is already released is a separate, later order, which
 * production accepts, releases and certifies on its own, while the released orders keep their
 * status, vials, certificate and totals.
 *
 * `splitSlot` cuts a (slot, date) collection into its released parts (one per release) and
 * the part not released yet. Each part is summarized by `summarizeSlot`, so dead and moved
 * orders follow the same rules in every part; whether the delivery is a ghost is a property
 * of the whole collection and is the same in all its parts.
 */
import { OrderStatus } from './enums';
import type { SlotOrder, SlotSummary, SlotSummaryInput, SlotVial } from './slotSummary';
import { activeSlotIdOf, summarizeSlot } from './slotSummary';

/** One part of a (slot, date) collection: one release, or the orders not released. */
export interface SlotPart {
  /**
   * The release's id: the order holding its vials (its pivot), which also addresses its
   * certificate. Null for the part not released.
   */
  releaseId: number | null;
  /** 1, 2, … in release-id order among the collection's releases; null for the part not released. */
  releaseNumber: number | null;
  /** Not released, in a collection with a release delivered by this slot: a later order. */
  afterRelease: boolean;
  /** Ids of the part's orders, ascending. */
  orderIds: number[];
  summary: SlotSummary;
}

/**
 * The release of every Released order among `orders`, by order id. An order names its release
 * (`releasedWithId`); Released orders that name none (released before releases were told
 * apart, or imported from the legacy system) form one release per delivery (active slot,
 * date), named by its order holding vials (the lowest id if several), else its lowest id.
 */
export function releaseIdsOf(
  orders: readonly SlotOrder[],
  vials: readonly Pick<SlotVial, 'assignedToId'>[],
): Map<number, number> {
  const holdsVials = new Set<number>();
  for (const vial of vials) {
    if (vial.assignedToId != null) {
      holdsVials.add(vial.assignedToId);
    }
  }
  const releaseOf = new Map<number, number>();
  const unnamed = new Map<string, SlotOrder[]>();
  for (const order of orders) {
    if (order.status !== OrderStatus.Released) {
      continue;
    }
    if (order.releasedWithId != null) {
      releaseOf.set(order.id, order.releasedWithId);
      continue;
    }
    const delivery = `${order.deliveryDate}/${activeSlotIdOf(order)}`;
    unnamed.set(delivery, [...(unnamed.get(delivery) ?? []), order]);
  }
  for (const group of unnamed.values()) {
    const holders = group.filter((order) => holdsVials.has(order.id));
    const pivot = Math.min(...(holders.length > 0 ? holders : group).map((order) => order.id));
    for (const order of group) {
      releaseOf.set(order.id, pivot);
    }
  }
  return releaseOf;
}

/**
 * The parts of one (slot, date) collection (the orders of `date` ordered or moved to `slot`):
 * one per release, in release-id order, then the orders not released (Ordered, Accepted,
 * Rejected) if there are any. A collection without a release is one part, summarized exactly
 * as `summarizeSlot` summarizes the whole; an empty collection is one empty part.
 *
 * Give every order of the date in `input.orders`, so that a release named by its delivery
 * gets the same id from every slot that shows it.
 */
export function splitSlot(input: SlotSummaryInput): SlotPart[] {
  const { slot, date } = input;
  const relevant = input.orders
    .filter(
      (order) =>
        order.deliveryDate === date &&
        (order.orderedTimeSlotId === slot.id || order.movedToTimeSlotId === slot.id),
    )
    .sort((a, b) => a.id - b.id);
  const whole = summarizeSlot(input);
  const releaseOf = releaseIdsOf(
    input.orders.filter((order) => order.deliveryDate === date),
    input.vials,
  );
  const releaseIds = [...new Set(relevant.flatMap((order) => releaseOf.get(order.id) ?? []))].sort(
    (a, b) => a - b,
  );
  if (releaseIds.length === 0) {
    return [
      {
        releaseId: null,
        releaseNumber: null,
        afterRelease: false,
        orderIds: relevant.map((order) => order.id),
        summary: whole,
      },
    ];
  }

  const summaryOf = (orders: SlotOrder[]): SlotSummary => ({
    ...summarizeSlot({ ...input, orders }),
    isGhost: whole.isGhost,
  });
  const parts: SlotPart[] = releaseIds.map((releaseId, index) => {
    const orders = relevant.filter((order) => releaseOf.get(order.id) === releaseId);
    return {
      releaseId,
      releaseNumber: index + 1,
      afterRelease: false,
      orderIds: orders.map((order) => order.id),
      summary: summaryOf(orders),
    };
  });
  const waiting = relevant.filter((order) => !releaseOf.has(order.id));
  if (waiting.length > 0) {
    parts.push({
      releaseId: null,
      releaseNumber: null,
      afterRelease: parts.some((part) => !part.summary.movedAway),
      orderIds: waiting.map((order) => order.id),
      summary: summaryOf(waiting),
    });
  }
  return parts;
}
