import { OrderStatus } from '@tracershop/core';
import { describe, expect, it } from 'vitest';
import { productStatuses, productStatusOf } from './productStatus';

const { Ordered, Accepted, Released, Rejected } = OrderStatus;

describe('productStatusOf', () => {
  it('[URS-PRD-012] is the least progressed status, rejected orders not counted', () => {
    expect(productStatusOf([])).toBe('none');
    expect(productStatusOf([Rejected])).toBe('none');
    expect(productStatusOf([Released, Ordered, Accepted])).toBe('ordered');
    expect(productStatusOf([Released, Accepted, Rejected])).toBe('accepted');
    expect(productStatusOf([Released, Released, Rejected])).toBe('released');
  });
});

describe('productStatuses', () => {
  const catalog = {
    productions: [
      { id: 100, tracerId: 1 },
      { id: 101, tracerId: 2 },
    ],
    deliverySlots: [
      { id: 10, productionId: 100 },
      { id: 11, productionId: 100 },
      { id: 20, productionId: 101 },
    ],
    isotopeProductions: [{ id: 300, isotopeId: 7 }],
    isotopeDeliveries: [{ id: 30, isotopeProductionId: 300 }],
  };
  const date = '2026-12-02';

  it("[URS-PRD-012] attributes orders to their slot's tracer, delivery's isotope, and Special", () => {
    const statuses = productStatuses(
      catalog,
      {
        activityOrders: [
          { deliveryDate: date, status: Released, orderedTimeSlotId: 10 },
          { deliveryDate: date, status: Accepted, orderedTimeSlotId: 11, movedToTimeSlotId: 10 },
          { deliveryDate: date, status: Ordered, orderedTimeSlotId: 20 },
          { deliveryDate: '2026-12-03', status: Ordered, orderedTimeSlotId: 10 },
        ],
        injectionOrders: [
          { deliveryDate: date, status: Released },
          { deliveryDate: date, status: Rejected },
        ],
        isotopeOrders: [{ deliveryDate: date, status: Accepted, isotopeDeliveryId: 30 }],
      },
      date,
    );
    expect(statuses.get('tracer-1')).toBe('accepted');
    expect(statuses.get('tracer-2')).toBe('ordered');
    expect(statuses.get('isotope-7')).toBe('accepted');
    expect(statuses.get('special')).toBe('released');
  });

  it('[URS-PRD-012][URS-PRD-008] does not count a dead order that is not released', () => {
    const statuses = productStatuses(
      catalog,
      {
        activityOrders: [
          { deliveryDate: date, status: Released, orderedTimeSlotId: 10, orderedActivity: 300 },
          { deliveryDate: date, status: Ordered, orderedTimeSlotId: 10, orderedActivity: 0.5 },
          { deliveryDate: date, status: Ordered, orderedTimeSlotId: 20, orderedActivity: 0.5 },
        ],
        injectionOrders: [],
        isotopeOrders: [],
      },
      date,
    );
    expect(statuses.get('tracer-1')).toBe('released');
    expect(statuses.get('tracer-2')).toBeUndefined();
  });

  it('[URS-PRD-012] leaves products without orders on the date out', () => {
    const statuses = productStatuses(
      catalog,
      {
        activityOrders: [{ deliveryDate: '2026-12-03', status: Ordered, orderedTimeSlotId: 10 }],
        injectionOrders: [{ deliveryDate: date, status: Rejected }],
        isotopeOrders: [],
      },
      date,
    );
    expect(statuses.get('tracer-1')).toBeUndefined();
    expect(statuses.get('special')).toBe('none');
  });
});
