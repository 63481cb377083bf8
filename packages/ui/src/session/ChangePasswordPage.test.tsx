import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiTestProvider, refusal } from '../testing/fakeApi';
import { describedText } from '../testing/fieldMessages';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { I18nOptions } from '../i18n/i18n';
import { ChangePasswordPage, PasswordChangeGate } from './ChangePasswordPage';

const WHOAMI = {
  user: {
    id: 7,
    username: 'shop-user',
    displayName: 'Shop Bruger',
    userGroup: 'ShopUser',
    customerIds: [1],
  },
  version: '1.0.0',
  timeZone: 'Europe/Copenhagen',
};

/** The page over a fake api whose `auth.changePassword` is `mutate`. */
function renderPage(mutate: (input: unknown) => unknown, options: I18nOptions = {}) {
  renderWithI18n(
    <ApiTestProvider
      procedures={{ auth: { whoami: { query: () => WHOAMI }, changePassword: { mutate } } }}
    >
      <ChangePasswordPage />
    </ApiTestProvider>,
    options,
  );
}

const current = () => screen.getByLabelText('Nuværende kodeord');
const fresh = () => screen.getByLabelText('Nyt kodeord');
const repeat = () => screen.getByLabelText('Gentag nyt kodeord');
const submit = () => screen.getByRole('button', { name: 'Skift kodeord' });

async function typeDraft(currentPassword: string, newPassword: string, repeated: string) {
  if (currentPassword !== '') {
    await userEvent.type(current(), currentPassword);
  }
  if (newPassword !== '') {
    await userEvent.type(fresh(), newPassword);
  }
  if (repeated !== '') {
    await userEvent.type(repeat(), repeated);
  }
}

