/** A time of day, typed with automatic colons ("1345" → "13:45"); read with core's `validateTime`. */
import { withAutoColons } from './timeTyping';
import type { TextFieldProps } from './TextField';
import { TextField } from './TextField';

export type TimeInputProps = Omit<TextFieldProps, 'inputMode'>;

export function TimeInput({ value, onChange, ...rest }: TimeInputProps) {
  return (
    <TextField
      {...rest}
      value={value}
      onChange={(next) => onChange(withAutoColons(value, next))}
      inputMode="numeric"
      placeholder={rest.placeholder ?? 'TT:MM'}
      autoComplete="off"
      maxLength={8}
    />
  );
}
