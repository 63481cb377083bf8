import { UserGroup } from '@tracershop/core';
import { ApiTestProvider, refusal } from '@tracershop/ui';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { catalogCustomer, catalogEndpoint, shopCatalog } from '../testing/catalog';
import { renderWithI18n } from '../testing/renderWithI18n';
import SetupPage from './SetupPage';

const catalog = shopCatalog({
  customers: [catalogCustomer(1, 'RH KF')],
  endpoints: [catalogEndpoint(10, 1, 'PET1')],
  locations: [{ id: 1, locationCode: 'KF-PET1', commonName: 'PET/CT 1', endpointId: 10 }],
});

function fakeClient(userGroup: UserGroup, readCatalog: () => unknown = () => catalog) {
  return {
    auth: {
      whoami: {
        query: () => ({
          user: { id: 4, username: 'shop-admin', displayName: 'Demo Shop Admin', userGroup },
          timeZone: 'Europe/Copenhagen',
        }),
      },
    },
    setup: {
      catalog: { query: vi.fn(readCatalog) },
      users: { list: { query: () => ({ users: [], assignments: [] }) } },
      userAssignments: { grantMode: { query: () => ({ directoryLookup: false }) } },
    },
  };
}

/** The page at /setup, beside the order page it sends others to. */
function renderPage(client: ReturnType<typeof fakeClient>) {
  renderWithI18n(
    <ApiTestProvider procedures={client}>
      <MemoryRouter initialEntries={['/setup']}>
        <Routes>
          <Route path="/" element={<p>Ordresiden</p>} />
          <Route path="/setup" element={<SetupPage />} />
        </Routes>
      </MemoryRouter>
    </ApiTestProvider>,
  );
}

function sectionButton(name: string): HTMLElement {
  return screen.getByRole('button', { name });
}

describe('SetupPage (Opsætning)', () => {
  it('[URS-ORD-017] opens on "Lokationer" and switches between the three sections', async () => {
    renderPage(fakeClient(UserGroup.ShopAdmin));
    expect(await screen.findByRole('heading', { level: 1, name: 'Opsætning' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Opsætning' })).toBeTruthy();
    expect(sectionButton('Lokationer').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('heading', { level: 2, name: 'Lokationer' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'KF-PET1' })).toBeTruthy();

    await userEvent.click(sectionButton('Procedurer'));
    expect(screen.getByRole('heading', { level: 2, name: 'Procedurer' })).toBeTruthy();
    expect(sectionButton('Procedurer').getAttribute('aria-pressed')).toBe('true');
    expect(sectionButton('Lokationer').getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('heading', { level: 2, name: 'Lokationer' })).toBeNull();

    await userEvent.click(sectionButton('Brugere'));
    expect(screen.getByRole('heading', { level: 2, name: 'Brugere' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Brugernavn:' })).toBeTruthy();
  });

  it('[URS-ACC-014] is the site admin’s too', async () => {
    renderPage(fakeClient(UserGroup.Admin));
    expect(await screen.findByRole('heading', { level: 1, name: 'Opsætning' })).toBeTruthy();
  });

  it.each([
    ['shop user', UserGroup.ShopUser],
    ['external user', UserGroup.ShopExternal],
  ])('[URS-ACC-014] sends a %s to the order page', async (_who, userGroup) => {
    renderPage(fakeClient(userGroup));
    expect(await screen.findByText('Ordresiden')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Opsætning' })).toBeNull();
  });

  it('says so when the catalogue cannot be read', async () => {
    renderPage(
      fakeClient(UserGroup.ShopAdmin, () => {
        throw refusal('NOT_ASSIGNED');
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Fejl: Du er ikke tilknyttet denne kunde.',
    );
    expect(screen.queryByRole('button', { name: 'Lokationer' })).toBeNull();
  });
});
