/**
 * An invalid field says so in words: its message (a validation message from core, or the
 * form's own) stands as text next to it, linked with `aria-describedby`, the field is
 * `aria-invalid` and framed in red — never a colour alone. Every input of both apps shows
 * its error through this (TextField does; selects and other inputs use the hook).
 */
import type { ReactNode } from 'react';
import { useId } from 'react';

export interface FieldError {
  /** `aria-invalid` of the field. */
  invalid: true | undefined;
  /** `aria-describedby` of the field: the message's id. */
  describedBy: string | undefined;
  /** The field's class: `ts-input`, plus `ts-input--invalid` with an error. */
  className: string;
  /** The message to put next to the field, or null. */
  message: ReactNode;
}

export function useFieldError(error: string | null | undefined): FieldError {
  const id = useId();
  const shown = error !== null && error !== undefined && error !== '';
  return {
    invalid: shown ? true : undefined,
    describedBy: shown ? id : undefined,
    className: shown ? 'ts-input ts-input--invalid' : 'ts-input',
    message: shown ? (
      <span id={id} className="ts-field__error">
        {error}
      </span>
    ) : null,
  };
}
