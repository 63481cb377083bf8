/** For the component tests of the set-up pages: the page with the app's texts and a fake api. */
import type { FakeProcedures } from '@tracershop/ui';
import { ApiTestProvider } from '@tracershop/ui';
import type { ReactElement } from 'react';
import { renderWithI18n } from '../../testing/renderWithI18n';

/** Renders `element` with the app's texts and an api answering from `procedures`. */
export function renderWithApi(element: ReactElement, procedures: FakeProcedures) {
  return renderWithI18n(<ApiTestProvider procedures={procedures}>{element}</ApiTestProvider>);
}
