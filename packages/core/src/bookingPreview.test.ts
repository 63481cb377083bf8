import { describe, expect, it } from 'vitest';

import { previewBookingNeeds } from './bookingPreview';
import type { BookingPreviewInput } from './bookingPreview';
import { BookingStatus, TracerType, WeeklyRepeat } from './enums';
import type { MassOrderBooking } from './massOrder';

const FDG = 1;
const OTHER = 3;
const ENDPOINT = 10;
const STUDY = 100;
const OTHER_STUDY = 101;
const MONDAY = '2018-03-12';

function booking(
  accessionNumber: string,
  startTime: string,
  fields: Partial<MassOrderBooking> = {},
): MassOrderBooking {
  return {
    accessionNumber,
    startDate: MONDAY,
    startTime,
    locationId: 1,
    procedureIdentifierId: STUDY,
    status: BookingStatus.Initial,
    ...fields,
  };
}

function preview(bookings: MassOrderBooking[]) {
  const input: BookingPreviewInput = {
    tracerId: FDG,
    bookings,
    locations: [{ id: 1, endpointId: ENDPOINT }],
    procedures: [
      {
        procedureIdentifierId: STUDY,
        endpointId: ENDPOINT,
        tracerId: FDG,
        tracerUnits: 300,
        delayMinutes: 30,
      },
      {
        procedureIdentifierId: OTHER_STUDY,
        endpointId: ENDPOINT,
        tracerId: OTHER,
        tracerUnits: 200,
        delayMinutes: 0,
      },
    ],
    tracers: [
      { id: FDG, tracerType: TracerType.Activity, halflifeSeconds: 1586024.123 },
      { id: OTHER, tracerType: TracerType.Activity, halflifeSeconds: 6586.2 },
    ],
    slots: [
      {
        id: 1,
        endpointId: ENDPOINT,
        tracerId: FDG,
        weekday: 0,
        weeklyRepeat: WeeklyRepeat.EveryWeek,
        deliveryTime: '08:00:00',
      },
      {
        id: 2,
        endpointId: ENDPOINT,
        tracerId: FDG,
        weekday: 0,
        weeklyRepeat: WeeklyRepeat.EveryWeek,
        deliveryTime: '11:33:33',
      },
    ],
  };
  return previewBookingNeeds(input);
}

describe('previewBookingNeeds', () => {
  it('[URS-ORD-019] gives each slot the bookings mass ordering would deliver from it and their floored MBq', () => {
    const result = preview([
      booking('A1', '09:15:00'),
      booking('A2', '10:15:00'),
      booking('A3', '12:15:00'),
    ]);
    expect(result.bookings).toBe(3);
    expect(result.unplaced).toBe(0);
    expect(result.slots.map(({ slotId, bookings }) => ({ slotId, bookings }))).toEqual([
      { slotId: 1, bookings: 2 },
      { slotId: 2, bookings: 1 },
    ]);
    // 300 MBq at 09:45 and 10:45 from 08:00 (T = 18.4 days): 300.82 + 301.02, floored once.
    expect(result.slots[0]?.activity).toBe(602);
    expect(result.slots[1]?.activity).toBe(300);
  });

  it('[URS-ORD-019] leaves out ordered, rejected and other tracers’ bookings', () => {
    const result = preview([
      booking('A1', '09:15:00', { status: BookingStatus.Ordered }),
      booking('A2', '09:15:00', { status: BookingStatus.Rejected }),
      booking('A3', '09:15:00', { procedureIdentifierId: OTHER_STUDY }),
      booking('A4', '09:15:00'),
    ]);
    expect(result.bookings).toBe(1);
    expect(result.slots).toEqual([{ slotId: 1, bookings: 1, activity: 300 }]);
  });

  it('[URS-ORD-019] counts a booking whose injection comes before every slot as unplaced, without losing the others', () => {
    const result = preview([booking('EARLY', '06:00:00'), booking('A1', '09:15:00')]);
    expect(result.bookings).toBe(2);
    expect(result.unplaced).toBe(1);
    expect(result.slots).toEqual([{ slotId: 1, bookings: 1, activity: 300 }]);
  });

  it('[URS-ORD-019] answers an empty preview when nothing waits', () => {
    expect(preview([])).toEqual({ bookings: 0, slots: [], unplaced: 0 });
  });
});
