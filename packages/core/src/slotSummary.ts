/**
 * The collection of activity orders of one delivery slot on one date, as the production page
 * shows it: status, ordered and to-deliver activity, delivered (vial) activity, moved-away
 * and ghost flags, dead orders (docs/domain.md, "Delivered activity" and "Orders after a
 * release").
 *
 * Elapsed time is real seconds on the slot's date (DST-aware), never floored minutes.
 */
import { DEFAULT_TIME_ZONE, secondsBetweenTimes } from './calendar';
import { deliveredActivity } from './deliveredActivity';
import { OrderStatus } from './enums';
import { requiredActivity } from './physics';

/** The fields of an ActivityOrder that slot collections read. */
export interface SlotOrder {
  id: number;
  orderedActivity: number;
  deliveryDate: string;
  status: OrderStatus;
  orderedTimeSlotId: number;
  movedToTimeSlotId?: number | null;
  /**
   * A Released order's release: the id of the order that holds the release's vials (its
   * pivot). Null for orders not released and for orders released before releases were told
   * apart (`releaseIdOf` groups those per delivery).
   */
  releasedWithId?: number | null;
}

/** The fields of an ActivityDeliveryTimeSlot that slot collections read. */
export interface SlotTime {
  id: number;
  deliveryTime: string;
}

/** The fields of a Vial that slot collections read. */
export interface SlotVial {
  id: number;
  fillDate: string;
  fillTime: string;
  activity: number;
  assignedToId?: number | null;
}

/** Input of `summarizeSlot`. */
export interface SlotSummaryInput {
  /** The slot being summarized. */
  slot: SlotTime;
  date: string;
  /** Any orders; only those of `date` ordered or moved to `slot` are relevant. */
  orders: readonly SlotOrder[];
  /** At least every slot the relevant orders name. */
  slots: readonly SlotTime[];
  halflifeSeconds: number;
  /** Overhead of (the slot's endpoint, the tracer), default 1 in the catalog. */
  overheadMultiplier: number;
  vials: readonly SlotVial[];
  timeZone?: string;
}

/** What the production page shows for one (slot, date). */
export interface SlotSummary {
  /**
   * Lowest status among the relevant orders that are not dead (Rejected only if all of them
   * are); null when there are none, and when `onlyDead`.
   */
  status: OrderStatus | null;
  /** Σ ordered MBq of relevant non-rejected, non-dead orders ordered to this slot (also when moved away). */
  orderedActivity: number;
  /** Σ MBq this slot must carry for the non-rejected, non-dead orders active here, decay-scaled and × overhead. */
  toDeliverActivity: number;
  /** Delivered activity (`deliveredActivity`) of the non-rejected, non-dead orders active here. */
  deliveredActivity: number;
  /** Non-rejected orders are ordered to this slot and every one of them is active elsewhere. */
  movedAway: boolean;
  /** No non-rejected order is ordered to this slot, but at least one is moved into it. */
  isGhost: boolean;
  /** Ids of relevant dead orders (left out of every total). */
  deadOrderIds: number[];
  /**
   * The slot has relevant orders that are not rejected and every one of them is dead: nothing
   * to accept, release or deliver (status null), only dead orders to reject.
   */
  onlyDead: boolean;
}

/** The slot that delivers an order: the moved-to slot if set, else the ordered slot. */
export function activeSlotIdOf(
  order: Pick<SlotOrder, 'orderedTimeSlotId' | 'movedToTimeSlotId'>,
): number {
  return order.movedToTimeSlotId ?? order.orderedTimeSlotId;
}

/**
 * The least activity (MBq) an order must carry to be live: below it ordered and delivered, an
 * order is dead, and the shop may not order less.
 */
export const MINIMUM_LIVE_ACTIVITY_MBQ = 1;

/**
 * An order that carries no activity: below `MINIMUM_LIVE_ACTIVITY_MBQ` (1 MBq) ordered and
 * below it delivered. Dead orders are left out of every total, certificate and export.
 */
export function isDeadOrder(
  order: Pick<SlotOrder, 'orderedActivity'>,
  deliveredActivity = 0,
): boolean {
  return (
    order.orderedActivity < MINIMUM_LIVE_ACTIVITY_MBQ &&
    deliveredActivity < MINIMUM_LIVE_ACTIVITY_MBQ
  );
}

/**
 * Whether an order counts for a status colour (a product button, a calendar day) where its
 * vials are not at hand: every order but a dead one not yet released (nothing to accept or
 * release). A released order counts, as it may have delivered more than it was ordered.
 */
export function countsForStatusColour(
  order: Pick<SlotOrder, 'orderedActivity' | 'status'>,
): boolean {
  return order.status === OrderStatus.Released || !isDeadOrder(order);
}

function slotById(slots: readonly SlotTime[], id: number): SlotTime {
  const slot = slots.find((candidate) => candidate.id === id);
  if (slot === undefined) {
    throw new RangeError(`Delivery slot ${id} is not among the slots given`);
  }
  return slot;
}

