/**
 * Who receives the change events of set-up rows (README "Who receives which events"): catalog
 * data everyone, a customer's rows that customer's users (and production), configuration
 * production only. A row that moves to another customer is deleted from the old customer's
 * caches.
 */
import type { Transaction } from 'sequelize';
import type { EventEntity, PublishedChange, Visibility } from '../../events/changeEvents';
import type { ApiServices } from '../../trpc/context';
import { findRow } from './rows';

export const EVERYONE: Visibility = { kind: 'everyone' };
export const PRODUCTION: Visibility = { kind: 'production' };

/** The users of `customerId` (plus production); production alone for rows without one. */
export function customerAudience(customerId: number | null): Visibility {
  return customerId === null ? PRODUCTION : { kind: 'customer', customerId };
}

/** The customer a delivery endpoint belongs to (NOT_FOUND when the endpoint is missing). */
export async function customerOfEndpoint(
  services: ApiServices,
  endpointId: number,
  transaction?: Transaction,
): Promise<number> {
  const endpoint = await findRow(
    services.db.models.DeliveryEndpoint,
    endpointId,
    'DeliveryEndpoint',
    transaction,
  );
  return endpoint.customerId;
}

/** The customer of an optional endpoint; null when there is none. */
export async function customerOfOptionalEndpoint(
  services: ApiServices,
  endpointId: number | null | undefined,
  transaction?: Transaction,
): Promise<number | null> {
  return endpointId == null ? null : customerOfEndpoint(services, endpointId, transaction);
}

/**
 * The events of an upserted customer row: to its customer's audience, and a delete to the
 * shop users of the customer it belonged to before, when that differs.
 */
export function customerRowChanges(
  entity: EventEntity,
  row: { id: number },
  customerId: number | null,
  previousCustomerId: number | null = customerId,
): PublishedChange[] {
  const changes: PublishedChange[] = [
    { entity, op: 'upsert', rows: [row], visibility: customerAudience(customerId) },
  ];
  if (previousCustomerId !== null && previousCustomerId !== customerId) {
    changes.push({
      entity,
      op: 'delete',
      ids: [row.id],
      visibility: { kind: 'customerOnly', customerId: previousCustomerId },
    });
  }
  return changes;
}

/** The delete event of a customer row. */
export function customerRowDeleted(
  entity: EventEntity,
  id: number,
  customerId: number | null,
): PublishedChange {
  return { entity, op: 'delete', ids: [id], visibility: customerAudience(customerId) };
}
