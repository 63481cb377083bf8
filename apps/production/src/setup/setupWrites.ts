/**
 * The set-up writes: each is a mutation that, once the api accepted it, refreshes the reads it
 * changed at once (the live event arrives as well, a moment later; `@tracershop/ui` liveEvents:
 * set-up entities touch the `setup` and `orders` scopes).
 */
import { inScope } from '@tracershop/ui';
import type { QueryKey, UseMutationResult } from '@tanstack/react-query';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** Refreshes every set-up and order read. */
export function useSetupRefresh(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (query) => inScope(query.queryKey, 'setup') || inScope(query.queryKey, 'orders'),
    });
}

/**
 * A set-up write that refreshes `refreshes` (one read's key, e.g. `setup.printers.list`) after
 * success, or every set-up and order read when no key is given.
 */
export function useSetupWrite<TInput, TResult>(
  write: (input: TInput) => Promise<TResult>,
  refreshes?: QueryKey,
): UseMutationResult<TResult, Error, TInput> {
  const queryClient = useQueryClient();
  const refreshSetup = useSetupRefresh();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      refreshes === undefined
        ? refreshSetup()
        : queryClient.invalidateQueries({ queryKey: refreshes }),
  });
}
