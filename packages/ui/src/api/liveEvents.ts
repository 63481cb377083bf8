/**
 * Applying the api's change events to the query cache (docs/domain.md): each event refreshes the
 * reads that contain its entity. Reads such as the shop's day carry figures the api derives
 * (a slot's lowest status, its ordered total), so the app refetches them rather than patching
 * rows in place. A `resync` (the client was away too long) refreshes everything.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { EventEntity, LiveEvent } from '@tracershop/api';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from './ApiProvider';
import { isSessionEnded, isVersionMismatch } from './apiErrors';
import type { ApiScope } from './queryKeys';
import { apiQueryKey, inScope } from './queryKeys';

const SETUP: readonly ApiScope[] = ['setup', 'orders'];
const ORDERS: readonly ApiScope[] = ['orders', 'bookings', 'vials', 'monitoring'];
const VIALS: readonly ApiScope[] = ['orders', 'vials'];
const RIS: readonly ApiScope[] = ['setup', 'bookings'];

/** Which reads (scopes of procedure paths) show rows of each entity. */
export const readsOfEntity: Record<EventEntity, readonly ApiScope[]> = {
  Isotope: SETUP,
  Tracer: SETUP,
  Customer: SETUP,
  DeliveryEndpoint: SETUP,
  TracerCatalogPage: SETUP,
  ActivityProduction: SETUP,
  ActivityDeliveryTimeSlot: SETUP,
  IsotopeProduction: SETUP,
  IsotopeDelivery: SETUP,
  Deadline: SETUP,
  ClosedDate: SETUP,
  ServerSettings: SETUP,
  ActivityOrder: ORDERS,
  InjectionOrder: ORDERS,
  IsotopeOrder: ORDERS,
  Vial: VIALS,
  IsotopeVial: VIALS,
  ReleaseRight: ['setup.releaseRights', 'release'],
  Location: RIS,
  ProcedureIdentifier: RIS,
  Procedure: RIS,
  Booking: ['bookings'],
  User: ['auth.whoami', 'setup.users', 'setup.externalUsers', 'setup.releaseRights', 'admin'],
  UserAssignment: ['auth.whoami', 'setup', 'orders', 'bookings'],
  Printer: ['setup.printers'],
  ServiceAddress: ['setup.serviceAddresses'],
  CustomerNotice: ['setup.notices'],
};

/** Refreshes the cached reads an event touches. */
export async function applyLiveEvent(queryClient: QueryClient, event: LiveEvent): Promise<void> {
  if (event.entity === 'resync') {
    await queryClient.invalidateQueries();
    return;
  }
  const scopes = readsOfEntity[event.entity];
  await queryClient.invalidateQueries({
    predicate: (query) => scopes.some((scope) => inScope(query.queryKey, scope)),
  });
}

/** Subscribes to `events.onChange` while mounted (a logged-in part of the app). */
export function useLiveEvents(): void {
  const { client, reportVersionMismatch } = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    const subscription = client.events.onChange.subscribe(undefined, {
      onData: (tracked) => {
        void applyLiveEvent(queryClient, tracked.data);
      },
      onError: (error) => {
        if (isVersionMismatch(error)) {
          reportVersionMismatch();
        } else if (isSessionEnded(error)) {
          // The session ended and the api closed its socket: ask who is logged in now.
          void queryClient.invalidateQueries({ queryKey: apiQueryKey('auth.whoami') });
        }
      },
    });
    return () => subscription.unsubscribe();
  }, [client, queryClient, reportVersionMismatch]);
}
