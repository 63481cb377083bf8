import { describe, expect, it } from 'vitest';

import { BookingStatus, TracerType, TracerUsage, WeeklyRepeat } from './enums';
import {
  type MassOrderBooking,
  type MassOrderInput,
  type MassOrderPlan,
  type MassOrderSlot,
  planMassOrder,
} from './massOrder';

const FDG = 1;
const INJECTABLE = 2;
const ENDPOINT = 10;
const STUDY = 100;
const MONDAY = '2018-03-12'; // ISO week 11 (odd)

function booking(accessionNumber: string, startTime: string, startDate = MONDAY): MassOrderBooking {
  return {
    accessionNumber,
    startDate,
    startTime,
    locationId: 1,
    procedureIdentifierId: STUDY,
    status: BookingStatus.Initial,
  };
}

function slot(
  id: number,
  deliveryTime: string,
  fields: Partial<MassOrderSlot> = {},
): MassOrderSlot {
  return {
    id,
    endpointId: ENDPOINT,
    tracerId: FDG,
    weekday: 0,
    weeklyRepeat: WeeklyRepeat.EveryWeek,
    deliveryTime,
    ...fields,
  };
}

function allTrue(bookings: readonly MassOrderBooking[]): Record<string, boolean> {
  return Object.fromEntries(bookings.map((b) => [b.accessionNumber, true]));
}

function plan(fields: Partial<MassOrderInput> & Pick<MassOrderInput, 'bookings'>) {
  return planMassOrder({
    decisions: allTrue(fields.bookings),
    locations: [
      { id: 1, endpointId: ENDPOINT },
      { id: 2, endpointId: null },
    ],
    procedures: [
      {
        procedureIdentifierId: STUDY,
        endpointId: ENDPOINT,
        tracerId: FDG,
        tracerUnits: 300,
        delayMinutes: 30,
      },
    ],
    tracers: [
      { id: FDG, tracerType: TracerType.Activity, halflifeSeconds: 1586024.123 },
      { id: INJECTABLE, tracerType: TracerType.Injection, halflifeSeconds: 6586.2 },
    ],
    slots: [slot(1, '01:33:33'), slot(2, '11:33:33')],
    ...fields,
  });
}

function expectPlan(result: ReturnType<typeof planMassOrder>): MassOrderPlan {
  if (!result.ok) {
    throw new Error(`expected a plan, got ${JSON.stringify(result.error)}`);
  }
  return result;
}

const fiveBookings = ['09:15:00', '10:15:00', '11:15:00', '12:15:00', '13:15:00'].map((time, i) =>
  booking(`ACC${i + 1}`, time),
);

