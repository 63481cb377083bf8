/**
 * The frame of a logged-in production user: the navbar (Ordre, Hætteglas, and by role
 * Monitorering, Tilbagekaldelse, Opsætning, Admin and the switch to the shop; "Hjælp", the user
 * guides, and "Skift kodeord" beside the user's name for everybody), the live events that keep
 * every read current, and the page. Anonymous visitors are sent to the login page, shop users
 * to the shop. The api decides every permission again; the links only hide what would be
 * refused.
 */
import { allowed, isProductionMember } from '@tracershop/core';
import type { UserGroup } from '@tracershop/core';
import {
  AppShell,
  PasswordChangeGate,
  useApi,
  useLiveEvents,
  useLogout,
  useSession,
} from '@tracershop/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useNavigate } from 'react-router';
import { SHOP_APP_PATH } from './LoginRoute';

function LiveEvents() {
  useLiveEvents();
  return null;
}

function ProductionNavigation({ userGroup }: { userGroup: UserGroup }) {
  const { t } = useTranslation('app');
  return (
    <>
      <NavLink to="/" end>
        {t('nav.orders')}
      </NavLink>
      <NavLink to="/vials">{t('nav.vials')}</NavLink>
      {allowed(userGroup, 'monitoring.read') ? (
        <NavLink to="/monitoring">{t('nav.monitoring')}</NavLink>
      ) : null}
      {allowed(userGroup, 'recall.read') ? <NavLink to="/recall">{t('nav.recall')}</NavLink> : null}
      {allowed(userGroup, 'productionSetup.write') ? (
        <NavLink to="/setup">{t('nav.setup')}</NavLink>
      ) : null}
      {allowed(userGroup, 'admin.audit.read') ? (
        <NavLink to="/admin">{t('nav.admin')}</NavLink>
      ) : null}
      {allowed(userGroup, 'order.shop.read') ? (
        <a href={SHOP_APP_PATH}>{t('nav.shopApp')}</a>
      ) : null}
    </>
  );
}

export function ProductionLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const { connection } = useApi();
  const user = session.data?.user ?? null;
  const shop = user !== null && !isProductionMember(user.userGroup);
  useEffect(() => {
    if (shop) {
      globalThis.location.assign(SHOP_APP_PATH);
    }
  }, [shop]);
  if (session.isPending || shop) {
    return <p role="status">{t('loading')}</p>;
  }
  if (user === null) {
    return <Navigate to="/login" replace />;
  }
  return (
    <AppShell
      // A password someone else chose: nothing to navigate to until it is replaced.
      navigation={
        user.mustChangePassword ? null : <ProductionNavigation userGroup={user.userGroup} />
      }
      userName={user.displayName || user.username}
      helpLink={<NavLink to="/help">{t('nav.help', { ns: 'app' })}</NavLink>}
      passwordLink={<NavLink to="/password">{t('shell.changePassword')}</NavLink>}
      connection={connection}
      onLogout={() => {
        logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
      }}
    >
      <PasswordChangeGate>
        <LiveEvents />
        <Outlet />
      </PasswordChangeGate>
    </AppShell>
  );
}
