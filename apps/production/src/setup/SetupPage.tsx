/**
 * "Opsætning" (docs/domain.md): the row of set-up pages and the chosen page, each page loaded on
 * first visit. Production admins and site admins only (the route checks the role; the api
 * checks it again on every write).
 */
import { lazy } from 'react';
import type { SubPage } from '../session/SubPages';
import { SubPages } from '../session/SubPages';

const SETUP_PAGES: readonly SubPage[] = [
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
    path: 'studies',
    label: 'setup.studies',
    Page: lazy(() => import('./studies/StudiesPage')),
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
  {
    path: 'api-tokens',
    label: 'setup.apiTokens',
    Page: lazy(() => import('./apiTokens/ApiTokensPage')),
  },
  {
    path: 'notices',
    label: 'setup.notices',
    Page: lazy(() => import('./notices/NoticesPage')),
  },
];

export default function SetupPage() {
  return (
    <SubPages
      basePath="/setup"
      title="setup.title"
      navigationLabel="setup.pages"
      pages={SETUP_PAGES}
      className="production-setup"
    />
  );
}
