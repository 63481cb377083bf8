import { describe, expect, it } from 'vitest';
import { checkDispenserId, checkText, checkedValues } from './fieldChecks';

describe('checkedValues', () => {
  it('[URS-DAT-007] gives every checked value, an empty optional text as null', () => {
    expect(
      checkedValues({
        shortName: checkText(' RH ', 32, true),
        longName: checkText('', 255),
        dispenserId: checkDispenserId('13'),
      }),
    ).toEqual({ shortName: 'RH', longName: null, dispenserId: 13 });
  });

  it('[URS-DAT-007] gives nothing when one check fails', () => {
    expect(
      checkedValues({ shortName: checkText('', 32, true), dispenserId: checkDispenserId('13') }),
    ).toBeNull();
    expect(checkedValues({ dispenserId: checkDispenserId('asdf13') })).toBeNull();
  });
});
