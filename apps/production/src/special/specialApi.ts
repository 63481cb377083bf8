/**
 * The reads and writes of "Special" (injection orders), as query and mutation options of the
 * router (`useTRPC()`), so live events refresh them. The production window of orders and the
 * release rights are shared with the isotope view (`isotopes/`).
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import { DEFAULT_TIME_ZONE, hasReleaseRight } from '@tracershop/core';
import { siteToday, useSession, useTRPC } from '@tracershop/ui';
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
  const trpc = useTRPC();
  return useQuery(trpc.setup.catalog.queryOptions());
}

/** Every order around `date` (± the server's date range); views filter to their day. */
export function useProductionWindow(date: string) {
  const trpc = useTRPC();
  return useQuery(trpc.orders.productionWindow.queryOptions({ centralDate: date }));
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
  const trpc = useTRPC();
  const { today, user } = useSiteToday();
  const rights = useQuery(
    trpc.setup.releaseRights.list.queryOptions(undefined, { enabled: user !== null }),
  );
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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.orders.pathFilter()),
      queryClient.invalidateQueries(trpc.vials.pathFilter()),
    ]);
  };
}

/**
 * Status changes, creation, production's edit (`productionEdit`: figures of an Ordered or
 * Accepted order), release, correction and production's delete of injection orders, and the
 * release document printed.
 */
export function useInjectionWrites() {
  const trpc = useTRPC();
  const onSuccess = useOrdersRefresh();
  const injection = trpc.orders.injection;
  return {
    accept: useMutation(injection.accept.mutationOptions({ onSuccess })),
    reject: useMutation(injection.reject.mutationOptions({ onSuccess })),
    unreject: useMutation(injection.unreject.mutationOptions({ onSuccess })),
    create: useMutation(injection.createForCustomer.mutationOptions({ onSuccess })),
    productionEdit: useMutation(injection.productionEdit.mutationOptions({ onSuccess })),
    release: useMutation(trpc.release.injection.mutationOptions({ onSuccess })),
    releaseMany: useMutation(trpc.release.injectionMany.mutationOptions({ onSuccess })),
    correct: useMutation(trpc.release.correct.mutationOptions({ onSuccess })),
    productionDelete: useMutation(injection.productionDelete.mutationOptions({ onSuccess })),
    printCertificate: useMutation(trpc.printing.injectionCertificate.mutationOptions()),
  };
}
