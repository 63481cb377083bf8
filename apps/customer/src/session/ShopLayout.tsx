/**
 * The frame of a logged-in shop user: the navbar (Bestillinger; Opsætning for shop admins;
 * "Produktion", the switch to the production app, for users who may read production orders,
 * i.e. the site admin; "Hjælp", the shop's user guide, and "Skift kodeord" beside the user's
 * name for everybody), the live events that keep every read current, and the page. Anonymous
 * visitors are sent to the login page.
 */
import { allowed, isShopAdmin } from '@tracershop/core';
import {
  AppShell,
  PasswordChangeGate,
  useApi,
  useLiveEvents,
  useLogout,
  useSession,
} from '@tracershop/ui';
import type { SessionUserInfo } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useNavigate } from 'react-router';

/** The production app, a separate page load (it shares the session). */
export const PRODUCTION_APP_PATH = '/production/';

function LiveEvents() {
  useLiveEvents();
  return null;
}

function ShopNavigation({ user }: { user: SessionUserInfo }) {
  const { t } = useTranslation('app');
  return (
    <>
      <NavLink to="/" end>
        {t('nav.orders')}
      </NavLink>
      {isShopAdmin(user.userGroup) ? <NavLink to="/setup">{t('nav.setup')}</NavLink> : null}
      {allowed(user.userGroup, 'order.production.read') ? (
        <a href={PRODUCTION_APP_PATH}>{t('nav.productionApp')}</a>
      ) : null}
    </>
  );
}

export function ShopLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const { connection } = useApi();
  if (session.isPending) {
    return <p role="status">{t('loading')}</p>;
  }
  const user = session.data?.user ?? null;
  if (user === null) {
    return <Navigate to="/login" replace />;
  }
  return (
    <AppShell
      // A password someone else chose: nothing to navigate to until it is replaced.
      navigation={user.mustChangePassword ? null : <ShopNavigation user={user} />}
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
