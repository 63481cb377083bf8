/** For the component tests of the set-up pages: the page with the app's texts and an api client. */
import type { ApiClient, ApiContextValue } from '@tracershop/ui';
import { ApiTestProvider } from '@tracershop/ui';
import type { ReactElement } from 'react';
import { renderWithI18n } from '../../testing/renderWithI18n';

/** Renders `element` with the app's texts and `client` (only the procedures a test needs). */
export function renderWithApi(element: ReactElement, client: object) {
  const value: ApiContextValue = {
    client: client as ApiClient,
    connection: 'open',
    reconnect: () => undefined,
    reportVersionMismatch: () => undefined,
  };
  return renderWithI18n(<ApiTestProvider value={value}>{element}</ApiTestProvider>);
}
