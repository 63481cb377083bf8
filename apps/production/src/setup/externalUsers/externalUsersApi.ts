/**
 * Accounts for the set-up pages: `setup.users.list` (every account with its customers, never a
 * password hash) and the writes of "Externe Kunder" (create, change password, assign the
 * customer). Writes refresh the list at once; the live `User`/`UserAssignment` events do too.
 */
import type { AppRouter } from '@tracershop/api';
import type {
  ExternalUserAssignCustomerInput,
  ExternalUserChangePasswordInput,
  ExternalUserCreateInput,
} from '@tracershop/core';
import { apiQueryKey, useApi } from '@tracershop/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useSetupWrite } from '../setupWrites';

export type UserList = inferRouterOutputs<AppRouter>['setup']['users']['list'];
export type ListedUser = UserList['users'][number];

const USERS = apiQueryKey('setup.users.list');

export function useUserList() {
  const { client } = useApi();
  return useQuery({ queryKey: USERS, queryFn: () => client.setup.users.list.query() });
}

export function useExternalUserWrites() {
  const { client } = useApi();
  const create = useSetupWrite(
    (input: ExternalUserCreateInput) => client.setup.externalUsers.create.mutate(input),
    USERS,
  );
  // A new password changes nothing that is shown.
  const changePassword = useMutation({
    mutationFn: (input: ExternalUserChangePasswordInput) =>
      client.setup.externalUsers.changePassword.mutate(input),
  });
  const assignCustomer = useSetupWrite(
    (input: ExternalUserAssignCustomerInput) =>
      client.setup.externalUsers.assignCustomer.mutate(input),
    USERS,
  );
  return { create, changePassword, assignCustomer };
}
