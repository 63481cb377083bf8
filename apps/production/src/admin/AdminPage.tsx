/**
 * The site admin's pages (docs/domain.md, docs/operations.md): the audit trail and its
 * verification, telemetry, scheduled backups, login events and users' roles, each loaded on
 * first visit. Site admins only (the route checks the role; the api checks it again on every
 * call).
 */
import { lazy } from 'react';
import type { SubPage } from '../session/SubPages';
import { SubPages } from '../session/SubPages';

const ADMIN_PAGES: readonly SubPage[] = [
  {
    path: 'audit-trail',
    label: 'admin.auditTrail',
    Page: lazy(() => import('./auditTrail/AuditTrailPage')),
  },
  {
    path: 'telemetry',
    label: 'admin.telemetry',
    Page: lazy(() => import('./telemetry/TelemetryPage')),
  },
  {
    path: 'backups',
    label: 'admin.backups',
    Page: lazy(() => import('./backups/BackupsPage')),
  },
  {
    path: 'login-events',
    label: 'admin.loginEvents',
    Page: lazy(() => import('./loginEvents/LoginEventsPage')),
  },
  { path: 'users', label: 'admin.users', Page: lazy(() => import('./users/UsersPage')) },
];

export default function AdminPage() {
  return (
    <SubPages
      basePath="/admin"
      title="admin.title"
      navigationLabel="admin.pages"
      pages={ADMIN_PAGES}
      className="production-admin"
    />
  );
}
