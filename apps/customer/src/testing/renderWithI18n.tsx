/** Renders a shop component with the shared and the shop's messages, in Danish. */
import { createI18n } from '@tracershop/ui';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import da from '../i18n/da.json';
import en from '../i18n/en.json';

export function renderWithI18n(element: ReactElement) {
  const i18n = createI18n({ language: 'da', messages: { da, en } });
  return render(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}
