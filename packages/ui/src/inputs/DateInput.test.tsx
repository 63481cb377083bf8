import { screen } from '@testing-library/react';
import { describedText } from '../testing/fieldMessages';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { Language } from '../i18n/i18n';
import { DateInput } from './DateInput';

function DateField({
  onDateChange,
  required,
}: {
  onDateChange?: (date: string | null) => void;
  required?: boolean;
}) {
  const [text, setText] = useState('');
  return (
    <DateInput
      label="Dato"
      value={text}
      onChange={setText}
      onDateChange={onDateChange}
      required={required}
    />
  );
}

function field(): HTMLInputElement {
  return screen.getByRole('textbox', { name: 'Dato' });
}

function renderField(props: Parameters<typeof DateField>[0] = {}, language: Language = 'da') {
  renderWithI18n(<DateField {...props} />, { language });
}

describe('DateInput', () => {
  it('[URS-DAT-007] adds the slashes while typing and reports the date', async () => {
    const onDateChange = vi.fn();
    renderField({ onDateChange });
    await userEvent.type(field(), '04112019');
    expect(field().value).toBe('04/11/2019');
    expect(onDateChange).toHaveBeenLastCalledWith('2019-11-04');
    expect(field().getAttribute('aria-invalid')).toBeNull();
  });

  it.each(['15-10-2023', '2023-10-15', '2023/10/15'])('[URS-DAT-007] accepts %s', async (text) => {
    const onDateChange = vi.fn();
    renderField({ onDateChange });
    await userEvent.type(field(), text);
    expect(field().value).toBe(text);
    expect(onDateChange).toHaveBeenLastCalledWith('2023-10-15');
    expect(field().getAttribute('aria-invalid')).toBeNull();
  });

  it('[URS-DAT-007] turns red with core’s message for a text that is not a date', async () => {
    renderField();
    await userEvent.type(field(), '21019/11/04');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().className).toContain('ts-input--invalid');
    expect(describedText(field())).toBe('Dato er ikke en gyldig dato');
    expect(screen.getByRole('textbox', { description: 'Dato er ikke en gyldig dato' })).toBe(
      field(),
    );
  });

  it('[URS-DAT-007] refuses dates that do not exist', async () => {
    const onDateChange = vi.fn();
    renderField({ onDateChange });
    await userEvent.type(field(), '31022023');
    expect(onDateChange).toHaveBeenLastCalledWith(null);
    expect(field().getAttribute('aria-invalid')).toBe('true');
  });

  it('[URS-DAT-007] leaves an empty field alone unless it is required', () => {
    renderField({ required: true });
    expect(describedText(field())).toBe('Dato er ikke tastet ind');
  });

  it('[URS-DAT-007][URS-PRF-011] speaks English when the user chose English', async () => {
    renderField({}, 'en');
    await userEvent.type(field(), 'tomorrow');
    expect(describedText(field())).toBe('Date is not a valid date');
  });
});
