/**
 * Who is logged in (`auth.whoami`), logging in and out. Both apps share the session cookie,
 * so one login serves the shop and production.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginInput } from '@tracershop/core';
import { useApi } from '../api/ApiProvider';
import { apiQueryKey } from '../api/queryKeys';

const WHOAMI = apiQueryKey('auth.whoami');

export function useSession() {
  const { client } = useApi();
  return useQuery({
    queryKey: WHOAMI,
    queryFn: () => client.auth.whoami.query(),
    staleTime: Infinity,
  });
}

export type SessionInfo = NonNullable<ReturnType<typeof useSession>['data']>;
export type SessionUserInfo = NonNullable<SessionInfo['user']>;

export function useLogin() {
  const { client, reconnect } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => client.auth.login.mutate(input),
    onSuccess: async () => {
      queryClient.removeQueries();
      reconnect();
      await queryClient.invalidateQueries({ queryKey: WHOAMI });
    },
  });
}

export function useLogout() {
  const { client, reconnect } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.auth.logout.mutate(),
    onSettled: () => {
      queryClient.clear();
      reconnect();
    },
  });
}
