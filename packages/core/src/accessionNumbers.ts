/**
 * Accession numbers identify a patient's examination, so the shop shows them masked
 * (docs/domain.md): enough to tell bookings apart, not enough to look one up.
 */

/** How many trailing digits stay readable. */
const VISIBLE_DIGITS = 4;

/**
 * Letters (and any other non-digits) kept, every digit but the last four replaced by `X`:
 * `'REGH02301111'` → `'REGHXXXX1111'`. Four digits or fewer stay as they are; `''` → `''`.
 */
export function maskAccessionNumber(text: string): string {
  if (typeof text !== 'string') {
    return '';
  }
  let digitsToMask = (text.match(/\d/g) ?? []).length - VISIBLE_DIGITS;
  let masked = '';
  for (const char of text) {
    if (digitsToMask > 0 && /\d/.test(char)) {
      masked += 'X';
      digitsToMask -= 1;
    } else {
      masked += char;
    }
  }
  return masked;
}
