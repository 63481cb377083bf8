/**
 * The reads and writes of "Special" (injection orders) as TanStack Query hooks keyed by
 * procedure path, so live events refresh them. The production window of orders and the
 * release rights are shared with the isotope view (`isotopes/`).
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import { DEFAULT_TIME_ZONE, hasReleaseRight } from '@tracershop/core';
import { apiQueryKey, inScope, siteToday, useApi, useSession } from '@tracershop/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

type Outputs = RouterOutputs;
type Inputs = RouterInputs;
export type Catalog = Outputs['setup']['catalog'];
export type OrdersWindow = Outputs['orders']['productionWindow'];
export type InjectionOrder = OrdersWindow['injectionOrders'][number];
export type IsotopeOrder = OrdersWindow['isotopeOrders'][number];
export type InjectionCreate = Inputs['orders']['injection']['createForCustomer'];
export type InjectionRelease = Inputs['release']['injection'];
export type InjectionReleaseMany = Inputs['release']['injectionMany'];
export type Correction = Inputs['release']['correct'];

export function useCatalog() {
  const { client } = useApi();
  return useQuery({
    queryKey: apiQueryKey('setup.catalog'),
    queryFn: () => client.setup.catalog.query(),
  });
}

/** Every order around `date` (± the server's date range); views filter to their day. */
export function useProductionWindow(date: string) {
  const { client } = useApi();
  const input = { centralDate: date };
  return useQuery({
    queryKey: apiQueryKey('orders.productionWindow', input),
    queryFn: () => client.orders.productionWindow.query(input),
  });
}

/** The injection orders delivered on `date`, by delivery time and id. */
export function injectionOrdersOn(window: OrdersWindow, date: string): InjectionOrder[] {
  return window.injectionOrders
    .filter((order) => order.deliveryDate === date)
    .sort((a, b) => a.deliveryTime.localeCompare(b.deliveryTime) || a.id - b.id);
}

/** The site's calendar date (`'YYYY-MM-DD'`) and the logged-in user. */
export function useSiteToday() {
  const session = useSession();
  const timeZone = session.data?.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    today: siteToday(timeZone),
    timeZone,
    user: session.data?.user ?? null,
  };
}

/**
 * Whether the logged-in user may sign the release of a tracer or an isotope (core's
 * `hasReleaseRight`: an unexpired right of their own, or site admin). The api checks again.
 */
export function useReleasePermission() {
  const { client } = useApi();
  const { today, user } = useSiteToday();
  const rights = useQuery({
    queryKey: apiQueryKey('setup.releaseRights.list'),
    queryFn: () => client.setup.releaseRights.list.query(),
    enabled: user !== null,
  });
  return (product: { tracerId?: number; isotopeId?: number }): boolean =>
    user !== null &&
    hasReleaseRight({
      userGroup: user.userGroup,
      userId: user.id,
      rights: rights.data ?? [],
      today,
      ...product,
    });
}

/** After a write: every order and vial read (this window included), at once. */
export function useOrdersRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({
      predicate: (query) => inScope(query.queryKey, 'orders') || inScope(query.queryKey, 'vials'),
    });
  };
}

/** Status changes, creation, release and correction of injection orders. */
export function useInjectionWrites() {
  const { client } = useApi();
  const onSuccess = useOrdersRefresh();
  const accept = useMutation({
    mutationFn: (orderIds: number[]) => client.orders.injection.accept.mutate({ orderIds }),
    onSuccess,
  });
  const reject = useMutation({
    mutationFn: (orderIds: number[]) => client.orders.injection.reject.mutate({ orderIds }),
    onSuccess,
  });
  const unreject = useMutation({
    mutationFn: (orderIds: number[]) => client.orders.injection.unreject.mutate({ orderIds }),
    onSuccess,
  });
  const create = useMutation({
    mutationFn: (input: InjectionCreate) => client.orders.injection.createForCustomer.mutate(input),
    onSuccess,
  });
  const release = useMutation({
    mutationFn: (input: InjectionRelease) => client.release.injection.mutate(input),
    onSuccess,
  });
  const releaseMany = useMutation({
    mutationFn: (input: InjectionReleaseMany) => client.release.injectionMany.mutate(input),
    onSuccess,
  });
  const correct = useMutation({
    mutationFn: (input: Correction) => client.release.correct.mutate(input),
    onSuccess,
  });
  return { accept, reject, unreject, create, release, releaseMany, correct };
}
