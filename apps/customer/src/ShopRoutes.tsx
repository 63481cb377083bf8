/**
 * The shop's routes under /shop/: the login page, and behind it the pages of a logged-in shop
 * user, each loaded on first visit (route-level code splitting keeps the first load small).
 * "Skift kodeord" (/shop/password) is the shared page of @tracershop/ui, which the first load
 * holds already, like the login page. "Hjælp" (/shop/help), the user guide with its Markdown
 * library, is loaded on first visit like the other pages.
 */
import { lazy, Suspense } from 'react';
import { ChangePasswordPage } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { LoginRoute } from './session/LoginRoute';
import { ShopLayout } from './session/ShopLayout';

const OrdersPage = lazy(() => import('./orders/OrdersPage'));
const SetupPage = lazy(() => import('./setup/SetupPage'));
const HelpPage = lazy(() => import('./help/HelpPage'));

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('loading')}</p>;
}

export function ShopRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginRoute />} />
        <Route element={<ShopLayout />}>
          <Route index element={<OrdersPage />} />
          <Route path="/setup" element={<SetupPage />} />
          <Route path="/password" element={<ChangePasswordPage />} />
          <Route path="/help" element={<HelpPage />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
