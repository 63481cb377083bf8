/**
 * Mass ordering from RIS bookings (docs/user-guide-shop.md, "Bookinger"). Pure planning: the caller writes the orders and the
 * booking statuses in one transaction. Unlike the legacy server this respects weekly repeat
 * (ISO week parity), gives each order its booking's date, floors once per (slot, date) and
 * never creates dead orders.
 */
import { Temporal } from 'temporal-polyfill';

import {
  DEFAULT_TIME_ZONE,
  formatTime,
  localDateTimeOf,
  secondsBetween,
  toPlainDateTime,
} from './calendar';
import { BookingStatus, TracerType, TracerUsage, type WeeklyRepeat } from './enums';
import { requiredActivity } from './physics';
import { slotDeliversOn } from './schedule';

/** The fields of a Booking mass ordering reads. */
export interface MassOrderBooking {
  accessionNumber: string;
  startDate: string;
  startTime: string;
  locationId: number;
  procedureIdentifierId: number;
  status: BookingStatus;
}

/** The fields of a Location mass ordering reads. */
export interface MassOrderLocation {
  id: number;
  endpointId: number | null;
}

/** The fields of a Procedure (per-endpoint recipe for a study) mass ordering reads. */
export interface MassOrderProcedure {
  procedureIdentifierId: number;
  endpointId: number;
  tracerId: number;
  /** MBq at injection for activity tracers, number of injections for injection tracers. */
  tracerUnits: number;
  delayMinutes: number;
}

/** The fields of a Tracer (with its isotope's half-life) mass ordering reads. */
export interface MassOrderTracer {
  id: number;
  tracerType: TracerType;
  halflifeSeconds: number;
}

/** A delivery slot with its production's tracer and weekday. */
export interface MassOrderSlot {
  id: number;
  endpointId: number;
  tracerId: number;
  weekday: number;
  weeklyRepeat: WeeklyRepeat;
  deliveryTime: string;
}

/** Input of `planMassOrder`. */
export interface MassOrderInput {
  bookings: readonly MassOrderBooking[];
  /** Per accession number: order (true) or reject (false); other bookings are ignored. */
  decisions: Readonly<Record<string, boolean>>;
  locations: readonly MassOrderLocation[];
  procedures: readonly MassOrderProcedure[];
  tracers: readonly MassOrderTracer[];
  slots: readonly MassOrderSlot[];
  timeZone?: string;
}

/** An activity order to create (status Ordered). */
export interface PlannedActivityOrder {
  slotId: number;
  deliveryDate: string;
  /** Whole MBq: the floored sum of the bookings' needs at the slot's time. */
  orderedActivity: number;
}

/** An injection order to create (status Ordered). */
export interface PlannedInjectionOrder {
  endpointId: number;
  tracerId: number;
  deliveryDate: string;
  deliveryTime: string;
  injections: number;
  tracerUsage: TracerUsage;
}

/** A successful plan. */
export interface MassOrderPlan {
  ok: true;
  activityOrders: PlannedActivityOrder[];
  injectionOrders: PlannedInjectionOrder[];
  /** New status per accession number handled (Ordered or Rejected). */
  bookingStatuses: Record<string, BookingStatus>;
  /** Accession numbers without a configured location, procedure or tracer: not ordered. */
  unconfigured: string[];
}

/** Why a mass order was refused as a whole. */
export interface MassOrderError {
  accessionNumber: string;
  /** 'no-endpoint': the booking's location has no endpoint; 'no-slot': no slot early enough. */
  reason: 'no-endpoint' | 'no-slot';
  /** `'HH:MM:SS'`: start + delay (the start time when no procedure could be found). */
  injectionTime: string;
  /** `'HH:MM:SS'` of the earliest slot of that endpoint and tracer on that date, or null. */
  earliestSlotTime: string | null;
}

/** The outcome of `planMassOrder`: a plan, or one error and nothing ordered. */
export type MassOrderResult = MassOrderPlan | { ok: false; error: MassOrderError };

interface SlotNeed {
  slot: MassOrderSlot;
  deliveryDate: string;
  activity: number;
  accessionNumbers: string[];
}

function decisionOf(
  decisions: Readonly<Record<string, boolean>>,
  key: string,
): boolean | undefined {
  return Object.hasOwn(decisions, key) ? decisions[key] : undefined;
}

/**
 * Plan the orders for the decided bookings. Activity tracer: the latest slot of the booking's
 * endpoint and tracer delivering on its date at or before the injection time (start + delay)
 * gets `requiredActivity(tracerUnits, T, slot → injection)`, summed per (slot, date) and
 * floored once; a sum below 1 MBq is not ordered and its bookings keep their status.
 * Injection tracer: one order per booking for its start time. Rejections are reported for
 * bookings with a procedure; bookings already Ordered (or Released) are skipped. Any
 * ordered booking without an endpoint or an early-enough slot fails the whole plan.
 */
