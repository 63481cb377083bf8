/**
 * Forms check a draft with the api's own input schema (core `…Input`) before sending it, and
 * show each refusal beside its field in the user's language: core's message for the issue's
 * key, with the form's own label for the field ("AtomNummer er ikke et helt tal") and the
 * schema's limit ("Nyt kodeord skal have mindst 8 tegn"). Used by the set-up pages and the
 * password page.
 */
import type { Locale } from '@tracershop/core';
import { fieldSchemas, messageFor } from '@tracershop/core';

/** What a zod issue of core's schemas carries (the message is a `validationMessages` key). */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
}

/** Field → its message, for the first issue of each field named in `labels`. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export function fieldErrorsOf<F extends string>(
  issues: readonly SchemaIssue[],
  labels: Readonly<Record<F, string>>,
  locale: Locale,
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = issue.path.find(
      (part): part is F => typeof part === 'string' && Object.hasOwn(labels, part),
    );
    if (field === undefined || errors[field] !== undefined) {
      continue;
    }
    const key = fieldSchemas.isValidationMessageKey(issue.message)
      ? issue.message
      : 'input.invalid';
    const params: Record<string, string | number> = { field: labels[field] };
    if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
      params.max = issue.maximum;
    }
    if (issue.code === 'too_small' && typeof issue.minimum === 'number') {
      params.min = issue.minimum;
    }
    errors[field] = messageFor({ key, params }, locale);
  }
  return errors;
}

/** True when the form has no field errors. */
export function isClean<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values(errors).every((message) => message === undefined);
}
