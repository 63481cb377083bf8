import { OrderStatus, TracerUsage, UserGroup } from '@tracershop/core';
import { ApiTestProvider } from '@tracershop/ui';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProductionWindow } from '../productionApi';
import {
  orderLine,
  productionCatalog,
  productionDay,
  slotCard,
  slotVials,
  vial,
} from '../testing/fixtures';
import { renderWithI18n } from '../testing/renderWithI18n';
import OrdersPage from './OrdersPage';

// The Special and isotope sub-pages are another part of the app; here only that they are shown.
vi.mock('../special/SpecialView', () => ({
  SpecialView: ({ date }: { date: string }) => <p>Special-visning {date}</p>,
}));
vi.mock('../isotopes/IsotopeView', () => ({
  IsotopeView: ({ date, isotopeId }: { date: string; isotopeId: number }) => (
    <p>
      Isotop-visning {isotopeId} {date}
    </p>
  ),
}));

const DATE = '2026-12-02';

function productionWindow(): ProductionWindow {
  const activity = (id: number, status: OrderStatus, orderedTimeSlotId: number) => ({
    ...orderLine({ id, status, orderedTimeSlotId }).order,
    id,
  });
  return {
    fromDate: '2026-09-29',
    toDate: '2027-02-04',
    activityOrders: [activity(7, OrderStatus.Ordered, 1), activity(8, OrderStatus.Released, 3)],
    injectionOrders: [
      {
        id: 40,
        endpointId: 10,
        tracerId: 2,
        deliveryDate: DATE,
        deliveryTime: '10:30:00',
        injections: 2,
        tracerUsage: TracerUsage.Human,
        status: OrderStatus.Released,
        comment: null,
        lotNumber: 'NAF-261202-1',
        maxInjectionVolume: 10,
        orderedById: null,
        orderedByName: null,
        freedAt: null,
        freedById: null,
        freedByName: null,
      },
    ],
    isotopeOrders: [],
  };
}

function fakeClient() {
  return {
    auth: {
      whoami: {
        query: vi.fn(() =>
          Promise.resolve({
            user: {
              id: 3,
              username: 'prod-user',
              displayName: '',
              userGroup: UserGroup.ProductionUser,
              customerIds: [],
            },
            version: 'test',
            timeZone: 'Europe/Copenhagen',
          }),
        ),
      },
    },
    setup: {
      catalog: { query: vi.fn(() => Promise.resolve(productionCatalog())) },
      releaseRights: { list: { query: vi.fn(() => Promise.resolve([])) } },
    },
    vials: {
      forSlot: { query: vi.fn(() => Promise.resolve(slotVials([vial(31, 'FDG-261202-1')]))) },
    },
    orders: {
      productionWindow: { query: vi.fn(() => Promise.resolve(productionWindow())) },
      productionDay: {
        query: vi.fn(() =>
          Promise.resolve(
            productionDay([slotCard([orderLine({ id: 7, status: OrderStatus.Ordered })])]),
          ),
        ),
      },
    },
  };
}

function Address() {
  const location = useLocation();
  return <output aria-label="adresse">{location.search}</output>;
}

function renderPage(path: string, client = fakeClient()) {
  return renderWithI18n(
    <ApiTestProvider procedures={client}>
      <MemoryRouter initialEntries={[path]}>
        <OrdersPage />
        <Address />
      </MemoryRouter>
    </ApiTestProvider>,
  );
}

const product = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('OrdersPage', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => window.localStorage.clear());

  it('[URS-PRD-012] shows a button per produced tracer and isotope, Special and Ugeplan, coloured', async () => {
    renderPage(`/?date=${DATE}`);
    await waitFor(() => expect(product('FDG').dataset.status).toBe('ordered'));
    expect(product('Ga-68').dataset.status).toBe('none');
    expect(product('Special').dataset.status).toBe('released');
    expect(screen.queryByRole('button', { name: 'NaF' })).toBeNull();
    expect(product('Ugeplan').dataset.status).toBeUndefined();
    // The first tracer is shown by default.
    expect(product('FDG').getAttribute('aria-pressed')).toBe('true');
    expect(await screen.findByText('Kørsel 07:00: 1 234 MBq / Overhead: 1 543 MBq')).toBeTruthy();
  });

  it('keeps the choice in the address and remembers it for the next visit', async () => {
    const first = renderPage(`/?date=${DATE}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Special' }));
    expect(screen.getByText(`Special-visning ${DATE}`)).toBeTruthy();
    expect(screen.getByLabelText('adresse').textContent).toBe(`?date=${DATE}&view=special`);
    expect(product('Special').getAttribute('aria-pressed')).toBe('true');
    first.unmount();

    renderPage(`/?date=${DATE}`);
    expect(await screen.findByText(`Special-visning ${DATE}`)).toBeTruthy();
  });

  it('[URS-PRD-012] shows the isotope table and the week plan', async () => {
    renderPage(`/?date=${DATE}&view=isotope-2`);
    expect(await screen.findByText(`Isotop-visning 2 ${DATE}`)).toBeTruthy();
    await userEvent.click(product('Ugeplan'));
    expect(await screen.findByRole('cell', { name: 'FDG: 300\u00a0MBq' })).toBeTruthy();
  });

  it('[URS-ORD-016] opens "Opret ny ordre" with the slots of the tracer on the date', async () => {
    renderPage(`/?date=${DATE}&view=tracer-1`);
    await userEvent.click(await screen.findByRole('button', { name: 'Opret ny ordre' }));
    expect(screen.getByRole('dialog', { name: 'Opret ordre til 02/12/2026' })).toBeTruthy();
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'RH',
      'PET1',
      'PET2',
      '08:00',
      '09:30',
    ]);
  });

  it('[URS-INT-009] opens the order modal of a card, with its live vials, over the hidden cards', async () => {
    renderPage(`/?date=${DATE}&view=tracer-1`);
    await userEvent.click(await screen.findByRole('button', { name: 'Åbn ordre kl. 09:30' }));
    expect(screen.getByRole('dialog', { name: 'Ordre - 02/12/2026 - 09:30' })).toBeTruthy();
    expect(await screen.findByRole('cell', { name: 'FDG-261202-1' })).toBeTruthy();
    // The card's own "Accepter" is out of reach while the modal is open.
    expect(screen.getAllByRole('button', { name: 'Accepter' })).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Luk' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
