/**
 * "Opsætning" (legacy §5): the row of set-up pages and the chosen page, each page loaded on
 * first visit. Production admins and site admins only (the route checks the role; the api
 * checks it again on every write).
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { PageLoading } from '../session/PageLoading';

const SETUP_PAGES = [
  {
    path: 'customers',
    label: 'setup.customers',
    Page: lazy(() => import('./customers/CustomersPage')),
  },
  { path: 'tracers', label: 'setup.tracers', Page: lazy(() => import('./tracers/TracersPage')) },
  {
    path: 'closed-days',
    label: 'setup.closedDays',
    Page: lazy(() => import('./closedDays/ClosedDaysPage')),
  },
  {
    path: 'deadlines',
    label: 'setup.deadlines',
    Page: lazy(() => import('./deadlines/DeadlinesPage')),
  },
  {
    path: 'external-users',
    label: 'setup.externalUsers',
    Page: lazy(() => import('./externalUsers/ExternalUsersPage')),
  },
  {
    path: 'isotopes',
    label: 'setup.isotopes',
    Page: lazy(() => import('./isotopes/IsotopesPage')),
  },
  {
    path: 'release-rights',
    label: 'setup.releaseRights',
    Page: lazy(() => import('./releaseRights/ReleaseRightsPage')),
  },
  {
    path: 'productions',
    label: 'setup.productions',
    Page: lazy(() => import('./productions/ProductionsPage')),
  },
  {
    path: 'printers',
    label: 'setup.printers',
    Page: lazy(() => import('./printers/PrintersPage')),
  },
  {
    path: 'settings',
    label: 'setup.settings',
    Page: lazy(() => import('./settings/ServerSettingsPage')),
  },
] as const;

export default function SetupPage() {
  const { t } = useTranslation('app');
  return (
    <div className="production-setup">
      <h1 className="ts-visually-hidden">{t('setup.title')}</h1>
      <nav className="production-subnav" aria-label={t('setup.pages')}>
        {SETUP_PAGES.map((page) => (
          <NavLink key={page.path} to={page.path}>
            {t(page.label)}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<Navigate to="customers" replace />} />
          {SETUP_PAGES.map(({ path, Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
          <Route path="*" element={<Navigate to="customers" replace />} />
        </Routes>
      </Suspense>
    </div>
  );
}
