/**
 * The production app's reads and writes of the api, as TanStack Query hooks keyed by procedure
 * path, so live events refresh them (`@tracershop/ui` liveEvents). Types come from the api's
 * router.
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import { apiQueryKey, useApi } from '@tracershop/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

type Outputs = RouterOutputs;
type Inputs = RouterInputs;
export type Catalog = Outputs['setup']['catalog'];
export type ProductionDay = Outputs['orders']['productionDay'];
export type ProductionSlotCard = ProductionDay['slots'][number];
export type ProductionOrderLine = ProductionSlotCard['orders'][number];
export type SlotVials = Outputs['vials']['forSlot'];
export type SlotVial = SlotVials['available'][number];
export type VialCreate = Inputs['vials']['create'];
export type VialEdit = Inputs['vials']['edit'];
export type ActivityRelease = Inputs['release']['activity'];
export type Correction = Inputs['release']['correct'];
export type ActivityOrderCreate = Inputs['orders']['activity']['createForCustomer'];
export type ActivityDoseEdit = Inputs['orders']['activity']['editDose'];
export type ProductionWindow = Outputs['orders']['productionWindow'];
export type ReleaseRights = Outputs['setup']['releaseRights']['list'];
export type BookingPreview = Outputs['bookings']['productionPreview'];

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

/** Every customer's activity, injection and isotope orders around `date` (colours, week plan). */
export function useProductionWindow(date: string) {
  const { client } = useApi();
  const input = { centralDate: date };
  return useQuery({
    queryKey: apiQueryKey('orders.productionWindow', input),
    queryFn: () => client.orders.productionWindow.query(input),
    placeholderData: (previous) => previous,
  });
}

/** What an endpoint's not yet ordered bookings of a tracer would need per slot. */
export function useBookingPreview(endpointId: number, tracerId: number, date: string) {
  const { client } = useApi();
  const input = { endpointId, tracerId, date };
  return useQuery({
    queryKey: apiQueryKey('bookings.productionPreview', input),
    queryFn: () => client.bookings.productionPreview.query(input),
  });
}

/** The release rights ("Frigiv" is offered only with a valid one). */
export function useReleaseRights() {
  const { client } = useApi();
  return useQuery({
    queryKey: apiQueryKey('setup.releaseRights.list'),
    queryFn: () => client.setup.releaseRights.list.query(),
  });
}

export function useVialsForSlot(slotId: number, date: string) {
  const { client } = useApi();
  const input = { slotId, date };
  return useQuery({
    queryKey: apiQueryKey('vials.forSlot', input),
    queryFn: () => client.vials.forSlot.query(input),
  });
}

/** After a write: the order reads (cards, colours, week plan) and the vial reads. */
function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: apiQueryKey('orders.productionDay') }),
      queryClient.invalidateQueries({ queryKey: apiQueryKey('orders.productionWindow') }),
      queryClient.invalidateQueries({ queryKey: apiQueryKey('vials.forSlot') }),
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
  const editDose = useMutation({
    mutationFn: (input: ActivityDoseEdit) => client.orders.activity.editDose.mutate(input),
    onSuccess,
  });
  return { acceptSlot, reject, unreject, move, restore, editDose };
}

/** "Opret ny ordre": an order production enters for a customer (created Accepted). */
export function useCreateActivityOrder() {
  const { client } = useApi();
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: (input: ActivityOrderCreate) =>
      client.orders.activity.createForCustomer.mutate(input),
    onSuccess,
  });
}

/** A vial by hand or corrected, the signed release of a delivery and its correction. */
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
  const editVial = useMutation({
    mutationFn: (input: VialEdit) => client.vials.edit.mutate(input),
    onSuccess,
  });
  const correct = useMutation({
    mutationFn: (input: Correction) => client.release.correct.mutate(input),
    onSuccess,
  });
  return { createVial, editVial, release, correct };
}
