import { ApiTestProvider, refusal } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { catalogCustomer, catalogEndpoint, shopCatalog } from '../testing/catalog';
import { renderWithI18n } from '../testing/renderWithI18n';
import { LocationsSection } from './LocationsSection';

/** Customer RH with PET1 and PET2; three rooms the RIS reported, one not yet set up. */
const catalog = shopCatalog({
  customers: [catalogCustomer(1, 'RH')],
  endpoints: [catalogEndpoint(10, 1, 'PET1'), catalogEndpoint(11, 1, 'PET2')],
  locations: [
    { id: 1, locationCode: 'KF-PET1', commonName: 'PET/CT 1', endpointId: 10 },
    { id: 2, locationCode: 'KF-PET2', commonName: 'PET/CT 2', endpointId: 11 },
    { id: 3, locationCode: 'KF-GAMMA', commonName: null, endpointId: null },
  ],
});

function fakeClient(edit: (input: unknown) => unknown = (input) => input) {
  return { setup: { locations: { edit: { mutate: vi.fn(edit) } } } };
}

function renderSection(client = fakeClient(), shown = catalog) {
  renderWithI18n(
    <ApiTestProvider procedures={client}>
      <LocationsSection catalog={shown} />
    </ApiTestProvider>,
  );
  return client;
}

function row(code: string): HTMLElement {
  return screen.getByRole('row', { name: new RegExp(`^${code}`) });
}

function roomCodes(): string[] {
  return screen.queryAllByRole('rowheader').map((header) => header.textContent ?? '');
}

describe('LocationsSection (Lokationer)', () => {
  it('[URS-ORD-017] lists the rooms with their friendly name and destination', () => {
    renderSection();
    expect(screen.getByRole('heading', { level: 2, name: 'Lokationer' })).toBeTruthy();
    expect(roomCodes()).toEqual(['KF-PET1', 'KF-PET2', 'KF-GAMMA']);
    expect(
      within(row('KF-PET2')).getByRole<HTMLInputElement>('textbox', {
        name: 'Kaldenavn for KF-PET2',
      }).value,
    ).toBe('PET/CT 2');
    const destination = within(row('KF-PET2')).getByRole<HTMLSelectElement>('combobox', {
      name: 'Destination for KF-PET2',
    });
    expect(destination.selectedOptions[0]?.textContent).toBe('PET2');
    expect(
      within(destination)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Ingen', 'PET1', 'PET2']);
    expect(
      within(row('KF-GAMMA')).getByRole<HTMLSelectElement>('combobox', {
        name: 'Destination for KF-GAMMA',
      }).selectedOptions[0]?.textContent,
    ).toBe('Ingen');
    // Nothing changed, nothing to save.
    expect(screen.queryByRole('button', { name: 'Gem' })).toBeNull();
  });

  it('filters by room code or friendly name, and says when nothing is left', async () => {
    renderSection();
    const filter = screen.getByRole('textbox', { name: 'Filter (Rumkode eller Kaldenavn)' });
    await userEvent.type(filter, 'gamma');
    expect(roomCodes()).toEqual(['KF-GAMMA']);
    await userEvent.clear(filter);
    await userEvent.type(filter, 'pet/ct 1');
    expect(roomCodes()).toEqual(['KF-PET1']);
    await userEvent.type(filter, 'x');
    expect(roomCodes()).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('Hint: Ingen lokationer.');
  });

  it('[URS-ORD-017] saves a room’s new friendly name and destination with "Gem"', async () => {
    const client = renderSection();
    const gamma = row('KF-GAMMA');
    await userEvent.type(
      within(gamma).getByRole('textbox', { name: 'Kaldenavn for KF-GAMMA' }),
      '  Gammakamera ',
    );
    await userEvent.selectOptions(
      within(gamma).getByRole('combobox', { name: 'Destination for KF-GAMMA' }),
      'PET1',
    );
    await userEvent.click(within(gamma).getByRole('button', { name: 'Gem' }));
    await waitFor(() =>
      expect(client.setup.locations.edit.mutate).toHaveBeenCalledExactlyOnceWith({
        id: 3,
        commonName: 'Gammakamera',
        endpointId: 10,
      }),
    );
  });

  it('[URS-ORD-017] clears a friendly name and a destination as none', async () => {
    const client = renderSection();
    const pet1 = row('KF-PET1');
    await userEvent.clear(within(pet1).getByRole('textbox', { name: 'Kaldenavn for KF-PET1' }));
    await userEvent.selectOptions(
      within(pet1).getByRole('combobox', { name: 'Destination for KF-PET1' }),
      'Ingen',
    );
    await userEvent.click(within(pet1).getByRole('button', { name: 'Gem' }));
    await waitFor(() =>
      expect(client.setup.locations.edit.mutate).toHaveBeenCalledExactlyOnceWith({
        id: 1,
        commonName: null,
        endpointId: null,
      }),
    );
  });

  it('[URS-DAT-006] shows the api’s refusal in the room’s row', async () => {
    renderSection(
      fakeClient(() => {
        throw refusal('NOT_ASSIGNED');
      }),
    );
    const pet2 = row('KF-PET2');
    await userEvent.type(within(pet2).getByRole('textbox', { name: 'Kaldenavn for KF-PET2' }), 'b');
    await userEvent.click(within(pet2).getByRole('button', { name: 'Gem' }));
    expect((await within(pet2).findByRole('alert')).textContent).toBe(
      'Fejl: Du er ikke tilknyttet denne kunde.',
    );
  });
});
