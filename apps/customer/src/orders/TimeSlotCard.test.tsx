import { OrderStatus, WeeklyRepeat } from '@tracershop/core';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { TimeSlotCardProps } from './TimeSlotCard';
import { TimeSlotCard } from './TimeSlotCard';

const slot = {
  id: 7,
  endpointId: 1,
  productionId: 2,
  deliveryTime: '08:00:00',
  weeklyRepeat: WeeklyRepeat.EveryWeek,
};

function order(id: number, status: OrderStatus, orderedActivity = 300) {
  return { order: { id, status, orderedActivity, comment: null }, movedToTime: null };
}

function renderCard(
  card: Partial<TimeSlotCardProps['card']>,
  mayOrder = true,
  certificateHref?: string,
  calculator?: TimeSlotCardProps['calculator'],
  split = false,
) {
  renderWithI18n(
    <TimeSlotCard
      card={{
        slot,
        status: null,
        orderedActivity: 0,
        movedAway: false,
        movedTo: null,
        released: null,
        releaseNumber: null,
        afterRelease: false,
        orders: [],
        ...card,
      }}
      mayOrder={mayOrder}
      offerNewOrder={mayOrder && (card.releaseNumber ?? null) === null}
      split={split}
      timeZone="Europe/Copenhagen"
      {...(certificateHref === undefined ? {} : { certificateHref })}
      {...(calculator === undefined ? {} : { calculator })}
      onCreate={vi.fn()}
      onSave={vi.fn()}
      onDelete={vi.fn()}
    />,
  );
  return screen.getAllByRole('region')[0] as HTMLElement;
}

