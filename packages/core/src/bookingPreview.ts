/**
 * "Der er N ubestilte bookinger" (the production user guide, docs/user-guide-production.md): what an endpoint's not yet ordered
 * bookings of a tracer would need, per delivery slot, when production creates an order on a
 * customer's behalf. The numbers are exactly what mass ordering (`planMassOrder`) would order
 * now; bookings it could not place (no endpoint, no slot early enough) are counted apart.
 */
import { BookingStatus } from './enums';
import type { MassOrderInput } from './massOrder';
import { planMassOrder } from './massOrder';

/** One slot's share of the preview. */
export interface BookingSlotNeed {
  slotId: number;
  /** How many bookings this slot would deliver. */
  bookings: number;
  /** Whole MBq mass ordering would order for them at the slot's time. */
  activity: number;
}

/** The outcome of `previewBookingNeeds`. */
export interface BookingPreview {
  /** All not yet ordered bookings of the tracer (placed or not). */
  bookings: number;
  slots: BookingSlotNeed[];
  /** Bookings without an endpoint or without a slot early enough. */
  unplaced: number;
}

/** Input of `previewBookingNeeds`: the input of `planMassOrder` without decisions, and the tracer. */
export type BookingPreviewInput = Omit<MassOrderInput, 'decisions'> & { tracerId: number };

/** Whether a booking's study is set up with the tracer at its location's endpoint. */
function usesTracer(
  input: BookingPreviewInput,
  booking: MassOrderInput['bookings'][number],
): boolean {
  const endpointId = input.locations.find((l) => l.id === booking.locationId)?.endpointId;
  return input.procedures.some(
    (p) =>
      p.procedureIdentifierId === booking.procedureIdentifierId &&
      p.endpointId === endpointId &&
      p.tracerId === input.tracerId,
  );
}

/**
 * What the not yet ordered (Initial) bookings of `input.tracerId` would need per delivery slot
 * if mass ordering ordered them all now, and how many of them it could not place.
 */
export function previewBookingNeeds(input: BookingPreviewInput): BookingPreview {
  const waiting = input.bookings.filter(
    (booking) => booking.status === BookingStatus.Initial && usesTracer(input, booking),
  );
  const placeable: Record<string, boolean> = {};
  const bookingsPerSlot = new Map<number, number>();
  let unplaced = 0;
  for (const booking of waiting) {
    const alone = planMassOrder({ ...input, decisions: { [booking.accessionNumber]: true } });
    if (!alone.ok) {
      unplaced += 1;
      continue;
    }
    placeable[booking.accessionNumber] = true;
    const slotId = alone.activityOrders[0]?.slotId;
    if (slotId !== undefined) {
      bookingsPerSlot.set(slotId, (bookingsPerSlot.get(slotId) ?? 0) + 1);
    }
  }
  const together = planMassOrder({ ...input, decisions: placeable });
  const slots = together.ok
    ? together.activityOrders.map((order) => ({
        slotId: order.slotId,
        bookings: bookingsPerSlot.get(order.slotId) ?? 0,
        activity: order.orderedActivity,
      }))
    : [];
  return { bookings: waiting.length, slots, unplaced };
}
