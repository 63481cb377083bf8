import { OrderStatus, UserGroup } from '@tracershop/core';
import { ApiTestProvider, refusal } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { catalogFixture, isotopeOrder } from '../special/specialFixtures';
import { renderWithI18n } from '../testing/renderWithI18n';
import { isotopeCard, isotopeDayFixture, isotopeVial } from './isotopeFixtures';
import { IsotopeView } from './IsotopeView';

function renderView(
  cards = () => {
    const orders = [
      isotopeOrder({ id: 1, status: OrderStatus.Accepted, orderedActivity: 500 }),
      isotopeOrder({ id: 2, isotopeDeliveryId: 41, orderedActivity: 120 }),
    ];
    return [isotopeCard(orders), isotopeCard(orders, [], 41)];
  },
) {
  const release = vi.fn(() => Promise.resolve({}));
  const deleteVial = vi.fn((input: { id: number }): Promise<{ id: number }> =>
    Promise.resolve({ id: input.id }),
  );
  const vialList = vi.fn(() =>
    Promise.resolve({ isotopeVials: [isotopeVial({ id: 7 })], total: 1, nextOffset: null }),
  );
  const isotopeDay = vi.fn(() => Promise.resolve(isotopeDayFixture(cards())));
  const client = {
    auth: {
      whoami: {
        query: () =>
          Promise.resolve({
            user: {
              id: 3,
              username: 'prod-user',
              displayName: '',
              userGroup: UserGroup.Admin,
              customerIds: [],
            },
            timeZone: 'Europe/Copenhagen',
          }),
      },
    },
    setup: {
      catalog: { query: () => Promise.resolve(catalogFixture()) },
      releaseRights: { list: { query: () => Promise.resolve([]) } },
    },
    orders: { isotopeDay: { query: isotopeDay } },
    vials: { isotope: { list: { query: vialList }, delete: { mutate: deleteVial } } },
    release: { isotope: { mutate: release } },
  };
  renderWithI18n(
    <ApiTestProvider procedures={client}>
      <IsotopeView date="2026-12-02" isotopeId={2} />
    </ApiTestProvider>,
  );
  return { release, vialList, isotopeDay, deleteVial };
}

describe('IsotopeView', () => {
  it('[URS-PRD-011] shows the runs and a card per delivery', async () => {
    const api = renderView();
    expect(
      await screen.findByRole('heading', { name: 'Produktion - Ga-68 - 02/12/2026' }),
    ).toBeTruthy();
    expect(screen.getByText('Kørsel: 07:00 - 620 MBq')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'RH - PET1 kl. 09:00' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Herlev kl. 10:00' })).toBeTruthy();
    expect(api.isotopeDay).toHaveBeenCalledWith({ date: '2026-12-02', isotopeId: 2 });
    expect(api.vialList).toHaveBeenCalledWith({ isotopeId: 2, date: '2026-12-02', limit: 1000 });
  });

  it('[URS-REL-013] releases an accepted delivery with a vial from the modal', async () => {
    const api = renderView();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Åbn isotopordren til RH - PET1 kl. 09:00' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Isotopordre til: RH - PET1 - 02/12/2026' });
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Vælg hætteglas GA-261202-7' }),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Frigiv' }));
    await userEvent.type(within(dialog).getByLabelText('Kodeord'), 'hemmelig');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Frigiv' }));
    expect(api.release).toHaveBeenCalledWith({
      orderIds: [1],
      isotopeVialIds: [7],
      password: 'hemmelig',
    });
  });

  it('[URS-PRD-011] shows the vials delivered with the orders, even when calibrated the day before', async () => {
    renderView(() => [
      isotopeCard(
        [isotopeOrder({ id: 1, status: OrderStatus.Released, orderedActivity: 500 })],
        [
          isotopeVial({
            id: 5,
            batchNumber: 'GA-261201-5',
            calibratedAt: '2026-12-01T22:30:00.000Z',
            deliveredWithId: 1,
          }),
        ],
      ),
    ]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Åbn isotopordren til RH - PET1 kl. 09:00' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Isotopordre til: RH - PET1 - 02/12/2026' });
    const delivered = within(dialog).getByRole('checkbox', {
      name: 'Vælg hætteglas GA-261201-5',
    }) as HTMLInputElement;
    expect(delivered.checked).toBe(true);
    expect(screen.getByText(/Udleveret: [1-9]/)).toBeTruthy();
  });

  it('[URS-VIA-009] deletes an undelivered vial through vials.isotope.delete after asking, and says why when refused', async () => {
    const api = renderView();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Åbn isotopordren til RH - PET1 kl. 09:00' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Isotopordre til: RH - PET1 - 02/12/2026' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slet GA-261202-7' }));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Slet hætteglas GA-261202-7?' })).getByRole(
        'button',
        { name: 'Slet' },
      ),
    );
    await waitFor(() => expect(api.deleteVial).toHaveBeenCalledWith({ id: 7 }));
    // The vials are read again after the delete.
    await waitFor(() => expect(api.vialList).toHaveBeenCalledTimes(2));

    api.deleteVial.mockRejectedValueOnce(refusal('VIAL_ASSIGNED'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slet GA-261202-7' }));
    await userEvent.keyboard('{Enter}');
    expect(
      await within(dialog).findByText(
        'Hætteglasset GA-261202-7 blev ikke slettet: Hætteglasset er tildelt en ordre og kan ikke ændres.',
      ),
    ).toBeTruthy();
    expect(api.deleteVial).toHaveBeenCalledTimes(2);
  });
});
