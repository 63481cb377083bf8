/**
 * /shop/login: the shared login page. A logged-in shop user goes on to the orders; production
 * staff (who logged in here by chance) go to the production app, which shares the session.
 */
import { isShopMember } from '@tracershop/core';
import { LoginPage, useLogin, useSession } from '@tracershop/ui';
import { useEffect } from 'react';
import { Navigate } from 'react-router';

export const PRODUCTION_APP_PATH = '/production/';

export function LoginRoute() {
  const session = useSession();
  const login = useLogin();
  const user = session.data?.user ?? null;
  const production = user !== null && !isShopMember(user.userGroup);
  useEffect(() => {
    if (production) {
      globalThis.location.assign(PRODUCTION_APP_PATH);
    }
  }, [production]);
  if (user !== null && !production) {
    return <Navigate to="/" replace />;
  }
  return <LoginPage login={(input) => login.mutateAsync(input)} />;
}
