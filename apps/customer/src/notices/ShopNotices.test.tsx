import { ApiTestProvider, createI18n } from '@tracershop/ui';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import da from '../i18n/da.json';
import en from '../i18n/en.json';
import type { ShopNotice } from './ShopNotices';
import { ShopNotices } from './ShopNotices';

const TODAY = '2026-12-06';
const christmas: ShopNotice = {
  id: 4,
  message: 'Lukket juleaften',
  expiresOn: '2026-12-24',
  customerIds: [3],
};
const calibration: ShopNotice = {
  id: 5,
  message: 'Ny kalibrering af doseringen',
  expiresOn: null,
  customerIds: [3],
};
const expired: ShopNotice = {
  id: 6,
  message: 'Cyklotronen er til service',
  expiresOn: '2026-12-05',
  customerIds: [3],
};

function renderNotices(userId: number, notices: ShopNotice[] = [christmas, calibration]) {
  const list = vi.fn(() => Promise.resolve(notices));
  const i18n = createI18n({ language: 'da', messages: { da, en } });
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ApiTestProvider procedures={{ setup: { notices: { list: { query: list } } } }}>
        <ShopNotices userId={userId} today={TODAY} />
      </ApiTestProvider>
    </I18nextProvider>,
  );
  return { ...view, list };
}

const region = () => screen.findByRole('region', { name: 'Beskeder fra produktionen' });
const texts = async () =>
  within(await region())
    .getAllByRole('status')
    .map((alert) => alert.textContent);

afterEach(() => {
  localStorage.clear();
});

describe('ShopNotices', () => {
  it("[URS-ORD-020] shows the current notices of the user's customers as hints", async () => {
    renderNotices(7, [christmas, calibration, expired]);
    expect(await texts()).toEqual([
      'Hint: Lukket juleaftenLuk',
      'Hint: Ny kalibrering af doseringenLuk',
    ]);
  });

  it('[URS-ORD-020] shows nothing when there is no notice', async () => {
    const { list } = renderNotices(7, [expired]);
    await vi.waitFor(() => expect(list).toHaveBeenCalled());
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Luk' })).toBeNull();
  });

  it('[URS-ORD-020] hides a notice the user closes, also after a new visit, and not for another user', async () => {
    const first = renderNotices(7);
    const christmasAlert = within(await region()).getByText('Lukket juleaften');
    const close = within(christmasAlert.closest('[role="status"]') as HTMLElement).getByRole(
      'button',
      { name: 'Luk' },
    );
    expect(close.getAttribute('aria-describedby')).toBe(christmasAlert.id);
    await userEvent.click(close);
    expect(screen.queryByText('Lukket juleaften')).toBeNull();
    expect(screen.getByText('Ny kalibrering af doseringen')).toBeTruthy();
    // The keyboard moves on to the notice left.
    expect(document.activeElement?.getAttribute('aria-describedby')).toBe('shop-notice-5');
    first.unmount();

    const again = renderNotices(7);
    expect(await texts()).toEqual(['Hint: Ny kalibrering af doseringenLuk']);
    again.unmount();

    renderNotices(8);
    expect(await texts()).toEqual([
      'Hint: Lukket juleaftenLuk',
      'Hint: Ny kalibrering af doseringenLuk',
    ]);
  });

  it('[URS-ORD-020] shows a closed notice again once production has edited it', async () => {
    const first = renderNotices(7, [christmas]);
    await userEvent.click(within(await region()).getByRole('button', { name: 'Luk' }));
    expect(screen.queryByRole('region')).toBeNull();
    first.unmount();

    renderNotices(7, [{ ...christmas, message: 'Lukket juleaften og nytårsaften' }]);
    expect(await texts()).toEqual(['Hint: Lukket juleaften og nytårsaftenLuk']);
  });
});
