import { describe, expect, it } from 'vitest';

import { enumValues, UserGroup } from './enums';
import { type Action, ACTIONS, actionsOf, allowed, permissionMatrix } from './permissions';

const { Anon, Admin, ProductionAdmin, ProductionUser, ShopAdmin, ShopUser, ShopExternal } =
  UserGroup;
const GROUPS = enumValues(UserGroup);

/**
 * the user guides in docs/, one entry per row, columns in the table's order:
 * SHOP_EXT, SHOP_USER, SHOP_ADMIN, PROD_USER, PROD_ADMIN, ADMIN.
 */
const ROWS: [string, Action[], [boolean, boolean, boolean, boolean, boolean, boolean]][] = [
  [
    'own customers’ orders while Ordered',
    ['order.shop.read', 'order.shop.write'],
    [true, true, true, false, false, true],
  ],
  [
    'booking views and mass order',
    ['booking.read', 'booking.massOrder'],
    [false, true, true, false, false, true],
  ],
  [
    'shop setup and colleagues’ access',
    ['shopSetup.write', 'shopAccess.write'],
    [false, false, true, false, false, true],
  ],
  [
    'all orders: accept, move, reject, edit, order on behalf',
    ['order.production.read', 'order.production.manage'],
    [false, false, false, true, true, true],
  ],
  ['vials by hand', ['vial.write'], [false, false, false, true, true, true]],
  [
    'release (the right is checked apart)',
    ['order.release'],
    [false, false, false, true, true, true],
  ],
  ['correct a released order', ['order.correct'], [false, false, false, true, true, true]],
  ['delete a released order', ['order.deleteReleased'], [false, false, false, false, false, true]],
  ['vial page', ['vial.read', 'vial.rescan'], [false, false, false, true, true, true]],
  ['recall trace of a lot', ['recall.read'], [false, false, false, true, true, true]],
  [
    'production setup and monitoring',
    ['productionSetup.write', 'monitoring.read', 'export.monthly'],
    [false, false, false, false, true, true],
  ],
  ['release rights', ['releaseRight.write'], [false, false, false, false, true, true]],
  ['external users', ['externalUser.write'], [false, false, false, false, true, true]],
  [
    'config site',
    [
      'admin.config',
      'admin.audit.read',
      'admin.audit.review',
      'admin.telemetry.read',
      'admin.users.write',
    ],
    [false, false, false, false, false, true],
  ],
];
const COLUMNS = [ShopExternal, ShopUser, ShopAdmin, ProductionUser, ProductionAdmin, Admin];

const CELLS = ROWS.flatMap(([row, actions, marks]) =>
  actions.flatMap((action) =>
    COLUMNS.map((group, column) => [row, action, group, marks[column] as boolean] as const),
  ),
);

describe('permissionMatrix', () => {
  it.each(CELLS)('[URS-ACC-001] %s: allowed(%i, %s)… %s', (_row, action, group, expected) => {
    expect(allowed(group, action)).toBe(expected);
  });

  it.each([
    ['an external shop user mass-orders', ShopExternal, 'booking.massOrder'],
    ['an external shop user reads bookings', ShopExternal, 'booking.read'],
    ['a shop admin releases', ShopAdmin, 'order.release'],
    ['a shop admin manages production orders', ShopAdmin, 'order.production.manage'],
    ['a production user changes the production setup', ProductionUser, 'productionSetup.write'],
    ['a production user grants release rights', ProductionUser, 'releaseRight.write'],
    ['a production admin orders in the shop', ProductionAdmin, 'order.shop.write'],
    ['a production admin deletes a released order', ProductionAdmin, 'order.deleteReleased'],
    ['a production admin reads the audit trail', ProductionAdmin, 'admin.audit.read'],
    ['a shop user reads all orders', ShopUser, 'order.production.read'],
    ['a shop user reads vials', ShopUser, 'vial.read'],
  ] as const)('[URS-ACC-001] does not let %s', (_name, group, action) => {
    expect(allowed(group, action)).toBe(false);
  });

  it('[URS-ACC-001] lets anonymous do nothing at all', () => {
    expect(actionsOf(Anon)).toEqual([]);
    for (const action of ACTIONS) {
      expect(allowed(Anon, action)).toBe(false);
    }
  });

  it('[URS-ACC-001] lets the site admin do everything', () => {
    expect(actionsOf(Admin)).toEqual(ACTIONS);
  });

  it('[URS-ACC-001] lets every logged-in group read the setup and documents', () => {
    for (const group of GROUPS.filter((g) => g !== Anon)) {
      expect(allowed(group, 'setup.read')).toBe(true);
      expect(allowed(group, 'document.read')).toBe(true);
    }
  });

  it('[URS-ACC-001] refuses an unknown action or group', () => {
    expect(allowed(Admin, 'order.delete.everything' as Action)).toBe(false);
    expect(allowed(Admin, 'toString' as Action)).toBe(false);
    expect(allowed(42 as UserGroup, 'setup.read')).toBe(false);
  });

  it('[URS-ACC-001] gives every action a list without anonymous and cannot be changed at run time', () => {
    expect(Object.keys(permissionMatrix)).toEqual(ACTIONS);
    for (const action of ACTIONS) {
      expect(permissionMatrix[action]).not.toContain(Anon);
      expect(Object.isFrozen(permissionMatrix[action])).toBe(true);
    }
    expect(Object.isFrozen(permissionMatrix)).toBe(true);
  });
});

describe('actionsOf', () => {
  it('[URS-ACC-001][URS-ACC-014] gives a production user the production floor but no administration', () => {
    expect(actionsOf(ProductionUser)).toEqual([
      'setup.read',
      'document.read',
      'notice.read',
      'order.production.read',
      'order.production.manage',
      'order.release',
      'order.correct',
      'vial.read',
      'vial.write',
      'vial.rescan',
      'recall.read',
      'printer.print',
      'releaseRight.read',
    ]);
  });

  it('[URS-ACC-001][URS-ORD-018] gives an external shop user manual ordering only, without bookings', () => {
    expect(actionsOf(ShopExternal)).toEqual([
      'setup.read',
      'document.read',
      'notice.read',
      'order.shop.read',
      'order.shop.write',
    ]);
  });
});
