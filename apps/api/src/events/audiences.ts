/**
 * Who receives a change event (README "Who receives which events"): catalog data everyone,
 * a customer's rows (orders, owned vials, endpoints, set-up rows) that customer's users plus
 * production, rows without a customer and configuration production only. A row that moves to
 * another customer is deleted from the old customer's caches. The customer of a row is found
 * through its endpoint (endpointCustomers.ts).
 */
import type { EventEntity, PublishedChange, Visibility } from './changeEvents';

export const EVERYONE: Visibility = { kind: 'everyone' };
export const PRODUCTION: Visibility = { kind: 'production' };

/** The users of `customerId` (plus production); production alone for rows without one. */
export function customerAudience(customerId: number | null): Visibility {
  return customerId === null ? PRODUCTION : { kind: 'customer', customerId };
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
    changes.push(withdrawnFromCustomer(entity, [row.id], previousCustomerId));
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

/**
 * Upsert events of `rows`, one per customer (`customerOf` returns null for rows that belong to
 * no customer: those go to production only).
 */
export function upsertsByCustomer<R>(
  entity: EventEntity,
  rows: readonly R[],
  customerOf: (row: R) => number | null | undefined,
): PublishedChange[] {
  const byCustomer = new Map<number | null, R[]>();
  for (const row of rows) {
    const customerId = customerOf(row) ?? null;
    const group = byCustomer.get(customerId) ?? [];
    group.push(row);
    byCustomer.set(customerId, group);
  }
  return [...byCustomer].map(([customerId, group]) => ({
    entity,
    op: 'upsert' as const,
    rows: group,
    visibility: customerAudience(customerId),
  }));
}

/**
 * Tells a customer's shop users to drop rows they may no longer see (an isotope vial taken
 * back by a correction, a vial given to another owner, a set-up row moved to another
 * customer); production keeps them through the accompanying upsert.
 */
export function withdrawnFromCustomer(
  entity: EventEntity,
  ids: readonly number[],
  customerId: number,
): PublishedChange {
  return { entity, op: 'delete', ids: [...ids], visibility: { kind: 'customerOnly', customerId } };
}

/**
 * An upsert of one vial row to its owner's audience: a tracer vial to the users of its owner
 * (plus production), a vial without owner (quality control) to production only; an isotope
 * vial to the customer it was delivered to, or to production only while undelivered.
 */
export function vialUpsert(row: { customerId: number | null }): PublishedChange {
  return {
    entity: 'Vial',
    op: 'upsert',
    rows: [row],
    visibility: customerAudience(row.customerId),
  };
}
