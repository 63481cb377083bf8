import { formatActivity, OrderStatus, WeeklyRepeat } from '@tracershop/core';
import { describedText } from '@tracershop/ui';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ShopIsotopeCard } from '../shopApi';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { IsotopeCardProps } from './IsotopeCard';
import { IsotopeCard } from './IsotopeCard';

const DATE = '2026-11-24';

/** `300 MBq` as a text query reads it (its spaces made plain). */
function mbq(activity: number): string {
  return formatActivity(activity).replace(/\s/g, ' ');
}

type IsotopeOrder = ShopIsotopeCard['orders'][number];

function isotopeOrder(fields: Partial<IsotopeOrder> & { id: number }): IsotopeOrder {
  return {
    isotopeDeliveryId: 7,
    deliveryDate: DATE,
    orderedActivity: 300,
    status: OrderStatus.Ordered,
    comment: '',
    orderedById: 5,
    orderedByName: 'Shop Bruger',
    freedAt: null,
    freedById: null,
    freedByName: null,
    ...fields,
  };
}

/** Ga-68 delivered to the destination at 08:00 on the day, with these orders and vials. */
function card(fields: Partial<ShopIsotopeCard> = {}): ShopIsotopeCard {
  const orders = fields.orders ?? [];
  return {
    delivery: {
      id: 7,
      endpointId: 10,
      deliveryTime: '08:00:00',
      weeklyRepeat: WeeklyRepeat.EveryWeek,
    },
    isotope: { id: 2, name: 'Ga-68' },
    delivers: true,
    // The lowest status of its orders.
    status: orders.length === 0 ? null : orders.map((order) => order.status).sort()[0]!,
    orderedActivity: orders.reduce((sum, order) => sum + order.orderedActivity, 0),
    orders,
    vials: [],
    ...fields,
  };
}

function renderCard(shown: ShopIsotopeCard, props: Partial<IsotopeCardProps> = {}) {
  const handlers = {
    onCreate: vi.fn(() => Promise.resolve()),
    onSave: vi.fn(() => Promise.resolve()),
    onDelete: vi.fn(() => Promise.resolve()),
  };
  renderWithI18n(
    <IsotopeCard
      card={shown}
      date={DATE}
      mayOrder
      timeZone="Europe/Copenhagen"
      {...handlers}
      {...props}
    />,
  );
  return { ...handlers, card: screen.getByRole('region', { name: 'Isotop Ga-68 kl. 08:00' }) };
}

