import { describe, expect, it } from 'vitest';

import {
  API_TOKEN_MAX_DAYS,
  apiTokenExpiryInstant,
  apiTokenLastDay,
  apiTokenProblem,
  tokenPermitsCall,
  tokenRolesGrantableBy,
} from './apiTokens';
import { UserGroup } from './enums';

const plan = {
  creator: UserGroup.Admin,
  userGroup: UserGroup.ProductionUser,
  customerIds: [] as number[],
  expiresOn: '2027-03-31',
  today: '2026-12-06',
};

describe('tokenRolesGrantableBy', () => {
  it('lets the site admin give every working role and a production admin the production roles', () => {
    expect(tokenRolesGrantableBy(UserGroup.Admin)).toEqual([1, 2, 3, 4, 5]);
    expect(tokenRolesGrantableBy(UserGroup.ProductionAdmin)).toEqual([2, 3]);
    for (const group of [
      UserGroup.Anon,
      UserGroup.ProductionUser,
      UserGroup.ShopAdmin,
      UserGroup.ShopUser,
      UserGroup.ShopExternal,
    ]) {
      expect(tokenRolesGrantableBy(group)).toEqual([]);
    }
  });
});

describe('tokenPermitsCall', () => {
  it('keeps a read-only token to queries and live events', () => {
    expect(tokenPermitsCall('read', 'query')).toBe(true);
    expect(tokenPermitsCall('read', 'subscription')).toBe(true);
    expect(tokenPermitsCall('read', 'mutation')).toBe(false);
    expect(tokenPermitsCall('write', 'mutation')).toBe(true);
  });
});

describe('apiTokenProblem', () => {
  it('accepts a production token without customers until a day within a year', () => {
    expect(apiTokenProblem(plan)).toBeNull();
    expect(apiTokenProblem({ ...plan, expiresOn: '2026-12-06' })).toBeNull();
  });

  it('refuses a role the creator may not give', () => {
    expect(
      apiTokenProblem({ ...plan, creator: UserGroup.ProductionAdmin, userGroup: UserGroup.Admin }),
    ).toBe('roleNotGrantable');
    expect(apiTokenProblem({ ...plan, creator: UserGroup.ShopAdmin })).toBe('roleNotGrantable');
  });

  it('asks a shop role for customers and refuses them on roles that see every customer', () => {
    expect(apiTokenProblem({ ...plan, userGroup: UserGroup.ShopUser })).toBe('customersNeeded');
    expect(
      apiTokenProblem({ ...plan, userGroup: UserGroup.ShopUser, customerIds: [3] }),
    ).toBeNull();
    expect(apiTokenProblem({ ...plan, customerIds: [3] })).toBe('customersNotUsed');
  });

  it('refuses an expiry in the past or further ahead than the longest life', () => {
    expect(apiTokenProblem({ ...plan, expiresOn: '2026-12-05' })).toBe('expiryPassed');
    expect(API_TOKEN_MAX_DAYS).toBe(366);
    expect(apiTokenProblem({ ...plan, expiresOn: '2027-12-07' })).toBeNull();
    expect(apiTokenProblem({ ...plan, expiresOn: '2027-12-08' })).toBe('expiryTooFar');
  });
});

describe('apiTokenExpiryInstant', () => {
  it('ends a token at midnight after its last day, site time, in winter and summer', () => {
    expect(apiTokenExpiryInstant('2026-12-31', 'Europe/Copenhagen')).toBe('2026-12-31T23:00:00Z');
    expect(apiTokenExpiryInstant('2027-06-30', 'Europe/Copenhagen')).toBe('2027-06-30T22:00:00Z');
  });

  it('gives back the last day from the expiry instant', () => {
    expect(apiTokenLastDay('2026-12-31T23:00:00.000Z', 'Europe/Copenhagen')).toBe('2026-12-31');
    expect(apiTokenLastDay('2027-06-30T22:00:00Z', 'Europe/Copenhagen')).toBe('2027-06-30');
  });
});
