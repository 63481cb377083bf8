/**
 * Who receives vial events: a tracer vial goes to the users of its owner (plus production),
 * a vial without owner (quality control) to production only; an isotope vial goes to the
 * customer it was delivered to, or to production only while undelivered.
 */
import type { PublishedChange, Visibility } from '../../events/changeEvents';

export function vialVisibility(customerId: number | null): Visibility {
  return customerId === null ? { kind: 'production' } : { kind: 'customer', customerId };
}

/** An upsert of one vial row to its owner's audience. */
export function vialUpsert(row: { customerId: number | null }): PublishedChange {
  return { entity: 'Vial', op: 'upsert', rows: [row], visibility: vialVisibility(row.customerId) };
}
