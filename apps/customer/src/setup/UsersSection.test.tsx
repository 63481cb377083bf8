import { UserGroup } from '@tracershop/core';
import { ApiTestProvider, describedText, refusal } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { catalogCustomer, shopCatalog } from '../testing/catalog';
import { renderWithI18n } from '../testing/renderWithI18n';
import { UsersSection } from './UsersSection';

const SHOP_ADMIN_ID = 4;

/** The shop admin of RH KF and Herlev NM. */
const catalog = shopCatalog({
  customers: [catalogCustomer(1, 'RH KF'), catalogCustomer(2, 'Herlev NM')],
});

function user(id: number, username: string, displayName: string) {
  return {
    id,
    username,
    displayName,
    userGroup: UserGroup.ShopUser,
    active: true,
    source: 'local',
    lastLoginAt: null,
    customerIds: [1],
  };
}

/** The admin and two colleagues at RH KF, one colleague at Herlev NM. */
const USER_LIST = {
  users: [
    user(SHOP_ADMIN_ID, 'shop-admin', 'Demo Shop Admin'),
    user(5, 'anna', 'Anna Andersen'),
    user(6, 'bo', ''),
    user(7, 'carl', 'Carl Clausen'),
  ],
  assignments: [
    { id: 1, userId: SHOP_ADMIN_ID, customerId: 1 },
    { id: 2, userId: 5, customerId: 1 },
    { id: 3, userId: 6, customerId: 1 },
    { id: 4, userId: SHOP_ADMIN_ID, customerId: 2 },
    { id: 5, userId: 7, customerId: 2 },
  ],
};

interface Answers {
  list?: () => unknown;
  create?: (input: unknown) => unknown;
  remove?: (input: unknown) => unknown;
}

function fakeClient({
  list = () => USER_LIST,
  create = () => ({ id: 9, userId: 12, customerId: 1, accountCreated: false }),
  remove = (input) => input,
}: Answers = {}) {
  return {
    setup: {
      users: { list: { query: vi.fn(list) } },
      userAssignments: {
        grantMode: { query: vi.fn(() => ({ directoryLookup: false })) },
        create: { mutate: vi.fn(create) },
        delete: { mutate: vi.fn(remove) },
      },
    },
  };
}

function renderSection(client = fakeClient()) {
  renderWithI18n(
    <ApiTestProvider procedures={client}>
      <UsersSection catalog={catalog} currentUserId={SHOP_ADMIN_ID} />
    </ApiTestProvider>,
  );
  return client;
}

async function colleagues(): Promise<string[]> {
  const list = await screen.findByRole('list');
  return within(list)
    .queryAllByRole('listitem')
    .map((item) => item.textContent?.replace('✕', '').trim() ?? '');
}

describe('UsersSection (Brugere)', () => {
  it('[URS-ACC-009] lists the colleagues with access to the chosen customer, not the admin', async () => {
    renderSection();
    expect(screen.getByRole('heading', { level: 2, name: 'Brugere' })).toBeTruthy();
    await waitFor(async () => expect(await colleagues()).toEqual(['anna (Anna Andersen)', 'bo']));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kunde' }), 'Herlev NM');
    expect(await colleagues()).toEqual(['carl (Carl Clausen)']);
  });

  it('says when no other user has access to the customer', async () => {
    renderSection(
      fakeClient({
        list: () => ({ users: USER_LIST.users, assignments: [USER_LIST.assignments[0]] }),
      }),
    );
    expect(await screen.findByText('Ingen andre brugere har adgang til kunden.')).toBeTruthy();
    expect(await colleagues()).toEqual([]);
  });

  it('[URS-ACC-009] takes a colleague’s access away', async () => {
    const client = renderSection();
    await userEvent.click(await screen.findByRole('button', { name: 'Fjern adgang for bo' }));
    await waitFor(() =>
      expect(client.setup.userAssignments.delete.mutate).toHaveBeenCalledExactlyOnceWith({
        id: 3,
      }),
    );
  });

  it('[URS-DAT-006] shows the api’s refusal to take access away', async () => {
    renderSection(
      fakeClient({
        remove: () => {
          throw refusal('NOT_ASSIGNED');
        },
      }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Fjern adgang for anna' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Fejl: Du er ikke tilknyttet denne kunde.',
    );
  });

  it('[URS-ACC-009] grants a colleague access to the chosen customer by user name', async () => {
    const client = renderSection();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kunde' }), 'Herlev NM');
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Brugernavn:' });
    await userEvent.type(field, '  dora ');
    await userEvent.click(screen.getByRole('button', { name: 'Giv adgang' }));
    await waitFor(() =>
      expect(client.setup.userAssignments.create.mutate).toHaveBeenCalledExactlyOnceWith({
        username: 'dora',
        customerId: 2,
      }),
    );
    await waitFor(() => expect(field.value).toBe(''));
  });

  it('asks for a user name before granting, and sends nothing', async () => {
    const client = renderSection();
    const field = screen.getByRole('textbox', { name: 'Brugernavn:' });
    await userEvent.type(field, '   {Enter}');
    expect(describedText(field)).toBe('Du skal skrive et brugernavn');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(client.setup.userAssignments.create.mutate).not.toHaveBeenCalled();
  });

  it('[URS-ACC-009] shows the api’s refusal beside the user name and keeps the name', async () => {
    renderSection(
      fakeClient({
        create: () => {
          throw refusal('WRONG_USER_GROUP');
        },
      }),
    );
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Brugernavn:' });
    await userEvent.type(field, 'prod-user{Enter}');
    await waitFor(() =>
      expect(describedText(field)).toBe(
        'Brugeren har ikke korrekte rettigheder til at blive tilknyttet en kunde.',
      ),
    );
    expect(field.value).toBe('prod-user');
  });

  it('says so when the list of users cannot be read', async () => {
    renderSection(
      fakeClient({
        list: () => {
          throw refusal('NOT_ASSIGNED');
        },
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Fejl: Du er ikke tilknyttet denne kunde.',
    );
  });
});
