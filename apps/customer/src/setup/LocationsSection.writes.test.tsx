import { ApiTestProvider, refusal } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../shopApi';
import { catalogCustomer, catalogEndpoint, shopCatalog } from '../testing/catalog';
import { renderWithI18n } from '../testing/renderWithI18n';
import { LocationsSection } from './LocationsSection';

/** Customer RH with PET1 and PET2; two rooms the RIS reported. */
const catalog = shopCatalog({
  customers: [catalogCustomer(1, 'RH')],
  endpoints: [catalogEndpoint(10, 1, 'PET1'), catalogEndpoint(11, 1, 'PET2')],
  locations: [
    { id: 1, locationCode: 'KF-PET1', commonName: 'PET/CT 1', endpointId: 10 },
    { id: 2, locationCode: 'KF-PET2', commonName: null, endpointId: 11 },
  ],
});

interface Writes {
  create?: (input: unknown) => Promise<unknown>;
  remove?: (input: unknown) => Promise<unknown>;
}

function renderSection(writes: Writes = {}, shown: Catalog = catalog) {
  const client = {
    setup: {
      locations: {
        create: {
          mutate: vi.fn(
            writes.create ??
              ((input: unknown) =>
                Promise.resolve({ id: 7, commonName: null, ...(input as object) })),
          ),
        },
        edit: { mutate: vi.fn((input: unknown) => Promise.resolve(input)) },
        delete: { mutate: vi.fn(writes.remove ?? ((input: unknown) => Promise.resolve(input))) },
      },
    },
  };
  renderWithI18n(
    <ApiTestProvider procedures={client}>
      <LocationsSection catalog={shown} />
    </ApiTestProvider>,
  );
  return client.setup.locations;
}

const row = (code: string) => screen.getByRole('row', { name: new RegExp(`^${code}`) });
const newForm = () => screen.getByRole('form', { name: 'Ny lokation' });
const field = (name: string) => within(newForm()).getByRole('textbox', { name });
const destination = () =>
  within(newForm()).getByRole<HTMLSelectElement>('combobox', { name: 'Destination' });

describe('LocationsSection: adding and removing rooms', () => {
  it('[URS-ORD-017] adds a room code before the first booking, after confirming', async () => {
    const locations = renderSection();
    expect(
      within(destination())
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Vælg destination', 'PET1', 'PET2']);
    await userEvent.type(field('Rumkode'), ' KF-PET3 ');
    await userEvent.type(field('Kaldenavn'), 'PET/CT 3');
    await userEvent.selectOptions(destination(), 'PET2');
    await userEvent.click(within(newForm()).getByRole('button', { name: 'Opret lokation' }));

    const question = screen.getByRole('dialog', { name: 'Ny lokation' });
    expect(question.textContent).toContain(
      'Vil du oprette lokationen KF-PET3 med destination PET2?',
    );
    // Escape: nothing is created and what was typed stays.
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(locations.create.mutate).not.toHaveBeenCalled();
    expect(field('Rumkode')).toHaveProperty('value', ' KF-PET3 ');

    await userEvent.type(field('Rumkode'), '{Enter}');
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(locations.create.mutate).toHaveBeenCalledExactlyOnceWith({
        locationCode: 'KF-PET3',
        commonName: 'PET/CT 3',
        endpointId: 11,
      }),
    );
    expect((await screen.findByRole('status')).textContent).toBe(
      'Hint: Lokationen KF-PET3 er oprettet.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(field('Rumkode')).toHaveProperty('value', '');
    expect(field('Kaldenavn')).toHaveProperty('value', '');
  });

  it('[URS-ORD-017][URS-DAT-007] asks for a code and a destination and refuses a code shown already, sending nothing', async () => {
    const locations = renderSection();
    await userEvent.click(within(newForm()).getByRole('button', { name: 'Opret lokation' }));
    expect(field('Rumkode').getAttribute('aria-invalid')).toBe('true');
    expect(within(newForm()).getByText('Rumkode er ikke tastet ind')).toBeTruthy();
    expect(destination().getAttribute('aria-invalid')).toBe('true');
    expect(within(newForm()).getByText('Vælg den destination, rummet hører til')).toBeTruthy();

    await userEvent.type(field('Rumkode'), 'kf-pet1');
    await userEvent.selectOptions(destination(), 'PET1');
    await userEvent.click(within(newForm()).getByRole('button', { name: 'Opret lokation' }));
    expect(
      within(newForm()).getByText('Der findes allerede en lokation med rumkoden kf-pet1'),
    ).toBeTruthy();
    expect(destination().getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(locations.create.mutate).not.toHaveBeenCalled();
  });

  it('[URS-ORD-017] chooses the only destination there is', () => {
    renderSection(
      {},
      shopCatalog({
        customers: [catalogCustomer(1, 'RH')],
        endpoints: [catalogEndpoint(10, 1, 'PET1')],
      }),
    );
    expect(destination().selectedOptions[0]?.textContent).toBe('PET1');
  });

  it('[URS-DAT-006] shows the api’s refusal of a new room in words and keeps what was typed', async () => {
    const locations = renderSection({
      create: () => Promise.reject(refusal('ALREADY_EXISTS', { entity: 'Location' })),
    });
    await userEvent.type(field('Rumkode'), 'GLO-KF-PETCT');
    await userEvent.selectOptions(destination(), 'PET1');
    await userEvent.click(within(newForm()).getByRole('button', { name: 'Opret lokation' }));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Ny lokation' })).getByRole('button', {
        name: 'Opret lokation',
      }),
    );
    expect(locations.create.mutate).toHaveBeenCalledExactlyOnceWith({
      locationCode: 'GLO-KF-PETCT',
      commonName: null,
      endpointId: 10,
    });
    expect((await within(newForm()).findByRole('alert')).textContent).toBe(
      'Fejl: Lokationen findes allerede med de samme oplysninger.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(field('Rumkode')).toHaveProperty('value', 'GLO-KF-PETCT');
  });

  it('[URS-ORD-017] removes a room after confirming', async () => {
    const locations = renderSection();
    await userEvent.click(within(row('KF-PET2')).getByRole('button', { name: 'Slet KF-PET2' }));
    const question = screen.getByRole('dialog', { name: 'Slet lokation' });
    expect(question.textContent).toContain('Vil du slette lokationen KF-PET2?');
    await userEvent.click(within(question).getByRole('button', { name: 'Annuller' }));
    expect(locations.delete.mutate).not.toHaveBeenCalled();

    await userEvent.click(within(row('KF-PET2')).getByRole('button', { name: 'Slet KF-PET2' }));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(locations.delete.mutate).toHaveBeenCalledExactlyOnceWith({ id: 2 }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(row('KF-PET2')).queryByRole('alert')).toBeNull();
  });

  it('[URS-ORD-017][URS-DAT-006] says in words that a room with bookings cannot be removed', async () => {
    const locations = renderSection({
      remove: () => Promise.reject(refusal('REFERENCED', { entity: 'Location' })),
    });
    await userEvent.click(within(row('KF-PET1')).getByRole('button', { name: 'Slet KF-PET1' }));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Slet lokation' })).getByRole('button', {
        name: 'Slet',
      }),
    );
    expect(locations.delete.mutate).toHaveBeenCalledExactlyOnceWith({ id: 1 });
    expect((await within(row('KF-PET1')).findByRole('alert')).textContent).toBe(
      'Fejl: Lokationen er i brug og kan ikke slettes.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
