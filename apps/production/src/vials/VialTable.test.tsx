import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { VialSort } from './vialTable';
import { NEWEST_FIRST, nextSort, sortVials } from './vialTable';
import type { VialRow } from './vialsApi';
import { VIAL_ROW_HEIGHT, VialTable } from './VialTable';

function vialRow(fields: Partial<VialRow> & { id: number }): VialRow {
  return {
    tracerId: 1,
    customerId: 5,
    lotNumber: `FDG-261123-${fields.id}`,
    fillDate: '2026-11-23',
    fillTime: '07:10:00',
    activity: 9000.7,
    volume: 12.456,
    assignedToId: null,
    ...fields,
  };
}

const OWNERS = new Map([
  [5, 'RH'],
  [6, 'Herlev'],
]);
const ownerOf = (vial: VialRow) =>
  vial.customerId === null ? null : (OWNERS.get(vial.customerId) ?? null);

/** The table with the page's sorting, as the page uses it. */
function SortedTable({
  vials,
  onPrint,
  onSetOwner = vi.fn(),
}: {
  vials: VialRow[];
  onPrint(id: number): void;
  onSetOwner?(vial: VialRow): void;
}) {
  const [sort, setSort] = useState<VialSort>(NEWEST_FIRST);
  return (
    <MemoryRouter>
      <VialTable
        vials={sortVials(vials, sort, ownerOf)}
        sort={sort}
        onSort={(column) => setSort((current) => nextSort(current, column))}
        ownerOf={ownerOf}
        onPrint={onPrint}
        onSetOwner={onSetOwner}
        printingVialId={null}
      />
    </MemoryRouter>
  );
}

const table = () => screen.getByRole('table', { name: 'Hætteglas' });
const shownIds = () =>
  [...table().querySelectorAll('tbody tr[data-vial-id]')].map((row) =>
    Number((row as HTMLElement).dataset.vialId),
  );
const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });

const VIALS = [
  vialRow({ id: 1, fillDate: '2026-11-20', fillTime: '09:00:00', volume: 3, activity: 500 }),
  vialRow({
    id: 2,
    fillDate: '2026-11-23',
    fillTime: '07:00:00',
    volume: 1,
    activity: 900,
    customerId: 6,
    assignedToId: 40,
  }),
  vialRow({ id: 3, fillDate: '2026-11-23', fillTime: '08:00:00', volume: 2, customerId: null }),
];

