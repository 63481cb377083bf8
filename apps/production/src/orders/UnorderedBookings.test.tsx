import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { UnorderedBookingsList } from './UnorderedBookings';

const times = new Map([
  [1, '08:00:00'],
  [2, '11:30:00'],
]);

describe('UnorderedBookingsList', () => {
  it('[URS-ORD-019] lists per delivery time the bookings it would deliver and their MBq', () => {
    renderWithI18n(
      <UnorderedBookingsList
        preview={{
          bookings: 4,
          unplaced: 1,
          slots: [
            { slotId: 1, bookings: 2, activity: 602 },
            { slotId: 2, bookings: 1, activity: 300 },
          ],
        }}
        slotTimes={times}
      />,
    );
    expect(screen.getByText('Der er 4 ubestilte bookinger:')).toBeTruthy();
    expect(screen.getByText('kl. 08:00: 2 bookinger, 602 MBq')).toBeTruthy();
    expect(screen.getByText('kl. 11:30: 1 booking, 300 MBq')).toBeTruthy();
    expect(screen.getByText('1 booking har ingen levering tidligt nok.')).toBeTruthy();
  });

  it('[URS-ORD-019] shows nothing when no booking waits', () => {
    const { container } = renderWithI18n(
      <UnorderedBookingsList preview={{ bookings: 0, unplaced: 0, slots: [] }} slotTimes={times} />,
    );
    expect(container.textContent).toBe('');
  });
});
