import { OrderStatus } from '@tracershop/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { injectionRowsOf } from './injectionRows';
import type { InjectionOrderModalProps } from './InjectionOrderModal';
import { InjectionOrderModal } from './InjectionOrderModal';
import type { InjectionOrder } from './specialApi';
import { catalogFixture, injectionOrder } from './specialFixtures';

function props(
  fields: Partial<InjectionOrder>,
  overrides: Partial<InjectionOrderModalProps> = {},
): InjectionOrderModalProps {
  const [row] = injectionRowsOf(catalogFixture(), [injectionOrder({ id: 12, ...fields })]);
  return {
    row: row!,
    today: '2026-12-02',
    timeZone: 'Europe/Copenhagen',
    mayRelease: true,
    username: 'prod-user',
    onClose: vi.fn(),
    onAccept: vi.fn(() => Promise.resolve()),
    onReject: vi.fn(() => Promise.resolve()),
    onUnreject: vi.fn(() => Promise.resolve()),
    onRelease: vi.fn(() => Promise.resolve()),
    onCorrect: vi.fn(() => Promise.resolve()),
    ...overrides,
  };
}

const button = (name: string) => screen.queryByRole('button', { name }) as HTMLButtonElement | null;

describe('InjectionOrderModal', () => {
  it('[URS-PRD-004] offers "Accepter ordre" and "Afvis" for an ordered order, and accepts', async () => {
    const given = props({ status: OrderStatus.Ordered });
    renderWithI18n(<InjectionOrderModal {...given} />);
    expect(screen.getByRole('dialog', { name: 'Injektionsordre 12' })).toBeTruthy();
    expect(button('Frigiv ordre')).toBeNull();
    expect(button('Ret ordre')).toBeNull();
    expect(screen.queryByLabelText('Lotnummer')).toBeNull();
    await userEvent.click(button('Accepter ordre')!);
    expect(given.onAccept).toHaveBeenCalled();
  });

  it('[URS-PRD-004] asks before rejecting', async () => {
    const given = props({ status: OrderStatus.Accepted });
    renderWithI18n(<InjectionOrderModal {...given} />);
    await userEvent.click(button('Afvis')!);
    expect(screen.getByText('Vil du afvise?')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tilbage' }));
    expect(given.onReject).not.toHaveBeenCalled();
    await userEvent.click(button('Afvis')!);
    const question = screen.getByRole('dialog', { name: 'Vil du afvise?' });
    await userEvent.click(within(question).getByRole('button', { name: 'Afvis' }));
    expect(given.onReject).toHaveBeenCalled();
  });

  it('[URS-REL-012][URS-VIA-006] suggests the lot from the vial tag and refuses a badly formatted lot', async () => {
    const given = props({ status: OrderStatus.Accepted });
    renderWithI18n(<InjectionOrderModal {...given} />);
    const lot = screen.getByLabelText('Lotnummer') as HTMLInputElement;
    expect(lot.value).toBe('PSMA-261202-1');
    expect((screen.getByLabelText('Maks. injektionsvolumen (ml)') as HTMLInputElement).value).toBe(
      '10',
    );
    await userEvent.clear(lot);
    await userEvent.type(lot, 'test-1111-1');
    await userEvent.click(button('Frigiv ordre')!);
    expect(screen.getByRole('alert').textContent).toContain(
      'Lotnummeret er ikke i det korrekte format',
    );
    expect(lot.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByLabelText('Kodeord')).toBeNull();
    expect(given.onRelease).not.toHaveBeenCalled();
  });

  it('[URS-REL-012][URS-REL-001] signs the release with the checked lot and volume; "Rediger ordre" goes back', async () => {
    const given = props({ status: OrderStatus.Accepted });
    renderWithI18n(<InjectionOrderModal {...given} />);
    const lot = screen.getByLabelText('Lotnummer');
    await userEvent.clear(lot);
    await userEvent.type(lot, 'test-111111-1');
    const volume = screen.getByLabelText('Maks. injektionsvolumen (ml)');
    await userEvent.clear(volume);
    await userEvent.type(volume, '7,5');
    await userEvent.click(button('Frigiv ordre')!);
    expect(screen.getByText('Frigiv ordre - 12')).toBeTruthy();
    await userEvent.click(button('Rediger ordre')!);
    expect(screen.queryByLabelText('Kodeord')).toBeNull();
    await userEvent.click(button('Frigiv ordre')!);
    await userEvent.click(screen.getAllByRole('button', { name: 'Frigiv ordre' }).at(-1)!);
    expect(screen.getByText('Dit kodeord er ikke tastet ind.')).toBeTruthy();
    expect(given.onRelease).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Kodeord'), 'hemmelig');
    await userEvent.click(screen.getAllByRole('button', { name: 'Frigiv ordre' }).at(-1)!);
    expect(given.onRelease).toHaveBeenCalledWith({
      lotNumber: 'test-111111-1',
      maxInjectionVolume: 7.5,
      password: 'hemmelig',
    });
  });

  it('[URS-REL-010] hints when the order is not for today', async () => {
    renderWithI18n(
      <InjectionOrderModal
        {...props({ status: OrderStatus.Accepted, deliveryDate: '2026-12-03' })}
      />,
    );
    await userEvent.click(button('Frigiv ordre')!);
    expect(
      screen.getByText('Du er i gang med at frigive en ordre, som ikke er bestilt til i dag!'),
    ).toBeTruthy();
  });

  it('[URS-REL-004] keeps "Frigiv ordre" disabled without a release right', () => {
    renderWithI18n(
      <InjectionOrderModal {...props({ status: OrderStatus.Accepted }, { mayRelease: false })} />,
    );
    expect(button('Frigiv ordre')!.disabled).toBe(true);
  });

  it('hints when the tracer has no vial tag', () => {
    renderWithI18n(
      <InjectionOrderModal {...props({ status: OrderStatus.Accepted, tracerId: 5 })} />,
    );
    expect((screen.getByLabelText('Lotnummer') as HTMLInputElement).value).toBe('');
    expect(
      screen.getByText(
        'Traceren har intet hætteglas-tag, så lotnummeret kan ikke udfyldes automatisk',
      ),
    ).toBeTruthy();
  });

  it('[URS-REL-014] shows the stored lot and volume of a released order and signs a correction', async () => {
    const given = props({
      status: OrderStatus.Released,
      lotNumber: 'PSMA-261202-2',
      maxInjectionVolume: 6.5,
      freedByName: 'Anna',
      freedAt: '2026-12-02T09:15:00.000Z',
    });
    renderWithI18n(<InjectionOrderModal {...given} />);
    expect(screen.getByText('PSMA-261202-2')).toBeTruthy();
    expect(screen.getByText('6,50 ml')).toBeTruthy();
    expect(screen.getByText('ANNA')).toBeTruthy();
    expect(screen.getByText('02/12/2026 10:15')).toBeTruthy();
    expect(button('Frigiv ordre')).toBeNull();
    expect(button('Afvis')).toBeNull();
    expect(screen.getByRole('link', { name: 'Frigivelsescertifikat' }).getAttribute('href')).toBe(
      '/documents/injection-release/12.pdf',
    );
    await userEvent.click(button('Ret ordre')!);
    expect(screen.getByText('Ret ordre - 12')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Kodeord'), 'hemmelig');
    await userEvent.click(screen.getAllByRole('button', { name: 'Ret ordre' }).at(-1)!);
    // A correction always says why.
    expect(given.onCorrect).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Begrundelse'), 'Forkert lot');
    await userEvent.click(screen.getAllByRole('button', { name: 'Ret ordre' }).at(-1)!);
    expect(given.onCorrect).toHaveBeenCalledWith('hemmelig', 'Forkert lot');
  });
});
