import { render, screen } from '@testing-library/react';
import { createI18n } from '@tracershop/ui';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import da from '../i18n/da.json';
import en from '../i18n/en.json';
import { OverviewCell } from './BookingOverviewView';

function renderCell(cell: Parameters<typeof OverviewCell>[0]['cell']) {
  const i18n = createI18n({ language: 'da', messages: { da, en } });
  render(
    <I18nextProvider i18n={i18n}>
      <table>
        <tbody>
          <tr>
            <OverviewCell cell={cell} />
          </tr>
        </tbody>
      </table>
    </I18nextProvider>,
  );
  return screen.getByRole('cell');
}

const booking = (id: number, startTime: string) => ({
  id,
  description: 'PET/CT FDG helkrop',
  startTime,
  accessionNumber: `DKRGHXXXXX400${id}`,
});

describe('OverviewCell', () => {
  it('[URS-ORD-018] lists the studies and tells the details on hover', () => {
    const cell = renderCell({ locationId: 1, hour: 8, bookings: [booking(1, '08:30:00')] });
    expect(cell.textContent).toBe('PET/CT FDG helkrop');
    expect(cell.getAttribute('title')).toBe('PET/CT FDG helkrop · 08:30 · DKRGHXXXXX4001');
  });

  it('[URS-ORD-018] counts the studies of a full cell', () => {
    const cell = renderCell({
      locationId: 1,
      hour: 9,
      bookings: [booking(1, '09:00:00'), booking(2, '09:15:00'), booking(3, '09:45:00')],
    });
    expect(cell.textContent).toBe('3 undersøgelser');
    expect(cell.getAttribute('title')?.split('\n')).toHaveLength(3);
  });

  it('[URS-ORD-018] is empty without bookings', () => {
    expect(renderCell(undefined).textContent).toBe('');
  });
});
