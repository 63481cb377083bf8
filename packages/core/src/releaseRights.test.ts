import { describe, expect, it } from 'vitest';

import { UserGroup } from './enums';
import { hasReleaseRight, mayGrantReleaseRight, type ReleaseRightGrant } from './releaseRights';

const { Anon, Admin, ProductionAdmin, ProductionUser, ShopAdmin, ShopUser, ShopExternal } =
  UserGroup;

const FDG = 1;
const PSMA = 2;
const F18 = 10;
const GA68 = 11;
const ALICE = 7;
const BOB = 8;

const RIGHTS: ReleaseRightGrant[] = [
  { userId: ALICE, tracerId: FDG, isotopeId: null, expiryDate: null },
  { userId: ALICE, tracerId: PSMA, isotopeId: null, expiryDate: '2024-06-01' },
  { userId: ALICE, tracerId: null, isotopeId: GA68, expiryDate: '2024-06-01' },
  { userId: BOB, tracerId: null, isotopeId: F18, expiryDate: null },
];

function check(overrides: Partial<Parameters<typeof hasReleaseRight>[0]>): boolean {
  return hasReleaseRight({
    userGroup: ProductionUser,
    userId: ALICE,
    rights: RIGHTS,
    today: '2024-05-31',
    ...overrides,
  });
}

describe('hasReleaseRight', () => {
  it('[URS-REL-004] always lets the site admin release, even without rights', () => {
    expect(check({ userGroup: Admin, userId: 99, rights: [], tracerId: FDG })).toBe(true);
    expect(check({ userGroup: Admin, userId: 99, rights: [], isotopeId: F18 })).toBe(true);
  });

  it('[URS-REL-004] needs a right of the user for that tracer', () => {
    expect(check({ tracerId: FDG })).toBe(true);
    expect(check({ tracerId: 3 })).toBe(false);
    expect(check({ userId: BOB, tracerId: FDG })).toBe(false);
  });

  it('[URS-REL-004] does not let a production admin release without a right of their own', () => {
    expect(check({ userGroup: ProductionAdmin, userId: BOB, tracerId: FDG })).toBe(false);
    expect(check({ userGroup: ProductionAdmin, tracerId: FDG })).toBe(true);
  });

  it.each([
    ['2024-05-30', true],
    ['2024-05-31', true],
    ['2024-06-01', false],
    ['2024-06-02', false],
    ['2025-01-01', false],
  ])('[URS-REL-004] on %s, a right expiring 2024-06-01 is valid: %s', (today, valid) => {
    expect(check({ tracerId: PSMA, today })).toBe(valid);
    expect(check({ isotopeId: GA68, today })).toBe(valid);
  });

  it('[URS-REL-004] keeps a right without expiry date valid for ever', () => {
    expect(check({ tracerId: FDG, today: '2099-12-31' })).toBe(true);
  });

  it('[URS-REL-004] matches isotope rights by isotope and tracer rights by tracer, never across', () => {
    expect(check({ userId: BOB, isotopeId: F18 })).toBe(true);
    expect(check({ userId: BOB, tracerId: F18 })).toBe(false);
    expect(check({ isotopeId: FDG })).toBe(false);
  });

  it('[URS-REL-004] accepts either when both a tracer and an isotope are given', () => {
    expect(check({ userId: BOB, tracerId: FDG, isotopeId: F18 })).toBe(true);
    expect(check({ userId: BOB, tracerId: FDG, isotopeId: GA68 })).toBe(false);
  });

  it('[URS-REL-004] finds nothing when neither a tracer nor an isotope is given', () => {
    expect(check({})).toBe(false);
    expect(check({ tracerId: null, isotopeId: null })).toBe(false);
  });

  it('[URS-REL-004] treats a right with an unreadable expiry date as expired', () => {
    const rights = [{ userId: ALICE, tracerId: FDG, expiryDate: '1/6/2099' }];
    expect(check({ rights, tracerId: FDG })).toBe(false);
  });

  it('[URS-REL-004] refuses a today that is not YYYY-MM-DD', () => {
    expect(() => check({ tracerId: FDG, today: '31/05/2024' })).toThrow(RangeError);
  });
});

describe('mayGrantReleaseRight', () => {
  it.each([
    [Admin, ALICE, BOB, true],
    [Admin, ALICE, ALICE, true],
    [ProductionAdmin, ALICE, BOB, true],
    [ProductionAdmin, ALICE, ALICE, false],
    [ProductionUser, ALICE, BOB, false],
    [ShopAdmin, ALICE, BOB, false],
    [ShopUser, ALICE, BOB, false],
    [ShopExternal, ALICE, BOB, false],
    [Anon, ALICE, BOB, false],
  ])(
    '[URS-REL-005] group %i (user %i) may grant user %i: %s',
    (granterGroup, granterId, granteeId, may) => {
      expect(mayGrantReleaseRight({ granterGroup, granterId, granteeId })).toBe(may);
    },
  );

  it('[URS-REL-005] refuses rights for a grantee outside production when the group is known', () => {
    const grant = { granterGroup: Admin, granterId: ALICE, granteeId: BOB };
    expect(mayGrantReleaseRight({ ...grant, granteeGroup: ShopAdmin })).toBe(false);
    expect(mayGrantReleaseRight({ ...grant, granteeGroup: ProductionUser })).toBe(true);
  });
});
