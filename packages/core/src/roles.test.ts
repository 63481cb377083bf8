import { describe, expect, it } from 'vitest';

import { enumValues, UserGroup } from './enums';
import {
  homeAppOf,
  isGrantableByShopAdmin,
  isProductionAdmin,
  isProductionMember,
  isShopAdmin,
  isShopMember,
  isShopScoped,
  isSiteAdmin,
  roleCustomersProblem,
  userGroupOfRoleName,
} from './roles';

const { Anon, Admin, ProductionAdmin, ProductionUser, ShopAdmin, ShopUser, ShopExternal } =
  UserGroup;

/** The user groups and the customer scoping of shop users (docs/domain.md). */
const PREDICATES: [string, (g: UserGroup) => boolean, UserGroup[]][] = [
  ['isSiteAdmin', isSiteAdmin, [Admin]],
  ['isProductionAdmin', isProductionAdmin, [Admin, ProductionAdmin]],
  ['isProductionMember', isProductionMember, [Admin, ProductionAdmin, ProductionUser]],
  ['isShopAdmin', isShopAdmin, [Admin, ShopAdmin]],
  ['isShopMember', isShopMember, [Admin, ShopAdmin, ShopUser, ShopExternal]],
  ['isShopScoped', isShopScoped, [ShopAdmin, ShopUser, ShopExternal]],
  ['isGrantableByShopAdmin', isGrantableByShopAdmin, [ShopAdmin, ShopUser]],
];

const CASES = PREDICATES.flatMap(([name, predicate, members]) =>
  enumValues(UserGroup).map((group) => [name, group, members.includes(group), predicate] as const),
);

describe('role predicates', () => {
  it.each(CASES)('[URS-ACC-001] %s(%i) is %s', (_name, group, expected, predicate) => {
    expect(predicate(group)).toBe(expected);
  });

  it('[URS-ACC-001] gives an unknown group no role', () => {
    for (const [, predicate] of PREDICATES) {
      expect(predicate(99 as UserGroup)).toBe(false);
    }
  });
});

describe('homeAppOf', () => {
  it.each([
    [Anon, null],
    [Admin, 'production'],
    [ProductionAdmin, 'production'],
    [ProductionUser, 'production'],
    [ShopAdmin, 'shop'],
    [ShopUser, 'shop'],
    [ShopExternal, 'shop'],
  ])('[URS-ACC-014] sends group %i to %s', (group, app) => {
    expect(homeAppOf(group)).toBe(app);
  });
});

describe('userGroupOfRoleName', () => {
  it('reads the role names operators type', () => {
    expect(userGroupOfRoleName('site-admin')).toBe(UserGroup.Admin);
    expect(userGroupOfRoleName('production-user')).toBe(UserGroup.ProductionUser);
    expect(userGroupOfRoleName('shop-external')).toBe(UserGroup.ShopExternal);
    expect(userGroupOfRoleName('admin')).toBeNull();
    expect(userGroupOfRoleName('toString')).toBeNull();
  });
});

describe('roleCustomersProblem', () => {
  it.each([
    [ShopAdmin, [], 'customersNeeded'],
    [ShopUser, [3], null],
    [ShopExternal, [3, 4], null],
    [Admin, [], null],
    [ProductionUser, [], null],
    [ProductionAdmin, [3], 'customersNotUsed'],
    [Admin, [1], 'customersNotUsed'],
  ] as const)('[URS-ACC-001] group %i with customers %j: %s', (group, customerIds, problem) => {
    expect(roleCustomersProblem(group, customerIds)).toBe(problem);
  });
});
