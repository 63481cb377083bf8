import { DeadlineType, OrderStatus } from '@tracershop/core';
import { describe, expect, it } from 'vitest';
import type { ProductionCalendarData } from './productionCalendar';
import { productionCalendarColours } from './productionCalendar';

const { Ordered, Accepted, Released, Rejected } = OrderStatus;

// 2026-12-02 is a Wednesday (weekday 2).
function data(overrides: Partial<ProductionCalendarData> = {}): ProductionCalendarData {
  return {
    productionWeekdays: [0, 2],
    activityOrders: [],
    injectionOrders: [],
    activityDeadline: { deadlineType: DeadlineType.Daily, deadlineTime: '12:00:00' },
    injectionDeadline: { deadlineType: DeadlineType.Daily, deadlineTime: '14:00:00' },
    closedDates: [],
    now: '2026-12-01 10:00:00',
    timeZone: 'Europe/Copenhagen',
    ...overrides,
  };
}

describe('productionCalendarColours', () => {
  it('[URS-DLN-007] colours the fill by all activity orders and the ring by all injection orders', () => {
    const colours = productionCalendarColours(
      data({
        activityOrders: [
          { deliveryDate: '2026-12-02', status: Released, orderedActivity: 300 },
          { deliveryDate: '2026-12-02', status: Accepted, orderedActivity: 300 },
          { deliveryDate: '2026-12-07', status: Ordered, orderedActivity: 300 },
        ],
        injectionOrders: [{ deliveryDate: '2026-12-02', status: Released }],
      }),
    );
    expect(colours('2026-12-02')).toEqual({ fill: 'accepted', ring: 'released' });
    expect(colours('2026-12-07').fill).toBe('ordered');
  });

  it('[URS-PRD-008] leaves a dead order out of the fill until it is released', () => {
    const colours = productionCalendarColours(
      data({
        activityOrders: [
          { deliveryDate: '2026-12-02', status: Released, orderedActivity: 300 },
          { deliveryDate: '2026-12-02', status: Ordered, orderedActivity: 0.5 },
          { deliveryDate: '2026-12-07', status: Ordered, orderedActivity: 0.5 },
          { deliveryDate: '2026-12-09', status: Released, orderedActivity: 0.5 },
        ],
      }),
    );
    expect(colours('2026-12-02').fill).toBe('released');
    // Only a dead order: the day looks as without orders (Monday, production runs, open).
    expect(colours('2026-12-07').fill).toBe('available');
    // Released below 1 MBq ordered: its vials may have delivered more, so it counts.
    expect(colours('2026-12-09').fill).toBe('released');
  });

  it('[URS-DLN-007] shows a day without orders light grey only while ordering is open and production runs', () => {
    const colours = productionCalendarColours(data());
    // Wednesday, deadline the day before at 12:00 not passed yet.
    expect(colours('2026-12-02')).toEqual({ fill: 'available', ring: 'available' });
    // Thursday: no production that weekday, the injection deadline still open.
    expect(colours('2026-12-03')).toEqual({ fill: 'unavailable', ring: 'available' });
    // The activity deadline (30.11 12:00) of Tuesday 1.12 has passed; no production anyway.
    expect(colours('2026-11-30')).toEqual({ fill: 'unavailable', ring: 'unavailable' });
  });

  it('[URS-DLN-007] closes a passed deadline between the activity and the injection deadline', () => {
    const colours = productionCalendarColours(data({ now: '2026-12-01 13:00:00' }));
    expect(colours('2026-12-02')).toEqual({ fill: 'unavailable', ring: 'available' });
  });

  it('[URS-DLN-007] shows closed days dark grey even with orders', () => {
    const colours = productionCalendarColours(
      data({
        closedDates: ['2026-12-02'],
        activityOrders: [{ deliveryDate: '2026-12-02', status: Rejected, orderedActivity: 300 }],
      }),
    );
    expect(colours('2026-12-02')).toEqual({ fill: 'unavailable', ring: 'unavailable' });
  });
});
