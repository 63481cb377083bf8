import { BookingStatus } from '@tracershop/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { TableBooking } from './BookingTable';
import { BookingTable } from './BookingTable';

function booking(
  id: number,
  accessionNumber: string,
  startTime: string,
  status: BookingStatus = BookingStatus.Initial,
): TableBooking {
  return {
    id,
    accessionNumber,
    decisionKey: `#${id}`,
    startTime,
    injectionTime: startTime,
    status,
    location: { code: `ROOM${id}`, name: id === 1 ? 'PET/CT 2' : 'PET/CT 1' },
    study: { code: null, description: id === 1 ? 'PET/CT FDG hjerne' : 'PET/CT FDG helkrop' },
  };
}

// B at 10:00 and A at 11:00 (legacy scenario 34).
const bookings = [booking(1, 'DKBXXXX0002', '10:00:00'), booking(2, 'DKAXXXX0001', '11:00:00')];

function firstColumn() {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
}

function renderTable(rows: readonly TableBooking[] = bookings, mayOrder = true) {
  const onOrder = vi.fn((_: Record<string, boolean>) => Promise.resolve());
  renderWithI18n(
    <BookingTable tracerName="FDG" bookings={rows} mayOrder={mayOrder} onOrder={onOrder} />,
  );
  return onOrder;
}

describe('BookingTable', () => {
  it('[URS-ORD-018] lists the bookings by study time, then by the header clicked', async () => {
    const user = userEvent.setup();
    renderTable();
    expect(firstColumn()).toEqual(['DKBXXXX0002', 'DKAXXXX0001']);
    await user.click(screen.getByRole('button', { name: 'Accession' }));
    expect(firstColumn()).toEqual(['DKAXXXX0001', 'DKBXXXX0002']);
    expect(screen.getByRole('columnheader', { name: 'Accession' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    await user.click(screen.getByRole('button', { name: 'Accession' }));
    expect(firstColumn()).toEqual(['DKBXXXX0002', 'DKAXXXX0001']);
    await user.click(screen.getByRole('button', { name: 'Lokation' }));
    expect(firstColumn()).toEqual(['DKAXXXX0001', 'DKBXXXX0002']);
    await user.click(screen.getByRole('button', { name: 'Studie' }));
    expect(firstColumn()).toEqual(['DKAXXXX0001', 'DKBXXXX0002']);
    await user.click(screen.getByRole('button', { name: 'Studietid' }));
    expect(firstColumn()).toEqual(['DKBXXXX0002', 'DKAXXXX0001']);
  });

  it('[URS-ORD-013] orders the ticked bookings and rejects the unticked one', async () => {
    const user = userEvent.setup();
    const onOrder = renderTable();
    const box = screen.getByRole('checkbox', { name: 'Bestil DKAXXXX0001' });
    expect(box).toHaveProperty('checked', true);
    await user.click(box);
    expect(box).toHaveProperty('checked', false);
    await user.click(screen.getByRole('button', { name: 'Bestil' }));
    expect(onOrder).toHaveBeenCalledWith({ '#1': true, '#2': false });
    expect(await screen.findByText('Bookingerne er bestilt.')).toBeTruthy();
  });

  it('[URS-ORD-014] marks decided bookings and sends only the undecided ones', async () => {
    const user = userEvent.setup();
    const onOrder = renderTable([
      booking(1, 'DKBXXXX0002', '10:00:00', BookingStatus.Ordered),
      booking(2, 'DKAXXXX0001', '11:00:00', BookingStatus.Rejected),
      booking(3, 'DKCXXXX0003', '12:00:00'),
    ]);
    expect(screen.getByRole('img', { name: 'Bestilt' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Afvist' })).toBeTruthy();
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Bestil' }));
    expect(onOrder).toHaveBeenCalledWith({ '#3': true });
  });

  it('[URS-DAT-006] shows the api’s refusal in an alert', async () => {
    const user = userEvent.setup();
    const onOrder = renderTable();
    onOrder.mockRejectedValueOnce(
      new Error(
        'Bookingerne kunne ikke bestilles: injektionstidspunktet 08:15 er før den tidligste levering kl. 08:30.',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Bestil' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'er før den tidligste levering kl. 08:30.',
    );
  });

  it('[URS-DLN-005] offers no "Bestil" after the deadline', () => {
    renderTable(bookings, false);
    expect(screen.queryByRole('button', { name: 'Bestil' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Bestil DKAXXXX0001' })).toHaveProperty(
      'disabled',
      true,
    );
  });
});
