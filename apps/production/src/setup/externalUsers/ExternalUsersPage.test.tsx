import { refusal } from '@tracershop/ui';
import { UserGroup } from '@tracershop/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { customer, listedUser } from '../testing/catalogRows';
import { renderWithApi } from '../testing/renderWithApi';
import { ExternalUsersView } from './ExternalUsersPage';

const customers = [customer(5, 'RH'), customer(6, 'Herlev')];
const users = [
  listedUser(1, 'ekstern1', UserGroup.ShopExternal),
  listedUser(2, 'ekstern2', UserGroup.ShopExternal, [5]),
  listedUser(3, 'shopbruger', UserGroup.ShopUser, [5]),
];

function fakeClient() {
  const resolved = () => vi.fn((input: unknown) => Promise.resolve(input));
  return {
    setup: {
      externalUsers: {
        create: { mutate: resolved() },
        changePassword: { mutate: resolved() },
        assignCustomer: { mutate: resolved() },
      },
    },
  };
}

const card = (name: string) => screen.getByRole('form', { name });

describe('ExternalUsersView (Eksterne kunder)', () => {
  it('[URS-ACC-009] shows one card per external user, not other accounts', () => {
    renderWithApi(<ExternalUsersView users={users} customers={customers} />, fakeClient());
    expect(card('ekstern1')).toBeTruthy();
    expect(card('ekstern2')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'shopbruger' })).toBeNull();
    expect(within(card('ekstern2')).getByLabelText<HTMLSelectElement>('Kunde').value).toBe('5');
  });

  it('[URS-ACC-009] assigns a customer to an unassigned user at once, and reassigns an assigned one', async () => {
    const client = fakeClient();
    renderWithApi(<ExternalUsersView users={users} customers={customers} />, client);
    await userEvent.selectOptions(within(card('ekstern1')).getByLabelText('Kunde'), 'Herlev');
    expect(client.setup.externalUsers.assignCustomer.mutate).toHaveBeenCalledWith({
      userId: 1,
      customerId: 6,
    });
    await userEvent.selectOptions(within(card('ekstern2')).getByLabelText('Kunde'), 'Herlev');
    expect(client.setup.externalUsers.assignCustomer.mutate).toHaveBeenLastCalledWith({
      userId: 2,
      customerId: 6,
    });
  });

  it('[URS-ACC-009] takes the customer away when "Ingen kunde" is chosen', async () => {
    const client = fakeClient();
    renderWithApi(<ExternalUsersView users={users} customers={customers} />, client);
    const select = within(card('ekstern2')).getByLabelText<HTMLSelectElement>('Kunde');
    await userEvent.selectOptions(select, '');
    expect(client.setup.externalUsers.assignCustomer.mutate).toHaveBeenLastCalledWith({
      userId: 2,
      customerId: null,
    });
  });

  it('filters the cards with "Filtrér på bruger"', async () => {
    renderWithApi(<ExternalUsersView users={users} customers={customers} />, fakeClient());
    await userEvent.type(screen.getByLabelText('Filtrér på bruger'), 'ekstern2');
    expect(screen.queryByRole('form', { name: 'ekstern1' })).toBeNull();
    expect(card('ekstern2')).toBeTruthy();
  });

  it('[URS-ACC-009][URS-ACC-003] changes a password (Enter submits) and says so; a short one is refused', async () => {
    const client = fakeClient();
    renderWithApi(<ExternalUsersView users={users} customers={customers} />, client);
    const password = within(card('ekstern1')).getByLabelText('Kodeord');
    await userEvent.type(password, 'kort{Enter}');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(
      within(card('ekstern1')).getAllByText('Kodeordet skal være mindst 8 tegn'),
    ).not.toHaveLength(0);
    expect(client.setup.externalUsers.changePassword.mutate).not.toHaveBeenCalled();
    await userEvent.type(password, 'meget-hemmeligt{Enter}');
    expect(client.setup.externalUsers.changePassword.mutate).toHaveBeenCalledWith({
      userId: 1,
      password: 'kortmeget-hemmeligt',
    });
    expect(await within(card('ekstern1')).findByText('Kodeordet er ændret.')).toBeTruthy();
  });

  it('[URS-ACC-009] creates an external user with user name, customer and password', async () => {
    const client = fakeClient();
    renderWithApi(<ExternalUsersView users={users} customers={customers} />, client);
    const form = card('Ny ekstern bruger');
    await userEvent.type(within(form).getByLabelText('Brugernavn'), 'ny-bruger');
    await userEvent.selectOptions(within(form).getByLabelText('Kunde'), 'RH');
    await userEvent.type(within(form).getByLabelText('Kodeord'), 'hemmeligt1');
    await userEvent.click(within(form).getByRole('button', { name: 'Opret bruger' }));
    expect(client.setup.externalUsers.create.mutate).toHaveBeenCalledWith({
      username: 'ny-bruger',
      password: 'hemmeligt1',
      customerId: 5,
    });
    expect(await screen.findByText('Brugeren ny-bruger er oprettet.')).toBeTruthy();
  });

  it("[URS-DAT-006] shows the api's refusal of a reassignment", async () => {
    const client = fakeClient();
    client.setup.externalUsers.assignCustomer.mutate = vi.fn(() =>
      Promise.reject(refusal('NOT_FOUND', { entity: 'Customer' })),
    );
    renderWithApi(<ExternalUsersView users={users} customers={customers} />, client);
    await userEvent.selectOptions(within(card('ekstern1')).getByLabelText('Kunde'), 'RH');
    expect(await within(card('ekstern1')).findByText('Kunden findes ikke.')).toBeTruthy();
  });
});
