import { OrderStatus } from '@tracershop/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { injectionRowsOf } from './injectionRows';
import type { ReleaseManyModalProps } from './ReleaseManyModal';
import { ReleaseManyModal } from './ReleaseManyModal';
import { catalogFixture, injectionOrder } from './specialFixtures';

function props(overrides: Partial<ReleaseManyModalProps> = {}): ReleaseManyModalProps {
  return {
    rows: injectionRowsOf(catalogFixture(), [
      injectionOrder({ id: 21, status: OrderStatus.Accepted, injections: 3 }),
      injectionOrder({ id: 22, status: OrderStatus.Accepted, deliveryTime: '12:15:00' }),
    ]),
    date: '2026-12-02',
    today: '2026-12-02',
    username: 'prod-user',
    onClose: vi.fn(),
    onRelease: vi.fn(() => Promise.resolve()),
    ...overrides,
  };
}

const releaseButton = () => screen.getByRole('button', { name: 'Frigiv ordre' });

describe('ReleaseManyModal', () => {
  it('[URS-REL-012] lists the orders and releases them under one lot and volume, then closes', async () => {
    const given = props();
    renderWithI18n(<ReleaseManyModal {...given} />);
    expect(screen.getByRole('dialog', { name: 'Frigiv flere ordrer' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '12:15' })).toBeTruthy();
    expect(screen.getAllByRole('cell', { name: 'RH - PET1' })).toHaveLength(2);
    const lot = screen.getByLabelText('Fælles batchnummer') as HTMLInputElement;
    expect(lot.value).toBe('PSMA-261202-1');
    expect((screen.getByLabelText('Maks. injektionsvolumen (ml)') as HTMLInputElement).value).toBe(
      '10',
    );
    await userEvent.clear(lot);
    await userEvent.type(lot, 'fdgd-111222-1');
    await userEvent.type(screen.getByLabelText('Kodeord'), 'hemmelig');
    await userEvent.click(releaseButton());
    expect(given.onRelease).toHaveBeenCalledWith({
      orderIds: [21, 22],
      lotNumber: 'fdgd-111222-1',
      maxInjectionVolume: 10,
      password: 'hemmelig',
    });
    expect(given.onClose).toHaveBeenCalled();
  });

  it('[URS-REL-012][URS-VIA-006] sends nothing with a badly formatted batch number or volume', async () => {
    const given = props();
    renderWithI18n(<ReleaseManyModal {...given} />);
    const lot = screen.getByLabelText('Fælles batchnummer');
    await userEvent.clear(lot);
    await userEvent.type(lot, 'fdg-1');
    const volume = screen.getByLabelText('Maks. injektionsvolumen (ml)');
    await userEvent.clear(volume);
    await userEvent.type(volume, '-2');
    await userEvent.type(screen.getByLabelText('Kodeord'), 'hemmelig');
    await userEvent.click(releaseButton());
    expect(given.onRelease).not.toHaveBeenCalled();
    expect(given.onClose).not.toHaveBeenCalled();
    expect(lot.getAttribute('aria-invalid')).toBe('true');
    expect(volume.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getAllByText('Maks injektionsvolumen kan ikke være negativ').length,
    ).toBeGreaterThan(0);
  });

  it("[URS-DAT-006] shows the api's refusal and stays open", async () => {
    const given = props({ onRelease: vi.fn(() => Promise.reject(new Error('Forkert login.'))) });
    renderWithI18n(<ReleaseManyModal {...given} />);
    await userEvent.type(screen.getByLabelText('Kodeord'), 'forkert');
    await userEvent.click(releaseButton());
    expect(await screen.findByText(/Forkert login/)).toBeTruthy();
    expect(given.onClose).not.toHaveBeenCalled();
  });

  it('[URS-REL-010] warns about another date and a tracer without vial tag', () => {
    const rows = injectionRowsOf(catalogFixture(), [
      injectionOrder({ id: 23, status: OrderStatus.Accepted, tracerId: 5 }),
    ]);
    renderWithI18n(<ReleaseManyModal {...props({ rows, today: '2026-12-01' })} />);
    expect(
      screen.getByText('Du er i gang med at frigive til en anden dato end i dag!'),
    ).toBeTruthy();
    expect(screen.getByText('Sporstoffet Ga-DOTATOC har intet hætteglas-tag')).toBeTruthy();
    expect((screen.getByLabelText('Fælles batchnummer') as HTMLInputElement).value).toBe('');
  });
});
