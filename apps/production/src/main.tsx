/** The production app: providers (texts, api, router) around the routes, mounted at /production/. */
import { ApiProvider, createI18n, ErrorBoundary } from '@tracershop/ui';
import '@tracershop/ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { APP_VERSION } from './appVersion';
import { messages } from './i18n/messages';
import { ProductionRoutes } from './ProductionRoutes';
import './production.css';

const i18n = createI18n({ messages });
const root = document.getElementById('root');
if (root === null) {
  throw new Error('index.html has no #root');
}

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        <ApiProvider version={APP_VERSION}>
          <BrowserRouter basename="/production/">
            <ProductionRoutes />
          </BrowserRouter>
        </ApiProvider>
      </ErrorBoundary>
    </I18nextProvider>
  </StrictMode>,
);
