/**
 * The set-up writes: each is a mutation of the router that, once the api accepted it,
 * refreshes the reads it changed at once (the live event arrives as well, a moment later;
 * `@tracershop/ui` liveEvents: set-up entities touch the `setup` and `orders` reads).
 */
import type { QueryFilters, UseMutationOptions, UseMutationResult } from '@tanstack/react-query';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@tracershop/ui';

/** Refreshes every set-up and order read. */
export function useSetupRefresh(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.setup.pathFilter()),
      queryClient.invalidateQueries(trpc.orders.pathFilter()),
    ]);
  };
}

/**
 * A set-up write (`trpc.setup.….mutationOptions()`) that refreshes `refreshes` (one read's
 * filter, e.g. `trpc.setup.printers.list.pathFilter()`) after success, or every set-up and
 * order read when no filter is given.
 */
export function useSetupWrite<TData, TError, TVariables, TContext>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
  refreshes?: QueryFilters,
): UseMutationResult<TData, TError, TVariables, TContext> {
  const queryClient = useQueryClient();
  const refreshSetup = useSetupRefresh();
  return useMutation({
    ...options,
    onSuccess: () =>
      refreshes === undefined ? refreshSetup() : queryClient.invalidateQueries(refreshes),
  });
}
