import { UserGroup } from '@tracershop/core';
import { describedText, refusal } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { catalogOf, listedUser, tracer } from '../testing/catalogRows';
import { renderWithApi } from '../testing/renderWithApi';
import type { ReleaseRightsViewProps } from './ReleaseRightsPage';
import { ReleaseRightsView } from './ReleaseRightsPage';

const catalog = catalogOf({
  tracers: [
    tracer({ id: 1 }),
    tracer({ id: 2, shortname: 'PSMA', vialTag: 'PSMA' }),
    tracer({ id: 3, shortname: 'Old', vialTag: 'OLD', archived: true }),
  ],
});

const users = [
  listedUser(1, 'site', UserGroup.Admin),
  listedUser(2, 'chef', UserGroup.ProductionAdmin),
  listedUser(3, 'kemiker', UserGroup.ProductionUser),
  listedUser(4, 'kemiker2', UserGroup.ProductionAdmin),
  listedUser(5, 'shop', UserGroup.ShopAdmin, [5]),
  listedUser(6, 'ekstern', UserGroup.ShopExternal, [5]),
];

const rights: ReleaseRightsViewProps['rights'] = [
  { id: 11, userId: 3, userName: 'kemiker', tracerId: 2, isotopeId: null, expiryDate: null },
  {
    id: 12,
    userId: 4,
    userName: 'kemiker2',
    tracerId: 1,
    isotopeId: null,
    expiryDate: '2027-03-01',
  },
];

function fakeClient() {
  const resolved = () => vi.fn((input: unknown) => Promise.resolve(input));
  return {
    setup: { releaseRights: { create: { mutate: resolved() }, delete: { mutate: resolved() } } },
  };
}

function render(
  client = fakeClient(),
  me: ReleaseRightsViewProps['me'] = { id: 2, userGroup: UserGroup.ProductionAdmin },
) {
  renderWithApi(
    <ReleaseRightsView rights={rights} users={users} catalog={catalog} me={me} />,
    client,
  );
  return client;
}

const optionsOf = (label: string) =>
  within(screen.getByLabelText(label))
    .getAllByRole('option')
    .map((option) => option.textContent);

describe('ReleaseRightsView (Frigivelsesrettigheder)', () => {
  it('[URS-REL-005] lists the rights with "Aldrig" for no expiry, sortable by header', async () => {
    render();
    const rows = () =>
      within(screen.getByRole('table'))
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    expect(screen.getByText('Aldrig')).toBeTruthy();
    expect(screen.getByText('01/03/2027')).toBeTruthy();
    expect(rows()).toEqual(['kemiker', 'kemiker2']);
    await userEvent.click(screen.getByRole('button', { name: 'Frigiver ▲' }));
    expect(rows()).toEqual(['kemiker2', 'kemiker']);
    await userEvent.click(screen.getByRole('button', { name: 'Udløbsdato' }));
    expect(rows()).toEqual(['kemiker2', 'kemiker']);
  });

  it('[URS-REL-005] offers production users and admins only, never oneself, admins marked', () => {
    render();
    expect(optionsOf('Bruger')).toEqual([
      '-- Vælg --',
      'site - admin',
      'kemiker',
      'kemiker2 - admin',
    ]);
    expect(optionsOf('Tracer')).toEqual(['-- Vælg --', 'FDG', 'PSMA']);
  });

  it('[URS-REL-005] lets the site admin grant themselves', () => {
    render(fakeClient(), { id: 1, userGroup: UserGroup.Admin });
    expect(optionsOf('Bruger')).toContain('site - admin');
    expect(optionsOf('Bruger')).toContain('chef - admin');
  });

  it('[URS-REL-005] creates a right without an expiry date', async () => {
    const client = render();
    await userEvent.selectOptions(screen.getByLabelText('Bruger'), 'kemiker');
    await userEvent.selectOptions(screen.getByLabelText('Tracer'), 'FDG');
    await userEvent.click(screen.getByRole('button', { name: 'Opret rettighed' }));
    expect(client.setup.releaseRights.create.mutate).toHaveBeenCalledWith({
      userId: 3,
      tracerId: 1,
      expiryDate: null,
    });
    expect(await screen.findByText('Rettigheden er oprettet.')).toBeTruthy();
  });

  it('[URS-REL-005][URS-DAT-007] creates a right with an expiry date typed the Danish way', async () => {
    const client = render();
    await userEvent.selectOptions(screen.getByLabelText('Bruger'), 'kemiker');
    await userEvent.selectOptions(screen.getByLabelText('Tracer'), 'PSMA');
    await userEvent.type(screen.getByLabelText('Udløbsdato'), '16102027{Enter}');
    expect(client.setup.releaseRights.create.mutate).toHaveBeenCalledWith({
      userId: 3,
      tracerId: 2,
      expiryDate: '2027-10-16',
    });
  });

  it('[URS-DAT-007] refuses an invalid date and sends nothing', async () => {
    const client = render();
    await userEvent.selectOptions(screen.getByLabelText('Bruger'), 'kemiker');
    await userEvent.selectOptions(screen.getByLabelText('Tracer'), 'PSMA');
    await userEvent.type(screen.getByLabelText('Udløbsdato'), '2a20-10-16');
    await userEvent.click(screen.getByRole('button', { name: 'Opret rettighed' }));
    expect(describedText(screen.getByLabelText('Udløbsdato'))).toBe(
      'Udløbsdato er ikke en gyldig dato',
    );
    expect(client.setup.releaseRights.create.mutate).not.toHaveBeenCalled();
  });

  it("[URS-REL-005] shows the api's refusal of a grant to oneself", async () => {
    const client = fakeClient();
    client.setup.releaseRights.create.mutate = vi.fn(() => Promise.reject(refusal('SELF_GRANT')));
    render(client, { id: 1, userGroup: UserGroup.Admin });
    await userEvent.selectOptions(screen.getByLabelText('Bruger'), 'kemiker');
    await userEvent.selectOptions(screen.getByLabelText('Tracer'), 'PSMA');
    await userEvent.click(screen.getByRole('button', { name: 'Opret rettighed' }));
    expect(await screen.findByText(/Du kan ikke give dig selv/)).toBeTruthy();
    expect((screen.getByLabelText('Bruger') as HTMLSelectElement).value).toBe('3');
  });

  it('[URS-REL-005] deletes a right from "Eksisterende rettigheder" after confirming', async () => {
    const client = render();
    await userEvent.click(
      screen.getByRole('button', { name: 'Slet rettigheden for kemiker til PSMA' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Bekræft' }));
    await waitFor(() =>
      expect(client.setup.releaseRights.delete.mutate).toHaveBeenCalledWith({ id: 11 }),
    );
  });
});
