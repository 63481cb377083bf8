/**
 * The production app's reads and writes of the api: TanStack Query options from the router
 * (`useTRPC()`), so keys are typed and live events refresh them (`@tracershop/ui` liveEvents).
 * Types come from the api's router.
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
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
  const trpc = useTRPC();
  return useQuery(trpc.setup.catalog.queryOptions());
}

export function useProductionDay(date: string, tracerId: number | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.orders.productionDay.queryOptions(
      { date, tracerId: tracerId ?? 0 },
      { enabled: tracerId !== null },
    ),
  );
}

/** Every customer's activity, injection and isotope orders around `date` (colours, week plan). */
export function useProductionWindow(date: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.orders.productionWindow.queryOptions(
      { centralDate: date },
      { placeholderData: (previous) => previous },
    ),
  );
}

/** What an endpoint's not yet ordered bookings of a tracer would need per slot. */
export function useBookingPreview(endpointId: number, tracerId: number, date: string) {
  const trpc = useTRPC();
  return useQuery(trpc.bookings.productionPreview.queryOptions({ endpointId, tracerId, date }));
}

/** The release rights ("Frigiv" is offered only with a valid one). */
export function useReleaseRights() {
  const trpc = useTRPC();
  return useQuery(trpc.setup.releaseRights.list.queryOptions());
}

export function useVialsForSlot(slotId: number, date: string) {
  const trpc = useTRPC();
  return useQuery(trpc.vials.forSlot.queryOptions({ slotId, date }));
}

/** After a write: the order reads (cards, colours, week plan) and the vial reads. */
function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.orders.productionDay.pathFilter()),
      queryClient.invalidateQueries(trpc.orders.productionWindow.pathFilter()),
      queryClient.invalidateQueries(trpc.vials.forSlot.pathFilter()),
    ]);
  };
}

/**
 * The card actions: accept the collection, reject / un-reject, move / restore, edit a dose,
 * delete an order.
 */
export function useSlotActions() {
  const trpc = useTRPC();
  const onSuccess = useRefresh();
  const activity = trpc.orders.activity;
  return {
    acceptSlot: useMutation(activity.acceptSlot.mutationOptions({ onSuccess })),
    reject: useMutation(activity.reject.mutationOptions({ onSuccess })),
    unreject: useMutation(activity.unreject.mutationOptions({ onSuccess })),
    move: useMutation(activity.move.mutationOptions({ onSuccess })),
    restore: useMutation(activity.restore.mutationOptions({ onSuccess })),
    editDose: useMutation(activity.editDose.mutationOptions({ onSuccess })),
    deleteOrder: useMutation(activity.productionDelete.mutationOptions({ onSuccess })),
  };
}

/** "Opret ny ordre": an order production enters for a customer (created Accepted). */
export function useCreateActivityOrder() {
  const trpc = useTRPC();
  const onSuccess = useRefresh();
  return useMutation(trpc.orders.activity.createForCustomer.mutationOptions({ onSuccess }));
}

/**
 * A vial by hand or corrected, the signed release of a delivery and its correction, and the
 * release's certificate printed.
 */
export function useReleaseWrites() {
  const trpc = useTRPC();
  const onSuccess = useRefresh();
  return {
    createVial: useMutation(trpc.vials.create.mutationOptions({ onSuccess })),
    editVial: useMutation(trpc.vials.edit.mutationOptions({ onSuccess })),
    release: useMutation(trpc.release.activity.mutationOptions({ onSuccess })),
    correct: useMutation(trpc.release.correct.mutationOptions({ onSuccess })),
    printCertificate: useMutation(trpc.printing.activityCertificate.mutationOptions()),
  };
}