describe('planMassOrder: activity tracers', () => {
  it('[URS-ORD-013] DB fixture (Monday 2018-03-12, T 1 586 024.123 s, 300 MBq / 30 min): 608 and 901, same in seconds as in the legacy', () => {
    const result = expectPlan(plan({ bookings: fiveBookings }));
    expect(result.activityOrders).toEqual([
      { slotId: 1, deliveryDate: MONDAY, orderedActivity: 608 },
      { slotId: 2, deliveryDate: MONDAY, orderedActivity: 901 },
    ]);
    expect(result.injectionOrders).toEqual([]);
    expect(result.unconfigured).toEqual([]);
    for (const b of fiveBookings) {
      expect(result.bookingStatuses[b.accessionNumber]).toBe(BookingStatus.Ordered);
    }
  });

  it('[URS-ORD-013] floors once per (slot, date): 303.891 + 304.370 = 608.26 → 608 (not 303 + 304 = 607)', () => {
    const result = expectPlan(plan({ bookings: fiveBookings.slice(0, 2) }));
    expect(result.activityOrders).toEqual([
      { slotId: 1, deliveryDate: MONDAY, orderedActivity: 608 },
    ]);
  });

  it('[URS-ORD-013] E2E fixture (Thursday 2020-06-11, T 1337 s, slots 08:00 and 18:00): one order of 16 245 684 MBq at 08:00', () => {
    const thursday = '2020-06-11';
    const bookings = fiveBookings.map((b) => ({ ...b, startDate: thursday }));
    const result = expectPlan(
      plan({
        bookings,
        tracers: [{ id: FDG, tracerType: TracerType.Activity, halflifeSeconds: 1337 }],
        slots: [slot(1, '08:00:00', { weekday: 3 }), slot(2, '18:00:00', { weekday: 3 })],
      }),
    );
    expect(result.activityOrders).toEqual([
      { slotId: 1, deliveryDate: thursday, orderedActivity: 16245684 },
    ]);
  });

  it('[URS-ORD-013] slot selection (300 MBq / 15 min; slots 08, 12, 16; bookings 10, 11, 13, 18): 08:00 ×2, 12:00 ×1, 16:00 ×1', () => {
    const bookings = ['10:00:00', '11:00:00', '13:00:00', '18:00:00'].map((time, i) =>
      booking(`S${i}`, time),
    );
    const result = expectPlan(
      plan({
        bookings,
        procedures: [
          {
            procedureIdentifierId: STUDY,
            endpointId: ENDPOINT,
            tracerId: FDG,
            tracerUnits: 300,
            delayMinutes: 15,
          },
        ],
        tracers: [{ id: FDG, tracerType: TracerType.Activity, halflifeSeconds: 6586.2 }],
        slots: [slot(3, '16:00:00'), slot(1, '08:00:00'), slot(2, '12:00:00')],
      }),
    );
    // 300·2^(8100/T) + 300·2^(11700/T); 300·2^(4500/T); 300·2^(8100/T).
    expect(result.activityOrders).toEqual([
      { slotId: 1, deliveryDate: MONDAY, orderedActivity: 1731 },
      { slotId: 2, deliveryDate: MONDAY, orderedActivity: 481 },
      { slotId: 3, deliveryDate: MONDAY, orderedActivity: 703 },
    ]);
  });

  it('[URS-ORD-013] takes a slot delivering exactly at the injection time (no decay)', () => {
    const result = expectPlan(
      plan({
        bookings: [booking('A', '11:03:33')],
        slots: [slot(1, '01:33:33'), slot(2, '11:33:33')],
      }),
    );
    expect(result.activityOrders).toEqual([
      { slotId: 2, deliveryDate: MONDAY, orderedActivity: 300 },
    ]);
  });

  it('[URS-ORD-014] refuses the whole request when an injection is before the earliest slot (00:00 + 30 min vs 01:33:33)', () => {
    const result = plan({ bookings: [booking('EARLY', '00:00:00'), ...fiveBookings] });
    expect(result).toEqual({
      ok: false,
      error: {
        accessionNumber: 'EARLY',
        reason: 'no-slot',
        injectionTime: '00:30:00',
        earliestSlotTime: '01:33:33',
      },
    });
  });

  it('[URS-ORD-014] refuses the whole request when an ordered booking’s location has no endpoint', () => {
    const result = plan({
      bookings: [...fiveBookings, { ...booking('NOWHERE', '09:00:00'), locationId: 2 }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.accessionNumber).toBe('NOWHERE');
      expect(result.error.reason).toBe('no-endpoint');
      expect(result.error.earliestSlotTime).toBeNull();
    }
  });

  it('[URS-ORD-013][URS-DLN-008] respects even/odd ISO weeks: week 11 uses the odd-week slot, week 12 the even-week slot', () => {
    const slots = [
      slot(1, '08:00:00', { weeklyRepeat: WeeklyRepeat.OddWeeks }),
      slot(2, '10:00:00', { weeklyRepeat: WeeklyRepeat.EvenWeeks }),
    ];
    const odd = expectPlan(plan({ bookings: [booking('A', '11:30:00')], slots }));
    expect(odd.activityOrders.map((o) => o.slotId)).toEqual([1]);
    const even = expectPlan(plan({ bookings: [booking('B', '11:30:00', '2018-03-19')], slots }));
    expect(even.activityOrders.map((o) => o.slotId)).toEqual([2]);
    expect(even.activityOrders[0]?.deliveryDate).toBe('2018-03-19');
  });

  it('[URS-ORD-013][URS-DLN-008] reports the earliest slot of the week parity in force when none is early enough', () => {
    const slots = [
      slot(1, '07:00:00', { weeklyRepeat: WeeklyRepeat.EvenWeeks }),
      slot(2, '10:00:00', { weeklyRepeat: WeeklyRepeat.OddWeeks }),
    ];
    const result = plan({ bookings: [booking('A', '08:00:00')], slots });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.injectionTime).toBe('08:30:00');
      expect(result.error.earliestSlotTime).toBe('10:00:00');
    }
  });

  it('[URS-ORD-013] ignores slots of other weekdays, endpoints and tracers', () => {
    const result = expectPlan(
      plan({
        bookings: [booking('A', '11:30:00')],
        slots: [
          slot(1, '08:00:00'),
          slot(2, '10:00:00', { weekday: 1 }),
          slot(3, '10:00:00', { endpointId: 99 }),
          slot(4, '10:00:00', { tracerId: INJECTABLE }),
        ],
      }),
    );
    expect(result.activityOrders.map((o) => o.slotId)).toEqual([1]);
  });

  it('[URS-ORD-013] gives each order its booking’s date: bookings of two dates → two orders (legacy gave all the last date)', () => {
    const result = expectPlan(
      plan({
        bookings: [booking('A', '09:15:00'), booking('B', '09:15:00', '2018-03-19')],
      }),
    );
    expect(result.activityOrders).toEqual([
      { slotId: 1, deliveryDate: MONDAY, orderedActivity: 303 },
      { slotId: 1, deliveryDate: '2018-03-19', orderedActivity: 303 },
    ]);
  });

  it('[URS-ORD-014] never creates a dead order (sum below 1 MBq); its booking keeps its status', () => {
    const result = expectPlan(
      plan({
        bookings: [booking('TINY', '09:15:00')],
        procedures: [
          {
            procedureIdentifierId: STUDY,
            endpointId: ENDPOINT,
            tracerId: FDG,
            tracerUnits: 0.5,
            delayMinutes: 30,
          },
        ],
      }),
    );
    expect(result.activityOrders).toEqual([]);
    expect(result.bookingStatuses).toEqual({});
  });

  it('[URS-ORD-013][URS-DAT-009] counts real seconds on a DST day (2025-03-30 slot 01:00, booking 01:45 + 30 min = 03:15 → 75 min)', () => {
    const sunday = '2025-03-30';
    const result = expectPlan(
      plan({
        bookings: [booking('A', '01:45:00', sunday)],
        tracers: [{ id: FDG, tracerType: TracerType.Activity, halflifeSeconds: 4500 }],
        slots: [slot(1, '01:00:00', { weekday: 6 }), slot(2, '03:00:00', { weekday: 6 })],
      }),
    );
    // The injection is at 03:15 (02:00 does not exist): slot 03:00 is 900 s before it.
    expect(result.activityOrders).toEqual([
      { slotId: 2, deliveryDate: sunday, orderedActivity: Math.floor(300 * 2 ** (900 / 4500)) },
    ]);
  });

  it('[URS-ORD-013][URS-DAT-009] reports the wall-clock injection time after a DST jump (01:45 + 30 min → 03:15:00)', () => {
    const result = plan({
      bookings: [booking('A', '01:45:00', '2025-03-30')],
      slots: [slot(1, '04:00:00', { weekday: 6 })],
    });
    expect(result).toEqual({
      ok: false,
      error: {
        accessionNumber: 'A',
        reason: 'no-slot',
        injectionTime: '03:15:00',
        earliestSlotTime: '04:00:00',
      },
    });
  });
});

