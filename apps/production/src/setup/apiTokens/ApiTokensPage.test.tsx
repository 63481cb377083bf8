import { UserGroup } from '@tracershop/core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { customer } from '../testing/catalogRows';
import { renderWithApi } from '../testing/renderWithApi';
import { ApiTokensView } from './ApiTokensPage';
import type { ApiTokenRow } from './apiTokensApi';

const customers = [customer(5, 'RH'), customer(6, 'Herlev')];
const TIME_ZONE = 'Europe/Copenhagen';
/** 2026-12-06 10:00 in Copenhagen. */
const NOW = Date.parse('2026-12-06T09:00:00Z');

function token(id: number, name: string, changes: Partial<ApiTokenRow> = {}): ApiTokenRow {
  return {
    id,
    name,
    ownerId: 1,
    ownerName: 'Site Admin',
    userGroup: UserGroup.ProductionUser,
    access: 'read',
    customerIds: [],
    createdAt: '2026-12-01T08:00:00.000Z',
    expiresAt: '2027-03-31T22:00:00.000Z',
    revokedAt: null,
    revokedByName: null,
    lastUsedAt: null,
    lastUsedFrom: null,
    ...changes,
  };
}

const TOKEN = `tsk_${'A'.repeat(43)}`;

function fakeClient() {
  return {
    admin: {
      apiTokens: {
        list: { query: vi.fn(() => Promise.resolve([])) },
        create: {
          mutate: vi.fn((input: { name: string }) =>
            Promise.resolve({ token: TOKEN, listing: token(9, input.name) }),
          ),
        },
        revoke: { mutate: vi.fn(() => Promise.resolve({ ok: true })) },
      },
      auditTrail: { query: vi.fn() },
    },
  };
}

function renderView(tokens: ApiTokenRow[], creatorGroup: UserGroup = UserGroup.Admin) {
  const client = fakeClient();
  renderWithApi(
    <ApiTokensView
      tokens={tokens}
      customers={customers}
      creatorGroup={creatorGroup}
      timeZone={TIME_ZONE}
      now={NOW}
    />,
    client,
  );
  return client;
}

const form = () => screen.getByRole('form', { name: 'Ny API-nøgle' });

describe('ApiTokensView (API-nøgler)', () => {
  it('[URS-ACC-015] lists each token with its scope, last use and state, never the token', () => {
    renderView([
      token(1, 'natlig-csv', {
        userGroup: UserGroup.ShopUser,
        access: 'write',
        customerIds: [6],
        lastUsedAt: '2026-12-06T05:30:00.000Z',
        lastUsedFrom: '10.0.0.7',
      }),
      token(2, 'gammel', { revokedAt: '2026-12-02T10:00:00.000Z', revokedByName: 'Site Admin' }),
      token(3, 'udløbet', { expiresAt: '2026-12-01T23:00:00.000Z' }),
    ]);
    const table = screen.getByRole('table', { name: 'API-nøgler' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('natlig-csvSite AdminShopbrugerLæse og ændreHerlev'),
      expect.stringContaining('Tilbagekaldt af Site Admin'),
      expect.stringContaining('Udløbet'),
    ]);
    expect(rows[0]?.textContent).toContain('fra 10.0.0.7');
    expect(rows[0]?.textContent).toContain('Aktiv');
    // Only a live token can be revoked.
    expect(within(table).getAllByRole('button', { name: /Tilbagekald/ })).toHaveLength(1);
  });

  it('[URS-ACC-015] revokes a token behind a confirmation', async () => {
    const client = renderView([token(1, 'natlig-csv')]);
    await userEvent.click(screen.getByRole('button', { name: 'Tilbagekald natlig-csv' }));
    const dialog = screen.getByRole('dialog', { name: /Tilbagekald API-nøglen »natlig-csv«/ });
    expect(client.admin.apiTokens.revoke.mutate).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tilbagekald' }));
    await waitFor(() =>
      expect(client.admin.apiTokens.revoke.mutate).toHaveBeenCalledWith({ id: 1 }),
    );
  });

  it('[URS-ACC-015] offers a production admin the production roles only', () => {
    renderView([], UserGroup.ProductionAdmin);
    const roles = within(form()).getByLabelText<HTMLSelectElement>('Rolle');
    expect([...roles.options].map((option) => option.textContent)).toEqual([
      'Produktionsadministrator',
      'Produktionsbruger',
    ]);
    expect(within(form()).getByText('Rollen ser alle kunder.')).toBeTruthy();
  });

  it('[URS-ACC-015] asks a shop role for customers, checks the draft, and shows the token once', async () => {
    const client = renderView([]);
    await userEvent.selectOptions(within(form()).getByLabelText('Rolle'), 'Shopbruger');
    await userEvent.click(within(form()).getByRole('button', { name: 'Opret nøgle' }));
    expect(within(form()).getByText('Navn er ikke tastet ind')).toBeTruthy();
    expect(within(form()).getByText('Vælg mindst én kunde til en shop-rolle')).toBeTruthy();
    expect(client.admin.apiTokens.create.mutate).not.toHaveBeenCalled();

    await userEvent.type(within(form()).getByLabelText('Navn'), 'natlig-csv');
    await userEvent.click(within(form()).getByLabelText('Herlev'));
    await userEvent.click(within(form()).getByLabelText('Læse og ændre'));
    const lastDay = within(form()).getByLabelText<HTMLInputElement>('Sidste dag');
    expect(lastDay.value).toBe('2027-03-06');
    await userEvent.click(within(form()).getByRole('button', { name: 'Opret nøgle' }));
    await waitFor(() =>
      expect(client.admin.apiTokens.create.mutate).toHaveBeenCalledWith({
        name: 'natlig-csv',
        userGroup: UserGroup.ShopUser,
        access: 'write',
        customerIds: [6],
        expiresOn: '2027-03-06',
      }),
    );
    expect(await screen.findByText(/vises kun denne ene gang/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('API-nøglen').value).toBe(TOKEN);
    await userEvent.click(screen.getByRole('button', { name: 'Færdig' }));
    expect(screen.queryByLabelText('API-nøglen')).toBeNull();
  });
});
