import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import HelpPage from './HelpPage';

describe('HelpPage (Hjælp)', () => {
  it('shows the shop’s user guide under the page title, with its sections and pictures', () => {
    renderWithI18n(<HelpPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Hjælp' })).toBeTruthy();
    expect(
      screen.getByRole('heading', {
        level: 2,
        name: 'User guide — the shop (hospital departments)',
      }),
    ).toBeTruthy();
    const contents = screen.getByRole('navigation', { name: 'Indhold' });
    const loggingIn = within(contents).getByRole('link', { name: 'Logging in' });
    expect(loggingIn.getAttribute('href')).toBe('#logging-in');
    expect(screen.getByRole('heading', { level: 3, name: 'Logging in' }).id).toBe('logging-in');
    const login = screen.getByRole('img', { name: 'The login page' });
    expect(login.getAttribute('src')).toMatch(/\/01-login[^/]*\.png$/);
    // Every picture the guide names comes with the build.
    for (const picture of screen.getAllByRole('img')) {
      expect(picture.getAttribute('src')).toMatch(/\.png$/);
    }
    expect(screen.getByRole('table')).toBeTruthy();
  });
});
