import { OrderStatus } from '@tracershop/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { orderLine, slotCard, slotVials, vial } from '../testing/fixtures';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { ActivityOrderModalProps } from './ActivityOrderModal';
import { ActivityOrderModal } from './ActivityOrderModal';

function props(status: OrderStatus, overrides: Partial<ActivityOrderModalProps> = {}) {
  return {
    card: slotCard([orderLine({ id: 7, status })], { status }),
    date: '2026-12-02',
    tracerId: 1,
    vialTag: 'FDG',
    vials: slotVials([vial(31, 'FDG-261202-1')]),
    username: 'prod-user',
    onClose: vi.fn(),
    createVial: vi.fn(() => Promise.resolve({ id: 32 })),
    release: vi.fn(() => Promise.resolve({})),
    ...overrides,
  } satisfies ActivityOrderModalProps;
}

const releaseButton = () => screen.getByRole('button', { name: 'Frigiv' }) as HTMLButtonElement;

describe('ActivityOrderModal', () => {
  it('lists the orders with floored figures and the vials', () => {
    renderWithI18n(<ActivityOrderModal {...props(OrderStatus.Accepted)} />);
    expect(screen.getByRole('dialog', { name: 'Ordre kl. 09:30 - PET1' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '310 MBq' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '388 MBq' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '1234 MBq' })).toBeTruthy();
    expect((screen.getByLabelText('Lot nummer') as HTMLInputElement).value).toBe('FDG-261202-1');
  });

  it('keeps "Frigiv" disabled until a vial is chosen, then signs with the password', async () => {
    const given = props(OrderStatus.Accepted);
    renderWithI18n(<ActivityOrderModal {...given} />);
    expect(releaseButton().disabled).toBe(true);
    expect(screen.getByText('Vælg mindst et hætteglas.')).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Vælg hætteglas FDG-261202-1' }));
    expect(releaseButton().disabled).toBe(false);
    await userEvent.click(releaseButton());
    await userEvent.type(screen.getByLabelText('Kodeord'), 'tracershop');
    await userEvent.click(screen.getByRole('button', { name: 'Frigiv' }));
    expect(given.release).toHaveBeenCalledWith({
      orderIds: [7],
      vialIds: [31],
      password: 'tracershop',
    });
  });

  it("shows the api's Danish refusal of a wrong password", async () => {
    const given = props(OrderStatus.Accepted, {
      release: vi.fn(() => Promise.reject(new Error('Forkert login.'))),
    });
    renderWithI18n(<ActivityOrderModal {...given} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Vælg hætteglas FDG-261202-1' }));
    await userEvent.click(releaseButton());
    await userEvent.type(screen.getByLabelText('Kodeord'), 'forkert');
    await userEvent.click(screen.getByRole('button', { name: 'Frigiv' }));
    expect(await screen.findByText(/Forkert login/)).toBeTruthy();
  });

  it('keeps "Frigiv" disabled while the orders are not accepted', () => {
    renderWithI18n(<ActivityOrderModal {...props(OrderStatus.Ordered)} />);
    expect(releaseButton().disabled).toBe(true);
    expect(screen.getByText('Ordrerne skal være accepteret før de kan frigives.')).toBeTruthy();
    expect(
      (screen.getByRole('checkbox', { name: 'Vælg hætteglas FDG-261202-1' }) as HTMLInputElement)
        .disabled,
    ).toBe(true);
  });

  it('adds a vial by hand and chooses it', async () => {
    const given = props(OrderStatus.Accepted, { vials: slotVials([]) });
    const view = renderWithI18n(<ActivityOrderModal {...given} />);
    await userEvent.type(screen.getByLabelText('Tappetid (TT:MM)'), '07:50');
    await userEvent.type(screen.getByLabelText('Aktivitet (MBq)'), '1500,5');
    await userEvent.type(screen.getByLabelText('Volume (ml)'), '9');
    await userEvent.click(screen.getByRole('button', { name: 'Tilføj' }));
    expect(given.createVial).toHaveBeenCalledWith({
      lotNumber: 'FDG-261202-1',
      fillTime: '07:50:00',
      activity: 1500.5,
      volume: 9,
      tracerId: 1,
      customerId: 5,
      fillDate: '2026-12-02',
    });
    view.rerender(<ActivityOrderModal {...given} vials={slotVials([vial(32, 'FDG-261202-1')])} />);
    await waitFor(() => expect(releaseButton().disabled).toBe(false));
  });
});
