/** Which card actions a (slot, date) card offers, from its orders (pure; tested). */
import {
  canAccept,
  canRelease,
  canReject,
  canUnreject,
  changeNeedsReason,
  isOpen,
} from '@tracershop/core';
import type { OrderStatus } from '@tracershop/core';
import type { ProductionSlotCard } from '../productionApi';

export interface SlotActionIds {
  /** Ordered orders delivered here, not dead (acceptSlot leaves those): "Accepter". */
  acceptable: number[];
  /** Ordered or Accepted orders delivered here, dead ones too: "Afvis". */
  rejectable: number[];
  /** Rejected orders of this slot: "Fortryd afvisning". */
  rejected: number[];
  /** Not released orders ordered here and still here: "Ryk til …" (the earliest slot). */
  movable: number[];
  /** Not released orders ordered here and moved elsewhere: "Ryk tilbage". */
  restorable: number[];
  /** The move, or the move back, changes an accepted order: it asks for a reason. */
  moveNeedsReason: boolean;
  restoreNeedsReason: boolean;
  /** Accepted orders delivered here: what "Frigiv" releases. */
  releasable: number[];
}

export function slotActionIds(card: ProductionSlotCard): SlotActionIds {
  const slotId = card.slot.id;
  const deliveredHere = card.orders.filter((line) => line.activeSlotId === slotId);
  // Dead orders (no activity) are never accepted, moved or released; only rejected.
  const here = deliveredHere.filter((line) => !line.dead);
  const ownHere = here.filter((line) => line.order.orderedTimeSlotId === slotId);
  const movedAway = card.orders.filter(
    (line) => line.order.orderedTimeSlotId === slotId && line.activeSlotId !== slotId,
  );
  type StatusTest = (status: OrderStatus) => boolean;
  const linesIn = (lines: typeof here, test: StatusTest) =>
    lines.filter((line) => test(line.order.status));
  const ids = (lines: typeof here, test: StatusTest) =>
    linesIn(lines, test).map((line) => line.order.id);
  const needsReason = (lines: typeof here) =>
    changeNeedsReason({ change: 'order', statuses: lines.map((line) => line.order.status) });
  const canMove =
    card.moveTargetSlotId !== null && card.moveTargetSlotId !== slotId && card.delivers;
  return {
    acceptable: ids(here, canAccept),
    rejectable: ids(deliveredHere, canReject),
    rejected: ids(
      card.orders.filter((line) => line.order.orderedTimeSlotId === slotId),
      canUnreject,
    ),
    movable: canMove ? ids(ownHere, isOpen) : [],
    restorable: ids(movedAway, isOpen),
    moveNeedsReason: canMove && needsReason(linesIn(ownHere, isOpen)),
    restoreNeedsReason: needsReason(linesIn(movedAway, isOpen)),
    releasable: ids(here, canRelease),
  };
}
