/**
 * The production app's routes under /production/: the login page, and behind it the pages of a
 * logged-in production user, each loaded on first visit (route-level code splitting). Set-up
 * and admin have their own sub-routes (`setup/SetupPage`, `admin/AdminPage`). "Skift kodeord"
 * (/production/password, every user) is the shared page of @tracershop/ui, which the first
 * load holds already, like the login page. "Hjælp" (/production/help, every user) shows the
 * production guide and, at /production/help/shop, the shop's; it is loaded on first visit with
 * its Markdown library.
 */
import { ChangePasswordPage } from '@tracershop/ui';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageLoading } from './session/PageLoading';
import { LoginRoute } from './session/LoginRoute';
import { ProductionLayout } from './session/ProductionLayout';
import { RequireAction } from './session/RequireAction';

const OrdersPage = lazy(() => import('./orders/OrdersPage'));
const VialsPage = lazy(() => import('./vials/VialsPage'));
const MonitoringPage = lazy(() => import('./monitoring/MonitoringPage'));
const RecallPage = lazy(() => import('./recall/RecallPage'));
const SetupPage = lazy(() => import('./setup/SetupPage'));
const AdminPage = lazy(() => import('./admin/AdminPage'));
const HelpPage = lazy(() => import('./help/HelpPage'));

export function ProductionRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginRoute />} />
        <Route element={<ProductionLayout />}>
          <Route index element={<OrdersPage />} />
          <Route path="vials" element={<VialsPage />} />
          <Route path="password" element={<ChangePasswordPage />} />
          <Route path="help" element={<HelpPage guide="production" />} />
          <Route path="help/shop" element={<HelpPage guide="shop" />} />
          <Route
            path="monitoring"
            element={
              <RequireAction action="monitoring.read">
                <MonitoringPage />
              </RequireAction>
            }
          />
          <Route
            path="recall"
            element={
              <RequireAction action="recall.read">
                <RecallPage />
              </RequireAction>
            }
          />
          <Route
            path="setup/*"
            element={
              <RequireAction action="productionSetup.write">
                <SetupPage />
              </RequireAction>
            }
          />
          <Route
            path="admin/*"
            element={
              <RequireAction action="admin.audit.read">
                <AdminPage />
              </RequireAction>
            }
          />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
