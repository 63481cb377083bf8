import { UserGroup } from '@tracershop/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../testing/renderWithApi';
import ServerSettingsPage from './ServerSettingsPage';

const settings = {
  id: 1,
  dateRangeDays: 64,
  adminPhone: '35 45 00 00',
  adminEmail: 'admin@example.dk',
  activePrinterId: null,
  activeLabelPrinterId: null,
  risAddressId: null,
  unitName: 'Cyklotronenheden',
  unitAddress: null,
};

function fakeClient(userGroup: UserGroup) {
  return {
    auth: {
      whoami: {
        query: vi.fn(() =>
          Promise.resolve({
            user: { id: 7, username: 'u', displayName: '', userGroup, customerIds: [] },
            version: 'test',
            timeZone: 'Europe/Copenhagen',
          }),
        ),
      },
    },
    setup: {
      settings: {
        read: { query: vi.fn(() => Promise.resolve(settings)) },
        edit: { mutate: vi.fn((input: object) => Promise.resolve({ ...settings, ...input })) },
      },
      serviceAddresses: {
        list: {
          query: vi.fn(() =>
            Promise.resolve([
              {
                id: 4,
                kind: 'dicom',
                host: 'ris.local',
                port: 104,
                aeTitle: 'RIS',
                description: 'RIS',
              },
              {
                id: 5,
                kind: 'ldap',
                host: 'dc.local',
                port: 636,
                aeTitle: null,
                description: 'AD',
              },
            ]),
          ),
        },
        inForce: {
          query: vi.fn(() =>
            Promise.resolve([
              {
                kind: 'dicom',
                source: 'none',
                variable: null,
                addressIds: [],
                value: null,
                missing: [],
              },
            ]),
          ),
        },
      },
    },
  };
}

describe('ServerSettingsPage (Server)', () => {
  it('[URS-PRD-016] shows the settings read-only to a production admin, with a note', async () => {
    const client = fakeClient(UserGroup.ProductionAdmin);
    renderWithApi(<ServerSettingsPage />, client);
    const days = await screen.findByLabelText<HTMLInputElement>('Datointerval (dage)');
    expect(days.value).toBe('64');
    expect(days.readOnly).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Enhedens navn').readOnly).toBe(true);
    expect(screen.getByText(/Kun siteadministratoren kan ændre/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Gem' })).toBeNull();
    expect(client.setup.serviceAddresses.list.query).not.toHaveBeenCalled();
    expect(client.setup.serviceAddresses.inForce.query).not.toHaveBeenCalled();
    expect(screen.queryByRole('heading', { name: 'Tjenesteadresser' })).toBeNull();
  });

  it('[URS-PRD-016] lets the site admin change and save them', async () => {
    const client = fakeClient(UserGroup.Admin);
    renderWithApi(<ServerSettingsPage />, client);
    const days = await screen.findByLabelText<HTMLInputElement>('Datointerval (dage)');
    expect(days.readOnly).toBe(false);
    const save = screen.getByRole<HTMLButtonElement>('button', { name: 'Gem' });
    expect(save.disabled).toBe(true);
    // The service addresses below; only DICOM ones can be the RIS.
    expect(await screen.findByRole('heading', { name: 'Tjenesteadresser' })).toBeTruthy();
    expect(
      await screen.findByText('Ingen RIS-adresse valgt: worklisten hentes ikke.'),
    ).toBeTruthy();
    expect(
      [...screen.getByLabelText<HTMLSelectElement>('RIS-adresse').options].map(
        (option) => option.textContent,
      ),
    ).toEqual(['Ingen valgt', 'RIS - ris.local:104 (RIS)']);
    await userEvent.clear(days);
    await userEvent.type(days, '30');
    await userEvent.selectOptions(
      screen.getByLabelText('RIS-adresse'),
      'RIS - ris.local:104 (RIS)',
    );
    await userEvent.click(save);
    await waitFor(() =>
      expect(client.setup.settings.edit.mutate).toHaveBeenCalledWith({
        dateRangeDays: 30,
        adminPhone: '35 45 00 00',
        adminEmail: 'admin@example.dk',
        unitName: 'Cyklotronenheden',
        unitAddress: null,
        risAddressId: 4,
      }),
    );
  });

  it('[URS-DAT-007] refuses a date range that is not a whole number', async () => {
    const client = fakeClient(UserGroup.Admin);
    renderWithApi(<ServerSettingsPage />, client);
    const days = await screen.findByLabelText('Datointerval (dage)');
    await userEvent.clear(days);
    await userEvent.type(days, '2,5{Enter}');
    expect(screen.getAllByText('Datointerval (dage) er ikke et helt tal')).not.toHaveLength(0);
    expect(client.setup.settings.edit.mutate).not.toHaveBeenCalled();
  });
});
