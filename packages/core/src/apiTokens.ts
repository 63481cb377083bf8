/**
 * API tokens: what a script's token may be given and what it may do (docs/scripts.md,
 * "Tokens"). A token stands for its owner with a role of its own, read or write access and,
 * for the shop roles, a list of customers. It never signs: releases and corrections need a
 * person and their password.
 */
import { addDays, daysBetween, instantOfLocalDateTime, localDateTimeOfInstant } from './calendar';
import { UserGroup } from './enums';
import { roleCustomersProblem } from './roles';

/** Every token starts with this, so that a leaked one is recognisable (and scannable). */
export const API_TOKEN_PREFIX = 'tsk_';

/** Read only: queries and live events. Write: also the role's changes (never signatures). */
export const API_TOKEN_ACCESS = ['read', 'write'] as const;
export type ApiTokenAccess = (typeof API_TOKEN_ACCESS)[number];

/** The longest a token may live: a script's owner renews it at least once a year. */
export const API_TOKEN_MAX_DAYS = 366;

const { Admin, ProductionAdmin, ProductionUser, ShopAdmin, ShopUser } = UserGroup;

/**
 * The roles `creator` may give a token: the site admin every working role, a production
 * admin the production roles; nobody else creates tokens.
 */
export function tokenRolesGrantableBy(creator: UserGroup): UserGroup[] {
  if (creator === Admin) {
    return [Admin, ProductionAdmin, ProductionUser, ShopAdmin, ShopUser];
  }
  if (creator === ProductionAdmin) {
    return [ProductionAdmin, ProductionUser];
  }
  return [];
}

/** Whether a token with `access` may make a call of `type`: read-only tokens never mutate. */
export function tokenPermitsCall(
  access: ApiTokenAccess,
  type: 'query' | 'mutation' | 'subscription',
): boolean {
  return access === 'write' || type !== 'mutation';
}

export type ApiTokenProblem =
  'roleNotGrantable' | 'customersNeeded' | 'customersNotUsed' | 'expiryPassed' | 'expiryTooFar';

export interface ApiTokenPlan {
  creator: UserGroup;
  userGroup: UserGroup;
  customerIds: readonly number[];
  /** The last day the token works ('YYYY-MM-DD', site calendar). */
  expiresOn: string;
  /** Today on the site calendar. */
  today: string;
}

/**
 * What is wrong with a token about to be created, or null: a role the creator may not give,
 * a shop role without customers (or customers on a role that sees every customer), an expiry
 * in the past or more than `API_TOKEN_MAX_DAYS` ahead.
 */
export function apiTokenProblem(plan: ApiTokenPlan): ApiTokenProblem | null {
  if (!tokenRolesGrantableBy(plan.creator).includes(plan.userGroup)) {
    return 'roleNotGrantable';
  }
  const customers = roleCustomersProblem(plan.userGroup, plan.customerIds);
  if (customers !== null) {
    return customers;
  }
  const days = daysBetween(plan.today, plan.expiresOn);
  if (days < 0) {
    return 'expiryPassed';
  }
  if (days > API_TOKEN_MAX_DAYS) {
    return 'expiryTooFar';
  }
  return null;
}

/**
 * The instant a token expires (ISO-8601 UTC): the end of its last day `expiresOn` on the
 * site calendar, i.e. midnight after it in `timeZone`.
 */
export function apiTokenExpiryInstant(expiresOn: string, timeZone: string): string {
  return instantOfLocalDateTime(`${addDays(expiresOn, 1)} 00:00:00`, timeZone).toString();
}

/** The last day a token works ('YYYY-MM-DD', site calendar): the day before its expiry instant. */
export function apiTokenLastDay(expiresAt: string, timeZone: string): string {
  return localDateTimeOfInstant(Date.parse(expiresAt) - 1, timeZone).slice(0, 10);
}
