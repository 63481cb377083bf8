import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../renderWithApi';
import LoginEventsPage from './LoginEventsPage';

describe('LoginEventsPage', () => {
  it('[URS-AUD-010] lists attempts with their reason in Danish and sends the filters', async () => {
    const loginEvents = vi.fn(() =>
      Promise.resolve({
        rows: [
          {
            id: 2,
            at: '2026-12-02T07:00:00.000Z',
            username: 'prod-user',
            success: false,
            reason: 'wrong-password',
            remoteAddress: '10.0.0.7',
          },
          {
            id: 3,
            at: '2026-12-02T06:58:00.000Z',
            username: 'prod-admin',
            success: true,
            reason: 'apiToken:natlig-csv',
            remoteAddress: '10.0.0.9',
          },
          {
            id: 1,
            at: '2026-12-02T06:59:00.000Z',
            username: 'prod-user',
            success: true,
            reason: null,
            remoteAddress: '10.0.0.7',
          },
        ],
        total: 3,
        page: 1,
        pageSize: 50,
      }),
    );
    renderWithApi(<LoginEventsPage />, { admin: { loginEvents: { query: loginEvents } } });
    expect(await screen.findByRole('cell', { name: 'Forkert kodeord' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Mislykkedes' })).toBeTruthy();
    expect(screen.getAllByRole('cell', { name: 'Lykkedes' })).toHaveLength(2);
    // A script's API token in use, by its name.
    expect(screen.getByRole('cell', { name: 'API-nøgle »natlig-csv«' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '02/12/2026 08:00:00' })).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Brugernavn'), 'prod-user');
    await userEvent.selectOptions(screen.getByLabelText('Resultat'), 'Mislykkedes');
    await userEvent.type(screen.getByLabelText('Fra'), '02122026');
    await userEvent.click(screen.getByRole('button', { name: 'Søg' }));
    await waitFor(() =>
      expect(loginEvents).toHaveBeenLastCalledWith({
        username: 'prod-user',
        success: false,
        from: '2026-12-01T23:00:00Z',
        page: 1,
        pageSize: 50,
      }),
    );
  });
});
