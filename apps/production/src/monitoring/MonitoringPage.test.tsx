import { TracerType } from '@tracershop/core';
import type { ErrorReason } from '@tracershop/api';
import { ApiTestProvider, refusal } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import MonitoringPage from './MonitoringPage';

const TRACERS = [
  { id: 1, shortname: 'FDG', tracerType: TracerType.Activity, archived: false },
  { id: 2, shortname: 'Ga-PSMA', tracerType: TracerType.Injection, archived: false },
  { id: 3, shortname: 'FET', tracerType: TracerType.Activity, archived: false },
  { id: 4, shortname: 'Old', tracerType: TracerType.Activity, archived: true },
];

function renderPage(path = '/monitoring?month=2026-11', refused: ErrorReason | null = null) {
  const punctuality = vi.fn(
    (input: { month: string; product: { kind: string; tracerId?: number } }) =>
      refused !== null
        ? Promise.reject(refusal(refused))
        : Promise.resolve({
            month: input.month,
            fromDate: `${input.month}-01`,
            toDate: `${input.month}-30`,
            counts:
              input.product.kind === 'injection'
                ? { total: 2, onTime: 1, late30: 0, lateMore: 0, notReleased: 1 }
                : { total: 5, onTime: 2, late30: 1, lateMore: 1, notReleased: 1 },
          }),
  );
  const client = {
    auth: {
      whoami: {
        query: () =>
          Promise.resolve({
            user: { id: 3, username: 'prod-admin', displayName: '', userGroup: 2 },
            timeZone: 'Europe/Copenhagen',
          }),
      },
    },
    setup: { catalog: { query: () => Promise.resolve({ tracers: TRACERS }) } },
    monitoring: { punctuality: { query: punctuality } },
  };
  renderWithI18n(
    <ApiTestProvider procedures={client}>
      <MemoryRouter initialEntries={[path]}>
        <MonitoringPage />
      </MemoryRouter>
    </ApiTestProvider>,
  );
  return { punctuality };
}

const countOf = (label: string) =>
  within(screen.getByRole('row', { name: new RegExp(`^${label}`) })).getAllByRole('cell')[0]
    ?.textContent;

describe('MonitoringPage', () => {
  it('[URS-PRD-013] offers the activity tracers and Special, and shows the first tracer’s month', async () => {
    const { punctuality } = renderPage();
    const products = await screen.findByRole('group', { name: 'Produkter' });
    await waitFor(() =>
      expect(
        within(products)
          .getAllByRole('button')
          .map((button) => button.textContent),
      ).toEqual(['FDG', 'FET', 'Special']),
    );
    await waitFor(() =>
      expect(punctuality).toHaveBeenCalledWith({
        month: '2026-11',
        product: { kind: 'tracer', tracerId: 1 },
      }),
    );
    expect(await screen.findByText('FDG – November 2026')).toBeTruthy();
    expect(countOf('Ordrer i alt')).toBe('5');
    expect(countOf('Ordrer behandlet til tiden')).toBe('2');
    expect(screen.getByRole('button', { name: 'FDG' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('[URS-PRD-013] shows the injection orders under Special', async () => {
    const { punctuality } = renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Special' }));
    await waitFor(() =>
      expect(punctuality).toHaveBeenCalledWith({
        month: '2026-11',
        product: { kind: 'injection' },
      }),
    );
    expect(await screen.findByText('Special – November 2026')).toBeTruthy();
    await waitFor(() => expect(countOf('Ordrer i alt')).toBe('2'));
    expect(countOf('Ej frigivet')).toBe('1');
  });

  it('[URS-PRD-013][URS-DOC-005] changes the month with the month picker and the arrows, and links that month’s Excel sheet', async () => {
    const { punctuality } = renderPage('/monitoring?month=2026-11&product=tracer-3');
    expect(await screen.findByText('FET – November 2026')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Hent Excel-ark' }).getAttribute('href')).toBe(
      '/documents/monthly-export/2026-11.xlsx',
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'November 2026, vælg en anden måned' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Marts 2026' }));
    await waitFor(() =>
      expect(punctuality).toHaveBeenCalledWith({
        month: '2026-03',
        product: { kind: 'tracer', tracerId: 3 },
      }),
    );
    expect(await screen.findByText('FET – Marts 2026')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Hent Excel-ark' }).getAttribute('href')).toBe(
      '/documents/monthly-export/2026-03.xlsx',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Forrige måned' }));
    await waitFor(() =>
      expect(punctuality).toHaveBeenCalledWith({
        month: '2026-02',
        product: { kind: 'tracer', tracerId: 3 },
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Næste måned' }));
    await userEvent.click(screen.getByRole('button', { name: 'Næste måned' }));
    expect(await screen.findByText('FET – April 2026')).toBeTruthy();
  });

  it('[URS-DAT-006] shows the api’s refusal', async () => {
    renderPage('/monitoring?month=2026-11', 'FORBIDDEN_ROLE');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Din rolle må ikke udføre denne handling.',
    );
  });
});
