/**
 * Checks of the customer and endpoint text fields (docs/domain.md): trimmed, within the api's
 * column limits (core `schemaLimits`), the short names required. The result is a value or an
 * i18n key with its parameters, so the form shows the message next to the field.
 */
import type { ParseKeys } from 'i18next';
import {
  schemaLimits,
  validateEmail,
  validateMaxLength,
  validateWholePositiveNumber,
} from '@tracershop/core';

export type FieldCheck<T> =
  | { ok: true; value: T }
  | { ok: false; messageKey: ParseKeys<'app'>; params?: Record<string, number> };

/** Trimmed text of at most `max` characters; empty is null unless `required`. */
export function checkText(text: string, max: number, required = false): FieldCheck<string | null> {
  const result = validateMaxLength(text, max, 'name');
  if (!result.ok) {
    return { ok: false, messageKey: 'setupDeliveries.errors.tooLong', params: { max } };
  }
  if (result.value === '') {
    return required
      ? { ok: false, messageKey: 'setupDeliveries.errors.required' }
      : { ok: true, value: null };
  }
  return { ok: true, value: result.value };
}

/** An optional e-mail address. */
export function checkEmail(text: string): FieldCheck<string | null> {
  const length = checkText(text, schemaLimits.longText);
  if (!length.ok || length.value === null) {
    return length;
  }
  const result = validateEmail(text);
  return result.ok
    ? { ok: true, value: result.value }
    : { ok: false, messageKey: 'setupDeliveries.errors.badEmail' };
}

/** The dispenser's customer number: empty, or a whole positive number (legacy "13" / "asdf13"). */
export function checkDispenserId(text: string): FieldCheck<number | null> {
  if (text.trim() === '') {
    return { ok: true, value: null };
  }
  // Only whether it is a whole positive number is used; the message is this form's own.
  const result = validateWholePositiveNumber(text, 'activity');
  if (!result.ok || result.value > schemaLimits.dispenserId) {
    return { ok: false, messageKey: 'setupDeliveries.errors.dispenserId' };
  }
  return { ok: true, value: result.value };
}

type CheckedValues<C> = { [K in keyof C]: C[K] extends FieldCheck<infer T> ? T : never };

/** Every field's checked value, or null when a check failed (the form shows its messages). */
export function checkedValues<C extends Record<string, FieldCheck<unknown>>>(
  checks: C,
): CheckedValues<C> | null {
  const values: Record<string, unknown> = {};
  for (const [field, check] of Object.entries(checks)) {
    if (!check.ok) {
      return null;
    }
    values[field] = check.value;
  }
  return values as CheckedValues<C>;
}
