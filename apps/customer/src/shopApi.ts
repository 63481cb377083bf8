/**
 * The shop's reads and writes of the api: TanStack Query options from the router
 * (`useTRPC()`), so keys are typed and live events refresh them (`@tracershop/ui` liveEvents).
 * Types come from the api's router.
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

type Outputs = RouterOutputs;
export type Catalog = Outputs['setup']['catalog'];
export type ShopDay = Outputs['orders']['shopDay'];
export type ShopSlotCard = ShopDay['slots'][number];
export type ShopOrderLine = ShopSlotCard['orders'][number];
export type OrdersWindow = Outputs['orders']['window'];

export function useCatalog() {
  const trpc = useTRPC();
  return useQuery(trpc.setup.catalog.queryOptions());
}

export function useShopDay(endpointId: number | null, date: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.orders.shopDay.queryOptions(
      { endpointId: endpointId ?? 0, date },
      { enabled: endpointId !== null },
    ),
  );
}

/** The orders around `date` (± the server's window) of one endpoint, for the calendar. */
export function useOrdersWindow(endpointId: number | null, centralDate: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.orders.window.queryOptions(
      { centralDate, endpointIds: endpointId === null ? [] : [endpointId] },
      { enabled: endpointId !== null },
    ),
  );
}

/** Refreshes the order reads after a write (live events do it too, a little later). */
function useOrderRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.orders.shopDay.pathFilter()),
      queryClient.invalidateQueries(trpc.orders.window.pathFilter()),
    ]);
  };
}

/** Create, edit and delete of the shop's activity orders; the reads refresh afterwards. */
export function useActivityOrderWrites() {
  const trpc = useTRPC();
  const onSuccess = useOrderRefresh();
  const activity = trpc.orders.activity;
  return {
    create: useMutation(activity.create.mutationOptions({ onSuccess })),
    edit: useMutation(activity.edit.mutationOptions({ onSuccess })),
    remove: useMutation(activity.delete.mutationOptions({ onSuccess })),
  };
}

export type ShopInjectionOrder = ShopDay['injectionOrders'][number];
export type ShopIsotopeCard = ShopDay['isotopes'][number];
export type EndpointBookings = Outputs['bookings']['byEndpointDate'];
export type TracerBookings = EndpointBookings['tracers'][number];
export type BookingRow = TracerBookings['bookings'][number];
export type BookingOverview = Outputs['bookings']['overview'];
export type UserList = Outputs['setup']['users']['list'];

type Inputs = RouterInputs;
export type InjectionOrderCreate = Inputs['orders']['injection']['create'];
export type InjectionOrderEdit = Inputs['orders']['injection']['edit'];
export type IsotopeOrderCreate = Inputs['orders']['isotope']['create'];
export type IsotopeOrderEdit = Inputs['orders']['isotope']['edit'];
export type MassOrderInput = Inputs['bookings']['massOrder'];
export type LocationEdit = Inputs['setup']['locations']['edit'];
export type ProcedureCreate = Inputs['setup']['procedures']['create'];
export type ProcedureEdit = Inputs['setup']['procedures']['edit'];
export type AssignmentCreate = Inputs['setup']['userAssignments']['create'];

/** Create, edit and delete of the shop's injection orders. */
export function useInjectionOrderWrites() {
  const trpc = useTRPC();
  const onSuccess = useOrderRefresh();
  const injection = trpc.orders.injection;
  return {
    create: useMutation(injection.create.mutationOptions({ onSuccess })),
    edit: useMutation(injection.edit.mutationOptions({ onSuccess })),
    remove: useMutation(injection.delete.mutationOptions({ onSuccess })),
  };
}

/** Create, edit and delete of the shop's isotope orders. */
export function useIsotopeOrderWrites() {
  const trpc = useTRPC();
  const onSuccess = useOrderRefresh();
  const isotope = trpc.orders.isotope;
  return {
    create: useMutation(isotope.create.mutationOptions({ onSuccess })),
    edit: useMutation(isotope.edit.mutationOptions({ onSuccess })),
    remove: useMutation(isotope.delete.mutationOptions({ onSuccess })),
  };
}

/** "Bookinger": the day's bookings of an endpoint, per tracer. */
export function useEndpointBookings(endpointId: number, date: string) {
  const trpc = useTRPC();
  return useQuery(trpc.bookings.byEndpointDate.queryOptions({ endpointId, date }));
}

/** "Booking Oversigt": rooms × hours. */
export function useBookingOverview(endpointId: number, date: string) {
  const trpc = useTRPC();
  return useQuery(trpc.bookings.overview.queryOptions({ endpointId, date }));
}

/** "Bestil" on a tracer card: one mass order; the bookings and orders refresh afterwards. */
export function useMassOrder() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshOrders = useOrderRefresh();
  return useMutation(
    trpc.bookings.massOrder.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          refreshOrders(),
          queryClient.invalidateQueries(trpc.bookings.byEndpointDate.pathFilter()),
          queryClient.invalidateQueries(trpc.bookings.overview.pathFilter()),
        ]);
      },
    }),
  );
}

export function useUserList(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.setup.users.list.queryOptions(undefined, { enabled }));
}

/**
 * Whether granting access may look a user name up in the hospital's directory (the server
 * decides: directory login on); without it only accounts that exist can be granted.
 */
export function useGrantMode() {
  const trpc = useTRPC();
  return useQuery(trpc.setup.userAssignments.grantMode.queryOptions());
}

/** The shop admin's set-up writes: locations, procedures, colleagues' access. */
export function useShopSetupWrites() {
  const { setup } = useTRPC();
  const queryClient = useQueryClient();
  const refreshCatalog = () => queryClient.invalidateQueries(setup.catalog.pathFilter());
  const refreshUsers = () => queryClient.invalidateQueries(setup.users.list.pathFilter());
  return {
    createLocation: useMutation(
      setup.locations.create.mutationOptions({ onSuccess: refreshCatalog }),
    ),
    editLocation: useMutation(setup.locations.edit.mutationOptions({ onSuccess: refreshCatalog })),
    deleteLocation: useMutation(
      setup.locations.delete.mutationOptions({ onSuccess: refreshCatalog }),
    ),
    createProcedure: useMutation(
      setup.procedures.create.mutationOptions({ onSuccess: refreshCatalog }),
    ),
    editProcedure: useMutation(
      setup.procedures.edit.mutationOptions({ onSuccess: refreshCatalog }),
    ),
    deleteProcedure: useMutation(
      setup.procedures.delete.mutationOptions({ onSuccess: refreshCatalog }),
    ),
    grantAccess: useMutation(
      setup.userAssignments.create.mutationOptions({ onSuccess: refreshUsers }),
    ),
    revokeAccess: useMutation(
      setup.userAssignments.delete.mutationOptions({ onSuccess: refreshUsers }),
    ),
  };
}
