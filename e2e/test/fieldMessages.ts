/**
 * The words a field's `aria-describedby` points to, as a screen reader reads them with the
 * field: the message of an invalid field, its hint.
 */
import type { Locator } from 'playwright-core';

export function describedText(field: Locator): Promise<string | null> {
  return field.evaluate((element) => {
    const ids = element.getAttribute('aria-describedby');
    if (ids === null) {
      return null;
    }
    return ids
      .split(/\s+/)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
  });
}
