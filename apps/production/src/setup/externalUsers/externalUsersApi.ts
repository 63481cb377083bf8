/**
 * Accounts for the set-up pages: `setup.users.list` (every account with its customers, never a
 * password hash) and the writes of "Externe Kunder" (create, change password, assign the
 * customer). Writes refresh the list at once; the live `User`/`UserAssignment` events do too.
 */
import type { RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSetupWrite } from '../setupWrites';

export type UserList = RouterOutputs['setup']['users']['list'];
export type ListedUser = UserList['users'][number];

export function useUserList() {
  const trpc = useTRPC();
  return useQuery(trpc.setup.users.list.queryOptions());
}

export function useExternalUserWrites() {
  const trpc = useTRPC();
  const users = trpc.setup.users.list.pathFilter();
  const externalUsers = trpc.setup.externalUsers;
  return {
    create: useSetupWrite(externalUsers.create.mutationOptions(), users),
    // A new password changes nothing that is shown.
    changePassword: useMutation(externalUsers.changePassword.mutationOptions()),
    assignCustomer: useSetupWrite(externalUsers.assignCustomer.mutationOptions(), users),
  };
}
