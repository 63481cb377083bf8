/**
 * When production must say why it changes a record (docs/domain.md, "Reasons for changes").
 * Until production accepts an order it is the department's request, and production may adjust
 * it as freely as the department. From acceptance on, the order and the vials that deliver it
 * are GMP records: a dose edited, an order moved or moved back, a release corrected, a vial
 * edited, an order deleted — each needs a short reason, which the audit trail keeps with the
 * change. A plausibility override and a release's deviation have reasons of their own
 * (plausibility.ts, releaseGuards.ts).
 */
import { OrderStatus } from './enums';

/** A change production makes, as far as the reason rule cares. */
export type ReasonedChange =
  /** A dose (or time, or injections) edited, a move or a move back, of orders in `statuses`. */
  | { change: 'order'; statuses: readonly OrderStatus[] }
  /**
   * Production deletes orders in `statuses` (a released one only the site admin, the api's
   * 'order.deleteReleased').
   */
  | { change: 'delete'; statuses: readonly OrderStatus[] }
  /** A signed correction of released orders: Released → Accepted. */
  | { change: 'correction' }
  /** A vial's lot, owner, filling time, activity or volume edited (tracer or isotope vial). */
  | { change: 'vial' };

/** Whether `change` needs the user's reason before the server makes it. */
export function changeNeedsReason(change: ReasonedChange): boolean {
  switch (change.change) {
    case 'order':
    case 'delete':
      return change.statuses.some(
        (status) => status === OrderStatus.Accepted || status === OrderStatus.Released,
      );
    case 'correction':
    case 'vial':
      return true;
  }
}
