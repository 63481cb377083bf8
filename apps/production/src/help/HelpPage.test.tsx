import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import HelpPage from './HelpPage';

function renderHelp(path: string) {
  renderWithI18n(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/help" element={<HelpPage guide="production" />} />
        <Route path="/help/shop" element={<HelpPage guide="shop" />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('HelpPage (Hjælp)', () => {
  it('shows the production guide with its sections and pictures', () => {
    renderHelp('/help');
    expect(screen.getByRole('heading', { level: 1, name: 'Hjælp' })).toBeTruthy();
    expect(
      screen.getByRole('heading', {
        level: 2,
        name: 'User guide — the production app (radiochemistry)',
      }),
    ).toBeTruthy();
    const guides = screen.getByRole('navigation', { name: 'Brugervejledninger' });
    expect(
      within(guides).getByRole('link', { name: 'Produktionen' }).getAttribute('aria-current'),
    ).toBe('page');
    const contents = screen.getByRole('navigation', { name: 'Indhold' });
    expect(within(contents).getByRole('link', { name: 'Hætteglas' }).getAttribute('href')).toBe(
      '#hætteglas',
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Hætteglas' }).id).toBe('hætteglas');
    expect(
      screen.getByRole('img', { name: 'The order appears live in production' }).getAttribute('src'),
    ).toMatch(/\/gmp-02-production-order-live[^/]*\.png$/);
  });

  it('follows the production guide’s link to the shop guide inside the app', async () => {
    renderHelp('/help');
    const link = screen.getByRole('link', { name: 'the shop guide' });
    expect(link.getAttribute('href')).toBe('/help/shop');
    await userEvent.click(link);
    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'User guide — the shop (hospital departments)',
      }),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: 'Brugervejledninger' }))
        .getByRole('link', { name: 'Shoppen' })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(screen.getByRole('img', { name: 'The login page' }).getAttribute('src')).toMatch(
      /\/01-login[^/]*\.png$/,
    );
  });
});
