import { OrderStatus, WeeklyRepeat } from '@tracershop/core';
import { ApiTestProvider, refusal } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ShopIsotopeCard } from '../shopApi';
import { renderWithI18n } from '../testing/renderWithI18n';
import { IsotopeCards } from './IsotopeCards';

const DATE = '2026-11-24';

function card(
  deliveryId: number,
  deliveryTime: string,
  isotope: string,
  orders: ShopIsotopeCard['orders'] = [],
): ShopIsotopeCard {
  return {
    delivery: {
      id: deliveryId,
      endpointId: 10,
      deliveryTime,
      weeklyRepeat: WeeklyRepeat.EveryWeek,
    },
    isotope: { id: deliveryId, name: isotope },
    delivers: true,
    status: orders.length === 0 ? null : OrderStatus.Ordered,
    orderedActivity: orders.reduce((sum, order) => sum + order.orderedActivity, 0),
    orders,
    vials: [],
  };
}

const ORDERED: ShopIsotopeCard['orders'][number] = {
  id: 21,
  isotopeDeliveryId: 8,
  deliveryDate: DATE,
  orderedActivity: 300,
  status: OrderStatus.Ordered,
  comment: '',
  orderedById: 5,
  orderedByName: 'Shop Bruger',
  freedAt: null,
  freedById: null,
  freedByName: null,
};

const CARDS = [card(7, '08:00:00', 'Ga-68'), card(8, '13:30:00', 'Cu-64', [ORDERED])];

function fakeClient(answer: (input: unknown) => unknown = (input) => input) {
  return {
    orders: {
      isotope: {
        create: { mutate: vi.fn(answer) },
        edit: { mutate: vi.fn(answer) },
        delete: { mutate: vi.fn(answer) },
      },
    },
  };
}

function renderCards(cards: readonly ShopIsotopeCard[], client = fakeClient()) {
  renderWithI18n(
    <ApiTestProvider procedures={client}>
      <IsotopeCards cards={cards} date={DATE} mayOrder timeZone="Europe/Copenhagen" />
    </ApiTestProvider>,
  );
  return client;
}

describe('IsotopeCards (Isotoper)', () => {
  it('shows nothing when the destination has no isotope delivery that day', () => {
    renderCards([]);
    expect(screen.queryByRole('heading', { name: 'Isotoper' })).toBeNull();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('[URS-ORD-002] shows one card per isotope delivery under "Isotoper"', () => {
    renderCards(CARDS);
    const section = screen.getByRole('region', { name: 'Isotoper' });
    expect(
      within(section)
        .getAllByRole('region')
        .map((region) => region.getAttribute('aria-label')),
    ).toEqual(['Isotop Ga-68 kl. 08:00', 'Isotop Cu-64 kl. 13:30']);
  });

  it('[URS-ORD-002][URS-ORD-011] sends a new order for the card’s delivery and day, with a client key', async () => {
    const client = renderCards(CARDS);
    const ga = screen.getByRole('region', { name: 'Isotop Ga-68 kl. 08:00' });
    await userEvent.type(within(ga).getByRole('textbox', { name: 'Aktivitet' }), '150');
    await userEvent.click(within(ga).getByRole('button', { name: 'Bestil' }));
    await waitFor(() =>
      expect(client.orders.isotope.create.mutate).toHaveBeenCalledExactlyOnceWith({
        isotopeDeliveryId: 7,
        deliveryDate: DATE,
        orderedActivity: 150,
        comment: null,
        clientKey: expect.any(String),
      }),
    );
  });

  it('[URS-ORD-002] sends a changed order and the deletion of an unchanged one', async () => {
    const client = renderCards(CARDS);
    const row = within(screen.getByRole('region', { name: 'Isotop Cu-64 kl. 13:30' })).getByRole(
      'group',
      { name: 'ID: 21' },
    );
    await userEvent.click(within(row).getByRole('button', { name: 'Slet' }));
    await waitFor(() =>
      expect(client.orders.isotope.delete.mutate).toHaveBeenCalledExactlyOnceWith({ id: 21 }),
    );
    const field = within(row).getByRole('textbox', { name: 'Aktivitet' });
    await userEvent.clear(field);
    await userEvent.type(field, '250');
    await userEvent.type(within(row).getByRole('textbox', { name: 'Kommentar' }), 'Senere');
    await userEvent.click(within(row).getByRole('button', { name: 'Opdater' }));
    await waitFor(() =>
      expect(client.orders.isotope.edit.mutate).toHaveBeenCalledExactlyOnceWith({
        id: 21,
        orderedActivity: 250,
        comment: 'Senere',
      }),
    );
  });

  it('[URS-DAT-006] shows the api’s refusal in the row, in Danish', async () => {
    renderCards(
      CARDS,
      fakeClient(() => {
        throw refusal('DEADLINE_PASSED', { date: '24/11/2026' });
      }),
    );
    const ga = screen.getByRole('region', { name: 'Isotop Ga-68 kl. 08:00' });
    await userEvent.type(within(ga).getByRole('textbox', { name: 'Aktivitet' }), '150');
    await userEvent.click(within(ga).getByRole('button', { name: 'Bestil' }));
    expect((await within(ga).findByRole('alert')).textContent).toBe(
      'Fejl: Deadline for bestilling til 24/11/2026 er udløbet.',
    );
    // What was typed stays, to be corrected.
    expect(within(ga).getByRole<HTMLInputElement>('textbox', { name: 'Aktivitet' }).value).toBe(
      '150',
    );
  });
});
