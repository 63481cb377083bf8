/**
 * The production app's reads and writes of the api, as TanStack Query hooks keyed by procedure
 * path, so live events refresh them (`@tracershop/ui` liveEvents). Types come from the api's
 * router.
 */
import type { AppRouter } from '@tracershop/api';
import { apiQueryKey, useApi } from '@tracershop/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;
export type Catalog = Outputs['setup']['catalog'];
export type ProductionDay = Outputs['orders']['productionDay'];
export type ProductionSlotCard = ProductionDay['slots'][number];
export type ProductionOrderLine = ProductionSlotCard['orders'][number];
export type SlotVials = Outputs['vials']['forSlot'];
export type SlotVial = SlotVials['available'][number];
export type VialCreate = Inputs['vials']['create'];
export type ActivityRelease = Inputs['release']['activity'];

/** `vials.forSlot` is not among `@tracershop/ui`'s live reads; the writes here refresh it. */
const VIALS_FOR_SLOT = 'vials.forSlot';

export function useCatalog() {
  const { client } = useApi();
  return useQuery({
    queryKey: apiQueryKey('setup.catalog'),
    queryFn: () => client.setup.catalog.query(),
  });
}

export function useProductionDay(date: string, tracerId: number | null) {
  const { client } = useApi();
  const input = { date, tracerId: tracerId ?? 0 };
  return useQuery({
    queryKey: apiQueryKey('orders.productionDay', input),
    queryFn: () => client.orders.productionDay.query(input),
    enabled: tracerId !== null,
  });
}

export function useVialsForSlot(slotId: number, date: string) {
  const { client } = useApi();
  const input = { slotId, date };
  return useQuery({
    queryKey: [VIALS_FOR_SLOT, input],
    queryFn: () => client.vials.forSlot.query(input),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: apiQueryKey('orders.productionDay') }),
      queryClient.invalidateQueries({ queryKey: [VIALS_FOR_SLOT] }),
    ]);
  };
}

/** The card actions: accept the collection, reject / un-reject, move / restore. */
export function useSlotActions() {
  const { client } = useApi();
  const onSuccess = useRefresh();
  const acceptSlot = useMutation({
    mutationFn: (input: { slotId: number; deliveryDate: string }) =>
      client.orders.activity.acceptSlot.mutate(input),
    onSuccess,
  });
  const reject = useMutation({
    mutationFn: (orderIds: number[]) => client.orders.activity.reject.mutate({ orderIds }),
    onSuccess,
  });
  const unreject = useMutation({
    mutationFn: (orderIds: number[]) => client.orders.activity.unreject.mutate({ orderIds }),
    onSuccess,
  });
  const move = useMutation({
    mutationFn: (input: { orderIds: number[]; toSlotId: number }) =>
      client.orders.activity.move.mutate(input),
    onSuccess,
  });
  const restore = useMutation({
    mutationFn: (orderIds: number[]) => client.orders.activity.restore.mutate({ orderIds }),
    onSuccess,
  });
  return { acceptSlot, reject, unreject, move, restore };
}

/** A vial by hand and the signed release of a delivery. */
export function useReleaseWrites() {
  const { client } = useApi();
  const onSuccess = useRefresh();
  const createVial = useMutation({
    mutationFn: (input: VialCreate) => client.vials.create.mutate(input),
    onSuccess,
  });
  const release = useMutation({
    mutationFn: (input: ActivityRelease) => client.release.activity.mutate(input),
    onSuccess,
  });
  return { createVial, release };
}
