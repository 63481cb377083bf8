import { TracerType } from '@tracershop/core';
import { describedText, refusal } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  catalogOf,
  catalogPage,
  customer,
  endpoint,
  isotope,
  tracer,
} from '../testing/catalogRows';
import { renderWithApi } from '../testing/renderWithApi';
import { TracersView } from './TracersPage';

const catalog = catalogOf({
  isotopes: [isotope({ id: 1 }), isotope({ id: 2, atomicLetter: 'Ga', atomicMass: 68 })],
  tracers: [
    tracer({ id: 1 }),
    tracer({
      id: 2,
      shortname: 'Ga-DOTA',
      clinicalName: 'Gallium dotatate',
      isotopeId: 2,
      tracerType: TracerType.Injection,
      vialTag: 'GA',
      marketed: false,
    }),
    tracer({ id: 3, shortname: 'Old', clinicalName: 'Gammel', vialTag: 'OLD', archived: true }),
  ],
  customers: [customer(5, 'RH'), customer(6, 'Herlev')],
  endpoints: [endpoint(10, 5, 'PET1'), endpoint(11, 6, 'PET')],
  catalogPages: [catalogPage(40, 10, 2)],
});

function fakeClient() {
  const resolved = () => vi.fn((input: unknown): Promise<unknown> => Promise.resolve(input));
  return {
    setup: {
      tracers: {
        create: { mutate: resolved() },
        edit: { mutate: resolved() },
        archive: { mutate: resolved() },
        delete: { mutate: resolved() },
      },
      catalogPages: { create: { mutate: resolved() }, delete: { mutate: resolved() } },
    },
  };
}

