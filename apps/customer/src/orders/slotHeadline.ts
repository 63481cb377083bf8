/**
 * The summary text in a time-slot card's header (legacy §3.2): nothing ordered (and whether it
 * is too late), "Bestilt: X MBq", "Udleveret: X MBq · Frigivet kl: HH:MM", "Ordren er Afvist"
 * or "Rykket til tidligere levering". Figures come from the api (shopDay).
 */
import { OrderStatus, localDateTimeOfInstant } from '@tracershop/core';

export interface SlotHeadline {
  key: string;
  params?: Record<string, string>;
  /** Second text (the release time). */
  extra?: { key: string; params: Record<string, string> };
}

export interface SlotHeadlineInput {
  status: OrderStatus | null;
  orderedActivity: number;
  movedAway: boolean;
  released: { deliveredActivity: number; freedAt: string | null } | null;
}

export function slotHeadlineOf(
  card: SlotHeadlineInput,
  mayOrder: boolean,
  timeZone: string,
): SlotHeadline {
  if (card.movedAway) {
    return { key: 'slot.movedAway' };
  }
  switch (card.status) {
    case null:
      return { key: mayOrder ? 'slot.noOrders' : 'slot.noOrdersClosed' };
    case OrderStatus.Rejected:
      return { key: 'slot.rejected' };
    case OrderStatus.Released: {
      const delivered = String(Math.floor(card.released?.deliveredActivity ?? 0));
      const freedAt = card.released?.freedAt ?? null;
      return {
        key: 'slot.delivered',
        params: { activity: delivered },
        ...(freedAt === null
          ? {}
          : {
              extra: {
                key: 'slot.freedAt',
                params: { time: localDateTimeOfInstant(freedAt, timeZone).slice(11, 16) },
              },
            }),
      };
    }
    default:
      return {
        key: 'slot.ordered',
        params: { activity: String(Math.floor(card.orderedActivity)) },
      };
  }
}
