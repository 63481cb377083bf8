/**
 * Customer scoping (docs/domain.md): shop users read, write and receive only what belongs to
 * customers they are assigned to; production members and site admins see every customer.
 */
import { isShopScoped } from '@tracershop/core';
import type { SessionUser } from './auth/sessions';
import { apiError } from './errors';

/** The customers `user` is limited to, or null when unlimited. */
export function customerLimitOf(user: SessionUser): number[] | null {
  return isShopScoped(user.userGroup) ? user.customerIds : null;
}

/** Whether `user` may act for `customerId`. */
export function mayActFor(user: SessionUser, customerId: number): boolean {
  const limit = customerLimitOf(user);
  return limit === null || limit.includes(customerId);
}

/** Refuses with NOT_ASSIGNED unless `user` may act for `customerId`. */
export function assertActsFor(user: SessionUser, customerId: number): void {
  if (!mayActFor(user, customerId)) {
    throw apiError('NOT_ASSIGNED');
  }
}
