/**
 * "Bruger" granting a colleague access, with and without the hospital's directory: the section
 * says whether only existing accounts can be added, each refusal stands beside the user name
 * (which is kept), and a grant says who was added.
 */
import type { ErrorReason } from '@tracershop/api';
import { UserGroup } from '@tracershop/core';
import { ApiTestProvider, describedText, refusal } from '@tracershop/ui';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { catalogCustomer, shopCatalog } from '../testing/catalog';
import { renderWithI18n } from '../testing/renderWithI18n';
import { UsersSection } from './UsersSection';

const catalog = shopCatalog({
  customers: [catalogCustomer(1, 'RH KF'), catalogCustomer(2, 'Herlev NM')],
});

const SHOP_ADMIN_ID = 4;

function user(id: number, username: string, displayName: string) {
  return {
    id,
    username,
    displayName,
    userGroup: UserGroup.ShopUser,
    active: true,
    source: 'ldap',
    lastLoginAt: null,
    customerIds: [1],
  };
}

function fakeClient(directoryLookup: boolean, create: (input: unknown) => unknown) {
  return {
    setup: {
      users: {
        list: {
          query: vi.fn(() => ({
            users: [user(SHOP_ADMIN_ID, 'shop-admin', 'Demo Shop Admin')],
            assignments: [{ id: 1, userId: SHOP_ADMIN_ID, customerId: 1 }],
          })),
        },
      },
      userAssignments: {
        grantMode: { query: vi.fn(() => ({ directoryLookup })) },
        create: { mutate: vi.fn(create) },
        delete: { mutate: vi.fn(() => ({ id: 1 })) },
      },
    },
  };
}

function renderSection(client: ReturnType<typeof fakeClient>) {
  renderWithI18n(
    <ApiTestProvider procedures={client}>
      <UsersSection catalog={catalog} currentUserId={SHOP_ADMIN_ID} />
    </ApiTestProvider>,
  );
  return client;
}

async function typeAndGrant(username: string): Promise<HTMLInputElement> {
  const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Brugernavn:' });
  await userEvent.type(field, username);
  await userEvent.click(screen.getByRole('button', { name: 'Giv adgang' }));
  return field;
}

const EXISTING_ONLY =
  'Kun brugere, der allerede har logget ind i Tracershop, kan tilføjes. Bed din kollega om at logge ind én gang først.';

describe('UsersSection with and without the directory', () => {
  it('[URS-ACC-009] says that only users who have logged in can be added without a directory', async () => {
    renderSection(fakeClient(false, () => ({})));
    expect(await screen.findByText(EXISTING_ONLY)).toBeTruthy();
    expect(screen.queryByText(/hospitalets brugerkatalog/)).toBeNull();
  });

  it('[URS-ACC-009] says that a colleague is looked up in the directory when it is on', async () => {
    renderSection(fakeClient(true, () => ({})));
    expect(
      await screen.findByText(
        'Skriv din kollegas brugernavn fra hospitalets brugerkatalog. Har kollegaen ikke logget ind endnu, oprettes kontoen, når du giver adgang.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(EXISTING_ONLY)).toBeNull();
  });

  it('[URS-ACC-009] grants a directory colleague who has never logged in and says who was added', async () => {
    const client = renderSection(
      fakeClient(true, () => ({ id: 9, userId: 12, customerId: 1, accountCreated: true })),
    );
    const field = await typeAndGrant('  dora ');
    expect(
      await screen.findByText(
        'dora har nu adgang til RH KF. Kontoen er oprettet fra hospitalets brugerkatalog.',
      ),
    ).toBeTruthy();
    expect(client.setup.userAssignments.create.mutate).toHaveBeenCalledExactlyOnceWith({
      username: 'dora',
      customerId: 1,
    });
    expect(field.value).toBe('');
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('[URS-ACC-009] says who was added when the account already existed', async () => {
    renderSection(
      fakeClient(false, () => ({ id: 9, userId: 12, customerId: 1, accountCreated: false })),
    );
    await typeAndGrant('kollega');
    expect(await screen.findByText('kollega har nu adgang til RH KF.')).toBeTruthy();
  });

  const refusals: [ErrorReason, string][] = [
    [
      'DIRECTORY_USER_UNKNOWN',
      'Hospitalets brugerkatalog kender ikke brugernavnet. Kontrollér stavningen.',
    ],
    [
      'DIRECTORY_NO_SHOP_ROLE',
      'Hospitalets brugerkatalog giver ikke brugeren en shop-rolle i Tracershop, så du kan ikke give adgang. Bed IT om at sætte brugeren i en af Tracershops shop-grupper.',
    ],
    ['ALREADY_HAS_ACCESS', 'Brugeren har allerede adgang til kunden.'],
    [
      'DIRECTORY_UNAVAILABLE',
      'Hospitalets brugerkatalog svarer ikke, så brugernavnet kan ikke slås op. Intet er gemt; prøv igen om lidt.',
    ],
    [
      'WRONG_USER_GROUP',
      'Brugeren har ikke korrekte rettigheder til at blive tilknyttet en kunde.',
    ],
  ];

  it.each(refusals)(
    '[URS-ACC-009] shows %s beside the user name and keeps the name',
    async (reason, words) => {
      renderSection(
        fakeClient(true, () => {
          throw refusal(reason);
        }),
      );
      const field = await typeAndGrant('dora');
      await waitFor(() => expect(describedText(field)).toBe(words));
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(field.value).toBe('dora');
      expect(screen.queryByText(/har nu adgang/)).toBeNull();
    },
  );

  it('[URS-ACC-009] refuses an unknown name without a directory beside the field, the hint still shown', async () => {
    renderSection(
      fakeClient(false, () => {
        throw refusal('NOT_FOUND', { entity: 'User' });
      }),
    );
    const field = await typeAndGrant('frida');
    await waitFor(() => expect(describedText(field)).toBe('Brugeren findes ikke.'));
    expect(field.value).toBe('frida');
    expect(screen.getByText(EXISTING_ONLY)).toBeTruthy();
  });
});
