import { DeadlineType, OrderStatus, WeeklyRepeat } from '@tracershop/core';
import { describe, expect, it } from 'vitest';
import type { ShopCalendarData } from './shopCalendar';
import { shopCalendarColours } from './shopCalendar';

// Monday 23 November 2026, 10:00; slot delivers Tuesdays (weekday 1).
const base: ShopCalendarData = {
  slots: [{ id: 7, weekday: 1, weeklyRepeat: WeeklyRepeat.EveryWeek }],
  activityOrders: [],
  injectionOrders: [],
  activityDeadline: { deadlineType: DeadlineType.Daily, deadlineTime: '13:00:00' },
  injectionDeadline: null,
  closedDates: [],
  now: '2026-11-23 10:00:00',
  timeZone: 'Europe/Copenhagen',
};

describe('shopCalendarColours', () => {
  it('[URS-DLN-007] is light grey on delivery days still open, dark grey on other days', () => {
    const colours = shopCalendarColours(base);
    expect(colours('2026-11-24').fill).toBe('available');
    expect(colours('2026-11-25').fill).toBe('unavailable');
    // Tuesday 17 November: the deadline passed long ago.
    expect(colours('2026-11-17').fill).toBe('unavailable');
  });

  it('[URS-DLN-007][URS-PRD-008] fills with the lowest status of the product’s live orders and rings with injection orders', () => {
    const colours = shopCalendarColours({
      ...base,
      activityOrders: [
        {
          orderedTimeSlotId: 7,
          deliveryDate: '2026-11-24',
          status: OrderStatus.Released,
          orderedActivity: 300,
        },
        {
          orderedTimeSlotId: 7,
          deliveryDate: '2026-11-24',
          status: OrderStatus.Accepted,
          orderedActivity: 300,
        },
        {
          orderedTimeSlotId: 99,
          deliveryDate: '2026-11-24',
          status: OrderStatus.Ordered,
          orderedActivity: 300,
        },
        {
          orderedTimeSlotId: 7,
          deliveryDate: '2026-11-24',
          status: OrderStatus.Ordered,
          orderedActivity: 0.5,
        },
      ],
      injectionOrders: [{ deliveryDate: '2026-11-24', status: OrderStatus.Ordered }],
    });
    expect(colours('2026-11-24')).toEqual({ fill: 'accepted', ring: 'ordered' });
  });

  it('[URS-DLN-007] paints closed days dark grey, fill and ring', () => {
    const colours = shopCalendarColours({ ...base, closedDates: ['2026-11-24'] });
    expect(colours('2026-11-24')).toEqual({ fill: 'unavailable', ring: 'unavailable' });
  });
});