describe('TimeSlotCard', () => {
  it('[URS-ORD-001] offers a new order while nothing is ordered and ordering is open', () => {
    const card = renderCard({});
    expect(within(card).getByText('Der er ikke bestilt sporstof')).toBeTruthy();
    expect(within(card).getByRole('group', { name: 'Ny ordre' })).toBeTruthy();
    expect(within(card).queryAllByRole('img')).toHaveLength(0);
  });

  it('[URS-DLN-002] says the deadline has passed and offers no new order after it', () => {
    const card = renderCard({}, false);
    expect(
      within(card).getByText('Der er ikke bestilt sporstof, og deadline er overskredet'),
    ).toBeTruthy();
    expect(within(card).queryByRole('group', { name: 'Ny ordre' })).toBeNull();
  });

  it('[URS-ORD-001] shows the ordered total and a red icon for Ordered orders', () => {
    const card = renderCard({
      status: OrderStatus.Ordered,
      orderedActivity: 650,
      orders: [order(11, OrderStatus.Ordered, 300), order(12, OrderStatus.Ordered, 350)],
    });
    expect(within(card).getByText('Bestilt: 650 MBq')).toBeTruthy();
    expect(within(card).getAllByRole('img', { name: 'Bestilt' })).toHaveLength(3);
    expect(within(card).getByRole('group', { name: 'ID: 11' })).toBeTruthy();
  });

  it('[URS-ORD-005] locks accepted orders', () => {
    const card = renderCard({
      status: OrderStatus.Accepted,
      orderedActivity: 300,
      orders: [order(11, OrderStatus.Accepted)],
    });
    const row = within(card).getByRole('group', { name: 'ID: 11' });
    expect(within(row).queryByRole('button')).toBeNull();
    expect(within(row).getByRole('textbox', { name: 'Aktivitet' }).hasAttribute('readonly')).toBe(
      true,
    );
    expect(within(card).getAllByRole('img', { name: 'Accepteret' })).toHaveLength(2);
  });

  it('[URS-REL-016][URS-PRD-007] shows what was delivered and when it was released', () => {
    const card = renderCard({
      status: OrderStatus.Released,
      orderedActivity: 300,
      released: { deliveredActivity: 412.7, vialCount: 1, freedAt: '2026-11-24T06:41:00.000Z' },
      orders: [order(11, OrderStatus.Released)],
    });
    expect(
      within(card).getByText('Udleveret kl. 08:00: 412 MBq · Frigivet 24/11/2026 07:41'),
    ).toBeTruthy();
  });

  it('[URS-PRD-004] says a rejected order was rejected, and a moved one was moved', () => {
    renderCard({ status: OrderStatus.Rejected, orders: [order(11, OrderStatus.Rejected)] });
    expect(screen.getByText('Ordren er afvist')).toBeTruthy();
  });

  it('[URS-PRD-005] says when production moved the orders to an earlier delivery', () => {
    const card = renderCard({
      status: OrderStatus.Accepted,
      movedAway: true,
      orders: [{ ...order(11, OrderStatus.Accepted), movedToTime: '07:30:00' }],
    });
    expect(within(card).getAllByText('Rykket til tidligere levering').length).toBeGreaterThan(0);
    expect(within(card).getByRole('group', { name: 'Rykket til 07:30' })).toBeTruthy();
  });

  it('[URS-PRD-005][URS-PRD-007] says where a moved order went and, once released there, what it got', () => {
    const receiving = { ...slot, id: 6, deliveryTime: '08:00:00' };
    const moved = {
      slot: { ...slot, deliveryTime: '09:30:00' },
      movedAway: true,
      movedTo: { slot: receiving },
      orderedActivity: 400,
    };
    const href = '/documents/activity-certificate/6/2027-05-19/11.pdf';
    const waiting = renderCard(
      {
        ...moved,
        status: OrderStatus.Accepted,
        orders: [{ ...order(11, OrderStatus.Accepted, 400), movedToTime: '08:00:00' }],
      },
      false,
      href,
    );
    expect(within(waiting).getByText('Rykket til kl. 08:00')).toBeTruthy();
    expect(within(waiting).queryByText(/Udleveret/)).toBeNull();
    expect(within(waiting).queryByRole('link')).toBeNull();
    cleanup();

    const released = renderCard(
      {
        ...moved,
        status: OrderStatus.Released,
        released: { deliveredActivity: 893.31, vialCount: 1, freedAt: '2027-05-19T05:45:00.000Z' },
        orders: [{ ...order(11, OrderStatus.Released, 400), movedToTime: '08:00:00' }],
      },
      false,
      href,
    );
    expect(released.getAttribute('aria-label')).toBe('Levering kl. 09:30');
    expect(
      within(released).getByText(
        'Rykket til kl. 08:00 · Udleveret kl. 08:00: 893 MBq · Frigivet 19/05/2027 07:45',
      ),
    ).toBeTruthy();
    const link = within(released).getByRole('link', { name: 'Frigivelsescertifikat' });
    expect(link.getAttribute('href')).toBe(href);
    expect(within(released).getByRole('group', { name: 'Rykket til 08:00' })).toBeTruthy();
  });

  it('[URS-DOC-001] links the release certificate of a released delivery, and only then', () => {
    const href = '/documents/activity-certificate/7/2026-11-24.pdf';
    const card = renderCard(
      {
        status: OrderStatus.Released,
        orderedActivity: 300,
        released: { deliveredActivity: 412.7, vialCount: 1, freedAt: '2026-11-24T06:41:00.000Z' },
        orders: [order(11, OrderStatus.Released)],
      },
      true,
      href,
    );
    const link = within(card).getByRole('link', { name: 'Frigivelsescertifikat' });
    expect(link.getAttribute('href')).toBe(href);
  });

  it('[URS-DOC-001] has no certificate link before the release', () => {
    const card = renderCard(
      { status: OrderStatus.Accepted, orders: [order(11, OrderStatus.Accepted)] },
      true,
      '/documents/activity-certificate/7/2026-11-24.pdf',
    );
    expect(within(card).queryByRole('link')).toBeNull();
  });

  it('[URS-ORD-012] fills the new order with the dose calculator’s result (legacy scenario 22)', async () => {
    const user = userEvent.setup();
    const card = renderCard({}, true, undefined, {
      date: '2026-11-24',
      halflifeSeconds: 6586.2,
      tracerName: 'FDG',
    });
    await user.click(within(card).getByRole('button', { name: 'Dosislommeregner kl. 08:00' }));
    const calculator = within(card).getByRole('region', { name: 'Dosislommeregner' });
    await user.type(within(calculator).getByRole('textbox', { name: 'Tidspunkt' }), '0800');
    const activity = within(calculator).getByRole('textbox', { name: 'Aktivitet (MBq)' });
    await user.clear(activity);
    await user.type(activity, '5000');
    await user.click(within(calculator).getByRole('button', { name: 'Tilføj' }));
    await user.click(within(calculator).getByRole('button', { name: 'Udregn' }));
    expect(within(card).queryByRole('region', { name: 'Dosislommeregner' })).toBeNull();
    const row = within(card).getByRole('group', { name: 'Ny ordre' });
    expect(within(row).getByRole('textbox', { name: 'Aktivitet' })).toHaveProperty('value', '5000');
  });

  it('[URS-ORD-005] offers no calculator once production accepted the slot', () => {
    const card = renderCard(
      { status: OrderStatus.Accepted, orders: [order(11, OrderStatus.Accepted)] },
      true,
      undefined,
      { date: '2026-11-24', halflifeSeconds: 6586.2, tracerName: 'FDG' },
    );
    expect(within(card).queryByRole('button', { name: /^Dosislommeregner/ })).toBeNull();
  });

  it('[URS-ORD-015] names each card of a delivery released and ordered again, keeping the released one released', () => {
    const release = renderCard(
      {
        status: OrderStatus.Released,
        orderedActivity: 300,
        releaseNumber: 1,
        released: { deliveredActivity: 412.7, vialCount: 1, freedAt: '2026-11-24T06:41:00.000Z' },
        orders: [order(11, OrderStatus.Released)],
      },
      true,
      '/documents/activity-certificate/7/2026-11-24/11.pdf',
      undefined,
      true,
    );
    expect(release.getAttribute('aria-label')).toBe('Levering kl. 08:00 – frigivelse 1');
    expect(within(release).getByText(/Udleveret kl. 08:00: 412 MBq/)).toBeTruthy();
    expect(within(release).queryByRole('group', { name: 'Ny ordre' })).toBeNull();
    expect(within(release).getByRole('link', { name: 'Frigivelsescertifikat' })).toBeTruthy();
  });

  it('[URS-ORD-015] shows a later order apart, waiting, with the new-order row', () => {
    const later = renderCard(
      {
        status: OrderStatus.Ordered,
        orderedActivity: 200,
        afterRelease: true,
        orders: [order(12, OrderStatus.Ordered, 200)],
      },
      true,
      undefined,
      undefined,
      true,
    );
    expect(later.getAttribute('aria-label')).toBe('Levering kl. 08:00 – efterbestilling');
    expect(within(later).getByText('Bestilt: 200 MBq')).toBeTruthy();
    expect(within(later).getByText(/Bestilt efter frigivelsen/)).toBeTruthy();
    expect(within(later).getByRole('group', { name: 'Ny ordre' })).toBeTruthy();
  });
});
