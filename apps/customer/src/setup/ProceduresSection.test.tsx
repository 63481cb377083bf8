import { DEFAULT_RELEASE_GUARDS, DEFAULT_TRACER_LIMITS, TracerType } from '@tracershop/core';
import { ApiTestProvider } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../shopApi';
import { renderWithI18n } from '../testing/renderWithI18n';
import { ProceduresSection } from './ProceduresSection';

function tracer(id: number, shortname: string): Catalog['tracers'][number] {
  return {
    id,
    shortname,
    clinicalName: `${shortname} klinisk`,
    isotopeId: 1,
    tracerType: TracerType.Activity,
    vialTag: shortname,
    archived: false,
    marketed: true,
    ...DEFAULT_TRACER_LIMITS,
    ...DEFAULT_RELEASE_GUARDS,
  };
}

/** Customer 1 with endpoint 10 (FDG and NaF in its catalogue); FDG helkrop set up there. */
const catalog: Catalog = {
  isotopes: [],
  tracers: [tracer(1, 'FDG'), tracer(2, 'NaF'), tracer(3, 'PSMA')],
  productions: [],
  isotopeProductions: [],
  deadlines: [],
  globalDeadlines: { activity: null, injection: null },
  closedDates: [],
  procedureIdentifiers: [
    { id: 1, code: 'WZCXPET01', description: 'PET/CT FDG helkrop', isPet: true },
    { id: 2, code: 'WDCXSCINT', description: 'Knoglescintigrafi', isPet: false },
    { id: 3, code: 'WZCXNAF', description: 'PET/CT NaF knogler', isPet: true },
    { id: 4, code: 'WZCXXRAY', description: null, isPet: false },
  ],
  customers: [
    {
      id: 1,
      shortName: 'RH',
      longName: null,
      dispenserId: null,
      billingAddress: null,
      billingCity: null,
      billingEmail: null,
      billingPhone: null,
      billingZipCode: null,
    },
  ],
  endpoints: [
    { id: 10, customerId: 1, name: 'PET1', address: null, city: null, zipCode: null, phone: null },
  ],
  deliverySlots: [],
  isotopeDeliveries: [],
  catalogPages: [
    { id: 1, endpointId: 10, tracerId: 1, maxInjections: 0 },
    { id: 2, endpointId: 10, tracerId: 2, maxInjections: 0 },
  ],
  locations: [],
  procedures: [
    {
      id: 5,
      procedureIdentifierId: 1,
      endpointId: 10,
      tracerId: 1,
      tracerUnits: 300,
      delayMinutes: 0,
    },
    {
      id: 6,
      procedureIdentifierId: 2,
      endpointId: 10,
      tracerId: 2,
      tracerUnits: 200,
      delayMinutes: 30,
    },
  ],
};

function fakeClient() {
  return {
    setup: {
      catalog: { query: vi.fn(() => Promise.resolve(catalog)) },
      procedures: {
        create: { mutate: vi.fn((input: object) => Promise.resolve({ id: 7, ...input })) },
        edit: { mutate: vi.fn((input: object) => Promise.resolve(input)) },
        delete: { mutate: vi.fn((input: object) => Promise.resolve(input)) },
      },
    },
  };
}

function renderSection(client = fakeClient()) {
  renderWithI18n(
    <ApiTestProvider procedures={client}>
      <ProceduresSection catalog={catalog} />
    </ApiTestProvider>,
  );
  return client;
}

describe('ProceduresSection (Procedure)', () => {
  it('[URS-ORD-017] lists the destination’s procedures, each study with its PET marker', () => {
    renderSection();
    const helkrop = screen.getByRole('row', { name: 'PET/CT FDG helkrop' });
    expect(within(helkrop).getByRole('rowheader').textContent).toBe('PET/CT FDG helkrop PET');
    expect(
      within(helkrop).getByRole<HTMLSelectElement>('combobox', {
        name: 'Tracer for PET/CT FDG helkrop',
      }).value,
    ).toBe('1');
    const scint = screen.getByRole('row', { name: 'Knoglescintigrafi' });
    expect(within(scint).getByRole('rowheader').textContent).toBe('Knoglescintigrafi ikke PET');
    expect(
      within(scint).getByRole<HTMLInputElement>('textbox', {
        name: 'Forsinkelse i minutter for Knoglescintigrafi',
      }).value,
    ).toBe('30');
    expect(screen.getByText(/^PET markerer de undersøgelser/)).toBeTruthy();
  });

  it('[URS-ORD-017] marks the PET studies in the choice of a new procedure, read-only', () => {
    renderSection();
    const row = screen.getByRole('row', { name: 'Ny procedure' });
    const study = within(row).getByRole('combobox', { name: 'Series Description' });
    expect(
      within(study)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Vælg Series Description', 'PET/CT NaF knogler (PET)', 'WZCXXRAY (ikke PET)']);
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('[URS-ORD-017] creates a procedure for a chosen study', async () => {
    const client = renderSection();
    const row = screen.getByRole('row', { name: 'Ny procedure' });
    await userEvent.selectOptions(
      within(row).getByRole('combobox', { name: 'Series Description' }),
      'PET/CT NaF knogler (PET)',
    );
    await userEvent.selectOptions(
      within(row).getByRole('combobox', { name: 'Tracer for Ny procedure' }),
      'NaF',
    );
    const delay = within(row).getByRole('textbox', {
      name: 'Forsinkelse i minutter for Ny procedure',
    });
    await userEvent.clear(delay);
    await userEvent.type(delay, '45');
    await userEvent.type(
      within(row).getByRole('textbox', {
        name: 'MBq / injektioner pr. undersøgelse for Ny procedure',
      }),
      '250',
    );
    await userEvent.click(within(row).getByRole('button', { name: 'Opret' }));
    await waitFor(() =>
      expect(client.setup.procedures.create.mutate).toHaveBeenCalledExactlyOnceWith({
        procedureIdentifierId: 3,
        tracerId: 2,
        tracerUnits: 250,
        delayMinutes: 45,
        endpointId: 10,
      }),
    );
  });

  it('[URS-ORD-017] asks for a study before creating, and sends nothing', async () => {
    const client = renderSection();
    const row = screen.getByRole('row', { name: 'Ny procedure' });
    await userEvent.click(within(row).getByRole('button', { name: 'Opret' }));
    expect(within(row).getAllByText('Du skal vælge en Series description').length).toBeGreaterThan(
      0,
    );
    expect(client.setup.procedures.create.mutate).not.toHaveBeenCalled();
  });
});
