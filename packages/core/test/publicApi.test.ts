import { describe, expect, it } from 'vitest';

import * as core from '../src/index';

/** Every name of core's public api, which users' scripts import from the package root. */
const contractFunctions = [
  'decayFactor',
  'decayedActivity',
  'requiredActivity',
  'weekdayOf',
  'isoWeekOf',
  'secondsBetween',
  'normalizeTime',
  'normalizeDate',
  'parseDanishNumber',
  'calculateActivity',
  'deadlineFor',
  'isOrderingClosed',
  'slotDeliversOn',
  'isValidLotNumber',
  'lotDateCode',
  'suggestLotNumber',
  'summarizeSlot',
  'isDeadOrder',
  'checkMove',
  'planMassOrder',
  'parseValFile',
  'parseHl7Orm',
  'maskAccessionNumber',
  'isSiteAdmin',
  'isProductionAdmin',
  'isProductionMember',
  'isShopAdmin',
  'isShopMember',
  'hasReleaseRight',
  'allowed',
] as const;

describe('the public contract of @tracershop/core', () => {
  it.each(contractFunctions)('exports %s as a function', (name) => {
    expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the enums with the stored numeric values', () => {
    expect(core.OrderStatus).toEqual({ Ordered: 1, Accepted: 2, Released: 3, Rejected: 4 });
    expect(core.BookingStatus).toEqual({ Initial: 0, Ordered: 1, Rejected: 2, Released: 3 });
    expect(core.TracerType).toEqual({ Activity: 1, Injection: 2 });
    expect(core.TracerUsage).toEqual({ Human: 0, Animal: 1, Other: 2 });
    expect(core.WeeklyRepeat).toEqual({ EveryWeek: 0, EvenWeeks: 1, OddWeeks: 2 });
    expect(core.DeadlineType).toEqual({ Daily: 0, Weekly: 1 });
    expect(core.UserGroup).toEqual({
      Anon: 0,
      Admin: 1,
      ProductionAdmin: 2,
      ProductionUser: 3,
      ShopAdmin: 4,
      ShopUser: 5,
      ShopExternal: 6,
    });
    expect(core.Weekday.Monday).toBe(0);
    expect(core.Weekday.Sunday).toBe(6);
  });

  it('exports the zod schemas the api and apps validate with', () => {
    expect(typeof core.activityOrderCreateInput.safeParse).toBe('function');
  });
});
