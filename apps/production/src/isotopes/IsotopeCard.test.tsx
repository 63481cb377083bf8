import { OrderStatus } from '@tracershop/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { isotopeOrder } from '../special/specialFixtures';
import { renderWithI18n } from '../testing/renderWithI18n';
import { IsotopeCard } from './IsotopeCard';
import { isotopeCard, isotopeVial } from './isotopeFixtures';

function renderCard(card = isotopeCard([isotopeOrder({ id: 1, orderedActivity: 500 })])) {
  const handlers = {
    onOpen: vi.fn(),
    onAccept: vi.fn(() => Promise.resolve()),
    onReject: vi.fn(() => Promise.resolve()),
    onEditDose: vi.fn(() => Promise.resolve()),
  };
  renderWithI18n(<IsotopeCard card={card} date="2026-12-02" {...handlers} />);
  return handlers;
}

describe('IsotopeCard', () => {
  it('[URS-PRD-011][URS-PRD-004] shows the figures and accepts the ordered orders', async () => {
    const handlers = renderCard(
      isotopeCard([
        isotopeOrder({ id: 1, orderedActivity: 500 }),
        isotopeOrder({ id: 2, orderedActivity: 250, status: OrderStatus.Accepted }),
      ]),
    );
    const card = screen.getByRole('region', { name: 'RH - PET1 kl. 09:00' });
    expect(within(card).getByText('Bestilt: 750 MBq')).toBeTruthy();
    expect(within(card).getByText('Udleveret: 0 MBq')).toBeTruthy();
    expect(within(card).queryByRole('link')).toBeNull();
    await userEvent.click(
      within(card).getByRole('button', { name: 'Accepter ordrene til RH - PET1 kl. 09:00' }),
    );
    expect(handlers.onAccept).toHaveBeenCalledWith([1]);
    await userEvent.click(
      within(card).getByRole('button', { name: 'Åbn isotopordren til RH - PET1 kl. 09:00' }),
    );
    expect(handlers.onOpen).toHaveBeenCalled();
  });

  it('[URS-DOC-002] links the release document once released, without accept or reject', () => {
    renderCard(
      isotopeCard(
        [isotopeOrder({ id: 1, status: OrderStatus.Released })],
        [isotopeVial({ id: 7, deliveredWithId: 1, calibratedAt: '2026-12-02T08:00:00.000Z' })],
      ),
    );
    expect(screen.getByText('Udleveret: 800 MBq')).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'Frigivelsescertifikat for RH - PET1 kl. 09:00' })
        .getAttribute('href'),
    ).toBe('/documents/isotope-release/40/2026-12-02.pdf');
    expect(screen.queryByRole('button', { name: /Accepter/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Afvis/ })).toBeNull();
  });

  it('[URS-ORD-002] edits a dose in whole MBq', async () => {
    const handlers = renderCard();
    await userEvent.click(screen.getByRole('button', { name: 'Ret dosis (1)' }));
    const dose = screen.getByLabelText('Aktivitet af ordre 1 (MBq)');
    await userEvent.clear(dose);
    await userEvent.type(dose, '12,5{Enter}');
    expect(handlers.onEditDose).not.toHaveBeenCalled();
    expect(screen.getAllByText('Aktivitet er ikke et helt tal').length).toBeGreaterThan(0);
    await userEvent.clear(dose);
    await userEvent.type(dose, '600{Enter}');
    expect(handlers.onEditDose).toHaveBeenCalledWith(1, 600, undefined);
    expect(screen.queryByLabelText('Begrundelse for ændringen')).toBeNull(); // not yet accepted
  });

  it("[URS-PRD-006] asks for the reason when an accepted order's dose changes", async () => {
    const handlers = renderCard(
      isotopeCard([isotopeOrder({ id: 1, orderedActivity: 500, status: OrderStatus.Accepted })]),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Ret dosis (1)' }));
    const dose = screen.getByLabelText('Aktivitet af ordre 1 (MBq)');
    await userEvent.clear(dose);
    await userEvent.type(dose, '600{Enter}');
    expect(handlers.onEditDose).not.toHaveBeenCalled();
    expect(
      screen.getByText('Skriv en begrundelse (mindst 3 tegn); den gemmes i revisionssporet.'),
    ).toBeTruthy();
    await userEvent.type(
      screen.getByLabelText('Begrundelse for ændringen'),
      'Kunden ringede{Enter}',
    );
    expect(handlers.onEditDose).toHaveBeenCalledWith(1, 600, 'Kunden ringede');
  });

  it('[URS-PRD-004] rejects one order after confirmation', async () => {
    const handlers = renderCard();
    await userEvent.click(screen.getByRole('button', { name: 'Afvis (1)' }));
    const question = screen.getByRole('dialog', { name: 'Vil du afvise?' });
    await userEvent.click(within(question).getByRole('button', { name: 'Afvis' }));
    expect(handlers.onReject).toHaveBeenCalledWith([1]);
  });
});
