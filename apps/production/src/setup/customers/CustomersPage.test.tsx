import { screen, waitFor, within } from '@testing-library/react';
import { describedText, refusal } from '@tracershop/ui';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeSetupClient, testCatalog } from '../testing/fakeSetupClient';
import { renderWithApi } from '../testing/renderWithApi';
import CustomersPage from './CustomersPage';

async function openCustomer(name: string, client = fakeSetupClient(testCatalog())) {
  renderWithApi(<CustomersPage />, client);
  await userEvent.click(await screen.findByRole('button', { name: `Konfigurer ${name}` }));
  const dialog = screen.getByRole('dialog', { name: `Kundekonfiguration - ${name}` });
  return { client, dialog };
}

const input = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const select = (name: string) => screen.getByLabelText(name) as HTMLSelectElement;

describe('Levering og kunder', () => {
  it('[URS-PRD-014] lists all customers, filters them by name and opens one with the gear', async () => {
    renderWithApi(<CustomersPage />, fakeSetupClient(testCatalog()));
    expect(await screen.findByRole('cell', { name: 'Customer_1' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Customer_2' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Filtrér på kunde'), 'Customer_3');
    expect(screen.queryByRole('cell', { name: 'Customer_1' })).toBeNull();
    expect(screen.getByRole('cell', { name: 'Customer_3' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Opret kunden/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Konfigurer Customer_3' }));
    expect(screen.getByRole('dialog', { name: 'Kundekonfiguration - Customer_3' })).toBeTruthy();
  });

  it('[URS-PRD-014] creates a new customer with an endpoint of the same name and opens it', async () => {
    const catalog = testCatalog();
    const client = fakeSetupClient(catalog);
    client.setup.customers.create.mutate.mockImplementation((given) => {
      const customer = { ...catalog.customers[0]!, id: 7, shortName: String(given.shortName) };
      catalog.customers.push(customer);
      return Promise.resolve(customer);
    });
    renderWithApi(<CustomersPage />, client);
    await userEvent.type(await screen.findByLabelText('Filtrér på kunde'), 'N');
    expect(screen.queryByRole('button', { name: /Opret kunden/ })).toBeNull();
    await userEvent.type(screen.getByLabelText('Filtrér på kunde'), 'y klinik');
    await userEvent.click(screen.getByRole('button', { name: 'Opret kunden Ny klinik' }));
    expect(client.setup.customers.create.mutate).toHaveBeenCalledWith({ shortName: 'Ny klinik' });
    expect(client.setup.endpoints.create.mutate).toHaveBeenCalledWith({
      customerId: 7,
      name: 'Ny klinik',
    });
    expect(
      await screen.findByRole('dialog', { name: 'Kundekonfiguration - Ny klinik' }),
    ).toBeTruthy();
  });

  it("[URS-PRD-014] shows the customer's own slots in the weekly grid and loads a clicked slot", async () => {
    const { client, dialog } = await openCustomer('Customer_1');
    const grid = within(dialog).getByRole('table', { name: 'Leveringer til Endpoint_1 af FDG' });
    expect(within(grid).getByRole('button', { name: 'Mandag 08:00 Alle uger' })).toBeTruthy();
    // Slot 3 belongs to another customer's endpoint.
    expect(within(grid).queryByRole('button', { name: /09:00/ })).toBeNull();
    expect(within(grid).getAllByRole('button')).toHaveLength(2);

    await userEvent.click(within(grid).getByRole('button', { name: 'Onsdag 11:00 Lige uger' }));
    expect(input('Leveringstid').value).toBe('11:00:00');
    expect(select('Ugentlig gentagelse').value).toBe('1');
    expect(select('Levering fra produktion').selectedOptions[0]?.textContent).toBe(
      'Onsdag - 07:30',
    );
    const save = screen.getByRole('button', { name: 'Gem leveringstid' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await userEvent.clear(input('Leveringstid'));
    await userEvent.type(input('Leveringstid'), '14:30:00');
    expect(save.disabled).toBe(false);
    expect(screen.getByRole('button', { name: 'Ny leveringstid' })).toBeTruthy();
    await userEvent.click(save);
    expect(client.setup.deliverySlots.edit.mutate).toHaveBeenCalledWith({
      id: 2,
      deliveryTime: '14:30:00',
      weeklyRepeat: 1,
      productionId: 10,
    });
    expect(client.setup.deliverySlots.create.mutate).not.toHaveBeenCalled();
  });

  it("[URS-PRD-014][URS-PRD-003] clears the selection and shows the endpoint's and the product's overhead", async () => {
    await openCustomer('Customer_1');
    expect(input('Overhead [%]').value).toBe('25');
    await userEvent.click(screen.getByRole('button', { name: 'Mandag 08:00 Alle uger' }));
    await userEvent.selectOptions(select('Leveringssteder'), 'Endpoint_2');
    expect(input('Overhead [%]').value).toBe('50');
    expect(input('Leveringstid').value).toBe('');
    expect(screen.queryByRole('button', { pressed: true })).toBeNull();
    await userEvent.selectOptions(select('Aktivitetstracer'), 't-3');
    expect(input('Overhead [%]').value).toBe('');
    expect(document.activeElement).toBe(select('Aktivitetstracer'));
  });

  it('cancels the delete question with Escape and keeps the modal open', async () => {
    const { client } = await openCustomer('Customer_1');
    await userEvent.click(screen.getByRole('button', { name: 'Mandag 08:00 Alle uger' }));
    await userEvent.click(screen.getByRole('button', { name: 'Slet leveringstid' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('button', { name: 'Bekræft' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Kundekonfiguration - Customer_1' })).toBeTruthy();
    expect(client.setup.deliverySlots.delete.mutate).not.toHaveBeenCalled();
  });

  it('[URS-PRD-014] creates a new slot for the chosen endpoint, product and production', async () => {
    const { client } = await openCustomer('Customer_1');
    await userEvent.selectOptions(select('Leveringssteder'), 'Endpoint_2');
    await userEvent.selectOptions(select('Aktivitetstracer'), 't-3');
    expect(select('Levering fra produktion').selectedOptions[0]?.textContent).toBe(
      'Fredag - 08:00',
    );
    await userEvent.type(input('Leveringstid'), '13:00');
    await userEvent.selectOptions(select('Ugentlig gentagelse'), 'Lige uger');
    await userEvent.click(screen.getByRole('button', { name: 'Gem leveringstid' }));
    expect(client.setup.deliverySlots.create.mutate).toHaveBeenCalledWith({
      endpointId: 2,
      productionId: 9,
      deliveryTime: '13:00:00',
      weeklyRepeat: 1,
    });
  });

  it('[URS-PRD-014][URS-DAT-007] refuses a time that is no time or lies before the production', async () => {
    const { client } = await openCustomer('Customer_1');
    await userEvent.type(input('Leveringstid'), 'your mother was a hamster');
    await userEvent.click(screen.getByRole('button', { name: 'Gem leveringstid' }));
    expect(describedText(input('Leveringstid'))).toBe(
      'Leveringstiden er ikke formateret som et tidspunkt',
    );
    expect(input('Leveringstid').getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(input('Leveringstid'));
    await userEvent.type(input('Leveringstid'), '01:00');
    await userEvent.click(screen.getByRole('button', { name: 'Gem leveringstid' }));
    expect(describedText(input('Leveringstid'))).toBe(
      'Der kan ikke laves en levering før den valgte produktion',
    );
    expect(client.setup.deliverySlots.create.mutate).not.toHaveBeenCalled();
  });

  it('[URS-PRD-014] asks for an endpoint before a slot of a customer without one', async () => {
    const { client } = await openCustomer('Customer_3');
    await userEvent.type(input('Leveringstid'), '10:00');
    await userEvent.click(screen.getByRole('button', { name: 'Gem leveringstid' }));
    expect(select('Leveringssteder').getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getAllByText(/Opret et leveringssted, før du opretter leveringstidspunkter/).length,
    ).toBeGreaterThan(0);
    expect(client.setup.deliverySlots.create.mutate).not.toHaveBeenCalled();
  });

  it('[URS-PRD-014] checks the endpoint fields and saves a trimmed new endpoint', async () => {
    const { client } = await openCustomer('Customer_1');
    await userEvent.selectOptions(select('Leveringssteder'), 'Nyt');
    const long = 'x'.repeat(129);
    for (const label of [
      'Leveringsadresse',
      'Leveringsby',
      'Leveringspostnummer',
      'Leveringstelefonnummer',
    ]) {
      await userEvent.click(input(label));
      await userEvent.paste(long);
    }
    await userEvent.click(screen.getByRole('button', { name: 'Opret leveringssted' }));
    for (const label of [
      'Leveringsstedets navn',
      'Leveringsadresse',
      'Leveringsby',
      'Leveringspostnummer',
      'Leveringstelefonnummer',
    ]) {
      expect(input(label).getAttribute('aria-invalid')).toBe('true');
    }
    expect(client.setup.endpoints.create.mutate).not.toHaveBeenCalled();

    for (const label of [
      'Leveringsadresse',
      'Leveringsby',
      'Leveringspostnummer',
      'Leveringstelefonnummer',
    ]) {
      await userEvent.clear(input(label));
    }
    await userEvent.type(input('Leveringsstedets navn'), 'test name  ');
    await userEvent.click(screen.getByRole('button', { name: 'Opret leveringssted' }));
    expect(client.setup.endpoints.create.mutate).toHaveBeenCalledWith({
      customerId: 1,
      name: 'test name',
      address: null,
      city: null,
      zipCode: null,
      phone: null,
    });
  });

  it('[URS-PRD-014] saves a whole dispenser id and refuses letters', async () => {
    const { client } = await openCustomer('Customer_1');
    await userEvent.type(input('Dispenser ID'), 'asdf13');
    await userEvent.click(screen.getByRole('button', { name: 'Gem kunde' }));
    expect(input('Dispenser ID').getAttribute('aria-invalid')).toBe('true');
    expect(client.setup.customers.edit.mutate).not.toHaveBeenCalled();
    await userEvent.clear(input('Dispenser ID'));
    await userEvent.type(input('Dispenser ID'), '13');
    await userEvent.click(screen.getByRole('button', { name: 'Gem kunde' }));
    expect(client.setup.customers.edit.mutate).toHaveBeenCalledWith(
      expect.objectContaining({ id: 1, shortName: 'Customer_1', dispenserId: 13 }),
    );
  });

  it('[URS-PRD-003] saves the overhead 44 % as the multiplier 1.44 and refuses "4a4"', async () => {
    const { client } = await openCustomer('Customer_1');
    await userEvent.clear(input('Overhead [%]'));
    await userEvent.type(input('Overhead [%]'), '4a4');
    await userEvent.click(screen.getByRole('button', { name: 'Gem overhead' }));
    expect(input('Overhead [%]').getAttribute('aria-invalid')).toBe('true');
    expect(client.setup.catalogPages.edit.mutate).not.toHaveBeenCalled();
    await userEvent.clear(input('Overhead [%]'));
    await userEvent.type(input('Overhead [%]'), '44');
    await userEvent.click(screen.getByRole('button', { name: 'Gem overhead' }));
    expect(client.setup.catalogPages.edit.mutate).toHaveBeenCalledWith({
      id: 1,
      overheadMultiplier: 1.44,
    });
  });

  it('[URS-PRD-003][URS-PRD-014] adds an endpoint to the catalogue of a tracer through its overhead', async () => {
    const { client } = await openCustomer('Customer_1');
    await userEvent.selectOptions(select('Aktivitetstracer'), 't-3');
    await userEvent.type(input('Overhead [%]'), '10');
    await userEvent.click(screen.getByRole('button', { name: 'Gem overhead' }));
    expect(client.setup.catalogPages.create.mutate).toHaveBeenCalledWith({
      endpointId: 1,
      tracerId: 3,
      overheadMultiplier: 1.1,
    });
  });

  it('[URS-PRD-014] edits isotope deliveries with the same form', async () => {
    const { client } = await openCustomer('Customer_1');
    // Activity tracers in use, and the isotopes that have a production.
    expect(
      within(select('Aktivitetstracer'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['FDG', 't-3', 'Ga-68']);
    await userEvent.selectOptions(select('Aktivitetstracer'), 'Ga-68');
    expect(screen.queryByLabelText('Overhead [%]')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Tirsdag 10:00 Alle uger' }));
    await userEvent.click(screen.getByRole('button', { name: 'Slet leveringstid' }));
    await userEvent.click(screen.getByRole('button', { name: 'Bekræft' }));
    await waitFor(() =>
      expect(client.setup.isotopeDeliveries.delete.mutate).toHaveBeenCalledWith({ id: 30 }),
    );
    await userEvent.type(input('Leveringstid'), '11:15');
    await userEvent.click(screen.getByRole('button', { name: 'Gem leveringstid' }));
    expect(client.setup.isotopeDeliveries.create.mutate).toHaveBeenCalledWith({
      endpointId: 1,
      isotopeProductionId: 20,
      deliveryTime: '11:15:00',
      weeklyRepeat: 0,
    });
  });
});

describe('Levering og kunder: deleting a delivery endpoint', () => {
  async function askToDelete(dialog: HTMLElement) {
    const form = within(dialog).getByRole('form', { name: 'Leveringssted' });
    await userEvent.click(within(form).getByRole('button', { name: 'Slet leveringssted' }));
    return screen.getByRole('dialog', { name: 'Slet leveringssted' });
  }

  it('[URS-PRD-014] deletes the chosen endpoint after confirming and goes on with the next one', async () => {
    const { client, dialog } = await openCustomer('Customer_1');
    expect(select('Leveringssteder').value).toBe('1');
    const question = await askToDelete(dialog);
    expect(question.textContent).toContain('Vil du slette leveringsstedet Endpoint_1?');
    // Escape answers the question only: the customer modal stays.
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Slet leveringssted' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Kundekonfiguration - Customer_1' })).toBeTruthy();
    expect(client.setup.endpoints.delete.mutate).not.toHaveBeenCalled();

    await askToDelete(dialog);
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(client.setup.endpoints.delete.mutate).toHaveBeenCalledExactlyOnceWith({ id: 1 }),
    );
    await waitFor(() => expect(select('Leveringssteder').value).toBe('2'));
    expect(document.activeElement).toBe(select('Leveringssteder'));
    expect(screen.queryByRole('dialog', { name: 'Slet leveringssted' })).toBeNull();
  });

  it('[URS-PRD-014][URS-DAT-006] says in words that an endpoint in use cannot be deleted', async () => {
    const client = fakeSetupClient(testCatalog());
    client.setup.endpoints.delete.mutate.mockImplementation(() =>
      Promise.reject(refusal('REFERENCED', { entity: 'DeliveryEndpoint' })),
    );
    const { dialog } = await openCustomer('Customer_1', client);
    const question = await askToDelete(dialog);
    await userEvent.click(within(question).getByRole('button', { name: 'Slet leveringssted' }));
    const form = within(dialog).getByRole('form', { name: 'Leveringssted' });
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Fejl: Leveringsstedet er i brug og kan ikke slettes.',
    );
    expect(client.setup.endpoints.delete.mutate).toHaveBeenCalledExactlyOnceWith({ id: 1 });
    expect(screen.queryByRole('dialog', { name: 'Slet leveringssted' })).toBeNull();
    expect(select('Leveringssteder').value).toBe('1');
  });

  it('offers no delete while a new endpoint is being typed', async () => {
    const { dialog } = await openCustomer('Customer_1');
    await userEvent.selectOptions(select('Leveringssteder'), 'Nyt');
    const form = within(dialog).getByRole('form', { name: 'Leveringssted' });
    expect(within(form).queryByRole('button', { name: 'Slet leveringssted' })).toBeNull();
  });
});
