import { UserGroup } from '@tracershop/core';
import { screen, waitFor, within } from '@testing-library/react';
import { describedText, refusal } from '@tracershop/ui';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { catalogOf } from '../testing/catalogRows';
import { renderWithApi } from '../testing/renderWithApi';
import StudiesPage from './StudiesPage';
import type { StudyIdentifier } from './studiesApi';

const STUDIES: StudyIdentifier[] = [
  { id: 1, code: 'WZCXPET01', description: 'PET/CT FDG helkrop', isPet: true },
  { id: 2, code: 'WDCXSCINT', description: 'Knoglescintigrafi', isPet: false },
  { id: 3, code: 'WZCXNAF', description: 'PET/CT NaF knogler', isPet: true },
];

/** An api whose catalogue follows the writes, as the real one does. */
function fakeClient(userGroup: UserGroup) {
  const studies = structuredClone(STUDIES);
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
      catalog: {
        query: vi.fn(() =>
          Promise.resolve(catalogOf({ procedureIdentifiers: structuredClone(studies) })),
        ),
      },
      procedureIdentifiers: {
        edit: {
          mutate: vi.fn((input: { id: number; isPet?: boolean }): Promise<unknown> => {
            const study = studies.find((row) => row.id === input.id);
            if (study === undefined) {
              return Promise.reject(refusal('NOT_FOUND', { entity: 'ProcedureIdentifier' }));
            }
            Object.assign(study, input);
            return Promise.resolve({ ...study });
          }),
        },
        create: {
          mutate: vi.fn((input: Partial<Omit<StudyIdentifier, 'id'>>) => {
            const study = { id: 9, code: null, description: null, isPet: true, ...input };
            studies.push(study);
            return Promise.resolve(study);
          }),
        },
        delete: {
          mutate: vi.fn((input: { id: number }): Promise<unknown> => {
            const index = studies.findIndex((row) => row.id === input.id);
            studies.splice(index, 1);
            return Promise.resolve({ id: input.id });
          }),
        },
      },
    },
  };
}

async function renderPage(userGroup: UserGroup = UserGroup.Admin, client = fakeClient(userGroup)) {
  renderWithApi(<StudiesPage />, client);
  await screen.findByRole('table', { name: 'Undersøgelser' });
  return client;
}

const petBox = (code: string) =>
  screen.getByRole<HTMLInputElement>('checkbox', { name: `Er PET for ${code}` });

