import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeSetupClient, testCatalog } from '../testing/fakeSetupClient';
import { renderWithApi } from '../testing/renderWithApi';
import { ClosedDaysView } from './ClosedDaysPage';

const day = (date: string) => document.querySelector(`[data-date="${date}"]`) as HTMLButtonElement;

describe('Lukkedage', () => {
  it('[URS-DLN-004] shows closed days dark grey and lists them', async () => {
    const client = fakeSetupClient(testCatalog());
    renderWithApi(<ClosedDaysView today="2026-12-02" />, client);
    expect(await screen.findByText('24. December 2026')).toBeTruthy();
    expect(day('2026-12-24').dataset.fill).toBe('unavailable');
    expect(day('2026-12-23').dataset.fill).toBe('available');
    expect(client.setup.catalog.query).toHaveBeenCalledWith({ date: '2026-12-01' });
  });

  it('[URS-DLN-004] closes an open day and opens a closed one', async () => {
    const client = fakeSetupClient(testCatalog());
    renderWithApi(<ClosedDaysView today="2026-12-02" />, client);
    await screen.findByText('24. December 2026');
    await userEvent.click(day('2026-12-10'));
    expect(client.setup.closedDates.toggle.mutate).toHaveBeenCalledWith({ date: '2026-12-10' });
    expect(await screen.findByText('10. December 2026 er lukket.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Åbn 24. December 2026 igen' }));
    await waitFor(() =>
      expect(client.setup.closedDates.toggle.mutate).toHaveBeenLastCalledWith({
        date: '2026-12-24',
      }),
    );
  });

  it('only changes the month with ‹ and ›', async () => {
    const client = fakeSetupClient(testCatalog());
    renderWithApi(<ClosedDaysView today="2026-12-02" />, client);
    await screen.findByText('24. December 2026');
    await userEvent.click(screen.getByRole('button', { name: 'Næste' }));
    await waitFor(() =>
      expect(client.setup.catalog.query).toHaveBeenLastCalledWith({ date: '2027-01-01' }),
    );
    expect(client.setup.closedDates.toggle.mutate).not.toHaveBeenCalled();
    expect(await screen.findByText('Ingen lukkede dage i perioden.')).toBeTruthy();
  });
});
