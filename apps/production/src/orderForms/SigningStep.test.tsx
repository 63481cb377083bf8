import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { SigningStep } from './SigningStep';

function renderStep(onSign = vi.fn(() => Promise.resolve()), reasonNeeded?: string) {
  const onDone = vi.fn();
  renderWithI18n(
    <SigningStep
      title="Frigiv ordre - 12"
      submitLabel="Frigiv"
      username="prod-user"
      hint="Ikke leveringsdagen"
      reasonNeeded={reasonNeeded}
      onSign={onSign}
      onDone={onDone}
    />,
  );
  return { onSign, onDone };
}

describe('SigningStep', () => {
  it('[URS-REL-001] signs with the password, then ends the step', async () => {
    const { onSign, onDone } = renderStep();
    expect(screen.getByText('Ikke leveringsdagen')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Kodeord'), 'hemmelig');
    await userEvent.click(screen.getByRole('button', { name: 'Frigiv' }));
    expect(onSign).toHaveBeenCalledWith('hemmelig', undefined);
    expect(onDone).toHaveBeenCalled();
  });

  it('[URS-REL-009] asks for the reason when the step needs one', async () => {
    const { onSign } = renderStep(undefined, 'Hvorfor rettes frigivelsen?');
    expect(screen.getByText('Hvorfor rettes frigivelsen?')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Kodeord'), 'hemmelig');
    await userEvent.click(screen.getByRole('button', { name: 'Frigiv' }));
    expect(onSign).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Begrundelse'), 'Forkert hætteglas');
    await userEvent.click(screen.getByRole('button', { name: 'Frigiv' }));
    expect(onSign).toHaveBeenCalledWith('hemmelig', 'Forkert hætteglas');
  });

  it('[URS-REL-002] stays open when the signature is refused', async () => {
    const { onDone } = renderStep(vi.fn(() => Promise.reject(new Error('Forkert kodeord'))));
    await userEvent.type(screen.getByLabelText('Kodeord'), 'forkert');
    await userEvent.click(screen.getByRole('button', { name: 'Frigiv' }));
    expect(onDone).not.toHaveBeenCalled();
  });
});
