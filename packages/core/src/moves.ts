/**
 * Moving an activity order to an earlier-or-equal delivery slot, and restoring it
 * (docs/user-guide-production.md). The legacy server
 * did not check the tracer and restored released orders; both are refused here.
 */
import { OrderStatus } from './enums';

/** Why a move (or restore) is refused. */
export type MoveRefusal =
  'released' | 'other-endpoint' | 'other-weekday' | 'other-tracer' | 'later-slot';

/** The outcome of `checkMove` / `checkRestore`. */
export type MoveCheck = { ok: true } | { ok: false; reason: MoveRefusal };

/** The fields of a delivery slot a move compares (`tracerId` and `weekday` are its production's). */
export interface MoveSlot {
  id: number;
  endpointId: number;
  tracerId: number;
  weekday: number;
  deliveryTime: string;
}

/** Input of `checkMove`: `from` is the order's ordered slot, `to` the target. */
export interface MoveInput {
  order: { status: OrderStatus };
  from: MoveSlot;
  to: MoveSlot;
}

/** Whether restoring an order to its ordered slot is allowed: never for a released order. */
export function checkRestore(order: { status: OrderStatus }): MoveCheck {
  if (order.status === OrderStatus.Released) {
    return { ok: false, reason: 'released' };
  }
  return { ok: true };
}

/**
 * Whether an order may move from its ordered slot to `to`: not released, and `to` is the
 * ordered slot itself (a restore) or a slot of the same endpoint, weekday and tracer that
 * delivers at the same time or earlier.
 */
export function checkMove({ order, from, to }: MoveInput): MoveCheck {
  if (order.status === OrderStatus.Released) {
    return { ok: false, reason: 'released' };
  }
  if (to.id === from.id) {
    return { ok: true };
  }
  if (to.endpointId !== from.endpointId) {
    return { ok: false, reason: 'other-endpoint' };
  }
  if (to.weekday !== from.weekday) {
    return { ok: false, reason: 'other-weekday' };
  }
  if (to.tracerId !== from.tracerId) {
    return { ok: false, reason: 'other-tracer' };
  }
  // 'HH:MM:SS' texts are zero-padded, so text order is time order.
  if (to.deliveryTime > from.deliveryTime) {
    return { ok: false, reason: 'later-slot' };
  }
  return { ok: true };
}
