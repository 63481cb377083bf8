/**
 * Role predicates of the user groups (docs/domain.md,
 * docs/operations.md). The site admin is a member of everything.
 */
import { UserGroup } from './enums';

/** Which web app a user lands in. */
export type HomeApp = 'production' | 'shop';

const SITE_ADMINS: ReadonlySet<number> = new Set([UserGroup.Admin]);
const PRODUCTION_ADMINS: ReadonlySet<number> = new Set([
  UserGroup.Admin,
  UserGroup.ProductionAdmin,
]);
const PRODUCTION_MEMBERS: ReadonlySet<number> = new Set([
  UserGroup.Admin,
  UserGroup.ProductionAdmin,
  UserGroup.ProductionUser,
]);
const SHOP_ADMINS: ReadonlySet<number> = new Set([UserGroup.Admin, UserGroup.ShopAdmin]);
const SHOP_MEMBERS: ReadonlySet<number> = new Set([
  UserGroup.Admin,
  UserGroup.ShopAdmin,
  UserGroup.ShopUser,
  UserGroup.ShopExternal,
]);
const SHOP_SCOPED: ReadonlySet<number> = new Set([
  UserGroup.ShopAdmin,
  UserGroup.ShopUser,
  UserGroup.ShopExternal,
]);

/** Site administrator: group 1. */
export function isSiteAdmin(g: UserGroup): boolean {
  return SITE_ADMINS.has(g);
}

/** May administer production (release rights, setup, external users): groups 1, 2. */
export function isProductionAdmin(g: UserGroup): boolean {
  return PRODUCTION_ADMINS.has(g);
}

/** Works in production (sees all orders, accepts, dispenses, releases with a right): 1, 2, 3. */
export function isProductionMember(g: UserGroup): boolean {
  return PRODUCTION_MEMBERS.has(g);
}

/** May administer the shop (locations, procedures, colleagues' access): groups 1, 4. */
export function isShopAdmin(g: UserGroup): boolean {
  return SHOP_ADMINS.has(g);
}

/** Orders in the shop: groups 1, 4, 5, 6. */
export function isShopMember(g: UserGroup): boolean {
  return SHOP_MEMBERS.has(g);
}

/**
 * Sees and changes only the customers assigned to them (docs/domain.md): groups 4, 5, 6.
 * The site admin is a shop member but not scoped.
 */
export function isShopScoped(g: UserGroup): boolean {
  return SHOP_SCOPED.has(g);
}

const GRANTABLE_BY_SHOP_ADMIN: ReadonlySet<number> = new Set([
  UserGroup.ShopAdmin,
  UserGroup.ShopUser,
]);

/**
 * May be given access to a customer by a shop admin ("Bruger" in the shop's set-up): groups 4,
 * 5. Not admins or production, who see every customer, nor external users, whose one customer
 * production sets. A directory user's role from their groups is checked the same way.
 */
export function isGrantableByShopAdmin(g: UserGroup): boolean {
  return GRANTABLE_BY_SHOP_ADMIN.has(g);
}

/** What is wrong with the customers given to an account or token of a role. */
export type RoleCustomersProblem = 'customersNeeded' | 'customersNotUsed';

/**
 * Whether `customerIds` fit role `g`: a shop-scoped role acts for at least one customer, any
 * other role sees every customer and takes none. Null when they fit.
 */
export function roleCustomersProblem(
  g: UserGroup,
  customerIds: readonly number[],
): RoleCustomersProblem | null {
  const scoped = isShopScoped(g);
  if (scoped && customerIds.length === 0) {
    return 'customersNeeded';
  }
  if (!scoped && customerIds.length > 0) {
    return 'customersNotUsed';
  }
  return null;
}

/** The app a user starts in: production for 1, 2, 3; shop for 4, 5, 6; `null` when anonymous. */
export function homeAppOf(g: UserGroup): HomeApp | null {
  if (isProductionMember(g)) {
    return 'production';
  }
  if (isShopMember(g)) {
    return 'shop';
  }
  return null;
}

/**
 * The roles by the names operators type (`tracershop token create --role production-user`,
 * configuration files): one word per working group.
 */
export const ROLE_NAMES = Object.freeze({
  'site-admin': UserGroup.Admin,
  'production-admin': UserGroup.ProductionAdmin,
  'production-user': UserGroup.ProductionUser,
  'shop-admin': UserGroup.ShopAdmin,
  'shop-user': UserGroup.ShopUser,
  'shop-external': UserGroup.ShopExternal,
} as const satisfies Record<string, UserGroup>);

export type RoleName = keyof typeof ROLE_NAMES;

/** The group of role name `name`, or null when it names none. */
export function userGroupOfRoleName(name: string): UserGroup | null {
  return Object.hasOwn(ROLE_NAMES, name) ? ROLE_NAMES[name as RoleName] : null;
}
