import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { describedText } from '../testing/fieldMessages';
import { SignaturePanel } from './SignaturePanel';

function fields() {
  return {
    username: screen.getByRole('textbox', { name: 'Brugernavn' }) as HTMLInputElement,
    password: screen.getByLabelText('Kodeord') as HTMLInputElement,
    submit: screen.getByRole('button', { name: 'Frigiv' }),
  };
}

describe('SignaturePanel', () => {
  it('[URS-REL-001] shows the logged-in signer, who cannot be typed over, and sends the password', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderWithI18n(
      <SignaturePanel
        title="Frigiv ordre - 12, 13"
        submitLabel="Frigiv"
        signer="prod-user"
        onSubmit={onSubmit}
      />,
    );
    expect(screen.getByRole('form', { name: 'Frigiv ordre - 12, 13' })).toBeTruthy();
    const { username, password, submit } = fields();
    expect(username.value).toBe('prod-user');
    expect(username.readOnly).toBe(true);
    await userEvent.type(username, 'prod-admin');
    expect(username.value).toBe('prod-user');
    await userEvent.type(password, 'hemmeligt');
    await userEvent.click(submit);
    expect(onSubmit).toHaveBeenCalledWith({ password: 'hemmeligt' });
    expect(password.value).toBe('');
  });

  it('[URS-REL-010] keeps what is being signed in view while signing', () => {
    renderWithI18n(
      <SignaturePanel
        submitLabel="Frigiv"
        signer="prod-user"
        signing={<p>FDG-261207-1: 1 234 MBq, fyldt 07:10</p>}
        onSubmit={vi.fn()}
      />,
    );
    const signing = screen.getByRole('region', { name: 'Det, du underskriver' });
    expect(signing.textContent).toBe('FDG-261207-1: 1 234 MBq, fyldt 07:10');
  });

  it('[URS-REL-001] submits with Enter', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderWithI18n(<SignaturePanel submitLabel="Frigiv" signer="prod-user" onSubmit={onSubmit} />);
    await userEvent.type(fields().password, 'hemmeligt{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('[URS-REL-001] refuses an empty password without sending', async () => {
    const onSubmit = vi.fn();
    renderWithI18n(<SignaturePanel submitLabel="Frigiv" signer="prod-user" onSubmit={onSubmit} />);
    await userEvent.click(fields().submit);
    expect(describedText(fields().password)).toBe('Dit kodeord er ikke tastet ind.');
    expect(fields().password.getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('[URS-REL-009] asks for a reason when the figures need one, and sends it with the signature', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderWithI18n(
      <SignaturePanel
        submitLabel="Frigiv"
        signer="prod-user"
        reasonNeeded="Leveret 1 200 MBq er 25 % under krævet 1 600 MBq."
        onSubmit={onSubmit}
      />,
    );
    expect(screen.getByText('Leveret 1 200 MBq er 25 % under krævet 1 600 MBq.')).toBeTruthy();
    await userEvent.type(fields().password, 'hemmeligt');
    await userEvent.click(fields().submit);
    expect(describedText(screen.getByLabelText('Begrundelse'))).toBe(
      'Skriv en begrundelse (mindst 3 tegn), før du underskriver.',
    );
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Begrundelse'), 'Syntesen gav for lidt');
    await userEvent.click(fields().submit);
    expect(onSubmit).toHaveBeenCalledWith({
      password: 'hemmeligt',
      reason: 'Syntesen gav for lidt',
    });
  });

  it('[URS-REL-002] shows the server’s refusal and empties the password', async () => {
    const onSubmit = vi.fn().mockRejectedValue(new Error('Forkert login'));
    renderWithI18n(<SignaturePanel submitLabel="Frigiv" signer="prod-user" onSubmit={onSubmit} />);
    const { password, submit } = fields();
    await userEvent.type(password, 'forkert');
    await userEvent.click(submit);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Fejl: Forkert login');
    expect(password.value).toBe('');
    expect(submit.hasAttribute('disabled')).toBe(false);
  });

  it('[URS-REL-001] sends one request while waiting for the answer', async () => {
    let answer: () => void = () => undefined;
    const onSubmit = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          answer = resolve;
        }),
    );
    renderWithI18n(<SignaturePanel submitLabel="Frigiv" signer="prod-user" onSubmit={onSubmit} />);
    const { password, submit } = fields();
    await userEvent.type(password, 'hemmeligt');
    await userEvent.dblClick(submit);
    await userEvent.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(submit.getAttribute('aria-busy')).toBe('true');
    answer();
    await vi.waitFor(() => expect(submit.getAttribute('aria-busy')).toBe('false'));
  });

  it('goes back without sending', async () => {
    const onCancel = vi.fn();
    const onSubmit = vi.fn();
    renderWithI18n(
      <SignaturePanel
        submitLabel="Ret ordre"
        signer="prod-user"
        onSubmit={onSubmit}
        onCancel={onCancel}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Tilbage' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
