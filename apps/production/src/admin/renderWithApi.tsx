/**
 * Component tests of the admin pages: the page with the app's texts and a fake api that has
 * only the procedures the page calls, logged in as the site admin (id 1).
 */
import { ApiTestProvider } from '@tracershop/ui';
import type { ReactElement } from 'react';
import { renderWithI18n } from '../testing/renderWithI18n';

export const SITE_ADMIN_SESSION = {
  user: { id: 1, username: 'site-admin', displayName: 'Demo Site Admin', userGroup: 1 },
  timeZone: 'Europe/Copenhagen',
};

export function renderWithApi(element: ReactElement, procedures: Record<string, unknown>) {
  const client = {
    auth: { whoami: { query: () => Promise.resolve(SITE_ADMIN_SESSION) } },
    ...procedures,
  };
  return renderWithI18n(<ApiTestProvider procedures={client}>{element}</ApiTestProvider>);
}
