import { screen, waitFor, within } from '@testing-library/react';
import { describedText, refusal } from '@tracershop/ui';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { isotope } from '../testing/catalogRows';
import { renderWithApi } from '../testing/renderWithApi';
import { IsotopesView } from './IsotopesPage';

const isotopes = [
  isotope({ id: 1 }),
  isotope({ id: 2, atomicLetter: 'Ga', atomicMass: 68, atomicNumber: 31 }),
];

function fakeClient() {
  return {
    setup: {
      isotopes: {
        create: { mutate: vi.fn((input: unknown) => Promise.resolve(input)) },
        edit: { mutate: vi.fn((input: unknown) => Promise.resolve(input)) },
        delete: { mutate: vi.fn((input: unknown): Promise<unknown> => Promise.resolve(input)) },
      },
    },
  };
}

describe('IsotopesView (Isotoper)', () => {
  it('[URS-PRD-014] shows every isotope as an editable row plus a blank row', () => {
    renderWithApi(<IsotopesView isotopes={isotopes} />, fakeClient());
    expect(screen.getByLabelText<HTMLInputElement>('Atom for F-18').value).toBe('F');
    expect(screen.getByLabelText<HTMLInputElement>('Halveringstid for F-18').value).toBe('6586,2');
    expect(screen.getByLabelText<HTMLInputElement>('Atomnummer for Ga-68').value).toBe('31');
    expect(screen.getByLabelText<HTMLInputElement>('Atom for ny isotop').value).toBe('');
    expect(screen.queryByRole('button', { name: 'Gem F-18' })).toBeNull();
  });

  it('[URS-PRD-014] creates O-15 (metastable) from the blank row', async () => {
    const client = fakeClient();
    renderWithApi(<IsotopesView isotopes={isotopes} />, client);
    await userEvent.type(screen.getByLabelText('Atom for ny isotop'), 'O');
    await userEvent.type(screen.getByLabelText('Atomnummer for ny isotop'), '15');
    await userEvent.type(screen.getByLabelText('Atommasse for ny isotop'), '10');
    await userEvent.type(screen.getByLabelText('Halveringstid for ny isotop'), '150');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Metastabil for ny isotop' }));
    await userEvent.click(screen.getByRole('button', { name: 'Opret isotop' }));
    expect(client.setup.isotopes.create.mutate).toHaveBeenCalledWith({
      atomicLetter: 'O',
      atomicNumber: 15,
      atomicMass: 10,
      halflifeSeconds: 150,
      metastable: true,
    });
  });

  it('[URS-DAT-007] marks each non-numeric field and saves nothing', async () => {
    const client = fakeClient();
    renderWithApi(<IsotopesView isotopes={isotopes} />, client);
    await userEvent.type(screen.getByLabelText('Atom for ny isotop'), 'O');
    await userEvent.type(screen.getByLabelText('Atomnummer for ny isotop'), 'a');
    await userEvent.type(screen.getByLabelText('Atommasse for ny isotop'), '1,5');
    await userEvent.type(screen.getByLabelText('Halveringstid for ny isotop'), '-3');
    await userEvent.click(screen.getByRole('button', { name: 'Opret isotop' }));
    expect(describedText(screen.getByLabelText('Atomnummer for ny isotop'))).toBe(
      'Atomnummer er ikke et tal',
    );
    expect(describedText(screen.getByLabelText('Atommasse for ny isotop'))).toBe(
      'Atommasse er ikke et helt tal',
    );
    expect(describedText(screen.getByLabelText('Halveringstid for ny isotop'))).toBe(
      'Halveringstid kan ikke være negativ',
    );
    expect(screen.getByLabelText('Atomnummer for ny isotop').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(client.setup.isotopes.create.mutate).not.toHaveBeenCalled();
  });

  it('[URS-PRD-014][URS-DAT-007] saves a changed half-life (Danish decimal) as an edit, with Enter', async () => {
    const client = fakeClient();
    renderWithApi(<IsotopesView isotopes={isotopes} />, client);
    const field = screen.getByLabelText('Halveringstid for Ga-68');
    await userEvent.clear(field);
    await userEvent.type(field, '4062,6{Enter}');
    expect(client.setup.isotopes.edit.mutate).toHaveBeenCalledWith({
      id: 2,
      atomicLetter: 'Ga',
      atomicNumber: 31,
      atomicMass: 68,
      halflifeSeconds: 4062.6,
      metastable: false,
    });
  });
});

describe('IsotopesView: deleting an isotope', () => {
  const rowOf = (name: string) =>
    screen.getByLabelText(`Atom for ${name}`).closest('tr') as HTMLElement;

  it('[URS-PRD-014] offers "Slet" on every stored isotope and deletes after confirming', async () => {
    const client = fakeClient();
    renderWithApi(<IsotopesView isotopes={isotopes} />, client);
    expect(screen.getByRole('button', { name: 'Slet F-18' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Slet ny isotop' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Slet Ga-68' }));
    const dialog = screen.getByRole('dialog', { name: 'Slet isotop' });
    expect(dialog.textContent).toContain('Vil du slette isotopen Ga-68?');
    // The keyboard answers: Escape leaves everything as it was.
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.setup.isotopes.delete.mutate).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Slet Ga-68' }));
    expect(document.activeElement).toBe(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Slet' }),
    );
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(client.setup.isotopes.delete.mutate).toHaveBeenCalledExactlyOnceWith({ id: 2 }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('[URS-PRD-014][URS-DAT-006] says in words that an isotope in use cannot be deleted', async () => {
    const client = fakeClient();
    client.setup.isotopes.delete.mutate.mockImplementation(() =>
      Promise.reject(refusal('REFERENCED', { entity: 'Isotope' })),
    );
    renderWithApi(<IsotopesView isotopes={isotopes} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Slet F-18' }));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Slet isotop' })).getByRole('button', {
        name: 'Slet',
      }),
    );
    expect(client.setup.isotopes.delete.mutate).toHaveBeenCalledExactlyOnceWith({ id: 1 });
    expect((await within(rowOf('F-18')).findByRole('alert')).textContent).toBe(
      'Fejl: Isotopen er i brug og kan ikke slettes.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(rowOf('Ga-68')).queryByRole('alert')).toBeNull();
  });
});
