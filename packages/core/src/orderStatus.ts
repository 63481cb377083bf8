/**
 * The order status machine (docs/domain.md, the glossary's "order" and "correction"): which
 * action moves an order from which status to which, and who may change an order in which
 * status. The same for activity, injection and isotope orders.
 *
 *   Ordered  → Accepted  (accept; a dead Ordered order stays Ordered)
 *   Ordered  → Rejected, Accepted → Rejected  (reject)
 *   Rejected → Accepted  (unreject)
 *   Accepted → Released  (release)
 *   Released → Accepted  (correct: a signed correction reopens a release)
 *
 * The predicates take null for "no order" (a slot without orders, a new order): false.
 */
import { OrderStatus } from './enums';

/** What production (or a release) does to an order's status. */
export type OrderAction = 'accept' | 'reject' | 'unreject' | 'release' | 'correct';

const { Ordered, Accepted, Released, Rejected } = OrderStatus;

/** The status each action leads to, by the status it starts from; a missing status refuses. */
const TRANSITIONS: Record<OrderAction, Partial<Record<OrderStatus, OrderStatus>>> = {
  // Accepting an Accepted order again (a double click) changes nothing.
  accept: { [Ordered]: Accepted, [Accepted]: Accepted },
  // Rejecting a Rejected order again changes nothing; a Released one only a correction reopens.
  reject: { [Ordered]: Rejected, [Accepted]: Rejected, [Rejected]: Rejected },
  unreject: { [Rejected]: Accepted },
  release: { [Accepted]: Released },
  correct: { [Released]: Accepted },
};

/**
 * The status an order in `status` has after `action`, or null when the action is refused in
 * that status. The same status back means there is nothing to do (accepting an Accepted
 * order, rejecting a Rejected one). A dead order (`isDeadOrder`) that is Ordered stays Ordered
 * when accepted: there is nothing to produce for it.
 */
export function nextStatus(
  status: OrderStatus,
  action: OrderAction,
  options: { dead?: boolean } = {},
): OrderStatus | null {
  if (action === 'accept' && options.dead === true && status === Ordered) {
    return Ordered;
  }
  return TRANSITIONS[action][status] ?? null;
}

/** Whether `action` moves an order in `status` to another status. */
function moves(status: OrderStatus | null, action: OrderAction): boolean {
  if (status === null) {
    return false;
  }
  const next = nextStatus(status, action);
  return next !== null && next !== status;
}

/** Whether accepting moves the order on: it is Ordered. */
export function canAccept(status: OrderStatus | null): boolean {
  return moves(status, 'accept');
}

/** Whether rejecting moves the order on: it is Ordered or Accepted. */
export function canReject(status: OrderStatus | null): boolean {
  return moves(status, 'reject');
}

/** Whether the order can be unrejected (back to Accepted): it is Rejected. */
export function canUnreject(status: OrderStatus | null): boolean {
  return moves(status, 'unreject');
}

/** Whether the order can be released: it is Accepted. */
export function canRelease(status: OrderStatus | null): boolean {
  return moves(status, 'release');
}

/** Whether a correction can reopen the order (back to Accepted): it is Released. */
export function canCorrect(status: OrderStatus | null): boolean {
  return moves(status, 'correct');
}

/** Whether the order is Released: its vials and activity are signed for and it is frozen. */
export function isReleased(status: OrderStatus | null): boolean {
  return status === Released;
}

/** Whether the order is Rejected: it counts for nothing until it is unrejected. */
export function isRejected(status: OrderStatus | null): boolean {
  return status === Rejected;
}

/** Whether the order is still to be produced: Ordered or Accepted (not released, not rejected). */
export function isOpen(status: OrderStatus | null): boolean {
  return status === Ordered || status === Accepted;
}

/** Whether the shop may change or delete the order: only while it is Ordered. */
export function mayShopChange(status: OrderStatus | null): boolean {
  return status === Ordered;
}

/** Whether production may edit the order (dose, time, injections, comment): while it is open. */
export function mayProductionEdit(status: OrderStatus | null): boolean {
  return isOpen(status);
}
