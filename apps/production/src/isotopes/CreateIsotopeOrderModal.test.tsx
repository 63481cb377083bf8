import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { catalogFixture } from '../special/specialFixtures';
import { renderWithI18n } from '../testing/renderWithI18n';
import { CreateIsotopeOrderModal } from './CreateIsotopeOrderModal';

function renderModal(date = '2026-12-02') {
  const handlers = { onClose: vi.fn(), onCreate: vi.fn(() => Promise.resolve({})) };
  renderWithI18n(
    <CreateIsotopeOrderModal
      catalog={catalogFixture()}
      isotopeId={2}
      isotopeName="Ga-68"
      date={date}
      {...handlers}
    />,
  );
  return handlers;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;

describe('CreateIsotopeOrderModal', () => {
  it("[URS-ORD-016] offers only the deliveries of the isotope on the day's weekday", async () => {
    renderModal();
    expect([...field('Kunde').options].map((option) => option.text)).toEqual(['Herlev', 'RH']);
    await userEvent.selectOptions(field('Kunde'), '5');
    expect([...field('Destination').options].map((option) => option.text)).toEqual(['PET1']);
    expect([...field('Leveringstid').options].map((option) => option.text)).toEqual(['09:00']);
  });

  it('[URS-ORD-016] creates the order in whole MBq and closes', async () => {
    const handlers = renderModal();
    await userEvent.selectOptions(field('Kunde'), '5');
    const submit = screen.getByRole('button', { name: 'Opret ordre' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText('Aktivitet (MBq)'), '12,5');
    await userEvent.click(submit);
    expect(screen.getAllByText('Aktivitet er ikke et helt tal').length).toBeGreaterThan(0);
    expect(handlers.onCreate).not.toHaveBeenCalled();
    await userEvent.clear(screen.getByLabelText('Aktivitet (MBq)'));
    await userEvent.type(screen.getByLabelText('Aktivitet (MBq)'), '400{Enter}');
    expect(handlers.onCreate).toHaveBeenCalledWith({
      isotopeDeliveryId: 40,
      deliveryDate: '2026-12-02',
      orderedActivity: 400,
      comment: null,
      clientKey: expect.any(String) as string,
    });
    await vi.waitFor(() => expect(handlers.onClose).toHaveBeenCalled());
  });

  it('[URS-ORD-003] says when the isotope is not delivered on that weekday', () => {
    renderModal('2026-12-03');
    expect(
      screen.getByText(
        'Der er ingen leveringer af Ga-68 om torsdag. En administrator kan oprette dem under Opsætning → Levering og kunder.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Opret ordre' })).toBeNull();
  });
});