describe('ChangePasswordPage', () => {
  it('[URS-ACC-007] has the three password fields, starts in the first and states the rules', () => {
    renderPage(vi.fn());
    expect(screen.getByRole('heading', { level: 1, name: 'Skift kodeord' })).toBeTruthy();
    expect(document.activeElement).toBe(current());
    expect(current().getAttribute('autocomplete')).toBe('current-password');
    expect(fresh().getAttribute('autocomplete')).toBe('new-password');
    expect(repeat().getAttribute('autocomplete')).toBe('new-password');
    expect(current().getAttribute('type')).toBe('password');
    expect(screen.getByText(/skal have mindst 8 tegn/)).toBeTruthy();
  });

  it('[URS-ACC-007] refuses two different new passwords without calling the api', async () => {
    const mutate = vi.fn();
    renderPage(mutate);
    await typeDraft('tracershop', 'nyt-kodeord-1', 'nyt-kodeord-2');
    await userEvent.click(submit());
    expect(describedText(repeat())).toBe('De to nye kodeord er ikke ens');
    expect(repeat().getAttribute('aria-invalid')).toBe('true');
    expect(describedText(current())).toBeNull();
    expect(describedText(fresh())).toBeNull();
    expect(mutate).not.toHaveBeenCalled();
  });

  it('[URS-ACC-003][URS-ACC-007] refuses a new password under 8 characters and empty fields without calling the api', async () => {
    const mutate = vi.fn();
    renderPage(mutate);
    await typeDraft('', 'kort', 'kort');
    await userEvent.click(submit());
    expect(describedText(fresh())).toBe('Nyt kodeord skal have mindst 8 tegn');
    expect(describedText(current())).toBe('Nuværende kodeord er ikke tastet ind');
    expect(describedText(repeat())).toBeNull();
    expect(mutate).not.toHaveBeenCalled();
  });

  it('[URS-ACC-003][URS-ACC-007] refuses the user name as the new password without calling the api', async () => {
    const mutate = vi.fn();
    renderPage(mutate);
    await waitFor(() =>
      expect(document.querySelector<HTMLInputElement>('input[name="username"]')?.value).toBe(
        'shop-user',
      ),
    );
    await typeDraft('tracershop', 'Shop-User', 'Shop-User');
    await userEvent.click(submit());
    expect(describedText(fresh())).toBe('Kodeordet må ikke være dit brugernavn');
    expect(mutate).not.toHaveBeenCalled();
  });

  it('[URS-PRF-011] says the problems in English', async () => {
    const mutate = vi.fn();
    renderPage(mutate, { language: 'en' });
    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(describedText(screen.getByLabelText('New password'))).toBe(
      'New password must have at least 8 characters',
    );
    expect(describedText(screen.getByLabelText('Current password'))).toBe(
      'Current password is missing',
    );
    expect(describedText(screen.getByLabelText('Repeat new password'))).toBe(
      'Repeat new password is missing',
    );
    expect(mutate).not.toHaveBeenCalled();
  });

  it('[URS-ACC-007] sends the current and the new password on Enter, shows progress, then the confirmation and empty fields', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const mutate = vi.fn(() => new Promise((resolve) => (answer = resolve)));
    renderPage(mutate);
    await typeDraft('tracershop', 'nyt-kodeord', 'nyt-kodeord{Enter}');
    await waitFor(() => expect(submit().getAttribute('aria-busy')).toBe('true'));
    expect((submit() as HTMLButtonElement).disabled).toBe(true);
    // A second Enter while the first is under way sends nothing more.
    await userEvent.type(repeat(), '{Enter}');
    expect(mutate).toHaveBeenCalledExactlyOnceWith({
      currentPassword: 'tracershop',
      newPassword: 'nyt-kodeord',
    });
    answer({ ok: true });
    expect(
      await screen.findByText('Dit kodeord er skiftet. Dine andre sessioner er logget ud.'),
    ).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Dit kodeord er skiftet. Dine andre sessioner er logget ud.',
    );
    expect((current() as HTMLInputElement).value).toBe('');
    expect((fresh() as HTMLInputElement).value).toBe('');
    expect((repeat() as HTMLInputElement).value).toBe('');
    expect((submit() as HTMLButtonElement).disabled).toBe(false);
  });

  it('[URS-ACC-007] shows a wrong current password beside that field', async () => {
    const mutate = vi.fn(() => {
      throw refusal('WRONG_PASSWORD');
    });
    renderPage(mutate);
    await typeDraft('forkert', 'nyt-kodeord', 'nyt-kodeord');
    await userEvent.click(submit());
    await waitFor(() => expect(describedText(current())).toBe('Det nuværende kodeord er forkert.'));
    expect(current().getAttribute('aria-invalid')).toBe('true');
    expect((current() as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(current());
    expect((fresh() as HTMLInputElement).value).toBe('nyt-kodeord');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('[URS-ACC-006] shows the lock-out with its minutes as an alert', async () => {
    renderPage(() => {
      throw refusal('LOCKED_OUT', { minutes: 15 });
    });
    await typeDraft('tracershop', 'nyt-kodeord', 'nyt-kodeord');
    await userEvent.click(submit());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Fejl: For mange forkerte forsøg. Prøv igen om 15 minutter.',
    );
  });

  it('[URS-ACC-007] tells a directory account that its password is changed in the directory', async () => {
    renderPage(() => {
      throw refusal('DIRECTORY_ACCOUNT');
    });
    await typeDraft('tracershop', 'nyt-kodeord', 'nyt-kodeord');
    await userEvent.click(submit());
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Dit kodeord hører til hospitalets brugerkatalog (LDAP)',
    );
  });

  it('[URS-ACC-017] shows only the password page until a password someone else chose is replaced', async () => {
    let mustChange = true;
    const mutate = vi.fn(() => {
      mustChange = false;
      return { ok: true };
    });
    renderWithI18n(
      <ApiTestProvider
        procedures={{
          auth: {
            whoami: {
              query: () => ({
                ...WHOAMI,
                user: { ...WHOAMI.user, mustChangePassword: mustChange },
              }),
            },
            changePassword: { mutate },
          },
        }}
      >
        <PasswordChangeGate>
          <p>Bestillinger</p>
        </PasswordChangeGate>
      </ApiTestProvider>,
    );
    expect(
      await screen.findByText(/Din administrator har valgt dit nuværende kodeord/),
    ).toBeTruthy();
    expect(screen.queryByText('Bestillinger')).toBeNull();
    await userEvent.type(screen.getByLabelText('Kodeord fra administratoren'), 'fra-admin-1');
    await typeDraft('', 'mit-eget-kodeord', 'mit-eget-kodeord');
    await userEvent.click(submit());
    expect(mutate).toHaveBeenCalledWith({
      currentPassword: 'fra-admin-1',
      newPassword: 'mit-eget-kodeord',
    });
    expect(await screen.findByText('Bestillinger')).toBeTruthy();
  });
});
