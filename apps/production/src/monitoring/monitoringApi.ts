/**
 * The monitoring page's read: how punctually a month's orders of one product were released
 * (`monitoring.punctuality`). Order events refresh `monitoring.*` reads (ui liveEvents).
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import { apiQueryKey, useApi } from '@tracershop/ui';
import { useQuery } from '@tanstack/react-query';

export type PunctualityReport = RouterOutputs['monitoring']['punctuality'];
export type PunctualityCounts = PunctualityReport['counts'];
export type MonitoredProduct = RouterInputs['monitoring']['punctuality']['product'];

export function usePunctuality(month: string, product: MonitoredProduct | null) {
  const { client } = useApi();
  const input = product === null ? null : { month, product };
  return useQuery({
    queryKey: apiQueryKey('monitoring.punctuality', input),
    queryFn: () => {
      if (input === null) {
        throw new Error('no product chosen');
      }
      return client.monitoring.punctuality.query(input);
    },
    enabled: input !== null,
    placeholderData: (previous) => previous,
  });
}
