/**
 * Applying the api's change events to the query cache (docs/domain.md): each event refreshes the
 * reads that contain its entity. Reads such as the shop's day carry figures the api derives
 * (a slot's lowest status, its ordered total), so the app refetches them rather than patching
 * rows in place. A `resync` (the client was away too long) refreshes everything.
 *
 * The reads are typed path filters of the router (`trpc.orders.pathFilter()` covers every read
 * under `orders`), so a path that does not exist does not compile.
 */
import type { QueryClient, QueryFilters } from '@tanstack/react-query';
import type { EventEntity, LiveEvent } from '@tracershop/api';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from './ApiProvider';
import { isSessionEnded, isVersionMismatch } from './apiErrors';
import type { ApiOptions } from './trpc';
import { useTRPC } from './trpc';

/** Which reads show rows of each entity. */
export function readsOfEntity(trpc: ApiOptions): Record<EventEntity, readonly QueryFilters[]> {
  const setup = [trpc.setup.pathFilter(), trpc.orders.pathFilter()];
  const orders = [
    trpc.orders.pathFilter(),
    trpc.bookings.pathFilter(),
    trpc.vials.pathFilter(),
    trpc.monitoring.pathFilter(),
  ];
  const vials = [trpc.orders.pathFilter(), trpc.vials.pathFilter()];
  const ris = [trpc.setup.pathFilter(), trpc.bookings.pathFilter()];
  return {
    Isotope: setup,
    Tracer: setup,
    Customer: setup,
    DeliveryEndpoint: setup,
    TracerCatalogPage: setup,
    ActivityProduction: setup,
    ActivityDeliveryTimeSlot: setup,
    IsotopeProduction: setup,
    IsotopeDelivery: setup,
    Deadline: setup,
    ClosedDate: setup,
    ServerSettings: setup,
    ActivityOrder: orders,
    InjectionOrder: orders,
    IsotopeOrder: orders,
    Vial: vials,
    IsotopeVial: vials,
    ReleaseRight: [trpc.setup.releaseRights.pathFilter(), trpc.release.pathFilter()],
    Location: ris,
    ProcedureIdentifier: ris,
    Procedure: ris,
    Booking: [trpc.bookings.pathFilter()],
    User: [
      trpc.auth.whoami.pathFilter(),
      trpc.setup.users.pathFilter(),
      trpc.setup.externalUsers.pathFilter(),
      trpc.setup.releaseRights.pathFilter(),
      trpc.admin.pathFilter(),
    ],
    UserAssignment: [
      trpc.auth.whoami.pathFilter(),
      trpc.setup.pathFilter(),
      trpc.orders.pathFilter(),
      trpc.bookings.pathFilter(),
    ],
    Printer: [trpc.setup.printers.pathFilter()],
    ServiceAddress: [trpc.setup.serviceAddresses.pathFilter()],
    CustomerNotice: [trpc.setup.notices.pathFilter()],
  };
}

/** Refreshes the cached reads an event touches. */
export async function applyLiveEvent(
  queryClient: QueryClient,
  trpc: ApiOptions,
  event: LiveEvent,
): Promise<void> {
  if (event.entity === 'resync') {
    await queryClient.invalidateQueries();
    return;
  }
  await Promise.all(
    readsOfEntity(trpc)[event.entity].map((filter) => queryClient.invalidateQueries(filter)),
  );
}

/** Subscribes to `events.onChange` while mounted (a logged-in part of the app). */
export function useLiveEvents(): void {
  const { client, reportVersionMismatch } = useApi();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const subscription = client.events.onChange.subscribe(undefined, {
      onData: (tracked) => {
        void applyLiveEvent(queryClient, trpc, tracked.data);
      },
      onError: (error) => {
        if (isVersionMismatch(error)) {
          reportVersionMismatch();
        } else if (isSessionEnded(error)) {
          // The session ended and the api closed its socket: ask who is logged in now.
          void queryClient.invalidateQueries(trpc.auth.whoami.pathFilter());
        }
      },
    });
    return () => subscription.unsubscribe();
  }, [client, trpc, queryClient, reportVersionMismatch]);
}