const codes = () =>
  within(screen.getByRole('table', { name: 'Undersøgelser' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')?.textContent);

describe('StudiesPage (Undersøgelser)', () => {
  it('[URS-ORD-017] lists every study with its code, description and PET flag', async () => {
    await renderPage();
    expect(codes()).toEqual(['WDCXSCINT', 'WZCXNAF', 'WZCXPET01']);
    expect(screen.getByRole('row', { name: /WZCXPET01 PET\/CT FDG helkrop/ })).toBeTruthy();
    expect(petBox('WZCXPET01').checked).toBe(true);
    expect(petBox('WDCXSCINT').checked).toBe(false);
    expect(petBox('WZCXNAF').disabled).toBe(false);
    expect(screen.getByText('3 af 3 undersøgelser vises.')).toBeTruthy();
    expect(screen.queryByText(/Kun siteadministratoren/)).toBeNull();
  });

  it('[URS-ORD-017] saves the site admin’s change of Er PET at once, showing the progress', async () => {
    const client = fakeClient(UserGroup.Admin);
    let answer: () => void = () => undefined;
    const edit = client.setup.procedureIdentifiers.edit.mutate;
    client.setup.procedureIdentifiers.edit.mutate = vi.fn(
      (input: { id: number; isPet?: boolean }) =>
        new Promise((resolve) => {
          answer = () => resolve(edit(input));
        }),
    );
    await renderPage(UserGroup.Admin, client);
    await userEvent.click(petBox('WZCXNAF'));
    expect(client.setup.procedureIdentifiers.edit.mutate).toHaveBeenCalledExactlyOnceWith({
      id: 3,
      isPet: false,
    });
    expect(petBox('WZCXNAF').checked).toBe(false);
    expect(petBox('WZCXNAF').disabled).toBe(true);
    expect(
      within(screen.getByRole('row', { name: /WZCXNAF/ })).getByRole('status').textContent,
    ).toBe('Gemmer…');
    answer();
    await waitFor(() => expect(petBox('WZCXNAF').disabled).toBe(false));
    expect(petBox('WZCXNAF').checked).toBe(false);
    expect(screen.queryByText('Gemmer…')).toBeNull();
    expect(client.setup.catalog.query).toHaveBeenCalledTimes(2);
  });

  it('[URS-ORD-017] puts the flag back and says why when the api refuses the change', async () => {
    const client = fakeClient(UserGroup.Admin);
    client.setup.procedureIdentifiers.edit.mutate = vi.fn(() =>
      Promise.reject(refusal('FORBIDDEN_ROLE')),
    );
    await renderPage(UserGroup.Admin, client);
    await userEvent.click(petBox('WDCXSCINT'));
    expect(client.setup.procedureIdentifiers.edit.mutate).toHaveBeenCalledWith({
      id: 2,
      isPet: true,
    });
    const row = screen.getByRole('row', { name: /WDCXSCINT/ });
    expect((await within(row).findByRole('alert')).textContent).toContain(
      'Din rolle må ikke udføre denne handling.',
    );
    expect(petBox('WDCXSCINT').checked).toBe(false);
    expect(petBox('WDCXSCINT').disabled).toBe(false);
  });

  it('[URS-ORD-017][URS-ACC-014] shows a production admin the flags, disabled, with a note', async () => {
    const client = await renderPage(UserGroup.ProductionAdmin);
    const note =
      'Kun siteadministratoren kan ændre, hvilke undersøgelser er PET. Du kan se dem her.';
    expect(screen.getByText(note)).toBeTruthy();
    for (const code of ['WZCXPET01', 'WDCXSCINT', 'WZCXNAF']) {
      expect(petBox(code).disabled).toBe(true);
      expect(describedText(petBox(code))).toBe(note);
    }
    expect(petBox('WZCXPET01').checked).toBe(true);
    expect(screen.queryByRole('form', { name: 'Ny undersøgelse' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Slet / })).toBeNull();
    await userEvent.click(petBox('WZCXPET01'));
    expect(client.setup.procedureIdentifiers.edit.mutate).not.toHaveBeenCalled();
  });

  it('[URS-ORD-017] narrows the list by code or description and to PET studies', async () => {
    await renderPage(UserGroup.ProductionAdmin);
    await userEvent.type(screen.getByLabelText('Filter (kode eller beskrivelse)'), 'knog');
    expect(codes()).toEqual(['WDCXSCINT', 'WZCXNAF']);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Kun PET' }));
    expect(codes()).toEqual(['WZCXNAF']);
    expect(screen.getByText('1 af 3 undersøgelser vises.')).toBeTruthy();
    await userEvent.clear(screen.getByLabelText('Filter (kode eller beskrivelse)'));
    await userEvent.type(screen.getByLabelText('Filter (kode eller beskrivelse)'), 'wzcxpet');
    expect(codes()).toEqual(['WZCXPET01']);
    await userEvent.type(screen.getByLabelText('Filter (kode eller beskrivelse)'), 'x');
    expect(screen.getByText('Ingen undersøgelser passer til filteret.')).toBeTruthy();
  });

  it('[URS-ORD-017][URS-DAT-007] creates a study checked by the schema, with the keyboard', async () => {
    const client = await renderPage();
    const form = screen.getByRole('form', { name: 'Ny undersøgelse' });
    const create = within(form).getByRole<HTMLButtonElement>('button', {
      name: 'Opret undersøgelse',
    });
    expect(create.disabled).toBe(true);
    expect(within(form).getByRole<HTMLInputElement>('checkbox', { name: 'Er PET' }).checked).toBe(
      true,
    );
    await userEvent.click(within(form).getByLabelText('Kode'));
    await userEvent.paste('X'.repeat(129));
    await userEvent.click(create);
    expect(describedText(within(form).getByLabelText('Kode'))).toBe(
      'Kode kan ikke være længere end 128 tegn',
    );
    expect(client.setup.procedureIdentifiers.create.mutate).not.toHaveBeenCalled();

    await userEvent.clear(within(form).getByLabelText('Kode'));
    await userEvent.type(within(form).getByLabelText('Kode'), 'WZCXNH3');
    await userEvent.type(within(form).getByLabelText('Beskrivelse'), 'PET/CT NH3 hjerte');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Er PET' }));
    await userEvent.type(within(form).getByLabelText('Beskrivelse'), '{Enter}');
    expect(client.setup.procedureIdentifiers.create.mutate).toHaveBeenCalledExactlyOnceWith({
      code: 'WZCXNH3',
      description: 'PET/CT NH3 hjerte',
      isPet: false,
    });
    expect(await screen.findByText('Undersøgelsen WZCXNH3 er oprettet.')).toBeTruthy();
    expect(await screen.findByRole('checkbox', { name: 'Er PET for WZCXNH3' })).toBeTruthy();
    expect(
      within(
        screen.getByRole('form', { name: 'Ny undersøgelse' }),
      ).getByLabelText<HTMLInputElement>('Kode').value,
    ).toBe('');
  });

  it('[URS-ORD-017] deletes a study after confirming, and shows the refusal of one in use', async () => {
    const client = fakeClient(UserGroup.Admin);
    const remove = client.setup.procedureIdentifiers.delete.mutate;
    client.setup.procedureIdentifiers.delete.mutate = vi.fn((input: { id: number }) =>
      input.id === 1
        ? Promise.reject(refusal('REFERENCED', { entity: 'ProcedureIdentifier' }))
        : remove(input),
    );
    await renderPage(UserGroup.Admin, client);
    await userEvent.click(screen.getByRole('button', { name: 'Slet WZCXPET01' }));
    const dialog = screen.getByRole('dialog', { name: 'Slet undersøgelsen »WZCXPET01«?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slet' }));
    expect(
      await screen.findByText('Undersøgelseskoden er i brug og kan ikke slettes.'),
    ).toBeTruthy();
    expect(petBox('WZCXPET01')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Slet WDCXSCINT' }));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Slet undersøgelsen »WDCXSCINT«?' })).getByRole(
        'button',
        { name: 'Slet' },
      ),
    );
    expect(client.setup.procedureIdentifiers.delete.mutate).toHaveBeenLastCalledWith({ id: 2 });
    await waitFor(() =>
      expect(screen.queryByRole('checkbox', { name: 'Er PET for WDCXSCINT' })).toBeNull(),
    );
  });
});
