import { TracerUsage } from '@tracershop/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { CreateInjectionOrderModal } from './CreateInjectionOrderModal';
import { catalogFixture } from './specialFixtures';

function renderModal() {
  const handlers = { onClose: vi.fn(), onCreate: vi.fn(() => Promise.resolve({})) };
  renderWithI18n(
    <CreateInjectionOrderModal catalog={catalogFixture()} date="2026-12-02" {...handlers} />,
  );
  return handlers;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const submit = () => screen.getByRole('button', { name: 'Opret ordre' }) as HTMLButtonElement;

describe('CreateInjectionOrderModal', () => {
  it('[URS-ORD-016] pre-selects customer, destination, tracer and Human', () => {
    renderModal();
    expect(field('Kunde').value).toBe('6');
    expect(field('Destination').value).toBe('12');
    expect(field('Brug').value).toBe(String(TracerUsage.Human));
    expect(field('Injektioner').value).toBe('');
  });

  it('disables "Opret ordre" for a destination without injection tracers', async () => {
    renderModal();
    // Herlev (first by name) orders only FDG, an activity tracer.
    expect(submit().disabled).toBe(true);
    expect(screen.getByText('Destinationen kan ikke bestille injektionstracere.')).toBeTruthy();
    await userEvent.selectOptions(field('Kunde'), '5');
    expect(field('Destination').value).toBe('10');
    expect(field('Tracer').value).toBe('5');
    expect(submit().disabled).toBe(false);
  });

  it.each([
    ['', 'Injektioner er ikke tastet ind'],
    ['-3', 'Injektioner kan ikke være negativ'],
    ['2,5', 'Injektioner er ikke et helt tal'],
  ])('refuses injections %j with %s', async (typed, message) => {
    const handlers = renderModal();
    await userEvent.selectOptions(field('Kunde'), '5');
    if (typed !== '') {
      await userEvent.type(field('Injektioner'), typed);
    }
    await userEvent.type(field('Leveringstid'), '11:33');
    await userEvent.click(submit());
    expect(screen.getAllByText(message).length).toBeGreaterThan(0);
    expect(field('Injektioner').getAttribute('aria-invalid')).toBe('true');
    expect(handlers.onCreate).not.toHaveBeenCalled();
  });

  it('[URS-DAT-007] marks a missing time', async () => {
    const handlers = renderModal();
    await userEvent.selectOptions(field('Kunde'), '5');
    await userEvent.type(field('Injektioner'), '4');
    await userEvent.click(submit());
    expect(field('Leveringstid').getAttribute('aria-invalid')).toBe('true');
    expect(handlers.onCreate).not.toHaveBeenCalled();
  });

  it('[URS-ORD-016] creates the order for the day and closes', async () => {
    const handlers = renderModal();
    await userEvent.selectOptions(field('Kunde'), '5');
    await userEvent.selectOptions(field('Tracer'), '4');
    await userEvent.selectOptions(field('Brug'), String(TracerUsage.Animal));
    await userEvent.type(field('Injektioner'), '4');
    await userEvent.type(field('Leveringstid'), '11:33:55');
    await userEvent.type(field('Kommentar'), 'Telefon{Enter}');
    expect(handlers.onCreate).toHaveBeenCalledWith({
      endpointId: 10,
      tracerId: 4,
      deliveryDate: '2026-12-02',
      deliveryTime: '11:33:55',
      injections: 4,
      tracerUsage: TracerUsage.Animal,
      comment: 'Telefon',
      clientKey: expect.any(String) as string,
    });
    await vi.waitFor(() => expect(handlers.onClose).toHaveBeenCalled());
  });

  it('[URS-DAT-006] keeps the typed input when the api refuses', async () => {
    const handlers = renderModal();
    handlers.onCreate.mockImplementation(() => Promise.reject(new Error('Lukket dag.')));
    await userEvent.selectOptions(field('Kunde'), '5');
    await userEvent.type(field('Injektioner'), '4');
    await userEvent.type(field('Leveringstid'), '11:33');
    await userEvent.click(submit());
    expect(await screen.findByText('Lukket dag.')).toBeTruthy();
    expect(field('Injektioner').value).toBe('4');
    expect(handlers.onClose).not.toHaveBeenCalled();
  });
});
