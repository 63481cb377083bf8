/**
 * The production app's routes under /production/: the login page, and behind it the pages of a
 * logged-in production user, each loaded on first visit (route-level code splitting).
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { LoginRoute } from './session/LoginRoute';
import { ProductionLayout } from './session/ProductionLayout';

const OrdersPage = lazy(() => import('./orders/OrdersPage'));

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('loading')}</p>;
}

export function ProductionRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginRoute />} />
        <Route element={<ProductionLayout />}>
          <Route index element={<OrdersPage />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
