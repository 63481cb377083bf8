import { OrderStatus } from '@tracershop/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { orderLine, slotCard } from '../testing/fixtures';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { SlotCardActions } from './SlotCard';
import { SlotCard } from './SlotCard';

function actions(): SlotCardActions {
  return {
    onOpen: vi.fn(),
    onAccept: vi.fn(),
    onReject: vi.fn(),
    onUnreject: vi.fn(),
    onMove: vi.fn(),
    onRestore: vi.fn(),
  };
}

const region = () => screen.getByRole('region', { name: 'RH - PET1 kl. 09:30' });
const buttonNames = () =>
  within(region())
    .queryAllByRole('button')
    .map((button) => button.textContent);

describe('SlotCard', () => {
  it('[URS-PRD-004][URS-PRD-005][URS-PRD-015] shows an ordered card with floored figures, accepts and moves to the earliest slot', async () => {
    const handlers = actions();
    const card = slotCard([orderLine({ id: 7 })], {}, { moveTargetSlotId: 2 });
    renderWithI18n(<SlotCard card={card} moveTargetTime="08:00" {...handlers} />);
    expect(region().dataset.state).toBe(String(OrderStatus.Ordered));
    expect(within(region()).getByRole('img', { name: 'Bestilt' })).toBeTruthy();
    expect(within(region()).getByText('Bestilt: 300 MBq')).toBeTruthy();
    expect(within(region()).getByText('Til udlevering: 455 MBq')).toBeTruthy();
    expect(within(region()).getByText('Udleveret: 0 MBq')).toBeTruthy();
    expect(buttonNames()).toEqual(['Åbn ordre kl. 09:30', 'Accepter', 'Afvis', 'Ryk til 08:00']);
    await userEvent.click(screen.getByRole('button', { name: 'Accepter' }));
    expect(handlers.onAccept).toHaveBeenCalledOnce();
    await userEvent.click(screen.getByRole('button', { name: 'Ryk til 08:00' }));
    expect(handlers.onMove).toHaveBeenCalledWith([7], 2);
  });

  it('[URS-PRD-006] asks for the reason before it moves an accepted order, and sends it with the move', async () => {
    const handlers = actions();
    const card = slotCard(
      [orderLine({ id: 7, status: OrderStatus.Accepted })],
      { status: OrderStatus.Accepted },
      { moveTargetSlotId: 2 },
    );
    renderWithI18n(<SlotCard card={card} moveTargetTime="08:00" {...handlers} />);
    await userEvent.click(screen.getByRole('button', { name: 'Ryk til 08:00' }));
    const dialog = screen.getByRole('dialog', { name: 'Ryk ordrer' });
    const field = within(dialog).getByLabelText('Begrundelse for ændringen');
    expect(document.activeElement).toBe(field);
    await userEvent.keyboard('{Enter}');
    expect(
      within(dialog).getByText(
        'Skriv en begrundelse (mindst 3 tegn); den gemmes i revisionssporet.',
      ),
    ).toBeTruthy();
    expect(handlers.onMove).not.toHaveBeenCalled();
    await userEvent.keyboard('PET2 er ude af drift{Enter}');
    expect(handlers.onMove).toHaveBeenCalledWith([7], 2, 'PET2 er ude af drift');
    expect(screen.queryByRole('dialog')).toBeNull();
    // Escape leaves the order where it is.
    await userEvent.click(screen.getByRole('button', { name: 'Ryk til 08:00' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(handlers.onMove).toHaveBeenCalledOnce();
  });

  it('[URS-PRD-004] rejects an accepted card only after the confirmation', async () => {
    const handlers = actions();
    const card = slotCard([orderLine({ id: 7, status: OrderStatus.Accepted })], {
      status: OrderStatus.Accepted,
    });
    renderWithI18n(<SlotCard card={card} moveTargetTime={null} {...handlers} />);
    expect(within(region()).getByRole('img', { name: 'Accepteret' })).toBeTruthy();
    expect(buttonNames()).toEqual(['Åbn ordre kl. 09:30', 'Afvis']);
    await userEvent.click(screen.getByRole('button', { name: 'Afvis' }));
    expect(handlers.onReject).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Bekræft' }));
    expect(handlers.onReject).toHaveBeenCalledWith([7]);
  });

  it('[URS-REL-016][URS-REL-015] shows a released card green with no status actions', () => {
    const card = slotCard([orderLine({ id: 7, status: OrderStatus.Released })], {
      status: OrderStatus.Released,
      deliveredActivity: 512.9,
    });
    renderWithI18n(<SlotCard card={card} moveTargetTime={null} {...actions()} />);
    expect(region().dataset.status).toBe(String(OrderStatus.Released));
    expect(region().style.borderLeftColor).not.toBe('');
    expect(within(region()).getByRole('img', { name: 'Frigivet' })).toBeTruthy();
    expect(within(region()).getByText('Udleveret: 512 MBq')).toBeTruthy();
    expect(buttonNames()).toEqual(['Åbn ordre kl. 09:30']);
  });

  it('[URS-REL-016][URS-DOC-001] shows when a released card was released and links its certificate', () => {
    const card = slotCard(
      [orderLine({ id: 7, status: OrderStatus.Released, freedAt: '2026-12-02T07:05:00.000Z' })],
      { status: OrderStatus.Released },
      { releaseId: 7, releaseNumber: 1 },
    );
    renderWithI18n(
      <SlotCard
        card={card}
        moveTargetTime={null}
        timeZone="Europe/Copenhagen"
        date="2026-12-02"
        {...actions()}
      />,
    );
    expect(within(region()).getByText('Frigivet 02/12/2026 08:05')).toBeTruthy();
    expect(
      within(region())
        .getByRole('link', { name: 'Frigivelsescertifikat kl. 09:30' })
        .getAttribute('href'),
    ).toBe('/documents/activity-certificate/1/2026-12-02/7.pdf');
  });

  it('[URS-PRD-005] marks a moved-away card and offers to move it back', async () => {
    const handlers = actions();
    const card = slotCard(
      [orderLine({ id: 7, movedToTimeSlotId: 2 }, { movedToTime: '08:00:00' })],
      { movedAway: true, toDeliverActivity: 0 },
      { moveTargetSlotId: 2 },
    );
    renderWithI18n(<SlotCard card={card} moveTargetTime="08:00" {...handlers} />);
    expect(region().dataset.state).toBe('moved');
    expect(within(region()).getByText('Rykket til tidligere levering')).toBeTruthy();
    expect(buttonNames()).toEqual(['Ryk tilbage']);
    await userEvent.click(screen.getByRole('button', { name: 'Ryk tilbage' }));
    expect(handlers.onRestore).toHaveBeenCalledWith([7]);
  });

  it('[URS-PRD-006] asks for the reason before it moves an accepted order back', async () => {
    const handlers = actions();
    const card = slotCard(
      [
        orderLine(
          { id: 7, status: OrderStatus.Accepted, movedToTimeSlotId: 2 },
          { movedToTime: '08:00:00' },
        ),
      ],
      { movedAway: true, toDeliverActivity: 0, status: OrderStatus.Accepted },
      { moveTargetSlotId: 2 },
    );
    renderWithI18n(<SlotCard card={card} moveTargetTime="08:00" {...handlers} />);
    await userEvent.click(screen.getByRole('button', { name: 'Ryk tilbage' }));
    const dialog = screen.getByRole('dialog', { name: 'Ryk ordrer tilbage' });
    await userEvent.type(
      within(dialog).getByLabelText('Begrundelse for ændringen'),
      'PET2 kører igen',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Bekræft' }));
    expect(handlers.onRestore).toHaveBeenCalledWith([7], 'PET2 kører igen');
  });

  it('[URS-PRD-005] marks a ghost card that only carries orders moved in', () => {
    const card = slotCard(
      [orderLine({ id: 8, orderedTimeSlotId: 3, movedToTimeSlotId: 1 }, { activeSlotId: 1 })],
      { isGhost: true, orderedActivity: 0 },
      { delivers: true },
    );
    renderWithI18n(<SlotCard card={card} moveTargetTime={null} {...actions()} />);
    expect(region().dataset.state).toBe('ghost');
    expect(within(region()).getByText('Ordrer rykket hertil fra en senere levering')).toBeTruthy();
    expect(buttonNames()).toEqual(['Åbn ordre kl. 09:30', 'Accepter', 'Afvis']);
  });

  it('[URS-PRD-004] offers to undo a rejection', async () => {
    const handlers = actions();
    const card = slotCard([orderLine({ id: 7, status: OrderStatus.Rejected })], {
      status: OrderStatus.Rejected,
    });
    renderWithI18n(<SlotCard card={card} moveTargetTime={null} {...handlers} />);
    expect(within(region()).getByRole('img', { name: 'Afvist' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Fortryd afvisning' }));
    expect(handlers.onUnreject).toHaveBeenCalledWith([7]);
  });

  it('[URS-PRD-008][URS-PRD-004] shows a card of only dead orders grey, as such, with reject and no accept', async () => {
    const handlers = actions();
    const card = slotCard([orderLine({ id: 9, orderedActivity: 0.5 }, { dead: true })], {
      status: null,
      onlyDead: true,
      deadOrderIds: [9],
      orderedActivity: 0,
      toDeliverActivity: 0,
    });
    renderWithI18n(<SlotCard card={card} moveTargetTime={null} {...handlers} />);
    expect(region().dataset.state).toBe('dead');
    expect(region().style.borderLeftColor).toBe('#cccccc');
    const note = within(region()).getByText('Kun døde ordrer');
    expect(note.getAttribute('title')).toContain('under 1 MBq bestilt og leveret');
    expect(within(region()).queryByText('Ingen ordrer')).toBeNull();
    expect(buttonNames()).toEqual(['Åbn ordre kl. 09:30', 'Afvis']);
    await userEvent.click(screen.getByRole('button', { name: 'Afvis' }));
    await userEvent.click(screen.getByRole('button', { name: 'Bekræft' }));
    expect(handlers.onReject).toHaveBeenCalledWith([9]);
  });

  it('[URS-PRD-008] counts the dead orders of a mixed card apart and accepts only the live ones', () => {
    const card = slotCard(
      [orderLine({ id: 7 }), orderLine({ id: 9, orderedActivity: 0.5 }, { dead: true })],
      { deadOrderIds: [9] },
    );
    renderWithI18n(<SlotCard card={card} moveTargetTime={null} {...actions()} />);
    expect(region().dataset.state).toBe(String(OrderStatus.Ordered));
    expect(within(region()).getByText('1 død ordre tæller ikke med')).toBeTruthy();
    expect(buttonNames()).toEqual(['Åbn ordre kl. 09:30', 'Accepter', 'Afvis']);
  });
});
