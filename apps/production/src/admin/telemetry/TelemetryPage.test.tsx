import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../renderWithApi';
import TelemetryPage from './TelemetryPage';

const SUMMARY = {
  from: '2026-11-25T07:00:00.000Z',
  to: '2026-12-02T07:00:00.000Z',
  procedures: [
    { procedure: 'admin.auditTrail', calls: 7, failures: 0, meanMs: 4, p95Ms: 9 },
    { procedure: 'orders.productionDay', calls: 40, failures: 1, meanMs: 12.25, p95Ms: 30 },
  ],
};

const procedures = () =>
  within(screen.getByRole('table', { name: 'Telemetri' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')?.textContent);

describe('TelemetryPage', () => {
  it('[URS-PRF-009] shows calls and times per procedure, most called first, and sorts by a column', async () => {
    renderWithApi(<TelemetryPage />, {
      admin: { telemetry: { query: vi.fn(() => Promise.resolve(SUMMARY)) } },
    });
    expect(await screen.findByRole('cell', { name: '12,3' })).toBeTruthy();
    expect(screen.getByText('Periode: 25/11/2026 08:00:00 – 02/12/2026 08:00:00')).toBeTruthy();
    expect(procedures()).toEqual(['orders.productionDay', 'admin.auditTrail']);
    await userEvent.click(screen.getByRole('button', { name: 'Procedure' }));
    expect(procedures()).toEqual(['admin.auditTrail', 'orders.productionDay']);
    expect(screen.getByRole('columnheader', { name: /Procedure/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
  });
});
