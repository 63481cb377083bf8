/**
 * Who is logged in (`auth.whoami`), logging in and out. Both apps share the session cookie,
 * so one login serves the shop and production.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';
import { useTRPC } from '../api/trpc';

export function useSession() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.whoami.queryOptions(undefined, { staleTime: Infinity }));
}

export type SessionInfo = NonNullable<ReturnType<typeof useSession>['data']>;
export type SessionUserInfo = NonNullable<SessionInfo['user']>;

export function useLogin() {
  const trpc = useTRPC();
  const { reconnect } = useApi();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async () => {
        queryClient.removeQueries();
        reconnect();
        await queryClient.invalidateQueries(trpc.auth.whoami.pathFilter());
      },
    }),
  );
}

export function useLogout() {
  const trpc = useTRPC();
  const { reconnect } = useApi();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        reconnect();
      },
    }),
  );
}
