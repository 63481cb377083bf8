import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { LoginPage } from './LoginPage';

describe('LoginPage', () => {
  it('[URS-ACC-003] names the product and has the Danish fields and button', () => {
    renderWithI18n(<LoginPage login={vi.fn()} />);
    expect(screen.getByText('Tracershop')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Log ind' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Brugernavn' })).toBeTruthy();
    expect(screen.getByLabelText('Kodeord')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log ind' })).toBeTruthy();
  });

  it('[URS-ACC-003] sends nothing without a password', async () => {
    const login = vi.fn();
    renderWithI18n(<LoginPage login={login} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Brugernavn' }), 'shop-user');
    await userEvent.click(screen.getByRole('button', { name: 'Log ind' }));
    expect(screen.getByRole('alert').textContent).toBe('Advarsel: Dit kodeord er ikke tastet ind.');
    expect(login).not.toHaveBeenCalled();
  });

  it('[URS-ACC-003][URS-DAT-006] shows the api’s refusal and logs in once on Enter', async () => {
    const login = vi.fn().mockRejectedValue(new Error('Forkert brugernavn eller kodeord.'));
    renderWithI18n(<LoginPage login={login} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Brugernavn' }), 'shop-user');
    await userEvent.type(screen.getByLabelText('Kodeord'), 'wrong{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Fejl: Forkert brugernavn eller kodeord.',
    );
    expect(login).toHaveBeenCalledExactlyOnceWith({ username: 'shop-user', password: 'wrong' });
  });

  it('[URS-ACC-003] ignores a second click while the first login is under way', async () => {
    let finish: () => void = () => undefined;
    const login = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderWithI18n(<LoginPage login={login} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Brugernavn' }), 'shop-user');
    await userEvent.type(screen.getByLabelText('Kodeord'), 'tracershop');
    const button = screen.getByRole('button', { name: 'Log ind' });
    await userEvent.click(button);
    await userEvent.click(button);
    expect(login).toHaveBeenCalledTimes(1);
    finish();
  });

  it('[URS-PRF-011] switches to English from the language menu and remembers the choice', async () => {
    renderWithI18n(<LoginPage login={vi.fn()} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sprog' }), 'en');
    expect(screen.getByRole('heading', { name: 'Log in' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Username' })).toBeTruthy();
    expect(globalThis.localStorage.getItem('tracershop.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
