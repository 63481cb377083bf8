import { screen } from '@testing-library/react';
import { describedText } from '@tracershop/ui';
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
