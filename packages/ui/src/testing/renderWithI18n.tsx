/** Renders a component with the shared messages, in Danish unless told otherwise. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { I18nOptions } from '../i18n/i18n';
import { createI18n } from '../i18n/i18n';

export function renderWithI18n(element: ReactElement, options: I18nOptions = {}) {
  const i18n = createI18n({ language: 'da', ...options });
  return render(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}