describe('VialTable', () => {
  it('[URS-VIA-007] shows the legacy columns, newest first, with an unknown owner marked', () => {
    renderWithI18n(<SortedTable vials={VIALS} onPrint={vi.fn()} />);
    expect(
      within(table())
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent?.replace(/[▼▲]/g, '').trim()),
    ).toEqual([
      'ID',
      'Lotnummer',
      'Dato',
      'Tappetidspunkt',
      'Volumen',
      'Aktivitet',
      'Ejer',
      'Ordre',
      'Print',
    ]);
    expect(shownIds()).toEqual([3, 2, 1]);
    expect(header('Dato').getAttribute('aria-sort')).toBe('descending');
    const row = table().querySelector('tr[data-vial-id="1"]') as HTMLElement;
    expect(
      within(row)
        .getAllByRole('cell')
        .slice(0, 8)
        .map((cell) => cell.textContent),
    ).toEqual([
      '1',
      'FDG-261123-1',
      '20/11/2026',
      '09:00:00',
      '3,00\u00a0ml',
      '500\u00a0MBq',
      'RH',
      '',
    ]);
    const unowned = table().querySelector('tr[data-vial-id="3"]') as HTMLElement;
    expect(within(unowned).getByText('Ukendt ejer')).toBeTruthy();
    const assigned = table().querySelector('tr[data-vial-id="2"]') as HTMLElement;
    expect(within(assigned).getByText('40')).toBeTruthy();
  });

  it('[URS-VIA-007] sorts by a clicked column descending, and ascending on the second click', async () => {
    renderWithI18n(<SortedTable vials={VIALS} onPrint={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: /^ID/ }));
    expect(shownIds()).toEqual([3, 2, 1]);
    expect(header('ID').getAttribute('aria-sort')).toBe('descending');
    expect(header('Dato').getAttribute('aria-sort')).toBe('none');
    await userEvent.click(screen.getByRole('button', { name: /^ID/ }));
    expect(shownIds()).toEqual([1, 2, 3]);
    expect(header('ID').getAttribute('aria-sort')).toBe('ascending');

    await userEvent.click(screen.getByRole('button', { name: /^Volumen/ }));
    expect(shownIds()).toEqual([1, 3, 2]);
    await userEvent.click(screen.getByRole('button', { name: /^Volumen/ }));
    expect(shownIds()).toEqual([2, 3, 1]);

    await userEvent.click(screen.getByRole('button', { name: /^Ejer/ }));
    expect(shownIds()).toEqual([1, 2, 3]); // RH, Herlev, unknown
    await userEvent.click(screen.getByRole('button', { name: /^Ejer/ }));
    expect(shownIds()).toEqual([3, 2, 1]);

    await userEvent.click(screen.getByRole('button', { name: /^Ordre/ }));
    expect(shownIds()[0]).toBe(2);
  });

  it('[URS-DOC-004][URS-INT-005] links the label PDF in a new window and prints the label of the row', async () => {
    const onPrint = vi.fn();
    renderWithI18n(<SortedTable vials={VIALS} onPrint={onPrint} />);
    const link = screen.getByRole('link', { name: 'Etiket for hætteglas 2 som PDF' });
    expect(link.getAttribute('href')).toBe('/documents/vial-label/2.pdf');
    expect(link.getAttribute('target')).toBe('_blank');
    await userEvent.click(screen.getByRole('button', { name: 'Print etiket for hætteglas 2' }));
    expect(onPrint).toHaveBeenCalledWith(2);
  });

  it('[URS-INT-005] disables the print buttons while a label prints', () => {
    renderWithI18n(
      <MemoryRouter>
        <VialTable
          vials={VIALS}
          sort={NEWEST_FIRST}
          onSort={vi.fn()}
          ownerOf={ownerOf}
          onPrint={vi.fn()}
          onSetOwner={vi.fn()}
          printingVialId={2}
        />
      </MemoryRouter>,
    );
    const button = screen.getByRole('button', { name: 'Print etiket for hætteglas 2' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
  });

  it('[URS-PRF-006] renders only a window of 5000 rows, and the rows in view after scrolling', () => {
    const many = Array.from({ length: 5000 }, (_, index) =>
      vialRow({ id: index + 1, fillTime: `07:00:${String(index % 60).padStart(2, '0')}` }),
    );
    renderWithI18n(
      <MemoryRouter>
        <VialTable
          vials={many}
          sort={{ column: 'id', direction: 'ascending' }}
          onSort={vi.fn()}
          ownerOf={ownerOf}
          onPrint={vi.fn()}
          onSetOwner={vi.fn()}
          printingVialId={null}
        />
      </MemoryRouter>,
    );
    const first = shownIds();
    expect(first[0]).toBe(1);
    expect(first.length).toBeGreaterThan(10);
    expect(first.length).toBeLessThan(100);
    expect(table().getAttribute('aria-rowcount')).toBe('5001');

    const region = screen.getByRole('region', { name: 'Hætteglas, 5000 rækker' });
    expect(region.tabIndex).toBe(0);
    region.scrollTop = 3000 * VIAL_ROW_HEIGHT;
    fireEvent.scroll(region);
    const later = shownIds();
    expect(later).toContain(3001);
    expect(later).not.toContain(1);
    expect(later.length).toBeLessThan(100);
    const row = table().querySelector('tr[data-vial-id="3001"]');
    expect(row?.getAttribute('aria-rowindex')).toBe('3002');
  });

  it('[URS-VIA-007] links each lot number to its recall trace', () => {
    renderWithI18n(<SortedTable vials={VIALS} onPrint={vi.fn()} />);
    const link = screen.getByRole('link', { name: 'FDG-261123-2' });
    expect(link.getAttribute('href')).toBe('/recall?lot=FDG-261123-2');
    expect(link.getAttribute('title')).toBe('Spor lot FDG-261123-2 (tilbagekaldelse)');
  });

  it('[URS-VIA-005] offers "Angiv ejer" only on an unassigned vial without owner', async () => {
    const onSetOwner = vi.fn();
    const stranger = vialRow({ id: 4, customerId: 99 });
    const assignedUnowned = vialRow({ id: 5, customerId: null, assignedToId: 41 });
    renderWithI18n(
      <SortedTable
        vials={[...VIALS, stranger, assignedUnowned]}
        onPrint={vi.fn()}
        onSetOwner={onSetOwner}
      />,
    );
    expect(screen.getAllByRole('button', { name: /^Angiv ejer/ })).toHaveLength(1);
    const unowned = table().querySelector('tr[data-vial-id="3"]') as HTMLElement;
    const button = within(unowned).getByRole('button', { name: 'Angiv ejer for hætteglas 3' });
    expect(button.textContent).toBe('Angiv ejer');
    await userEvent.click(button);
    expect(onSetOwner).toHaveBeenCalledWith(VIALS[2]);
  });
});
