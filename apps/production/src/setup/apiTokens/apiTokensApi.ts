/**
 * Scripts' API tokens (`admin.apiTokens`): the list (every token for the site admin, one's own
 * for a production admin), create (the token comes back once) and revoke. Writes refresh the
 * list at once; the audit trail refreshes too, since both are audited.
 */
import type { RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export type ApiTokenRow = RouterOutputs['admin']['apiTokens']['list'][number];
export type CreatedApiToken = RouterOutputs['admin']['apiTokens']['create'];

export function useApiTokens() {
  const trpc = useTRPC();
  return useQuery(trpc.admin.apiTokens.list.queryOptions());
}

export function useApiTokenWrites() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.admin.apiTokens.list.pathFilter()),
      queryClient.invalidateQueries(trpc.admin.auditTrail.pathFilter()),
    ]);
  };
  return {
    create: useMutation(trpc.admin.apiTokens.create.mutationOptions({ onSuccess: refresh })),
    revoke: useMutation(trpc.admin.apiTokens.revoke.mutationOptions({ onSuccess: refresh })),
  };
}
