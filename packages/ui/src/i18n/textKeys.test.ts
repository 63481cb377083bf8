import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';
import { monthNameKey, runtimeText, weekdayNameKey } from './textKeys';

describe('text keys', () => {
  const i18n = createI18n({ language: 'da' });

  it('names months and weekdays from numbers', () => {
    expect(i18n.t(monthNameKey(12))).toBe('December');
    expect(i18n.t(weekdayNameKey(0))).toBe('Mandag');
    expect(() => monthNameKey(13)).toThrow(RangeError);
    expect(() => weekdayNameKey(7)).toThrow(RangeError);
  });

  it('gives the text of a key made at run time, or null', () => {
    expect(runtimeText(i18n, 'reasonWords.entity.Tracer')).toBe('traceren');
    expect(runtimeText(i18n, 'reasonWords.entity.NoSuchThing')).toBeNull();
  });

  it('types keys: a key without a text does not compile', () => {
    // @ts-expect-error — no such text; `npm run typecheck` fails if keys stop being typed.
    expect(i18n.t('calendar.noSuchText')).toBe('calendar.noSuchText');
  });
});