export function planMassOrder(input: MassOrderInput): MassOrderResult {
  const { bookings, decisions, locations, procedures, tracers, slots } = input;
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;

  const needs = new Map<string, SlotNeed>();
  const injectionOrders: PlannedInjectionOrder[] = [];
  const bookingStatuses: Record<string, BookingStatus> = {};
  const unconfigured: string[] = [];

  for (const booking of bookings) {
    const decision = decisionOf(decisions, booking.accessionNumber);
    if (decision === undefined) {
      continue;
    }
    if (booking.status === BookingStatus.Ordered || booking.status === BookingStatus.Released) {
      continue;
    }
    const endpointId = locations.find((l) => l.id === booking.locationId)?.endpointId ?? null;
    if (endpointId === null) {
      if (decision) {
        return {
          ok: false,
          error: {
            accessionNumber: booking.accessionNumber,
            reason: 'no-endpoint',
            injectionTime: booking.startTime,
            earliestSlotTime: null,
          },
        };
      }
      unconfigured.push(booking.accessionNumber);
      continue;
    }
    const procedure = procedures.find(
      (p) =>
        p.procedureIdentifierId === booking.procedureIdentifierId && p.endpointId === endpointId,
    );
    const tracer = procedure && tracers.find((t) => t.id === procedure.tracerId);
    if (procedure === undefined || tracer === undefined) {
      unconfigured.push(booking.accessionNumber);
      continue;
    }
    if (!decision) {
      bookingStatuses[booking.accessionNumber] = BookingStatus.Rejected;
      continue;
    }

    if (tracer.tracerType === TracerType.Injection) {
      injectionOrders.push({
        endpointId,
        tracerId: tracer.id,
        deliveryDate: booking.startDate,
        deliveryTime: booking.startTime,
        injections: procedure.tracerUnits,
        tracerUsage: TracerUsage.Human,
      });
      bookingStatuses[booking.accessionNumber] = BookingStatus.Ordered;
      continue;
    }

    const start = localDateTimeOf(booking.startDate, booking.startTime);
    const delaySeconds = procedure.delayMinutes * 60;
    const candidates = slots.filter(
      (slot) =>
        slot.endpointId === endpointId &&
        slot.tracerId === tracer.id &&
        slotDeliversOn(slot, booking.startDate),
    );
    let chosen: { slot: MassOrderSlot; elapsed: number } | null = null;
    for (const slot of candidates) {
      // Real seconds from the slot to the injection (start + delay), across DST if need be.
      const elapsed =
        secondsBetween(localDateTimeOf(booking.startDate, slot.deliveryTime), start, timeZone) +
        delaySeconds;
      if (elapsed >= 0 && (chosen === null || elapsed < chosen.elapsed)) {
        chosen = { slot, elapsed };
      }
    }
    if (chosen === null) {
      const earliest = candidates.map((slot) => slot.deliveryTime).sort()[0] ?? null;
      return {
        ok: false,
        error: {
          accessionNumber: booking.accessionNumber,
          reason: 'no-slot',
          injectionTime: injectionTimeOf(start, delaySeconds, timeZone),
          earliestSlotTime: earliest,
        },
      };
    }

    const key = `${chosen.slot.id}|${booking.startDate}`;
    const need = needs.get(key) ?? {
      slot: chosen.slot,
      deliveryDate: booking.startDate,
      activity: 0,
      accessionNumbers: [],
    };
    need.activity += requiredActivity(
      procedure.tracerUnits,
      tracer.halflifeSeconds,
      chosen.elapsed,
    );
    need.accessionNumbers.push(booking.accessionNumber);
    needs.set(key, need);
  }

  const activityOrders: PlannedActivityOrder[] = [];
  const ordered = [...needs.values()].sort(
    (a, b) =>
      a.deliveryDate.localeCompare(b.deliveryDate) ||
      a.slot.deliveryTime.localeCompare(b.slot.deliveryTime) ||
      a.slot.id - b.slot.id,
  );
  for (const need of ordered) {
    const orderedActivity = Math.floor(need.activity);
    // Below 1 MBq the order would be dead: not created, the bookings stay as they are.
    if (orderedActivity < 1) {
      continue;
    }
    activityOrders.push({ slotId: need.slot.id, deliveryDate: need.deliveryDate, orderedActivity });
    for (const accessionNumber of need.accessionNumbers) {
      bookingStatuses[accessionNumber] = BookingStatus.Ordered;
    }
  }

  return { ok: true, activityOrders, injectionOrders, bookingStatuses, unconfigured };
}

/** The wall-clock time `delaySeconds` of real time after the local `start`. */
function injectionTimeOf(start: string, delaySeconds: number, timeZone: string): string {
  const injection = toPlainDateTime(start)
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
    .add(Temporal.Duration.from({ milliseconds: Math.round(delaySeconds * 1000) }));
  return formatTime(injection.toPlainTime());
}
