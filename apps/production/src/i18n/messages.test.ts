import { describe, expect, it } from 'vitest';
import { messageFiles, messages } from './messages';

/** Every key path of a message tree (`orders.create.title`). */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keysOf(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('the app texts', () => {
  it('[URS-PRF-011] has every Danish text in English too, and nothing more', () => {
    expect(keysOf(messages.en).sort()).toEqual(keysOf(messages.da).sort());
  });

  it('keeps the areas apart: no file overwrites another area’s texts', () => {
    for (const files of [messageFiles.da, messageFiles.en]) {
      const areas = files.flatMap((file) => Object.keys(file));
      expect(new Set(areas).size).toBe(areas.length);
    }
    expect(Object.keys(messages.da)).toEqual(
      expect.arrayContaining(['orders', 'special', 'isotopes', 'vials', 'setup', 'admin']),
    );
    expect(keysOf(messages.da).length).toBeGreaterThan(500);
  });
});
