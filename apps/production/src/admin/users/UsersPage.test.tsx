import { refusal } from '@tracershop/ui';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../renderWithApi';
import UsersPage from './UsersPage';

function user(id: number, username: string, userGroup: number, active = true) {
  return {
    id,
    username,
    displayName: `Demo ${username}`,
    userGroup,
    active,
    source: 0,
    lastLoginAt: null,
    customerIds: [],
  };
}

function renderPage(editUser = vi.fn((input: { id: number }) => Promise.resolve(input))) {
  renderWithApi(<UsersPage />, {
    setup: {
      users: {
        list: {
          query: () =>
            Promise.resolve({
              users: [user(1, 'site-admin', 1), user(3, 'prod-user', 3)],
              assignments: [],
            }),
        },
      },
    },
    admin: { editUser: { mutate: editUser } },
  });
  return editUser;
}

const saveOf = (username: string) =>
  screen.getByRole('button', { name: `Gem ${username}` }) as HTMLButtonElement;

describe('UsersPage', () => {
  it('[URS-ACC-008] changes a role and sends only what changed', async () => {
    const editUser = renderPage();
    const role = await screen.findByRole('combobox', { name: 'Rolle for prod-user' });
    expect(saveOf('prod-user').disabled).toBe(true);
    await userEvent.selectOptions(role, 'Produktionsadministrator');
    expect(saveOf('prod-user').disabled).toBe(false);
    await userEvent.click(saveOf('prod-user'));
    expect(editUser).toHaveBeenCalledWith({ id: 3, userGroup: 2 });
    expect(await screen.findByText('prod-user er gemt.')).toBeTruthy();
  });

  it('[URS-ACC-008] deactivates a user', async () => {
    const editUser = renderPage();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'prod-user er aktiv' }));
    await userEvent.click(saveOf('prod-user'));
    expect(editUser).toHaveBeenCalledWith({ id: 3, active: false });
  });

  it('[URS-ACC-008] does not offer changing one’s own role', async () => {
    renderPage();
    const own = await screen.findByRole('combobox', { name: 'Rolle for site-admin' });
    await waitFor(() => expect((own as HTMLSelectElement).disabled).toBe(true));
    expect(
      (screen.getByRole('checkbox', { name: 'site-admin er aktiv' }) as HTMLInputElement).disabled,
    ).toBe(true);
  });

  it("[URS-DAT-006] shows the api's refusal by the row and keeps the choice", async () => {
    renderPage(vi.fn(() => Promise.reject(refusal('OWN_ACCOUNT'))));
    const role = await screen.findByRole('combobox', { name: 'Rolle for prod-user' });
    await userEvent.selectOptions(role, 'Shopbruger');
    await userEvent.click(saveOf('prod-user'));
    expect(
      await screen.findByText(/Du kan ikke ændre din egen rolle eller deaktivere dig selv/),
    ).toBeTruthy();
    expect((role as HTMLSelectElement).value).toBe('5');
  });
});
