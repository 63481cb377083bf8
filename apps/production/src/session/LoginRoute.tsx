/**
 * /production/login: the shared login page. A logged-in production user goes on to the
 * orders; shop users (who logged in here by chance) go to the shop, which shares the session.
 */
import { isProductionMember } from '@tracershop/core';
import { LoginPage, useLogin, useSession } from '@tracershop/ui';
import { useEffect } from 'react';
import { Navigate } from 'react-router';

export const SHOP_APP_PATH = '/shop/';

export function LoginRoute() {
  const session = useSession();
  const login = useLogin();
  const user = session.data?.user ?? null;
  const shop = user !== null && !isProductionMember(user.userGroup);
  useEffect(() => {
    if (shop) {
      globalThis.location.assign(SHOP_APP_PATH);
    }
  }, [shop]);
  if (user !== null && !shop) {
    return <Navigate to="/" replace />;
  }
  return <LoginPage login={(input) => login.mutateAsync(input)} />;
}
