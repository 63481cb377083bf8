import { describe, expect, it } from 'vitest';

import { newPasswordProblem } from './passwords';
import { newPasswordText, schemaLimits } from './schemas/primitives';

describe('newPasswordProblem', () => {
  it('[URS-ACC-003][URS-ACC-016] worked example: the new passwords of user "anna.berg"', () => {
    const cases: [string, ReturnType<typeof newPasswordProblem>][] = [
      ['', 'tooShort'],
      ['1234567', 'tooShort'],
      ['12345678', null],
      ['correct horse battery', null],
      ['anna.berg', 'sameAsUsername'],
      ['Anna.Berg', 'sameAsUsername'],
      [' ANNA.BERG ', 'sameAsUsername'],
      ['anna.berg1', null],
      ['p'.repeat(schemaLimits.password), null],
      ['p'.repeat(schemaLimits.password + 1), 'tooLong'],
    ];
    for (const [password, problem] of cases) {
      expect(newPasswordProblem(password, 'anna.berg'), JSON.stringify(password)).toBe(problem);
    }
  });

  it('[URS-ACC-003] bounds the length exactly as newPasswordText does', () => {
    for (const length of [0, 7, 8, 9, 1024, 1025]) {
      const password = 'x'.repeat(length);
      const problem = newPasswordProblem(password, 'someone');
      expect(problem === null, `length ${length}`).toBe(
        newPasswordText.safeParse(password).success,
      );
    }
  });

  it('[URS-ACC-016] compares the name in one Unicode form: "René" composed or not', () => {
    const username = 'René.Holm'.normalize('NFC');
    expect(username.normalize('NFD')).not.toBe(username);
    expect(newPasswordProblem(username.normalize('NFD'), username)).toBe('sameAsUsername');
  });
});
