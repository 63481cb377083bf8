/**
 * The summary text in a time-slot card's header (docs/domain.md): nothing ordered (and whether it
 * is too late), "Bestilt: X MBq", "Udleveret kl. 08:00: X MBq · Frigivet 07/12/2026 07:45",
 * "Ordren er Afvist", "Rykket til kl. 08:00" (an order moved to an earlier delivery; once
 * released there, with that release's "Udleveret kl. 08:00: X MBq · Frigivet …") or, when the
 * receiving slot is unknown, "Rykket til tidligere levering". Figures come from the api
 * (shopDay; delivered is core's delivered activity at the delivery time) and are formatted by
 * the card.
 */
import { OrderStatus } from '@tracershop/core';

export interface HeadlineRelease {
  /** The delivery time the activity is given at ('HH:MM:SS'). */
  deliveryTime: string;
  activity: number;
  freedAt: string | null;
}

export type SlotHeadline =
  | { key: 'slot.movedAway' | 'slot.noOrders' | 'slot.noOrdersClosed' | 'slot.rejected' }
  | { key: 'slot.ordered'; activity: number }
  | ({ key: 'slot.delivered' } & HeadlineRelease)
  /** Moved to the delivery at `deliveryTime`; `released` once released there. */
  | { key: 'slot.movedTo'; deliveryTime: string; released: HeadlineRelease | null };

export interface SlotHeadlineInput {
  slot: { deliveryTime: string };
  status: OrderStatus | null;
  orderedActivity: number;
  movedAway: boolean;
  /** The receiving slot of a moved card; its release is the card's `released`. */
  movedTo?: { slot: { deliveryTime: string } } | null;
  released: { deliveredActivity: number; freedAt: string | null } | null;
}

export function slotHeadlineOf(card: SlotHeadlineInput, mayOrder: boolean): SlotHeadline {
  if (card.movedAway) {
    const deliveryTime = card.movedTo?.slot.deliveryTime;
    if (deliveryTime === undefined) {
      return { key: 'slot.movedAway' };
    }
    return {
      key: 'slot.movedTo',
      deliveryTime,
      released:
        card.released === null
          ? null
          : {
              deliveryTime,
              activity: card.released.deliveredActivity,
              freedAt: card.released.freedAt,
            },
    };
  }
  switch (card.status) {
    case null:
      return { key: mayOrder ? 'slot.noOrders' : 'slot.noOrdersClosed' };
    case OrderStatus.Rejected:
      return { key: 'slot.rejected' };
    case OrderStatus.Released:
      return {
        key: 'slot.delivered',
        deliveryTime: card.slot.deliveryTime,
        activity: card.released?.deliveredActivity ?? 0,
        freedAt: card.released?.freedAt ?? null,
      };
    default:
      return { key: 'slot.ordered', activity: card.orderedActivity };
  }
}
