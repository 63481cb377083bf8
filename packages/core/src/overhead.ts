/**
 * The overhead multiplier per (delivery endpoint, tracer) (docs/domain.md):
 * typed as a percentage, stored as a multiplier (default 1), shown back as a whole percent.
 */
import { parseDanishNumber } from './userInput';
import type { ValidationResult } from './validationMessages';

/**
 * The multiplier for a typed percentage: `'44'` → 1.44, `'12,5'` → 1.125, empty → 1 (no
 * overhead); negative or unreadable (`'4a4'`) → `null`.
 */
export function overheadMultiplierFromPercent(text: string): number | null {
  if (text.trim() === '') {
    return 1;
  }
  const percent = parseDanishNumber(text);
  if (percent === null || percent < 0) {
    return null;
  }
  return percent / 100 + 1;
}

/** The whole percent shown for a multiplier: 1.25 → 25, 1.15 → 15, 1 → 0. */
export function overheadPercentOf(multiplier: number): number {
  // `+ 0` turns the -0 of Math.round(-0.4) into 0.
  return Math.round((multiplier - 1) * 100) + 0;
}

/** `overheadMultiplierFromPercent` for forms: the multiplier, or the issue to show. */
export function validateOverheadPercent(text: string): ValidationResult<number> {
  const multiplier = overheadMultiplierFromPercent(text);
  if (multiplier !== null) {
    return { ok: true, value: multiplier };
  }
  const percent = parseDanishNumber(text);
  return {
    ok: false,
    issue: { key: percent === null ? 'input.notANumber' : 'input.negative', field: 'overhead' },
  };
}
