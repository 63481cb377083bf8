/**
 * A calendar date as people type it (docs/domain.md): `DD/MM/YYYY`, `DD-MM-YYYY`, `YYYY-MM-DD` or
 * `YYYY/MM/DD`, with slashes inserted while typing. The text is kept as typed; a text core's
 * `validateDate` refuses turns the field red with core's message as its tooltip and
 * description (an empty field only when `required`). `onDateChange` receives the date as
 * `'YYYY-MM-DD'` (core's `normalizeDate`), or `null` while the text is not a date.
 */
import type { FieldName } from '@tracershop/core';
import { messageFor, normalizeDate, validateDate } from '@tracershop/core';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/i18n';
import { withAutoSlashes } from './dateTyping';
import type { TextFieldProps } from './TextField';
import { TextField } from './TextField';

export interface DateInputProps extends Omit<TextFieldProps, 'inputMode'> {
  /** Also told the date the text means, or null. */
  onDateChange?: (date: string | null) => void;
  /** The field name core's messages use; default "Dato". */
  field?: FieldName;
}

export function DateInput({
  value,
  onChange,
  onDateChange,
  error,
  field = 'date',
  required,
  ...rest
}: DateInputProps) {
  const { t, i18n } = useTranslation();
  const checked = value.trim() === '' && required !== true ? null : validateDate(value, field);
  const ownError =
    checked === null || checked.ok ? null : messageFor(checked.issue, localeOf(i18n.language));
  return (
    <TextField
      {...rest}
      required={required}
      value={value}
      onChange={(next) => {
        const text = withAutoSlashes(value, next);
        onChange(text);
        onDateChange?.(normalizeDate(text));
      }}
      error={error ?? ownError}
      inputMode="numeric"
      placeholder={rest.placeholder ?? t('inputs.datePlaceholder')}
      autoComplete="off"
      maxLength={10}
    />
  );
}
