// @vitest-environment node
/**
 * Every refusal the api can give, and every validation message of core, has a text in
 * Danish and in English with the same placeholders: an English user never sees a Danish
 * sentence, and no text leaves a parameter out.
 */
import { errorReasons } from '@tracershop/api';
import { validationMessages } from '@tracershop/core';
import { describe, expect, it } from 'vitest';
import da from '../i18n/da.json';
import en from '../i18n/en.json';

/** The placeholder names of an api or core template (`{x}`), or of an i18next text (`{{x}}`). */
function placeholders(text: string): string[] {
  const names = [...text.matchAll(/\{\{?(\w+)\}?\}/g)].map((match) => match[1] ?? '');
  return [...new Set(names.map((name) => name.toLowerCase()))].sort();
}

const reasons = Object.keys(errorReasons) as (keyof typeof errorReasons)[];

describe('refusal texts', () => {
  it.each(reasons)(
    '[URS-DAT-006] %s has a Danish and an English text with the api’s placeholders',
    (reason) => {
      const apiPlaceholders = placeholders(errorReasons[reason].da);
      for (const texts of [da.reasons, en.reasons] as Record<string, string>[]) {
        const text = texts[reason];
        expect(text, reason).toBeTypeOf('string');
        expect(placeholders(text ?? ''), reason).toEqual(apiPlaceholders);
      }
    },
  );

  it('[URS-DAT-006] has the same words for machine values in both languages', () => {
    expect(Object.keys(en.reasonWords.entity).sort()).toEqual(
      Object.keys(da.reasonWords.entity).sort(),
    );
    expect(Object.keys(en.reasonWords.refusal).sort()).toEqual(
      Object.keys(da.reasonWords.refusal).sort(),
    );
    expect(Object.keys(en.reasonWords.kind).sort()).toEqual(
      Object.keys(da.reasonWords.kind).sort(),
    );
  });

  it('[URS-DAT-006] writes the English refusals in English', () => {
    for (const reason of reasons) {
      expect(en.reasons[reason], reason).not.toMatch(/[æøåÆØÅ]/);
    }
  });
});

describe('validation messages', () => {
  it('[URS-DAT-006] has every Danish message in English with the same placeholders', () => {
    const danish = validationMessages.da as Record<string, string>;
    const english = validationMessages.en as Record<string, string>;
    expect(Object.keys(english).sort()).toEqual(Object.keys(danish).sort());
    for (const [key, text] of Object.entries(danish)) {
      expect(placeholders(english[key] ?? ''), key).toEqual(placeholders(text));
    }
  });
});
