import { OrderStatus } from '@tracershop/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { WeekPlanView } from './WeekPlanView';

const catalog = {
  tracers: [{ id: 2, shortname: 'test_tracer_2' }],
  productions: [],
  deliverySlots: [],
};

function injection(id: number, status: OrderStatus) {
  return {
    id,
    deliveryDate: '2026-12-02',
    deliveryTime: '10:30:00',
    tracerId: 2,
    injections: 1,
    status,
  };
}

describe('WeekPlanView', () => {
  it('[URS-PRD-012] lists injection orders per tracer and hour, tinted by the least progressed status', () => {
    renderWithI18n(
      <WeekPlanView
        catalog={catalog}
        date="2026-12-04"
        orders={{
          activityOrders: [],
          injectionOrders: [
            injection(1, OrderStatus.Accepted),
            injection(2, OrderStatus.Released),
            injection(3, OrderStatus.Rejected),
          ],
        }}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Onsdag 2/12' })).toBeTruthy();
    const cell = screen.getByRole('cell', { name: 'test_tracer_2: 2 injektioner' });
    expect(cell.className).toBe('production-week__cell--accepted');
    expect(screen.getByRole('rowheader', { name: '10:00' })).toBeTruthy();
  });

  it('[URS-PRD-012] says so when the week has no orders', () => {
    renderWithI18n(
      <WeekPlanView
        catalog={catalog}
        date="2026-12-04"
        orders={{ activityOrders: [], injectionOrders: [] }}
      />,
    );
    expect(screen.getByText('Der er ingen ordrer i denne uge.')).toBeTruthy();
  });
});
