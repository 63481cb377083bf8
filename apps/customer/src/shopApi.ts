/**
 * The shop's reads and writes of the api, as TanStack Query hooks keyed by procedure path, so
 * live events refresh them (`@tracershop/ui` liveEvents). Types come from the api's router.
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import type { ActivityOrderCreateInput, ActivityOrderEditInput } from '@tracershop/core';
import { apiQueryKey, useApi } from '@tracershop/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

type Outputs = RouterOutputs;
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

/** Refreshes the order reads after a write (live events do it too, a little later). */
function useOrderRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: apiQueryKey('orders.shopDay') }),
      queryClient.invalidateQueries({ queryKey: apiQueryKey('orders.window') }),
    ]);
  };
}

/** Create, edit and delete of the shop's injection orders. */
export function useInjectionOrderWrites() {
  const { client } = useApi();
  const refresh = useOrderRefresh();
  const create = useMutation({
    mutationFn: (input: InjectionOrderCreate) => client.orders.injection.create.mutate(input),
    onSuccess: refresh,
  });
  const edit = useMutation({
    mutationFn: (input: InjectionOrderEdit) => client.orders.injection.edit.mutate(input),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) => client.orders.injection.delete.mutate({ id }),
    onSuccess: refresh,
  });
  return { create, edit, remove };
}

/** Create, edit and delete of the shop's isotope orders. */
export function useIsotopeOrderWrites() {
  const { client } = useApi();
  const refresh = useOrderRefresh();
  const create = useMutation({
    mutationFn: (input: IsotopeOrderCreate) => client.orders.isotope.create.mutate(input),
    onSuccess: refresh,
  });
  const edit = useMutation({
    mutationFn: (input: IsotopeOrderEdit) => client.orders.isotope.edit.mutate(input),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) => client.orders.isotope.delete.mutate({ id }),
    onSuccess: refresh,
  });
  return { create, edit, remove };
}

/** "Bookinger": the day's bookings of an endpoint, per tracer. */
export function useEndpointBookings(endpointId: number, date: string) {
  const { client } = useApi();
  const input = { endpointId, date };
  return useQuery({
    queryKey: apiQueryKey('bookings.byEndpointDate', input),
    queryFn: () => client.bookings.byEndpointDate.query(input),
  });
}

/** "Booking Oversigt": rooms × hours. */
export function useBookingOverview(endpointId: number, date: string) {
  const { client } = useApi();
  const input = { endpointId, date };
  return useQuery({
    queryKey: apiQueryKey('bookings.overview', input),
    queryFn: () => client.bookings.overview.query(input),
  });
}

/** "Bestil" on a tracer card: one mass order; the bookings and orders refresh afterwards. */
export function useMassOrder() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const refreshOrders = useOrderRefresh();
  return useMutation({
    mutationFn: (input: MassOrderInput) => client.bookings.massOrder.mutate(input),
    onSuccess: async () => {
      await Promise.all([
        refreshOrders(),
        queryClient.invalidateQueries({ queryKey: apiQueryKey('bookings.byEndpointDate') }),
        queryClient.invalidateQueries({ queryKey: apiQueryKey('bookings.overview') }),
      ]);
    },
  });
}

/** `setup.users.list` is not among the live-refreshed reads; its writes refresh it here. */
const USERS_KEY = ['setup.users.list'] as const;

export function useUserList(enabled: boolean) {
  const { client } = useApi();
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: () => client.setup.users.list.query(),
    enabled,
  });
}

/** The shop admin's set-up writes: locations, procedures, colleagues' access. */
export function useShopSetupWrites() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const refreshCatalog = () =>
    queryClient.invalidateQueries({ queryKey: apiQueryKey('setup.catalog') });
  const refreshUsers = () => queryClient.invalidateQueries({ queryKey: USERS_KEY });
  return {
    editLocation: useMutation({
      mutationFn: (input: LocationEdit) => client.setup.locations.edit.mutate(input),
      onSuccess: refreshCatalog,
    }),
    createProcedure: useMutation({
      mutationFn: (input: ProcedureCreate) => client.setup.procedures.create.mutate(input),
      onSuccess: refreshCatalog,
    }),
    editProcedure: useMutation({
      mutationFn: (input: ProcedureEdit) => client.setup.procedures.edit.mutate(input),
      onSuccess: refreshCatalog,
    }),
    deleteProcedure: useMutation({
      mutationFn: (id: number) => client.setup.procedures.delete.mutate({ id }),
      onSuccess: refreshCatalog,
    }),
    grantAccess: useMutation({
      mutationFn: (input: AssignmentCreate) => client.setup.userAssignments.create.mutate(input),
      onSuccess: refreshUsers,
    }),
    revokeAccess: useMutation({
      mutationFn: (id: number) => client.setup.userAssignments.delete.mutate({ id }),
      onSuccess: refreshUsers,
    }),
  };
}
