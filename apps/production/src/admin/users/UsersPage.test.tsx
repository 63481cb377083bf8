import { refusal } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../renderWithApi';
import UsersPage from './UsersPage';

function user(id: number, username: string, userGroup: number, source = 'local') {
  return {
    id,
    username,
    displayName: `Demo ${username}`,
    userGroup,
    active: true,
    source,
    lastLoginAt: null,
    mustChangePassword: false,
    customerIds: [],
  };
}

const CATALOG = {
  customers: [
    { id: 5, shortName: 'RH' },
    { id: 6, shortName: 'Herlev' },
  ],
};

function renderPage(
  editUser = vi.fn((input: { id: number }) => Promise.resolve(input)),
  admin: Record<string, unknown> = {},
) {
  renderWithApi(<UsersPage />, {
    setup: {
      users: {
        list: {
          query: () =>
            Promise.resolve({
              users: [
                user(1, 'site-admin', 1),
                user(3, 'prod-user', 3),
                user(4, 'ldap-user', 5, 'ldap'),
              ],
              assignments: [],
            }),
        },
      },
      catalog: { query: () => Promise.resolve(CATALOG) },
    },
    admin: { editUser: { mutate: editUser }, ...admin },
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
      await screen.findByText(/Du kan ikke ændre din egen rolle, deaktivere dig selv/),
    ).toBeTruthy();
    expect((role as HTMLSelectElement).value).toBe('5');
  });

  it('[URS-ACC-017] creates a shop user with customers and a first password', async () => {
    const createUser = vi.fn((input: { username: string }) =>
      Promise.resolve({ ...user(9, input.username, 5), mustChangePassword: true }),
    );
    renderPage(undefined, { createUser: { mutate: createUser } });
    const form = await screen.findByRole('form', { name: 'Ny bruger' });
    const inForm = within(form);
    await userEvent.type(inForm.getByLabelText('Brugernavn'), 'anna.berg');
    await userEvent.type(inForm.getByLabelText('Navn'), 'Anna Berg');
    await userEvent.selectOptions(inForm.getByLabelText('Rolle'), 'Shopbruger');
    await userEvent.type(inForm.getByLabelText('Første kodeord'), 'anna.berg');
    await userEvent.click(inForm.getByRole('button', { name: 'Opret bruger' }));
    // Nothing is sent before the draft is right: a customer, a password that is not the name.
    expect(await inForm.findByText('Vælg mindst én kunde for en shop-rolle.')).toBeTruthy();
    expect(inForm.getByText('Kodeordet må ikke være dit brugernavn')).toBeTruthy();
    expect(createUser).not.toHaveBeenCalled();
    await userEvent.click(inForm.getByRole('checkbox', { name: 'Herlev' }));
    await userEvent.clear(inForm.getByLabelText('Første kodeord'));
    await userEvent.type(inForm.getByLabelText('Første kodeord'), 'velkommen-2026{Enter}');
    await waitFor(() =>
      expect(createUser).toHaveBeenCalledWith({
        username: 'anna.berg',
        displayName: 'Anna Berg',
        userGroup: 5,
        password: 'velkommen-2026',
        customerIds: [6],
      }),
    );
    expect(
      await screen.findByText(/anna.berg er oprettet. Ved første login skal anna.berg vælge/),
    ).toBeTruthy();
  });

  it('[URS-ACC-017] offers no customers to a production role and shows a taken name by its field', async () => {
    const createUser = vi.fn(() => Promise.reject(refusal('ALREADY_EXISTS', { entity: 'User' })));
    renderPage(undefined, { createUser: { mutate: createUser } });
    const form = within(await screen.findByRole('form', { name: 'Ny bruger' }));
    await userEvent.selectOptions(form.getByLabelText('Rolle'), 'Produktionsbruger');
    expect(form.getByText('Rollen ser alle kunder.')).toBeTruthy();
    expect(form.queryByRole('checkbox', { name: 'RH' })).toBeNull();
    await userEvent.type(form.getByLabelText('Brugernavn'), 'prod-user');
    await userEvent.type(form.getByLabelText('Første kodeord'), 'velkommen-2026');
    await userEvent.click(form.getByRole('button', { name: 'Opret bruger' }));
    await waitFor(() =>
      expect(createUser).toHaveBeenCalledWith(expect.objectContaining({ customerIds: [] })),
    );
    const username = form.getByLabelText('Brugernavn');
    await waitFor(() => expect(username.getAttribute('aria-invalid')).toBe('true'));
    expect((username as HTMLInputElement).value).toBe('prod-user');
  });

  it('[URS-ACC-017] resets a local password, not a directory account’s nor one’s own', async () => {
    const resetPassword = vi.fn((input: { id: number }) =>
      Promise.resolve({ ...user(input.id, 'prod-user', 3), mustChangePassword: true }),
    );
    renderPage(undefined, { resetPassword: { mutate: resetPassword } });
    await screen.findByRole('combobox', { name: 'Rolle for prod-user' });
    expect(screen.queryByRole('button', { name: 'Nulstil kodeord for site-admin' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Nulstil kodeord for ldap-user' })).toBeNull();
    expect(screen.getByText('katalog (LDAP)')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Nulstil kodeord for prod-user' }));
    const field = screen.getByLabelText('Nyt kodeord til prod-user');
    expect(document.activeElement).toBe(field);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByLabelText('Nyt kodeord til prod-user')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Nulstil kodeord for prod-user' }));
    await userEvent.type(
      screen.getByLabelText('Nyt kodeord til prod-user'),
      'midlertidigt-1{Enter}',
    );
    await waitFor(() =>
      expect(resetPassword).toHaveBeenCalledWith({ id: 3, password: 'midlertidigt-1' }),
    );
    expect(await screen.findByText(/Kodeordet for prod-user er nulstillet/)).toBeTruthy();
  });
});
