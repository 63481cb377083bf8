import { screen, waitFor, within } from '@testing-library/react';
import { describedText, refusal } from '@tracershop/ui';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeSetupClient, testCatalog } from '../testing/fakeSetupClient';
import { renderWithApi } from '../testing/renderWithApi';
import ProductionsPage from './ProductionsPage';

const timeInput = () => screen.getByLabelText('Produktionstidspunkt') as HTMLInputElement;

describe('Produktioner', () => {
  it("[URS-PRD-014] shows the chosen product's runs in the weekly grid", async () => {
    renderWithApi(<ProductionsPage />, fakeSetupClient(testCatalog()));
    const grid = await screen.findByRole('table', { name: 'Produktioner af FDG' });
    expect(within(grid).getByRole('button', { name: 'Mandag 07:00' })).toBeTruthy();
    expect(within(grid).getByRole('button', { name: 'Onsdag 07:30' })).toBeTruthy();
    expect(within(grid).queryByRole('button', { name: 'Fredag 08:00' })).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Produkt'), 't-3');
    const other = screen.getByRole('table', { name: 'Produktioner af t-3' });
    expect(within(other).getAllByRole('button')).toHaveLength(1);
    expect(within(other).getByRole('button', { name: 'Fredag 08:00' })).toBeTruthy();
  });

  it('[URS-PRD-014] offers activity tracers in use and isotopes, not injection or archived tracers', async () => {
    renderWithApi(<ProductionsPage />, fakeSetupClient(testCatalog()));
    const options = within(await screen.findByLabelText('Produkt')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['FDG', 't-3', 'F-18', 'Ga-68']);
  });

  it('[URS-PRD-014] creates a run from the typed time, Enter saving', async () => {
    const client = fakeSetupClient(testCatalog());
    renderWithApi(<ProductionsPage />, client);
    await userEvent.selectOptions(await screen.findByLabelText('Produkt'), 't-3');
    await userEvent.selectOptions(screen.getByLabelText('Ugedag'), 'Fredag');
    await userEvent.type(timeInput(), '112');
    expect(timeInput().value).toBe('11:2');
    await userEvent.type(timeInput(), '2{Enter}');
    expect(client.setup.productions.create.mutate).toHaveBeenCalledWith({
      tracerId: 3,
      weekday: 4,
      productionTime: '11:22:00',
    });
  });

  it('[URS-PRD-014] loads a clicked run and updates it', async () => {
    const client = fakeSetupClient(testCatalog());
    renderWithApi(<ProductionsPage />, client);
    const run = await screen.findByRole('button', { name: 'Onsdag 07:30' });
    await userEvent.click(run);
    expect(run.getAttribute('aria-pressed')).toBe('true');
    expect(timeInput().value).toBe('07:30:00');
    expect((screen.getByLabelText('Ugedag') as HTMLSelectElement).value).toBe('2');
    await userEvent.clear(timeInput());
    await userEvent.type(timeInput(), '06:45');
    await userEvent.click(screen.getByRole('button', { name: 'Gem produktion' }));
    expect(client.setup.productions.edit.mutate).toHaveBeenCalledWith({
      id: 10,
      weekday: 2,
      productionTime: '06:45:00',
    });
    expect(client.setup.productions.create.mutate).not.toHaveBeenCalled();
  });

  it('[URS-DAT-007] refuses a time that is no time', async () => {
    const client = fakeSetupClient(testCatalog());
    renderWithApi(<ProductionsPage />, client);
    await userEvent.type(await screen.findByLabelText('Produktionstidspunkt'), '25:00');
    await userEvent.click(screen.getByRole('button', { name: 'Gem produktion' }));
    expect(describedText(timeInput())).toBe(
      'Produktionstidspunktet er ikke formateret som et tidspunkt',
    );
    expect(client.setup.productions.create.mutate).not.toHaveBeenCalled();
  });

  it("[URS-PRD-014] shows the api's refusal to delete a run that deliveries use", async () => {
    const client = fakeSetupClient(testCatalog());
    client.setup.productions.delete.mutate.mockRejectedValue(
      refusal('REFERENCED', { entity: 'ActivityProduction' }),
    );
    renderWithApi(<ProductionsPage />, client);
    await userEvent.click(await screen.findByRole('button', { name: 'Mandag 07:00' }));
    await userEvent.click(screen.getByRole('button', { name: 'Slet produktion' }));
    await userEvent.click(screen.getByRole('button', { name: 'Bekræft' }));
    await waitFor(() =>
      expect(client.setup.productions.delete.mutate).toHaveBeenCalledWith({ id: 8 }),
    );
    expect(await screen.findByText('Produktionen er i brug og kan ikke slettes.')).toBeTruthy();
  });

  it('[URS-PRD-014] creates isotope productions for isotopes', async () => {
    const client = fakeSetupClient(testCatalog());
    renderWithApi(<ProductionsPage />, client);
    await userEvent.selectOptions(await screen.findByLabelText('Produkt'), 'Ga-68');
    expect(screen.getByRole('button', { name: 'Tirsdag 09:00' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Ugedag'), 'Torsdag');
    await userEvent.type(timeInput(), '0930{Enter}');
    expect(client.setup.isotopeProductions.create.mutate).toHaveBeenCalledWith({
      isotopeId: 2,
      weekday: 3,
      productionTime: '09:30:00',
    });
  });
});
