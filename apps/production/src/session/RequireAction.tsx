/**
 * Shows a page only to users whose role may do its action (core's permission matrix); others
 * go back to "Ordre". The api refuses the page's procedures anyway: this only spares the user
 * a page of errors.
 */
import { allowed } from '@tracershop/core';
import type { Action } from '@tracershop/core';
import { useSession } from '@tracershop/ui';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { PageLoading } from './PageLoading';

export function RequireAction({ action, children }: { action: Action; children: ReactNode }) {
  const session = useSession();
  const user = session.data?.user ?? null;
  if (session.isPending) {
    return <PageLoading />;
  }
  if (user === null || !allowed(user.userGroup, action)) {
    return <Navigate to="/" replace />;
  }
  return children;
}