/** Input of `orderDeliveryActivity`. */
export interface OrderDeliveryActivityInput {
  order: Pick<SlotOrder, 'orderedActivity' | 'orderedTimeSlotId' | 'movedToTimeSlotId'>;
  /** At least the order's ordered slot (and its active slot unless `activeSlot` is given). */
  slots: readonly SlotTime[];
  /** The delivering slot; looked up in `slots` by `activeSlotIdOf(order)` when left out. */
  activeSlot?: SlotTime;
  halflifeSeconds: number;
  overheadMultiplier: number;
  date: string;
  timeZone?: string;
}

/** The per-order production figures "Uden overhead" / "Med overhead" (unfloored). */
export interface OrderDeliveryActivity {
  withoutOverhead: number;
  withOverhead: number;
}

/**
 * What the delivering slot must carry for one order: its ordered MBq decay-scaled from the
 * delivering slot's time back from the ordered slot's time, without and with overhead
 * (docs/domain.md, but in real seconds and unfloored; the display floors).
 */
export function orderDeliveryActivity(input: OrderDeliveryActivityInput): OrderDeliveryActivity {
  const { order, slots, halflifeSeconds, overheadMultiplier, date } = input;
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const activeSlot = input.activeSlot ?? slotById(slots, activeSlotIdOf(order));
  const orderedSlot =
    activeSlot.id === order.orderedTimeSlotId
      ? activeSlot
      : slotById(slots, order.orderedTimeSlotId);
  const elapsed = secondsBetweenTimes(
    date,
    activeSlot.deliveryTime,
    orderedSlot.deliveryTime,
    timeZone,
  );
  const withoutOverhead = requiredActivity(order.orderedActivity, halflifeSeconds, elapsed);
  return { withoutOverhead, withOverhead: withoutOverhead * overheadMultiplier };
}

/**
 * Summarize one (slot, date) collection of activity orders. Only orders of `date` ordered or
 * moved to `slot` count, also for the status (legacy "Isolation" quirk fixed). Rejected and
 * dead orders are left out of every figure, dead ones also out of the status; vials count in
 * the slot that delivers their order.
 */
export function summarizeSlot(input: SlotSummaryInput): SlotSummary {
  const { slot, date, orders, slots, halflifeSeconds, overheadMultiplier, vials } = input;
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;

  const relevant = orders.filter(
    (order) =>
      order.deliveryDate === date &&
      (order.orderedTimeSlotId === slot.id || order.movedToTimeSlotId === slot.id),
  );

  const knownSlots = slots.concat(slot);
  let liveStatus: OrderStatus | null = null;
  let anyRejected = false;
  let openLive = 0;
  let openDead = 0;
  let orderedActivity = 0;
  let toDeliverActivity = 0;
  let deliveredHere = 0;
  let orderedHere = 0;
  let orderedHereActiveElsewhere = 0;
  let movedIn = 0;
  const deadOrderIds: number[] = [];

  for (const order of relevant) {
    const activeSlot = slotById(knownSlots, activeSlotIdOf(order));
    const isActiveHere = activeSlot.id === slot.id;
    const isOrderedHere = order.orderedTimeSlotId === slot.id;
    if (order.status !== OrderStatus.Rejected) {
      if (isOrderedHere) {
        orderedHere += 1;
        if (!isActiveHere) {
          orderedHereActiveElsewhere += 1;
        }
      } else {
        movedIn += 1;
      }
    }
    // An order's vials are delivered by its active slot, so they decay to that slot's time.
    const delivered = deliveredActivity(
      vials.filter((vial) => vial.assignedToId === order.id),
      { date, deliveryTime: activeSlot.deliveryTime, halflifeSeconds, timeZone },
    );
    const rejected = order.status === OrderStatus.Rejected;
    anyRejected ||= rejected;
    if (isDeadOrder(order, delivered)) {
      deadOrderIds.push(order.id);
      if (!rejected) {
        openDead += 1;
      }
      continue;
    }
    if (liveStatus === null || order.status < liveStatus) {
      liveStatus = order.status;
    }
    if (rejected) {
      continue;
    }
    openLive += 1;
    if (isOrderedHere) {
      orderedActivity += order.orderedActivity;
    }
    if (isActiveHere) {
      toDeliverActivity += orderDeliveryActivity({
        order,
        slots: knownSlots,
        activeSlot: slot,
        halflifeSeconds,
        overheadMultiplier,
        date,
        timeZone,
      }).withOverhead;
      deliveredHere += delivered;
    }
  }

  // Dead orders never set the status: a slot of live orders all rejected is Rejected, one
  // whose only open orders are dead has none (onlyDead), and one of rejected dead orders only
  // is Rejected.
  const onlyDead = openLive === 0 && openDead > 0;
  let status: OrderStatus | null = liveStatus;
  if (onlyDead) {
    status = null;
  } else if (status === null && anyRejected) {
    status = OrderStatus.Rejected;
  }
  return {
    status,
    orderedActivity,
    toDeliverActivity,
    deliveredActivity: deliveredHere,
    movedAway: orderedHere > 0 && orderedHereActiveElsewhere === orderedHere,
    isGhost: orderedHere === 0 && movedIn > 0,
    deadOrderIds,
    onlyDead,
  };
}
