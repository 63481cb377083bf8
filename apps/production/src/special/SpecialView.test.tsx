import { OrderStatus, UserGroup } from '@tracershop/core';
import { ApiTestProvider } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { InjectionOrder } from './specialApi';
import { catalogFixture, injectionOrder } from './specialFixtures';
import { SpecialView } from './SpecialView';

function renderView(
  injectionOrders: InjectionOrder[],
  userGroup: UserGroup = UserGroup.ProductionUser,
) {
  const mutations = {
    accept: vi.fn(() => Promise.resolve([])),
    releaseMany: vi.fn(() => Promise.resolve({})),
    productionEdit: vi.fn((input: { id: number }) => Promise.resolve({ ...input })),
  };
  const productionWindow = vi.fn(() =>
    Promise.resolve({
      fromDate: '2026-09-29',
      toDate: '2027-02-04',
      activityOrders: [],
      injectionOrders,
      isotopeOrders: [],
    }),
  );
  const client = {
    auth: {
      whoami: {
        query: () =>
          Promise.resolve({
            user: { id: 3, username: 'prod-user', displayName: '', userGroup, customerIds: [] },
            timeZone: 'Europe/Copenhagen',
          }),
      },
    },
    setup: {
      catalog: { query: () => Promise.resolve(catalogFixture()) },
      releaseRights: {
        list: {
          query: () =>
            Promise.resolve([{ id: 1, userId: 3, tracerId: 4, isotopeId: null, expiryDate: null }]),
        },
      },
    },
    orders: {
      productionWindow: { query: productionWindow },
      injection: {
        accept: { mutate: mutations.accept },
        productionEdit: { mutate: mutations.productionEdit },
      },
    },
    release: { injectionMany: { mutate: mutations.releaseMany } },
  };
  renderWithI18n(
    <ApiTestProvider procedures={client}>
      <SpecialView date="2026-12-02" />
    </ApiTestProvider>,
  );
  return { ...mutations, productionWindow };
}

describe('SpecialView', () => {
  it("[URS-PRD-004] shows only the day's orders and accepts one", async () => {
    const api = renderView([
      injectionOrder({ id: 1 }),
      injectionOrder({ id: 2, deliveryDate: '2026-12-03' }),
    ]);
    expect(await screen.findByRole('heading', { name: 'Produktion - 02/12/2026' })).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Accepter ordre 1' }));
    expect(api.accept).toHaveBeenCalledWith({ orderIds: [1] });
    expect(screen.queryByRole('button', { name: 'Accepter ordre 2' })).toBeNull();
    expect(api.productionWindow).toHaveBeenCalledWith({ centralDate: '2026-12-02' });
  });

  it('says when there are no orders', async () => {
    renderView([]);
    expect(
      await screen.findByText('Der er ingen specialordrer at vise til 02/12/2026'),
    ).toBeTruthy();
  });

  it('[URS-REL-012] releases the ticked orders together', async () => {
    const api = renderView([
      injectionOrder({ id: 1, status: OrderStatus.Accepted }),
      injectionOrder({ id: 2, status: OrderStatus.Accepted }),
      injectionOrder({ id: 3, status: OrderStatus.Accepted, tracerId: 5 }),
    ]);
    expect(screen.queryByRole('button', { name: 'Frigiv flere ordrer' })).toBeNull();
    await userEvent.click(
      await screen.findByRole('checkbox', { name: 'Vælg ordre 1 til frigivelse' }),
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'Vælg ordre 2 til frigivelse' }));
    await userEvent.click(screen.getByRole('button', { name: 'Frigiv flere ordrer' }));
    const dialog = screen.getByRole('dialog', { name: 'Frigiv flere ordrer' });
    await userEvent.type(within(dialog).getByLabelText('Kodeord'), 'hemmelig');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Frigiv ordre' }));
    expect(api.releaseMany).toHaveBeenCalledWith({
      orderIds: [1, 2],
      lotNumber: 'PSMA-261202-1',
      maxInjectionVolume: 10,
      password: 'hemmelig',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      (screen.getByRole('checkbox', { name: 'Vælg ordre 1 til frigivelse' }) as HTMLInputElement)
        .checked,
    ).toBe(false);
  });

  it('[URS-REL-004] lets a user with a right for the tracer release from the modal, not others', async () => {
    renderView([
      injectionOrder({ id: 1, status: OrderStatus.Accepted }),
      injectionOrder({ id: 3, status: OrderStatus.Accepted, tracerId: 5 }),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Åbn ordre 1' }));
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Frigiv ordre' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Luk' }));
    await userEvent.click(screen.getByRole('button', { name: 'Åbn ordre 3' }));
    expect(
      (screen.getByRole('button', { name: 'Frigiv ordre' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('[URS-PRD-006] sends "Ændr ordre" of an accepted order to orders.injection.productionEdit', async () => {
    const api = renderView([injectionOrder({ id: 1, status: OrderStatus.Accepted })]);
    await userEvent.click(await screen.findByRole('button', { name: 'Åbn ordre 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ændr ordre' }));
    const form = screen.getByRole('form', { name: 'Ændr ordre 1' });
    const time = within(form).getByLabelText('Leveringstid');
    await userEvent.clear(time);
    await userEvent.type(time, '09:45');
    await userEvent.type(within(form).getByLabelText('Begrundelse for ændringen'), 'Flyttet scan');
    await userEvent.click(within(form).getByRole('button', { name: 'Gem ændringer' }));
    await waitFor(() =>
      expect(api.productionEdit).toHaveBeenCalledWith({
        id: 1,
        deliveryTime: '09:45:00',
        reason: 'Flyttet scan',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Ændr ordre 1' })).toBeNull());
  });
});
