import { OrderStatus, TracerUsage } from '@tracershop/core';
import { describe, expect, it } from 'vitest';
import { buildWeekPlan } from './weekPlan';

const { Ordered, Accepted, Released, Rejected } = OrderStatus;

const catalog = {
  tracers: [
    { id: 1, shortname: 'FDG' },
    { id: 2, shortname: 'test_tracer_2' },
  ],
  productions: [{ id: 100, tracerId: 1 }],
  deliverySlots: [
    { id: 10, productionId: 100, deliveryTime: '08:15:00' },
    { id: 11, productionId: 100, deliveryTime: '11:00:00' },
  ],
};

function injection(deliveryDate: string, status: OrderStatus, injections = 1) {
  return {
    deliveryDate,
    status,
    tracerId: 2,
    deliveryTime: '10:30:00',
    injections,
    tracerUsage: TracerUsage.Human,
  };
}

describe('buildWeekPlan', () => {
  // 2026-12-02 is a Wednesday; its ISO week runs 30.11 – 6.12.
  it('[URS-PRD-012] sums per tracer and hour, with the least progressed status', () => {
    const plan = buildWeekPlan(
      catalog,
      {
        activityOrders: [
          {
            deliveryDate: '2026-11-30',
            status: Released,
            orderedActivity: 300,
            orderedTimeSlotId: 10,
          },
          {
            deliveryDate: '2026-11-30',
            status: Accepted,
            orderedActivity: 200,
            orderedTimeSlotId: 10,
          },
          {
            deliveryDate: '2026-11-30',
            status: Ordered,
            orderedActivity: 100,
            orderedTimeSlotId: 11,
            movedToTimeSlotId: 10,
          },
          {
            deliveryDate: '2026-11-30',
            status: Rejected,
            orderedActivity: 999,
            orderedTimeSlotId: 11,
          },
        ],
        injectionOrders: [
          injection('2026-12-02', Accepted, 1),
          injection('2026-12-02', Released, 1),
        ],
      },
      '2026-12-02',
    );
    expect(plan.monday).toBe('2026-11-30');
    expect(plan.days).toEqual(['2026-11-30', '2026-12-02']);
    expect(plan.hours).toEqual([8, 9, 10]);
    expect(plan.cell('2026-11-30', 8)).toEqual({
      entries: [{ tracerId: 1, tracerName: 'FDG', kind: 'activity', amount: 600, status: Ordered }],
      status: Ordered,
    });
    expect(plan.cell('2026-12-02', 10)).toEqual({
      entries: [
        {
          tracerId: 2,
          tracerName: 'test_tracer_2',
          kind: 'injection',
          amount: 2,
          status: Accepted,
        },
      ],
      status: Accepted,
    });
    expect(plan.cell('2026-11-30', 11).entries).toEqual([]);
    expect(plan.cell('2026-11-30', 9).status).toBeNull();
  });

  it('[URS-PRD-012] leaves out other weeks and rejected orders', () => {
    const plan = buildWeekPlan(
      catalog,
      {
        activityOrders: [
          {
            deliveryDate: '2026-12-07',
            status: Ordered,
            orderedActivity: 300,
            orderedTimeSlotId: 10,
          },
        ],
        injectionOrders: [injection('2026-12-03', Rejected), injection('2026-11-29', Ordered)],
      },
      '2026-12-06',
    );
    expect(plan.days).toEqual([]);
    expect(plan.hours).toEqual([]);
  });
});
