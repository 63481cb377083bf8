import { UserGroup } from '@tracershop/core';
import { describedText, refusal } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { catalogOf, isotope, listedUser, tracer } from '../testing/catalogRows';
import { renderWithApi } from '../testing/renderWithApi';
import type { ReleaseRightsViewProps } from './ReleaseRightsPage';
import { ReleaseRightsView } from './ReleaseRightsPage';

const catalog = catalogOf({
  isotopes: [
    isotope({ id: 1 }),
    isotope({ id: 7, atomicNumber: 31, atomicMass: 68, atomicLetter: 'Ga' }),
  ],
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
    setup: {
      releaseRights: {
        create: { mutate: resolved() },
        edit: { mutate: resolved() },
        delete: { mutate: resolved() },
      },
    },
  };
}

function render(
  client = fakeClient(),
  me: ReleaseRightsViewProps['me'] = { id: 2, userGroup: UserGroup.ProductionAdmin },
  shown: ReleaseRightsViewProps['rights'] = rights,
) {
  renderWithApi(
    <ReleaseRightsView rights={shown} users={users} catalog={catalog} me={me} />,
    client,
  );
  return client;
}

const optionsOf = (label: string) =>
  within(screen.getByLabelText(label))
    .getAllByRole('option')
    .map((option) => option.textContent);

