import { messageFor, validatePositiveNumber } from '@tracershop/core';
import { describedText } from '../testing/fieldMessages';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { DanishNumberInput } from './DanishNumberInput';
import { TimeInput } from './TimeInput';

function ActivityField() {
  const [text, setText] = useState('');
  const result = validatePositiveNumber(text, 'activity');
  return (
    <DanishNumberInput
      label="Aktivitet"
      value={text}
      onChange={setText}
      error={text === '' || result.ok ? null : messageFor(result.issue)}
    />
  );
}

function TimeField() {
  const [text, setText] = useState('');
  return <TimeInput label="Tidspunkt" value={text} onChange={setText} />;
}

describe('DanishNumberInput', () => {
  it('[URS-DAT-007] shows core’s message as the field’s description and marks it invalid', async () => {
    renderWithI18n(<ActivityField />);
    const field = screen.getByRole('textbox', { name: 'Aktivitet' });
    await userEvent.type(field, '4asd');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(field)).toBe('Aktivitet er ikke et tal');
    expect(screen.getByRole('textbox', { description: 'Aktivitet er ikke et tal' })).toBe(field);
  });

  it('[URS-DAT-007] accepts a Danish decimal comma', async () => {
    renderWithI18n(<ActivityField />);
    const field = screen.getByRole('textbox', { name: 'Aktivitet' });
    await userEvent.type(field, '13,44');
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });
});

describe('TimeInput', () => {
  it('[URS-DAT-007] adds the colon while typing', async () => {
    renderWithI18n(<TimeField />);
    const field = screen.getByRole('textbox', { name: 'Tidspunkt' });
    await userEvent.type(field, '1345');
    expect((field as HTMLInputElement).value).toBe('13:45');
  });
});
