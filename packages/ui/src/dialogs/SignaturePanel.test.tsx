import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { SignaturePanel } from './SignaturePanel';

function fields() {
  return {
    username: screen.getByRole('textbox', { name: 'Bruger navn' }) as HTMLInputElement,
    password: screen.getByLabelText('Kodeord') as HTMLInputElement,
    submit: screen.getByRole('button', { name: 'Frigiv' }),
  };
}

describe('SignaturePanel', () => {
  it('sends the credentials under the caller’s title and button', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderWithI18n(
      <SignaturePanel title="Frigiv ordre - 12, 13" submitLabel="Frigiv" onSubmit={onSubmit} />,
    );
    expect(screen.getByRole('form', { name: 'Frigiv ordre - 12, 13' })).toBeTruthy();
    const { username, password, submit } = fields();
    await userEvent.type(username, ' prod-user ');
    await userEvent.type(password, 'hemmeligt');
    await userEvent.click(submit);
    expect(onSubmit).toHaveBeenCalledWith({ username: 'prod-user', password: 'hemmeligt' });
    expect(password.value).toBe('');
  });

  it('submits with Enter', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderWithI18n(
      <SignaturePanel submitLabel="Frigiv" onSubmit={onSubmit} initialUsername="prod-user" />,
    );
    expect(fields().username.value).toBe('prod-user');
    await userEvent.type(fields().password, 'hemmeligt{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('refuses empty fields without sending', async () => {
    const onSubmit = vi.fn();
    renderWithI18n(<SignaturePanel submitLabel="Frigiv" onSubmit={onSubmit} />);
    await userEvent.click(fields().submit);
    expect(screen.getByRole('alert').textContent).toBe(
      'Advarsel: Dit brugernavn er ikke tastet ind.',
    );
    await userEvent.type(fields().username, 'prod-user');
    await userEvent.click(fields().submit);
    expect(screen.getByRole('alert').textContent).toBe('Advarsel: Dit kodeord er ikke tastet ind.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal and empties the password', async () => {
    const onSubmit = vi.fn().mockRejectedValue(new Error('Forkert login'));
    renderWithI18n(<SignaturePanel submitLabel="Frigiv" onSubmit={onSubmit} />);
    const { username, password, submit } = fields();
    await userEvent.type(username, 'prod-user');
    await userEvent.type(password, 'forkert');
    await userEvent.click(submit);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Fejl: Forkert login');
    expect(password.value).toBe('');
    expect(username.value).toBe('prod-user');
    expect(submit.hasAttribute('disabled')).toBe(false);
  });

  it('sends one request while waiting for the answer', async () => {
    let answer: () => void = () => undefined;
    const onSubmit = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          answer = resolve;
        }),
    );
    renderWithI18n(<SignaturePanel submitLabel="Frigiv" onSubmit={onSubmit} />);
    const { username, password, submit } = fields();
    await userEvent.type(username, 'prod-user');
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
      <SignaturePanel submitLabel="Ret ordre" onSubmit={onSubmit} onCancel={onCancel} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Tilbage' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