describe('ReleaseRightsView (Frigivelsesrettigheder)', () => {
  it('[URS-REL-005] lists the rights with "Ingen udløb" for no expiry, sortable by header', async () => {
    render();
    const rows = () =>
      within(screen.getByRole('table'))
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    const never = screen.getByLabelText<HTMLInputElement>('Udløb for kemiker, PSMA');
    expect(never.value).toBe('');
    expect(never.placeholder).toBe('Ingen udløb');
    expect(screen.getByLabelText<HTMLInputElement>('Udløb for kemiker2, FDG').value).toBe(
      '01/03/2027',
    );
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
    expect(optionsOf('Produkt')).toEqual(['-- Vælg --', 'FDG', 'PSMA', 'F-18', 'Ga-68']);
  });

  it('[URS-REL-005] lets the site admin grant themselves', () => {
    render(fakeClient(), { id: 1, userGroup: UserGroup.Admin });
    expect(optionsOf('Bruger')).toContain('site - admin');
    expect(optionsOf('Bruger')).toContain('chef - admin');
  });

  it('[URS-REL-005] creates a right without an expiry date', async () => {
    const client = render();
    await userEvent.selectOptions(screen.getByLabelText('Bruger'), 'kemiker');
    await userEvent.selectOptions(screen.getByLabelText('Produkt'), 'FDG');
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
    await userEvent.selectOptions(screen.getByLabelText('Produkt'), 'PSMA');
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
    await userEvent.selectOptions(screen.getByLabelText('Produkt'), 'PSMA');
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
    await userEvent.selectOptions(screen.getByLabelText('Produkt'), 'PSMA');
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

  it('[URS-REL-005] offers the products in two groups, tracers and isotopes', () => {
    render();
    const groups = within(screen.getByLabelText('Produkt')).getAllByRole('group');
    expect(groups.map((group) => group.getAttribute('label'))).toEqual(['Tracere', 'Isotoper']);
    expect(
      within(groups[1] as HTMLElement)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['F-18', 'Ga-68']);
  });

  it('[URS-REL-005] creates a right for an isotope, naming the isotope and no tracer', async () => {
    const client = render();
    await userEvent.selectOptions(screen.getByLabelText('Bruger'), 'kemiker');
    await userEvent.selectOptions(screen.getByLabelText('Produkt'), 'Ga-68');
    await userEvent.type(screen.getByLabelText('Udløbsdato'), '01062027');
    await userEvent.click(screen.getByRole('button', { name: 'Opret rettighed' }));
    expect(client.setup.releaseRights.create.mutate).toHaveBeenCalledWith({
      userId: 3,
      isotopeId: 7,
      expiryDate: '2027-06-01',
    });
    expect(client.setup.releaseRights.create.mutate.mock.calls[0]?.[0]).not.toHaveProperty(
      'tracerId',
    );
    expect(await screen.findByText('Rettigheden er oprettet.')).toBeTruthy();
  });

  it('[URS-REL-005] asks for a product before creating', async () => {
    const client = render();
    await userEvent.selectOptions(screen.getByLabelText('Bruger'), 'kemiker');
    await userEvent.click(screen.getByRole('button', { name: 'Opret rettighed' }));
    expect(describedText(screen.getByLabelText(/^Produkt/))).toBe('Vælg en tracer eller en isotop');
    expect(client.setup.releaseRights.create.mutate).not.toHaveBeenCalled();
  });

  it("[URS-REL-005] changes a right's expiry in its row with Gem", async () => {
    const client = render();
    const save = screen.getByRole('button', { name: 'Gem udløb for kemiker, PSMA' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(screen.getByLabelText('Udløb for kemiker, PSMA'), '01052028');
    await userEvent.click(save);
    expect(client.setup.releaseRights.edit.mutate).toHaveBeenCalledWith({
      id: 11,
      expiryDate: '2028-05-01',
    });
    expect(await screen.findByText('Udløbet for kemiker, PSMA er gemt.')).toBeTruthy();
  });

  it('[URS-REL-005] clears an expiry with the keyboard: an empty field is no expiry', async () => {
    const client = render();
    await userEvent.clear(screen.getByLabelText('Udløb for kemiker2, FDG'));
    await userEvent.keyboard('{Enter}');
    expect(client.setup.releaseRights.edit.mutate).toHaveBeenCalledWith({
      id: 12,
      expiryDate: null,
    });
  });

  it('[URS-REL-005][URS-DAT-007] refuses an invalid expiry in a row and sends nothing', async () => {
    const client = render();
    const field = screen.getByLabelText('Udløb for kemiker2, FDG');
    await userEvent.clear(field);
    await userEvent.type(field, '31/02/2027');
    await userEvent.click(screen.getByRole('button', { name: 'Gem udløb for kemiker2, FDG' }));
    expect(describedText(field)).toBe('Udløbsdato er ikke en gyldig dato');
    expect(client.setup.releaseRights.edit.mutate).not.toHaveBeenCalled();
  });

  it("[URS-REL-005] shows the api's refusal of an expiry change in words", async () => {
    const client = fakeClient();
    client.setup.releaseRights.edit.mutate = vi.fn(() => Promise.reject(refusal('SELF_GRANT')));
    render(client);
    await userEvent.type(screen.getByLabelText('Udløb for kemiker, PSMA'), '01052028');
    await userEvent.click(screen.getByRole('button', { name: 'Gem udløb for kemiker, PSMA' }));
    expect(await screen.findByText(/Du kan ikke give dig selv/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Udløb for kemiker, PSMA').value).toBe(
      '01/05/2028',
    );
  });

  it("[URS-REL-005] keeps a production admin's own right from being changed, but not from being revoked", async () => {
    const client = render(fakeClient(), { id: 4, userGroup: UserGroup.ProductionAdmin });
    const own = screen.getByLabelText<HTMLInputElement>('Udløb for kemiker2, FDG');
    const ownSave = screen.getByRole<HTMLButtonElement>('button', {
      name: 'Gem udløb for kemiker2, FDG',
    });
    const why = 'Din egen rettighed: kun siteadministratoren kan give eller ændre den.';
    expect(own.disabled).toBe(true);
    expect(own.title).toBe(why);
    expect(ownSave.disabled).toBe(true);
    expect(ownSave.title).toBe(why);
    expect(screen.getByLabelText<HTMLInputElement>('Udløb for kemiker, PSMA').disabled).toBe(false);
    // Revoking one's own right stays possible.
    expect(
      screen.getByRole<HTMLButtonElement>('button', {
        name: 'Slet rettigheden for kemiker2 til FDG',
      }).disabled,
    ).toBe(false);
    expect(client.setup.releaseRights.edit.mutate).not.toHaveBeenCalled();
  });

  it('[URS-REL-005] lets the site admin change their own right', async () => {
    const own = {
      id: 13,
      userId: 1,
      userName: 'site',
      tracerId: null,
      isotopeId: 7,
      expiryDate: null,
    };
    const client = render(fakeClient(), { id: 1, userGroup: UserGroup.Admin }, [own]);
    await userEvent.type(screen.getByLabelText('Udløb for site, Ga-68'), '2028-01-31{Enter}');
    expect(client.setup.releaseRights.edit.mutate).toHaveBeenCalledWith({
      id: 13,
      expiryDate: '2028-01-31',
    });
  });
});
