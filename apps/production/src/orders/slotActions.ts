/** Which card actions a (slot, date) card offers, from its orders (pure; tested). */
import { OrderStatus } from '@tracershop/core';
import type { ProductionSlotCard } from '../productionApi';

export interface SlotActionIds {
  /** Ordered orders delivered here: "Accepter" (acceptSlot). */
  acceptable: number[];
  /** Ordered or Accepted orders delivered here: "Afvis". */
  rejectable: number[];
  /** Rejected orders of this slot: "Fortryd afvisning". */
  rejected: number[];
  /** Not released orders ordered here and still here: "Ryk til …" (the earliest slot). */
  movable: number[];
  /** Not released orders ordered here and moved elsewhere: "Ryk tilbage". */
  restorable: number[];
  /** Accepted orders delivered here: what "Frigiv" releases. */
  releasable: number[];
}

export function slotActionIds(card: ProductionSlotCard): SlotActionIds {
  const slotId = card.slot.id;
  const here = card.orders.filter((line) => line.activeSlotId === slotId && !line.dead);
  const ownHere = here.filter((line) => line.order.orderedTimeSlotId === slotId);
  const movedAway = card.orders.filter(
    (line) => line.order.orderedTimeSlotId === slotId && line.activeSlotId !== slotId,
  );
  const ids = (lines: typeof here, statuses: readonly number[]) =>
    lines.filter((line) => statuses.includes(line.order.status)).map((line) => line.order.id);
  const open = [OrderStatus.Ordered, OrderStatus.Accepted];
  const canMove =
    card.moveTargetSlotId !== null && card.moveTargetSlotId !== slotId && card.delivers;
  return {
    acceptable: ids(here, [OrderStatus.Ordered]),
    rejectable: ids(here, open),
    rejected: ids(
      card.orders.filter((line) => line.order.orderedTimeSlotId === slotId),
      [OrderStatus.Rejected],
    ),
    movable: canMove ? ids(ownHere, open) : [],
    restorable: ids(movedAway, open),
    releasable: ids(here, [OrderStatus.Accepted]),
  };
}