describe('TracersView (Tracer set-up)', () => {
  it('[URS-PRD-014] shows the non-archived tracers as editable rows; only injection tracers have a catalogue', () => {
    renderWithApi(<TracersView catalog={catalog} />, fakeClient());
    expect(screen.getByLabelText<HTMLInputElement>('Klinisk navn for FDG').value).toBe(
      'Fluorodeoxyglucose',
    );
    expect(screen.getByLabelText('Klinisk navn for Ga-DOTA')).toBeTruthy();
    expect(screen.queryByLabelText('Klinisk navn for Old')).toBeNull();
    expect(screen.getByRole('button', { name: 'Katalog for Ga-DOTA' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Katalog for FDG' })).toBeNull();
  });

  it('[URS-PRD-014] saves a changed clinical name as an edit of that tracer', async () => {
    const client = fakeClient();
    renderWithApi(<TracersView catalog={catalog} />, client);
    expect(screen.queryByRole('button', { name: 'Gem FDG' })).toBeNull();
    const field = screen.getByLabelText('Klinisk navn for FDG');
    await userEvent.clear(field);
    await userEvent.type(field, 'FDG glukose');
    await userEvent.click(screen.getByRole('button', { name: 'Gem FDG' }));
    expect(client.setup.tracers.edit.mutate).toHaveBeenCalledWith({
      id: 1,
      clinicalName: 'FDG glukose',
      isotopeId: 1,
      tracerType: TracerType.Activity,
      vialTag: 'FDG',
      marketed: true,
    });
  });

  it('shows the save button when "Markedsført" is toggled', async () => {
    renderWithApi(<TracersView catalog={catalog} />, fakeClient());
    await userEvent.click(screen.getByRole('checkbox', { name: 'Markedsført for Ga-DOTA' }));
    expect(screen.getByRole('button', { name: 'Gem Ga-DOTA' })).toBeTruthy();
  });

  it('[URS-PRD-014] creates a tracer from the blank row (Enter submits)', async () => {
    const client = fakeClient();
    renderWithApi(<TracersView catalog={catalog} />, client);
    await userEvent.type(screen.getByLabelText('Tracer for ny tracer'), 'new_tracer');
    await userEvent.type(screen.getByLabelText('Klinisk navn for ny tracer'), 'new_clinical');
    await userEvent.type(screen.getByLabelText('Hætteglas-tag for ny tracer'), 'tag');
    await userEvent.selectOptions(screen.getByLabelText('Isotop for ny tracer'), 'F-18');
    await userEvent.type(screen.getByLabelText('Hætteglas-tag for ny tracer'), '{Enter}');
    expect(client.setup.tracers.create.mutate).toHaveBeenCalledWith({
      shortname: 'new_tracer',
      clinicalName: 'new_clinical',
      vialTag: 'tag',
      isotopeId: 1,
      tracerType: TracerType.Activity,
      marketed: false,
    });
  });

  it('[URS-PRD-014] refuses a blank row without isotope and a vial tag another tracer has, sending nothing', async () => {
    const client = fakeClient();
    renderWithApi(<TracersView catalog={catalog} />, client);
    await userEvent.type(screen.getByLabelText('Tracer for ny tracer'), 'X');
    await userEvent.type(screen.getByLabelText('Klinisk navn for ny tracer'), 'x');
    await userEvent.type(screen.getByLabelText('Hætteglas-tag for ny tracer'), 'fdg');
    await userEvent.click(screen.getByRole('button', { name: 'Opret tracer' }));
    expect(describedText(screen.getByLabelText('Isotop for ny tracer'))).toBe(
      'Isotop er ikke tastet ind',
    );
    expect(describedText(screen.getByLabelText('Hætteglas-tag for ny tracer'))).toMatch(
      /Hætteglas-tagget fdg bruges allerede/,
    );
    expect(screen.getByLabelText('Isotop for ny tracer').getAttribute('aria-invalid')).toBe('true');
    expect(client.setup.tracers.create.mutate).not.toHaveBeenCalled();
  });

  it('[URS-PRD-014] archives a tracer no catalogue lists, not one an endpoint may order', async () => {
    const client = fakeClient();
    renderWithApi(<TracersView catalog={catalog} />, client);
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Arkiver Ga-DOTA' }).disabled,
    ).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Arkiver FDG' }));
    expect(client.setup.tracers.archive.mutate).toHaveBeenCalledWith({ id: 1, archived: true });
  });

  it('[URS-PRD-014] restores a tracer from "Tracerarkiv"', async () => {
    const client = fakeClient();
    renderWithApi(<TracersView catalog={catalog} />, client);
    await userEvent.click(screen.getByText('Tracerarkiv'));
    await userEvent.click(screen.getByRole('button', { name: 'Genskab Old' }));
    expect(client.setup.tracers.archive.mutate).toHaveBeenCalledWith({ id: 3, archived: false });
  });

  it('hides the tracers the name filter does not match', async () => {
    renderWithApi(<TracersView catalog={catalog} />, fakeClient());
    await userEvent.type(screen.getByLabelText('Filtrér på tracernavn'), 'ga');
    expect(screen.queryByLabelText('Klinisk navn for FDG')).toBeNull();
    expect(screen.getByLabelText('Klinisk navn for Ga-DOTA')).toBeTruthy();
  });

  it('[URS-DAT-006] shows the api refusal and keeps the typed text', async () => {
    const client = fakeClient();
    client.setup.tracers.edit.mutate = vi.fn(() =>
      Promise.reject(refusal('ALREADY_EXISTS', { entity: 'Tracer' })),
    );
    renderWithApi(<TracersView catalog={catalog} />, client);
    const field = screen.getByLabelText<HTMLInputElement>('Klinisk navn for FDG');
    await userEvent.type(field, ' 2');
    await userEvent.click(screen.getByRole('button', { name: 'Gem FDG' }));
    expect(await screen.findByText(/findes allerede med de samme oplysninger/)).toBeTruthy();
    expect(field.value).toBe('Fluorodeoxyglucose 2');
  });
});

describe('TracerCatalogModal ("Tracerkatalog for X")', () => {
  it('[URS-PRD-014] grants by ticking, revokes by unticking, and closes with "Luk"', async () => {
    const client = fakeClient();
    renderWithApi(<TracersView catalog={catalog} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Katalog for Ga-DOTA' }));
    const dialog = screen.getByRole('dialog', { name: 'Tracerkatalog for Ga-DOTA' });
    const rh = within(dialog).getByRole<HTMLInputElement>('checkbox', {
      name: 'RH - PET1 kan bestille',
    });
    const herlev = within(dialog).getByRole<HTMLInputElement>('checkbox', {
      name: 'Herlev - PET kan bestille',
    });
    expect(rh.checked).toBe(true);
    expect(herlev.checked).toBe(false);
    await userEvent.click(herlev);
    expect(client.setup.catalogPages.create.mutate).toHaveBeenCalledWith({
      endpointId: 11,
      tracerId: 2,
    });
    await userEvent.click(rh);
    await waitFor(() =>
      expect(client.setup.catalogPages.delete.mutate).toHaveBeenCalledWith({ id: 40 }),
    );
    await userEvent.type(within(dialog).getByLabelText('Filter'), 'herl');
    expect(within(dialog).queryByRole('checkbox', { name: 'RH - PET1 kan bestille' })).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Luk' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('TracerLimitsModal ("Grænser for X")', () => {
  it('[URS-ORD-010][URS-REL-008][URS-REL-009] saves the limits and release guards typed with a comma, the injection limit only for injection tracers', async () => {
    const client = fakeClient();
    renderWithApi(<TracersView catalog={catalog} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Grænser for FDG' }));
    const dialog = screen.getByRole('dialog', { name: 'Grænser og frigivelse for FDG' });
    const perOrder = within(dialog).getByLabelText<HTMLInputElement>('Højst aktivitet pr. ordre');
    expect(perOrder.value).toBe('50000');
    expect(within(dialog).queryByLabelText('Højst injektioner pr. ordre')).toBeNull();
    await userEvent.clear(perOrder);
    await userEvent.type(perOrder, '25000');
    const lead = within(dialog).getByLabelText('Frigivelse tidligst timer før levering');
    await userEvent.clear(lead);
    await userEvent.type(lead, '6,5{Enter}');
    expect(client.setup.tracers.edit.mutate).toHaveBeenCalledWith({
      id: 1,
      maxActivityPerOrder: 25_000,
      maxActivityPerDelivery: 100_000,
      releaseLeadHours: 6.5,
      underDeliveryTolerancePercent: 10,
      overDeliveryTolerancePercent: 50,
    });
  });

  it('[URS-ORD-010][URS-DAT-007] says in words which field is wrong and sends nothing', async () => {
    const client = fakeClient();
    renderWithApi(<TracersView catalog={catalog} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Grænser for Ga-DOTA' }));
    const dialog = screen.getByRole('dialog', { name: 'Grænser og frigivelse for Ga-DOTA' });
    const injections = within(dialog).getByLabelText('Højst injektioner pr. ordre');
    await userEvent.clear(injections);
    await userEvent.type(injections, 'mange');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(injections.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(injections.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toMatch(/Højst injektioner pr. ordre er ikke/);
    expect(client.setup.tracers.edit.mutate).not.toHaveBeenCalled();
  });
});

describe('TracersView: deleting a tracer', () => {
  const rowOf = (name: string) =>
    screen.getByLabelText(`Klinisk navn for ${name}`).closest('tr') as HTMLElement;

  async function confirmDelete(name: string) {
    await userEvent.click(screen.getByRole('button', { name: `Slet ${name}` }));
    const dialog = screen.getByRole('dialog', { name: 'Slet tracer' });
    expect(dialog.textContent).toContain(`Vil du slette traceren ${name}?`);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slet' }));
  }

  it('[URS-PRD-014] deletes a tracer after confirming; cancelling sends nothing', async () => {
    const client = fakeClient();
    renderWithApi(<TracersView catalog={catalog} />, client);
    expect(screen.queryByRole('button', { name: 'Slet ny tracer' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Slet FDG' }));
    await userEvent.click(screen.getByRole('button', { name: 'Annuller' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.setup.tracers.delete.mutate).not.toHaveBeenCalled();

    await confirmDelete('FDG');
    await waitFor(() =>
      expect(client.setup.tracers.delete.mutate).toHaveBeenCalledExactlyOnceWith({ id: 1 }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(rowOf('FDG')).queryByRole('alert')).toBeNull();
  });

  it('[URS-PRD-014][URS-DAT-006] refuses a tracer in use in words and points to archiving', async () => {
    const client = fakeClient();
    client.setup.tracers.delete.mutate.mockImplementation(() =>
      Promise.reject(refusal('REFERENCED', { entity: 'Tracer' })),
    );
    renderWithApi(<TracersView catalog={catalog} />, client);
    await confirmDelete('FDG');
    expect((await within(rowOf('FDG')).findByRole('alert')).textContent).toBe(
      'Fejl: Traceren er i brug og kan ikke slettes. Arkiver traceren i stedet: så kan den ikke længere bestilles, men dens historik bevares.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(
      within(rowOf('FDG')).getByRole<HTMLButtonElement>('button', { name: 'Arkiver FDG' }).disabled,
    ).toBe(false);

    // An endpoint may still order Ga-DOTA: archiving waits until none may.
    await confirmDelete('Ga-DOTA');
    expect((await within(rowOf('Ga-DOTA')).findByRole('alert')).textContent).toBe(
      'Fejl: Traceren er i brug og kan ikke slettes. Arkiver traceren i stedet, når intet leveringssted længere kan bestille den; så bevares dens historik.',
    );
  });

  it('[URS-DAT-006] shows another refusal as it is, without the archiving hint', async () => {
    const client = fakeClient();
    client.setup.tracers.delete.mutate.mockImplementation(() =>
      Promise.reject(refusal('NOT_FOUND', { entity: 'Tracer' })),
    );
    renderWithApi(<TracersView catalog={catalog} />, client);
    await confirmDelete('FDG');
    expect((await within(rowOf('FDG')).findByRole('alert')).textContent).toBe(
      'Fejl: Traceren findes ikke.',
    );
  });
});
