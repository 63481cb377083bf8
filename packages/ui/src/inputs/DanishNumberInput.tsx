/**
 * A number as Danes type it ("13,44"); the text is kept as typed and read with core's
 * `parseDanishNumber` / `validate*` where the form decides what it needs.
 */
import type { TextFieldProps } from './TextField';
import { TextField } from './TextField';

export type DanishNumberInputProps = Omit<TextFieldProps, 'inputMode'>;

export function DanishNumberInput(props: DanishNumberInputProps) {
  return <TextField {...props} inputMode="decimal" autoComplete="off" />;
}
