/**
 * The production-run total ("Kørsel HH:MM: X MBq / Overhead: Y MBq"): what one
 * ActivityProduction must make on a date (docs/domain.md, with the intended
 * rule of docs/domain.md: each non-rejected order counted once, in the run that delivers it).
 */
import { DEFAULT_TIME_ZONE, secondsBetweenTimes } from './calendar';
import { OrderStatus } from './enums';
import { requiredActivity } from './physics';
import { activeSlotIdOf, isDeadOrder, type SlotOrder } from './slotSummary';

/** The fields of an ActivityDeliveryTimeSlot a run total reads. */
export interface RunSlot {
  id: number;
  productionId: number;
  deliveryTime: string;
  endpointId: number;
}

/** Input of `summarizeRun`. */
export interface RunTotalsInput {
  production: { id: number; productionTime: string };
  date: string;
  /** At least this run's slots and every slot the counted orders were ordered to. */
  slots: readonly RunSlot[];
  /** Any activity orders; only those of `date` delivered by this run count. */
  orders: readonly SlotOrder[];
  halflifeSeconds: number;
  /** Overhead multiplier per endpoint id for this run's tracer; missing → 1. */
  overheadByEndpoint: Readonly<Record<number, number>>;
  timeZone?: string;
}

/** The run line: activity to produce at the production time, without and with overhead (unfloored). */
export interface RunTotals {
  orderedActivity: number;
  withOverhead: number;
}

/**
 * Σ over the non-rejected, non-dead orders of `date` whose active slot belongs to this run,
 * each once: the ordered MBq decay-scaled from the production time to the ORDERED slot's
 * time; `withOverhead` multiplies each by the overhead of its active slot's endpoint.
 */
export function summarizeRun(input: RunTotalsInput): RunTotals {
  const { production, date, slots, orders, halflifeSeconds, overheadByEndpoint } = input;
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const slotsById = new Map(slots.map((slot) => [slot.id, slot]));

  let orderedActivity = 0;
  let withOverhead = 0;
  for (const order of orders) {
    if (
      order.deliveryDate !== date ||
      order.status === OrderStatus.Rejected ||
      isDeadOrder(order)
    ) {
      continue;
    }
    const activeSlot = slotsById.get(activeSlotIdOf(order));
    if (activeSlot === undefined || activeSlot.productionId !== production.id) {
      continue;
    }
    const orderedSlot = slotsById.get(order.orderedTimeSlotId);
    if (orderedSlot === undefined) {
      throw new RangeError(`Delivery slot ${order.orderedTimeSlotId} is not among the slots given`);
    }
    const elapsed = secondsBetweenTimes(
      date,
      production.productionTime,
      orderedSlot.deliveryTime,
      timeZone,
    );
    const amount = requiredActivity(order.orderedActivity, halflifeSeconds, elapsed);
    orderedActivity += amount;
    withOverhead += amount * (overheadByEndpoint[activeSlot.endpointId] ?? 1);
  }
  return { orderedActivity, withOverhead };
}
