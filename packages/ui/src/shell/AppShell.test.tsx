import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { AppShell } from './AppShell';

describe('AppShell', () => {
  it('shows the user and logs out', async () => {
    const onLogout = vi.fn();
    renderWithI18n(
      <AppShell userName="Shop Bruger" onLogout={onLogout} connection="open">
        side
      </AppShell>,
    );
    expect(screen.getByText('Shop Bruger')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Log ud' }));
    expect(onLogout).toHaveBeenCalledOnce();
    expect(screen.queryByText('Forbindelse tabt')).toBeNull();
  });

  it('[URS-ACC-007] puts the app’s "Skift kodeord" link beside the user’s name, before "Log ud"', () => {
    renderWithI18n(
      <AppShell
        userName="Shop Bruger"
        passwordLink={<a href="/shop/password">Skift kodeord</a>}
        onLogout={() => undefined}
        connection="open"
      >
        side
      </AppShell>,
    );
    const banner = screen.getByRole('banner');
    const link = screen.getByRole('link', { name: 'Skift kodeord' });
    expect(banner.contains(link)).toBe(true);
    expect(screen.getByRole('navigation').contains(link)).toBe(false);
    const order = [
      screen.getByText('Shop Bruger'),
      link,
      screen.getByRole('button', { name: 'Log ud' }),
    ];
    for (const [index, element] of order.slice(1).entries()) {
      expect(
        order[index]!.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    }
  });

  it('puts the app’s "Hjælp" link in the top bar, after the language and before the name', () => {
    renderWithI18n(
      <AppShell
        userName="Shop Bruger"
        helpLink={<a href="/shop/help">Hjælp</a>}
        passwordLink={<a href="/shop/password">Skift kodeord</a>}
        connection="open"
      >
        side
      </AppShell>,
    );
    const link = screen.getByRole('link', { name: 'Hjælp' });
    expect(screen.getByRole('banner').contains(link)).toBe(true);
    const order = [
      screen.getByRole('combobox', { name: 'Sprog' }),
      link,
      screen.getByText('Shop Bruger'),
    ];
    for (const [index, element] of order.slice(1).entries()) {
      expect(
        order[index]!.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    }
  });

  it('[URS-PRF-010] shows a visible mark while the connection is lost', () => {
    renderWithI18n(
      <AppShell userName="Shop Bruger" connection="lost">
        side
      </AppShell>,
    );
    const mark = screen.getByRole('status');
    expect(mark.textContent).toContain('Forbindelse tabt');
    expect(mark.getAttribute('title')).toContain('Du har mistet forbindelsen til Tracershop');
  });

  it('[URS-PRF-011] switches to English', async () => {
    renderWithI18n(
      <AppShell userName="Shop Bruger" onLogout={() => undefined} connection="open">
        side
      </AppShell>,
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sprog' }), 'en');
    expect(screen.getByRole('button', { name: 'Log out' })).toBeTruthy();
  });
});
