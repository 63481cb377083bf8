/**
 * The monitoring page's read: how punctually a month's orders of one product were released
 * (`monitoring.punctuality`). Order events refresh `monitoring.*` reads (ui liveEvents).
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { skipToken, useQuery } from '@tanstack/react-query';

export type PunctualityReport = RouterOutputs['monitoring']['punctuality'];
export type PunctualityCounts = PunctualityReport['counts'];
export type MonitoredProduct = RouterInputs['monitoring']['punctuality']['product'];

export function usePunctuality(month: string, product: MonitoredProduct | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.monitoring.punctuality.queryOptions(product === null ? skipToken : { month, product }, {
      placeholderData: (previous) => previous,
    }),
  );
}
