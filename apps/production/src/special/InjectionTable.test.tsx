import { OrderStatus } from '@tracershop/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { SortOrder } from './injectionRows';
import { injectionRowsOf, nextSort, sortRows } from './injectionRows';
import { InjectionTable } from './InjectionTable';
import { catalogFixture, injectionOrder } from './specialFixtures';

const orders = [
  injectionOrder({ id: 1, status: OrderStatus.Ordered, deliveryTime: '11:00:00' }),
  injectionOrder({ id: 2, status: OrderStatus.Accepted, deliveryTime: '09:00:00' }),
  injectionOrder({ id: 3, status: OrderStatus.Released, deliveryTime: '10:00:00' }),
  injectionOrder({ id: 4, status: OrderStatus.Rejected, deliveryTime: '12:00:00' }),
  injectionOrder({ id: 5, status: OrderStatus.Accepted, tracerId: 5, deliveryTime: '08:00:00' }),
  injectionOrder({
    id: 6,
    status: OrderStatus.Accepted,
    deliveryTime: '13:00:00',
    comment: 'Ring først',
  }),
];

function Table({ onAccept = vi.fn(), onOpen = vi.fn() }) {
  const [sort, setSort] = useState<SortOrder>({ column: 'deliveryTime', descending: false });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const rows = sortRows(injectionRowsOf(catalogFixture(), orders), sort);
  return (
    <InjectionTable
      rows={rows}
      sort={sort}
      onSort={(column) => setSort((current) => nextSort(current, column))}
      selected={selected}
      onToggle={(id) =>
        setSelected((current) => {
          const next = new Set(current);
          if (next.has(id)) {
            next.delete(id);
          } else {
            next.add(id);
          }
          return next;
        })
      }
      onAccept={onAccept}
      onOpen={onOpen}
    />
  );
}

const rowOf = (id: number) =>
  screen
    .getAllByRole('row')
    .find((row) => within(row).queryAllByRole('cell')[1]?.textContent === String(id))!;
const idsInOrder = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]!.textContent);

describe('InjectionTable', () => {
  it('[URS-PRD-004] shows the action of each status', () => {
    renderWithI18n(<Table />);
    expect(within(rowOf(1)).getByRole('button', { name: 'Accepter ordre 1' })).toBeTruthy();
    expect(
      within(rowOf(2)).getByRole('checkbox', { name: 'Vælg ordre 2 til frigivelse' }),
    ).toBeTruthy();
    const link = within(rowOf(3)).getByRole('link', { name: 'Frigivelsescertifikat for ordre 3' });
    expect(link.getAttribute('href')).toBe('/documents/injection-release/3.pdf');
    expect(link.getAttribute('target')).toBe('_blank');
    const rejected = rowOf(4);
    expect(within(rejected).queryByRole('checkbox')).toBeNull();
    expect(within(rejected).queryByRole('link')).toBeNull();
    expect(within(rejected).queryByRole('button', { name: /Accepter/ })).toBeNull();
    expect(within(rowOf(2)).queryByRole('button', { name: /Accepter/ })).toBeNull();
  });

  it('shows names, usage and the comment', () => {
    renderWithI18n(<Table />);
    const row = rowOf(6);
    expect(within(row).getByRole('cell', { name: 'RH - PET1' })).toBeTruthy();
    expect(within(row).getByRole('cell', { name: 'Ga-68' })).toBeTruthy();
    expect(within(row).getByRole('cell', { name: 'Ga-PSMA' })).toBeTruthy();
    expect(within(row).getByRole('cell', { name: 'Human' })).toBeTruthy();
    expect(within(row).getByRole('img', { name: 'Ring først' })).toBeTruthy();
  });

  it('[URS-PRD-004] accepts an ordered order and opens an order from its status icon', async () => {
    const onAccept = vi.fn();
    const onOpen = vi.fn();
    renderWithI18n(<Table onAccept={onAccept} onOpen={onOpen} />);
    await userEvent.click(screen.getByRole('button', { name: 'Accepter ordre 1' }));
    expect(onAccept).toHaveBeenCalledWith(1);
    await userEvent.click(screen.getByRole('button', { name: 'Åbn ordre 3' }));
    expect(onOpen).toHaveBeenCalledWith(3);
  });

  it('sorts by a clicked header and inverts on a second click', async () => {
    renderWithI18n(<Table />);
    expect(idsInOrder()).toEqual(['5', '2', '3', '1', '4', '6']);
    const header = screen.getByRole('columnheader', { name: 'Ordre-ID' });
    await userEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(idsInOrder()).toEqual(['1', '2', '3', '4', '5', '6']);
    await userEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(idsInOrder()).toEqual(['6', '5', '4', '3', '2', '1']);
    expect(
      screen.getByRole('columnheader', { name: 'Bestilt til' }).getAttribute('aria-sort'),
    ).toBe('none');
  });

  it('[URS-REL-012] disables the rows of other tracers once one order is ticked', async () => {
    renderWithI18n(<Table />);
    const other = () =>
      screen.getByRole('checkbox', { name: 'Vælg ordre 5 til frigivelse' }) as HTMLInputElement;
    expect(other().disabled).toBe(false);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Vælg ordre 2 til frigivelse' }));
    expect(other().disabled).toBe(true);
    const sameTracer = screen.getByRole('checkbox', {
      name: 'Vælg ordre 6 til frigivelse',
    }) as HTMLInputElement;
    expect(sameTracer.disabled).toBe(false);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Vælg ordre 2 til frigivelse' }));
    expect(other().disabled).toBe(false);
  });
});
