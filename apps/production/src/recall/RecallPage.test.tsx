import type { LotTrace } from './recallApi';
import { ApiTestProvider } from '@tracershop/ui';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import RecallPage from './RecallPage';

const TRACE: LotTrace = {
  lot: 'FDG-270421-1',
  customers: ['RH KF'],
  vials: [
    {
      id: 7,
      lotNumber: 'FDG-270421-1',
      tracer: 'FDG',
      owner: 'RH KF',
      fillDate: '2027-04-21',
      fillTime: '07:10:00',
      activity: 560,
      volume: 5,
      deliveredWithId: 100,
    },
  ],
  activityDeliveries: [
    {
      releaseId: 100,
      customer: 'RH KF',
      endpoint: 'PET1',
      tracer: 'FDG',
      deliveryDate: '2027-04-21',
      deliveryTime: '08:00:00',
      orders: [{ id: 100, orderedActivity: 300, status: 3, comment: null }],
      vialIds: [7],
      releasedAt: '2027-04-21 07:40:00',
      releasedBy: 'Demo Production User',
      bookings: [
        {
          accessionNumber: 'RECALL-1',
          study: 'PET/CT FDG helkrop',
          location: 'PET/CT 1',
          startDate: '2027-04-21',
          startTime: '09:15:00',
        },
      ],
    },
  ],
  injectionOrders: [],
  isotopeVials: [],
  isotopeOrders: [],
};

function Address() {
  return <span aria-label="adresse">{useLocation().search}</span>;
}

function renderPage(path: string) {
  const trace = vi.fn((input: { lot: string }) => Promise.resolve({ ...TRACE, lot: input.lot }));
  const lotsOfOrder = vi.fn((input: { kind: string; id: number }) =>
    Promise.resolve(input.kind === 'activity' && input.id === 100 ? ['FDG-270421-1'] : []),
  );
  renderWithI18n(
    <ApiTestProvider
      procedures={{ recall: { trace: { query: trace }, lotsOfOrder: { query: lotsOfOrder } } }}
    >
      <MemoryRouter initialEntries={[path]}>
        <RecallPage />
        <Address />
      </MemoryRouter>
    </ApiTestProvider>,
  );
  return { trace, lotsOfOrder };
}

describe('RecallPage (Tilbagekaldelse)', () => {
  it('[URS-PRD-009] traces the typed lot and shows deliveries, vials, signer and studies', async () => {
    const { trace } = renderPage('/recall');
    await userEvent.type(screen.getByLabelText('Lot- eller batchnummer'), ' FDG-270421-1 ');
    await userEvent.click(screen.getByRole('button', { name: 'Spor' }));
    expect(await screen.findByText('Lot FDG-270421-1: 1 levering til RH KF.')).toBeTruthy();
    expect(trace).toHaveBeenCalledWith({ lot: 'FDG-270421-1' });
    expect(screen.getByLabelText('adresse').textContent).toBe('?lot=FDG-270421-1');
    const deliveries = screen.getByRole('region', { name: 'Leveringer af aktivitet' });
    const row = within(deliveries).getAllByRole('row')[1];
    expect(row?.textContent).toBe(
      'RH KF – PET1FDG21/04/2027 08:00100 (300\u00a0MBq)21/04/2027 07:40Demo Production User',
    );
    const vials = screen.getByRole('region', { name: 'Hætteglas med lotnummeret' });
    expect(within(vials).getByText('Ordre 100')).toBeTruthy();
    expect(within(vials).getByText('560 MBq')).toBeTruthy();
    const studies = screen.getByRole('region', {
      name: 'Patientundersøgelser (RIS-bookinger) på leveringsdagene',
    });
    expect(within(studies).getByText('RECALL-1')).toBeTruthy();
    const injections = screen.getByRole('region', {
      name: 'Injektionsordrer frigivet med lotnummeret',
    });
    expect(within(injections).getByText('Ingen.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Hent rapport (PDF)' }).getAttribute('href')).toBe(
      '/documents/recall/FDG-270421-1.pdf',
    );
    expect(screen.getByRole('link', { name: 'Hent Excel-ark' }).getAttribute('href')).toBe(
      '/documents/recall/FDG-270421-1.xlsx',
    );
  });

  it('[URS-PRD-009] reads the lot from the address', async () => {
    const { trace } = renderPage('/recall?lot=Ga-68%20B12');
    expect(await screen.findByText(/^Lot Ga-68 B12: /)).toBeTruthy();
    expect(trace).toHaveBeenCalledWith({ lot: 'Ga-68 B12' });
    expect(screen.getByRole('link', { name: 'Hent rapport (PDF)' }).getAttribute('href')).toBe(
      '/documents/recall/Ga-68%20B12.pdf',
    );
  });

  it('[URS-PRD-009] asks for a lot instead of sending an empty one', async () => {
    const { trace } = renderPage('/recall');
    await userEvent.click(screen.getByRole('button', { name: 'Spor' }));
    expect(screen.getByText('Skriv et lot- eller batchnummer.')).toBeTruthy();
    expect(trace).not.toHaveBeenCalled();
  });

  it('[URS-PRD-010] starts from an order: finds the lots it went out with and traces one', async () => {
    const { trace, lotsOfOrder } = renderPage('/recall');
    const fromOrder = within(screen.getByRole('region', { name: 'Fra en ordre' }));
    await userEvent.type(fromOrder.getByLabelText('Ordrenummer'), '1,5');
    await userEvent.click(fromOrder.getByRole('button', { name: 'Find lot' }));
    expect(fromOrder.getByText('Skriv ordrenummeret som et helt tal.')).toBeTruthy();
    expect(lotsOfOrder).not.toHaveBeenCalled();
    await userEvent.clear(fromOrder.getByLabelText('Ordrenummer'));
    await userEvent.type(fromOrder.getByLabelText('Ordrenummer'), '101');
    await userEvent.click(fromOrder.getByRole('button', { name: 'Find lot' }));
    expect(await fromOrder.findByText('Ordre 101 er ikke frigivet og har intet lot.')).toBeTruthy();
    await userEvent.clear(fromOrder.getByLabelText('Ordrenummer'));
    await userEvent.type(fromOrder.getByLabelText('Ordrenummer'), '100');
    await userEvent.click(fromOrder.getByRole('button', { name: 'Find lot' }));
    expect(lotsOfOrder).toHaveBeenLastCalledWith({ kind: 'activity', id: 100 });
    await userEvent.click(await fromOrder.findByRole('button', { name: 'FDG-270421-1' }));
    expect(await screen.findByText('Lot FDG-270421-1: 1 levering til RH KF.')).toBeTruthy();
    expect(trace).toHaveBeenCalledWith({ lot: 'FDG-270421-1' });
    expect(screen.getByLabelText('adresse').textContent).toBe('?lot=FDG-270421-1');
  });
});
