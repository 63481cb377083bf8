import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, isClean } from './fieldIssues';

const labels = { name: 'Navn', port: 'Port' };

describe('fieldErrorsOf', () => {
  it("[URS-DAT-006] gives each named field the first message, with the form's label and the limit", () => {
    const errors = fieldErrorsOf(
      [
        { path: ['name'], message: 'input.tooLong', code: 'too_big', maximum: 48 },
        { path: ['name'], message: 'input.invalid' },
        { path: ['port'], message: 'no key of core' },
        { path: ['other'], message: 'input.invalid' },
      ],
      labels,
      'da',
    );
    expect(errors).toEqual({
      name: 'Navn kan ikke være længere end 48 tegn',
      port: 'Port er ugyldig',
    });
    expect(isClean(errors)).toBe(false);
  });

  it('[URS-DAT-006] speaks English when asked and is clean without issues', () => {
    expect(fieldErrorsOf([{ path: ['port'], message: 'input.invalid' }], labels, 'en')).toEqual({
      port: 'Port is invalid',
    });
    expect(isClean(fieldErrorsOf([], labels, 'da'))).toBe(true);
  });
});
