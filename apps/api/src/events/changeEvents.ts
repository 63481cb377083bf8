/**
 * Change events: what clients apply to their caches (docs/domain.md). Each carries who may see
 * it; the subscription filters per subscriber (docs/domain.md), so a shop user never receives
 * another customer's rows.
 */
import { isProductionMember, isShopScoped } from '@tracershop/core';
import type { SessionUser } from '../auth/sessionTypes';

/** Entity names of entities.md that travel as events. */
export type EventEntity =
  | 'Isotope'
  | 'Tracer'
  | 'Customer'
  | 'DeliveryEndpoint'
  | 'TracerCatalogPage'
  | 'ActivityProduction'
  | 'ActivityDeliveryTimeSlot'
  | 'IsotopeProduction'
  | 'IsotopeDelivery'
  | 'Deadline'
  | 'ClosedDate'
  | 'ActivityOrder'
  | 'InjectionOrder'
  | 'IsotopeOrder'
  | 'Vial'
  | 'IsotopeVial'
  | 'ReleaseRight'
  | 'Location'
  | 'ProcedureIdentifier'
  | 'Procedure'
  | 'Booking'
  | 'User'
  | 'UserAssignment'
  | 'ServerSettings'
  | 'Printer'
  | 'ServiceAddress'
  | 'CustomerNotice';

/**
 * Who may receive an event: every logged-in user (catalog data), production only, the users
 * of one customer (plus production), only the shop users of one customer (a customer's view
 * of a row whose full form production receives separately, e.g. without overhead), or one
 * user (plus production).
 */
export type Visibility =
  | { kind: 'everyone' }
  | { kind: 'production' }
  | { kind: 'customer'; customerId: number }
  | { kind: 'customerOnly'; customerId: number }
  | { kind: 'user'; userId: number };

/** What a subscriber receives. Rows are the entity's public shape (never password hashes). */
export interface ChangeEvent {
  id: string;
  entity: EventEntity;
  op: 'upsert' | 'delete';
  rows?: unknown[];
  ids?: Array<number | string>;
}

/** What the api publishes: the event plus its audience. */
export interface PublishedChange {
  entity: EventEntity;
  op: 'upsert' | 'delete';
  rows?: unknown[];
  ids?: Array<number | string>;
  visibility: Visibility;
  /** For UserAssignment changes: whose access changed, so live subscriptions can follow. */
  assignment?: { userId: number; customerId: number };
}

export interface BusEvent extends PublishedChange {
  id: string;
}

/** Whether `user` may receive an event of `visibility`. */
export function mayReceive(user: SessionUser, visibility: Visibility): boolean {
  if (visibility.kind === 'customerOnly') {
    return isShopScoped(user.userGroup) && user.customerIds.includes(visibility.customerId);
  }
  if (isProductionMember(user.userGroup)) {
    return true;
  }
  switch (visibility.kind) {
    case 'everyone':
      return true;
    case 'production':
      return false;
    case 'customer':
      return isShopScoped(user.userGroup) && user.customerIds.includes(visibility.customerId);
    case 'user':
      return visibility.userId === user.id;
  }
}

/** The wire form of a bus event (audience stripped). */
export function toChangeEvent(event: BusEvent): ChangeEvent {
  const change: ChangeEvent = { id: event.id, entity: event.entity, op: event.op };
  if (event.rows !== undefined) {
    change.rows = event.rows;
  }
  if (event.ids !== undefined) {
    change.ids = event.ids;
  }
  return change;
}
