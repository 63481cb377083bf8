/**
 * The shop's reads and writes of the api, as TanStack Query hooks keyed by procedure path, so
 * live events refresh them (`@tracershop/ui` liveEvents). Types come from the api's router.
 */
import type { AppRouter } from '@tracershop/api';
import type { ActivityOrderCreateInput, ActivityOrderEditInput } from '@tracershop/core';
import { apiQueryKey, useApi } from '@tracershop/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;
export type Catalog = Outputs['setup']['catalog'];
export type ShopDay = Outputs['orders']['shopDay'];
export type ShopSlotCard = ShopDay['slots'][number];
export type ShopOrderLine = ShopSlotCard['orders'][number];
export type OrdersWindow = Outputs['orders']['window'];

export function useCatalog() {
  const { client } = useApi();
  return useQuery({
    queryKey: apiQueryKey('setup.catalog'),
    queryFn: () => client.setup.catalog.query(),
  });
}

export function useShopDay(endpointId: number | null, date: string) {
  const { client } = useApi();
  const input = { endpointId: endpointId ?? 0, date };
  return useQuery({
    queryKey: apiQueryKey('orders.shopDay', input),
    queryFn: () => client.orders.shopDay.query(input),
    enabled: endpointId !== null,
  });
}

/** The orders around `date` (± the server's window) of one endpoint, for the calendar. */
export function useOrdersWindow(endpointId: number | null, centralDate: string) {
  const { client } = useApi();
  const input = { centralDate, endpointIds: endpointId === null ? [] : [endpointId] };
  return useQuery({
    queryKey: apiQueryKey('orders.window', input),
    queryFn: () => client.orders.window.query(input),
    enabled: endpointId !== null,
  });
}

/** Create, edit and delete of the shop's activity orders; the reads refresh afterwards. */
export function useActivityOrderWrites() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: apiQueryKey('orders.shopDay') }),
      queryClient.invalidateQueries({ queryKey: apiQueryKey('orders.window') }),
    ]);
  };
  const create = useMutation({
    mutationFn: (input: ActivityOrderCreateInput) => client.orders.activity.create.mutate(input),
    onSuccess: refresh,
  });
  const edit = useMutation({
    mutationFn: (input: ActivityOrderEditInput) => client.orders.activity.edit.mutate(input),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) => client.orders.activity.delete.mutate({ id }),
    onSuccess: refresh,
  });
  return { create, edit, remove };
}
