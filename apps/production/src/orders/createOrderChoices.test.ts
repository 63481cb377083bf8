import { WeeklyRepeat } from '@tracershop/core';
import { describe, expect, it } from 'vitest';
import { orderableSlots } from './createOrderChoices';

const catalog = {
  customers: [{ id: 5, shortName: 'RH' }],
  endpoints: [
    { id: 10, customerId: 5, name: 'PET1' },
    { id: 11, customerId: 5, name: 'PET2' },
  ],
  productions: [
    { id: 100, tracerId: 1, weekday: 2 },
    { id: 101, tracerId: 1, weekday: 3 },
    { id: 102, tracerId: 2, weekday: 2 },
  ],
  deliverySlots: [
    {
      id: 1,
      endpointId: 10,
      productionId: 100,
      deliveryTime: '10:00:00',
      weeklyRepeat: WeeklyRepeat.EveryWeek,
    },
    {
      id: 2,
      endpointId: 10,
      productionId: 100,
      deliveryTime: '08:00:00',
      weeklyRepeat: WeeklyRepeat.EveryWeek,
    },
    {
      id: 3,
      endpointId: 10,
      productionId: 101,
      deliveryTime: '08:00:00',
      weeklyRepeat: WeeklyRepeat.EveryWeek,
    },
    {
      id: 4,
      endpointId: 10,
      productionId: 102,
      deliveryTime: '08:00:00',
      weeklyRepeat: WeeklyRepeat.EveryWeek,
    },
    {
      id: 5,
      endpointId: 10,
      productionId: 100,
      deliveryTime: '12:00:00',
      weeklyRepeat: WeeklyRepeat.OddWeeks,
    },
    {
      id: 6,
      endpointId: 11,
      productionId: 100,
      deliveryTime: '09:00:00',
      weeklyRepeat: WeeklyRepeat.EveryWeek,
    },
  ],
  catalogPages: [
    { endpointId: 10, tracerId: 1 },
    { endpointId: 10, tracerId: 2 },
  ],
};

describe('orderableSlots', () => {
  it("[URS-ORD-016][URS-ORD-003] offers the tracer's slots delivering on the date, in catalog endpoints, by time", () => {
    // 2026-12-02: a Wednesday (weekday 2) in ISO week 49 (odd).
    expect(orderableSlots(catalog, 1, '2026-12-02').map((slot) => slot.id)).toEqual([2, 1, 5]);
    // 2026-12-09: week 50 (even), the odd-week slot does not deliver.
    expect(orderableSlots(catalog, 1, '2026-12-09').map((slot) => slot.id)).toEqual([2, 1]);
    expect(orderableSlots(catalog, 1, '2026-12-03').map((slot) => slot.id)).toEqual([3]);
  });
});
