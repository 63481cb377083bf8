/**
 * Renders a production component with the shared and the app's messages, in Danish; the
 * texts are a wrapper, so `rerender` keeps them (and the component's state).
 */
import { createI18n } from '@tracershop/ui';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { messages } from '../i18n/messages';

export function renderWithI18n(element: ReactElement) {
  const i18n = createI18n({ language: 'da', messages });
  return render(element, {
    wrapper: ({ children }: { children: ReactNode }) => (
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    ),
  });
}
