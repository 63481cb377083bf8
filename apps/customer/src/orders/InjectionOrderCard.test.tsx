import { OrderStatus, TracerUsage } from '@tracershop/core';
import { describedText } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { InjectionOrderCardProps, StoredInjectionOrder } from './InjectionOrderCard';
import { InjectionOrderCard } from './InjectionOrderCard';

const tracers = [
  { id: 4, shortname: 'Ga-PSMA' },
  { id: 5, shortname: 'Ga-DOTATOC' },
];

function stored(overrides: Partial<StoredInjectionOrder> = {}): StoredInjectionOrder {
  return {
    id: 21,
    tracerId: 4,
    status: OrderStatus.Ordered,
    injections: 2,
    deliveryTime: '10:30:00',
    tracerUsage: TracerUsage.Human,
    comment: null,
    lotNumber: null,
    maxInjectionVolume: null,
    freedAt: null,
    ...overrides,
  };
}

function renderCard(props: Partial<InjectionOrderCardProps>) {
  const handlers = {
    onCreate: vi.fn(() => Promise.resolve()),
    onSave: vi.fn(() => Promise.resolve()),
    onDelete: vi.fn(() => Promise.resolve()),
  };
  renderWithI18n(
    <InjectionOrderCard
      tracers={tracers}
      mayOrder
      timeZone="Europe/Copenhagen"
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('InjectionOrderCard', () => {
  it('[URS-ORD-002] creates an order from the blank card with the typed values', async () => {
    const user = userEvent.setup();
    const { onCreate } = renderCard({});
    const card = screen.getByRole('group', { name: 'Ny injektionsordre' });
    expect(within(card).queryByRole('img')).toBeNull();
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Tracer' }), '5');
    await user.type(within(card).getByRole('textbox', { name: 'Injektioner' }), '3');
    await user.type(within(card).getByRole('textbox', { name: 'Tid' }), '1345');
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Brug' }), 'Andet');
    await user.type(within(card).getByRole('textbox', { name: 'Kommentar' }), 'Scan 2');
    await user.click(within(card).getByRole('button', { name: 'Bestil' }));
    expect(onCreate).toHaveBeenCalledWith({
      tracerId: 5,
      injections: 3,
      deliveryTime: '13:45:00',
      tracerUsage: TracerUsage.Other,
      comment: 'Scan 2',
    });
    await waitFor(() =>
      expect(within(card).getByRole('textbox', { name: 'Injektioner' })).toHaveProperty(
        'value',
        '',
      ),
    );
  });

  it('[URS-ORD-002][URS-DAT-007] refuses unreadable injections and time with core’s messages and sends nothing', async () => {
    const user = userEvent.setup();
    const { onCreate } = renderCard({});
    const card = screen.getByRole('group', { name: 'Ny injektionsordre' });
    await user.type(within(card).getByRole('textbox', { name: 'Injektioner' }), 'asd');
    await user.type(within(card).getByRole('textbox', { name: 'Tid' }), 'asdf');
    await user.click(within(card).getByRole('button', { name: 'Bestil' }));
    expect(onCreate).not.toHaveBeenCalled();
    expect(
      within(card).getByRole('textbox', { name: 'Injektioner' }).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(describedText(within(card).getByRole('textbox', { name: 'Tid' }))).toBeTruthy();
  });

  it('[URS-ORD-002] deletes an unchanged Ordered order and updates a changed one', async () => {
    const user = userEvent.setup();
    const { onDelete, onSave } = renderCard({ order: stored() });
    const card = screen.getByRole('group', { name: 'Injektionsordre ID: 21' });
    expect(within(card).getByRole('combobox', { name: 'Tracer' })).toHaveProperty('disabled', true);
    await user.click(within(card).getByRole('button', { name: 'Slet' }));
    expect(onDelete).toHaveBeenCalledWith(21);

    const injections = within(card).getByRole('textbox', { name: 'Injektioner' });
    await user.clear(injections);
    await user.type(injections, '4');
    await user.click(within(card).getByRole('button', { name: 'Opdater' }));
    expect(onSave).toHaveBeenCalledWith(21, {
      tracerId: 4,
      injections: 4,
      deliveryTime: '10:30:00',
      tracerUsage: TracerUsage.Human,
      comment: '',
    });
  });

  it('[URS-ORD-002][URS-DLN-002] locks an Ordered order after the injection deadline', () => {
    renderCard({ order: stored(), mayOrder: false });
    const card = screen.getByRole('group', { name: 'Injektionsordre ID: 21' });
    expect(within(card).queryByRole('button')).toBeNull();
    expect(
      within(card).getByRole('textbox', { name: 'Injektioner' }).hasAttribute('readonly'),
    ).toBe(true);
    expect(within(card).getByRole('combobox', { name: 'Brug' })).toHaveProperty('disabled', true);
  });

  it('[URS-ORD-005] locks an accepted order even before the deadline', () => {
    renderCard({ order: stored({ status: OrderStatus.Accepted }) });
    const card = screen.getByRole('group', { name: 'Injektionsordre ID: 21' });
    expect(within(card).queryByRole('button')).toBeNull();
    expect(within(card).getByRole('img', { name: 'Accepteret' })).toBeTruthy();
  });

  it('[URS-DOC-002] shows lot, release time, max volume and the release document of a released order', () => {
    renderCard({
      order: stored({
        status: OrderStatus.Released,
        lotNumber: 'PSMA-261124-1',
        maxInjectionVolume: 10,
        freedAt: '2026-11-24T08:05:00.000Z',
      }),
    });
    const card = screen.getByRole('group', { name: 'Injektionsordre ID: 21' });
    expect(within(card).queryByRole('button')).toBeNull();
    expect(within(card).getByText('PSMA-261124-1')).toBeTruthy();
    expect(within(card).getByText('24/11/2026 09:05')).toBeTruthy();
    expect(within(card).getByText('10,00 ml')).toBeTruthy();
    const link = within(card).getByRole('link', { name: 'Frigivelsescertifikat' });
    expect(link.getAttribute('href')).toBe('/documents/injection-release/21.pdf');
  });
});
