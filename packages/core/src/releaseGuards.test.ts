import { describe, expect, it } from 'vitest';
import { checkDispensing, isReleaseTooEarly, vialsFilledAfter } from './releaseGuards';

describe('vialsFilledAfter', () => {
  it('[URS-REL-007] finds the vials filled after the moment of release', () => {
    const vials = [
      { id: 1, fillDate: '2026-12-07', fillTime: '07:10:00' },
      { id: 2, fillDate: '2026-12-07', fillTime: '07:40:00' },
      { id: 3, fillDate: '2026-12-05', fillTime: '06:00:00' },
    ];
    // Released 07:30 on the 7th: vial 2 is not filled yet.
    expect(vialsFilledAfter(vials, '2026-12-07 07:30:00').map((vial) => vial.id)).toEqual([2]);
    // The certificate "Frigivet 03:28 05/12/2026" for vials "Fyldt 07:10 07/12/2026".
    expect(vialsFilledAfter(vials, '2026-12-05 03:28:00').map((vial) => vial.id)).toEqual([
      1, 2, 3,
    ]);
    expect(vialsFilledAfter(vials, '2026-12-07 07:40:00').map((vial) => vial.id)).toEqual([]);
  });
});

describe('isReleaseTooEarly', () => {
  const delivery = { deliveryLocalDateTime: '2026-12-07 08:00:00', releaseLeadHours: 12 };

  it('[URS-REL-008] allows a release up to the lead time before the delivery', () => {
    expect(isReleaseTooEarly({ ...delivery, releaseLocalDateTime: '2026-12-07 07:45:00' })).toBe(
      false,
    );
    expect(isReleaseTooEarly({ ...delivery, releaseLocalDateTime: '2026-12-06 20:00:00' })).toBe(
      false,
    );
    // After the delivery time (a late release) is never too early.
    expect(isReleaseTooEarly({ ...delivery, releaseLocalDateTime: '2026-12-07 09:00:00' })).toBe(
      false,
    );
  });

  it('[URS-REL-008] refuses a release two days before its delivery', () => {
    expect(isReleaseTooEarly({ ...delivery, releaseLocalDateTime: '2026-12-05 03:28:00' })).toBe(
      true,
    );
    expect(isReleaseTooEarly({ ...delivery, releaseLocalDateTime: '2026-12-06 19:59:59' })).toBe(
      true,
    );
  });
});

describe('checkDispensing', () => {
  const settings = { underDeliveryTolerancePercent: 10, overDeliveryTolerancePercent: 50 };

  it('[URS-REL-009] accepts deliveries within the tolerances, the tolerances included', () => {
    expect(checkDispensing({ required: 1000, delivered: 1000, settings }).kind).toBe(
      'withinTolerance',
    );
    expect(checkDispensing({ required: 1000, delivered: 900, settings }).kind).toBe(
      'withinTolerance',
    );
    expect(checkDispensing({ required: 1000, delivered: 1500, settings }).kind).toBe(
      'withinTolerance',
    );
  });

  it('[URS-REL-009] flags under- and over-dispensing with the deviation', () => {
    // 999 999 999 MBq ordered, 1 678 MBq delivered at the delivery time.
    const under = checkDispensing({ required: 999_999_999, delivered: 1678, settings });
    expect(under.kind).toBe('under');
    expect(under.deviationPercent).toBeCloseTo(-99.9998, 4);
    const over = checkDispensing({ required: 1000, delivered: 1501, settings });
    expect(over).toEqual({
      kind: 'over',
      required: 1000,
      delivered: 1501,
      deviationPercent: expect.closeTo(50.1, 6) as number,
    });
  });
});