describe('planMassOrder: decisions, statuses, configuration', () => {
  it('[URS-ORD-013] rejects bookings decided false when a procedure exists', () => {
    const result = expectPlan(
      plan({ bookings: fiveBookings, decisions: { ACC1: false, ACC2: true } }),
    );
    expect(result.bookingStatuses).toEqual({
      ACC1: BookingStatus.Rejected,
      ACC2: BookingStatus.Ordered,
    });
    expect(result.activityOrders).toEqual([
      { slotId: 1, deliveryDate: MONDAY, orderedActivity: 304 },
    ]);
  });

  it('[URS-ORD-014] ignores bookings not in decisions and skips bookings already ordered', () => {
    const ordered = { ...booking('DONE', '09:15:00'), status: BookingStatus.Ordered };
    const result = expectPlan(
      plan({
        bookings: [ordered, booking('NEW', '10:15:00'), booking('OTHER', '00:00:00')],
        decisions: { DONE: true, NEW: true },
      }),
    );
    expect(result.bookingStatuses).toEqual({ NEW: BookingStatus.Ordered });
    expect(result.activityOrders).toEqual([
      { slotId: 1, deliveryDate: MONDAY, orderedActivity: 304 },
    ]);
  });

  it('[URS-ORD-013] re-orders a booking that was rejected before', () => {
    const rejected = { ...booking('AGAIN', '09:15:00'), status: BookingStatus.Rejected };
    const result = expectPlan(plan({ bookings: [rejected] }));
    expect(result.bookingStatuses).toEqual({ AGAIN: BookingStatus.Ordered });
    expect(result.activityOrders).toHaveLength(1);
  });

  it('[URS-ORD-013] reports unknown procedures and tracers as unconfigured and orders nothing for them', () => {
    const unknownStudy = { ...booking('UNKNOWN', '09:15:00'), procedureIdentifierId: 999 };
    const result = expectPlan(
      plan({
        bookings: [unknownStudy, booking('OK', '09:15:00')],
        decisions: { UNKNOWN: false, OK: true },
      }),
    );
    expect(result.unconfigured).toEqual(['UNKNOWN']);
    expect(result.bookingStatuses).toEqual({ OK: BookingStatus.Ordered });

    const noTracer = expectPlan(plan({ bookings: [booking('X', '09:15:00')], tracers: [] }));
    expect(noTracer.unconfigured).toEqual(['X']);
    expect(noTracer.activityOrders).toEqual([]);
  });

  it('[URS-ORD-014] a rejected booking at a location without endpoint does not fail the request', () => {
    const result = expectPlan(
      plan({
        bookings: [{ ...booking('NOWHERE', '09:00:00'), locationId: 2 }],
        decisions: { NOWHERE: false },
      }),
    );
    expect(result.unconfigured).toEqual(['NOWHERE']);
    expect(result.bookingStatuses).toEqual({});
  });

  it('[URS-ORD-013] injection tracer: one Human order per booking for its start time, injections = tracer units', () => {
    const result = expectPlan(
      plan({
        bookings: [booking('I1', '09:15:00'), booking('I2', '10:45:00')],
        procedures: [
          {
            procedureIdentifierId: STUDY,
            endpointId: ENDPOINT,
            tracerId: INJECTABLE,
            tracerUnits: 2,
            delayMinutes: 30,
          },
        ],
        slots: [],
      }),
    );
    expect(result.activityOrders).toEqual([]);
    expect(result.injectionOrders).toEqual([
      {
        endpointId: ENDPOINT,
        tracerId: INJECTABLE,
        deliveryDate: MONDAY,
        deliveryTime: '09:15:00',
        injections: 2,
        tracerUsage: TracerUsage.Human,
      },
      {
        endpointId: ENDPOINT,
        tracerId: INJECTABLE,
        deliveryDate: MONDAY,
        deliveryTime: '10:45:00',
        injections: 2,
        tracerUsage: TracerUsage.Human,
      },
    ]);
    expect(result.bookingStatuses).toEqual({
      I1: BookingStatus.Ordered,
      I2: BookingStatus.Ordered,
    });
  });
});
