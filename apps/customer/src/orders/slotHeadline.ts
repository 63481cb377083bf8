/**
 * The summary text in a time-slot card's header (docs/domain.md): nothing ordered (and whether it
 * is too late), "Bestilt: X MBq", "Udleveret kl. 08:00: X MBq · Frigivet 07/12/2026 07:45",
 * "Ordren er Afvist" or "Rykket til tidligere levering". Figures come from the api (shopDay;
 * delivered is core's delivered activity at the delivery time) and are formatted by the card.
 */
import { OrderStatus } from '@tracershop/core';

export type SlotHeadline =
  | { key: 'slot.movedAway' | 'slot.noOrders' | 'slot.noOrdersClosed' | 'slot.rejected' }
  | { key: 'slot.ordered'; activity: number }
  | { key: 'slot.delivered'; activity: number; freedAt: string | null };

export interface SlotHeadlineInput {
  status: OrderStatus | null;
  orderedActivity: number;
  movedAway: boolean;
  released: { deliveredActivity: number; freedAt: string | null } | null;
}

export function slotHeadlineOf(card: SlotHeadlineInput, mayOrder: boolean): SlotHeadline {
  if (card.movedAway) {
    return { key: 'slot.movedAway' };
  }
  switch (card.status) {
    case null:
      return { key: mayOrder ? 'slot.noOrders' : 'slot.noOrdersClosed' };
    case OrderStatus.Rejected:
      return { key: 'slot.rejected' };
    case OrderStatus.Released:
      return {
        key: 'slot.delivered',
        activity: card.released?.deliveredActivity ?? 0,
        freedAt: card.released?.freedAt ?? null,
      };
    default:
      return { key: 'slot.ordered', activity: card.orderedActivity };
  }
}
