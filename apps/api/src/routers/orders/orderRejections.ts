/**
 * Who rejected an activity order and when ("Afvist af … kl. …" in production's order dialog),
 * read from the audit trail: the order's latest `activityOrder.reject` event, the one the
 * reject procedure (orderProcedures.ts `statusProcedures`) writes for each order it rejects.
 * The order row keeps no such fields; the trail is the record of the rejection.
 */
import type { ApiServices } from '../../services';
import { activityOrderKind } from './orderChanges';

/** The audit action of a rejection: `<auditName>.<verb>`, as `changeOrders` writes it. */
const REJECT_ACTION = `${activityOrderKind.auditName}.reject`;

export interface OrderRejection {
  /** The actor's name as the trail keeps it (display name, else user name). */
  byName: string | null;
  /** When, as an ISO-8601 instant. */
  at: string;
}

/**
 * The latest rejection of each of `orderIds`, in one query. An order rejected before the trail
 * existed (the legacy import) has none and is left out of the map.
 */
export async function readOrderRejections(
  services: ApiServices,
  orderIds: readonly number[],
): Promise<Map<number, OrderRejection>> {
  const rejections = new Map<number, OrderRejection>();
  if (orderIds.length === 0) {
    return rejections;
  }
  const events = await services.db.models.AuditEvent.findAll({
    where: { action: REJECT_ACTION, entity: activityOrderKind.entity, entityId: [...orderIds] },
    attributes: ['id', 'entityId', 'actorName', 'at'],
    order: [['id', 'ASC']],
  });
  // Oldest first, so each order ends with its latest rejection.
  for (const event of events) {
    if (event.entityId !== null) {
      rejections.set(event.entityId, { byName: event.actorName, at: event.at.toISOString() });
    }
  }
  return rejections;
}