describe('IsotopeCard', () => {
  it('[URS-ORD-002] says nothing is ordered yet and orders whole MBq from the blank row', async () => {
    const { card: shown, onCreate } = renderCard(card());
    expect(
      within(shown).getByText('Ga-68 · Der er ikke bestilt isotop til denne levering'),
    ).toBeTruthy();
    const row = within(shown).getByRole('group', { name: 'Ny ordre' });
    await userEvent.type(within(row).getByRole('textbox', { name: 'Aktivitet' }), '150');
    await userEvent.type(within(row).getByRole('textbox', { name: 'Kommentar' }), 'Til PET2');
    await userEvent.click(within(row).getByRole('button', { name: 'Bestil' }));
    expect(onCreate).toHaveBeenCalledExactlyOnceWith(7, {
      orderedActivity: 150,
      comment: 'Til PET2',
    });
  });

  it('[URS-ORD-002][URS-DAT-007] refuses a decimal activity in words and sends nothing', async () => {
    const { card: shown, onCreate } = renderCard(card());
    const field = within(shown).getByRole('textbox', { name: 'Aktivitet' });
    await userEvent.type(field, '150,5');
    await userEvent.click(within(shown).getByRole('button', { name: 'Bestil' }));
    expect(describedText(field)).toBe('Aktivitet er ikke et helt tal');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('[URS-ORD-002] shows what is ordered; deletes an unchanged order and updates a changed one', async () => {
    const {
      card: shown,
      onDelete,
      onSave,
    } = renderCard(card({ orders: [isotopeOrder({ id: 21, orderedActivity: 300 })] }));
    expect(within(shown).getByText(`Ga-68 · Der er bestilt: ${mbq(300)}`)).toBeTruthy();
    const row = within(shown).getByRole('group', { name: 'ID: 21' });
    expect(within(row).getByRole('img', { name: 'Bestilt' })).toBeTruthy();
    await userEvent.click(within(row).getByRole('button', { name: 'Slet' }));
    expect(onDelete).toHaveBeenCalledExactlyOnceWith(21);

    const field = within(row).getByRole('textbox', { name: 'Aktivitet' });
    await userEvent.clear(field);
    await userEvent.type(field, '400');
    await userEvent.click(within(row).getByRole('button', { name: 'Opdater' }));
    expect(onSave).toHaveBeenCalledExactlyOnceWith({ id: 21, orderedActivity: 400, comment: null });
    // The blank row stays for another order.
    expect(within(shown).getByRole('group', { name: 'Ny ordre' })).toBeTruthy();
  });

  it('[URS-DLN-002] locks the orders and offers no blank row after the deadline', () => {
    const { card: shown } = renderCard(card({ orders: [isotopeOrder({ id: 21 })] }), {
      mayOrder: false,
    });
    expect(within(shown).queryByRole('button')).toBeNull();
    expect(within(shown).queryByRole('group', { name: 'Ny ordre' })).toBeNull();
    expect(within(shown).getByRole('textbox', { name: 'Aktivitet' }).hasAttribute('readonly')).toBe(
      true,
    );
  });

  it('offers no blank row on a day the delivery does not deliver', () => {
    const { card: shown } = renderCard(
      card({ delivers: false, orders: [isotopeOrder({ id: 21 })] }),
    );
    expect(within(shown).queryByRole('group', { name: 'Ny ordre' })).toBeNull();
    expect(within(shown).queryByRole('button')).toBeNull();
  });

  it('[URS-ORD-005] locks an accepted order before the deadline', () => {
    const { card: shown } = renderCard(
      card({ orders: [isotopeOrder({ id: 21, status: OrderStatus.Accepted })] }),
    );
    const row = within(shown).getByRole('group', { name: 'ID: 21' });
    expect(within(row).getByRole('img', { name: 'Accepteret' })).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('[URS-DOC-002][URS-PRD-011] shows the delivered vials, their sum and the release document once released', () => {
    const { card: shown } = renderCard(
      card({
        orders: [
          isotopeOrder({
            id: 21,
            status: OrderStatus.Released,
            freedAt: '2026-11-24T06:50:00.000Z',
            freedById: 3,
            freedByName: 'Prod Bruger',
          }),
        ],
        vials: [
          { id: 1, batchNumber: 'GA-1', activity: 200, calibratedAt: '2026-11-24T07:00:00.000Z' },
          { id: 2, batchNumber: 'GA-2', activity: 150, calibratedAt: '2026-11-24T07:00:00.000Z' },
        ],
      }),
    );
    expect(
      within(shown).getByText(
        `Ga-68 · Der er bestilt: ${mbq(300)} · Der er leveret ${mbq(350)}, kalibreret til 24/11/2026 08:00`,
      ),
    ).toBeTruthy();
    expect(
      within(shown).getByText(`Aktivitet: ${mbq(200)}, kalibreret til 24/11/2026 08:00`),
    ).toBeTruthy();
    expect(
      within(shown).getByText(`Aktivitet: ${mbq(150)}, kalibreret til 24/11/2026 08:00`),
    ).toBeTruthy();
    expect(
      within(shown).getByRole('link', { name: 'Frigivelsescertifikat' }).getAttribute('href'),
    ).toBe('/documents/isotope-release/7/2026-11-24.pdf');
    const row = within(shown).getByRole('group', { name: 'ID: 21' });
    expect(within(row).getByRole('img', { name: 'Frigivet' })).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
  });
});
