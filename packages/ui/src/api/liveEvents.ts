/**
 * Applying the api's change events to the query cache (DESIGN §6): each event refreshes the
 * reads that contain its entity. Reads such as the shop's day carry figures the api derives
 * (a slot's lowest status, its ordered total), so the app refetches them rather than patching
 * rows in place. A `resync` (the client was away too long) refreshes everything.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { EventEntity, LiveEvent } from '@tracershop/api';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from './ApiProvider';
import { isVersionMismatch } from './apiErrors';
import type { ApiPath } from './queryKeys';
import { apiQueryKey } from './queryKeys';

const ORDER_READS: readonly ApiPath[] = [
  'orders.shopDay',
  'orders.window',
  'orders.productionDay',
  'orders.productionWindow',
];
const BOOKING_READS: readonly ApiPath[] = ['bookings.byEndpointDate', 'bookings.overview'];
const SETUP_READS: readonly ApiPath[] = ['setup.catalog', ...ORDER_READS];

/** Which reads show rows of each entity. */
export const readsOfEntity: Record<EventEntity, readonly ApiPath[]> = {
  Isotope: SETUP_READS,
  Tracer: SETUP_READS,
  Customer: SETUP_READS,
  DeliveryEndpoint: SETUP_READS,
  TracerCatalogPage: SETUP_READS,
  ActivityProduction: SETUP_READS,
  ActivityDeliveryTimeSlot: SETUP_READS,
  IsotopeProduction: SETUP_READS,
  IsotopeDelivery: SETUP_READS,
  Deadline: SETUP_READS,
  ClosedDate: SETUP_READS,
  ActivityOrder: [...ORDER_READS, ...BOOKING_READS],
  InjectionOrder: [...ORDER_READS, ...BOOKING_READS],
  IsotopeOrder: ORDER_READS,
  Vial: ORDER_READS,
  IsotopeVial: ORDER_READS,
  ReleaseRight: [],
  Location: ['setup.catalog', ...BOOKING_READS],
  ProcedureIdentifier: ['setup.catalog', ...BOOKING_READS],
  Procedure: ['setup.catalog', ...BOOKING_READS],
  Booking: BOOKING_READS,
  User: ['auth.whoami'],
  UserAssignment: ['auth.whoami', ...SETUP_READS],
  ServerSettings: SETUP_READS,
  Printer: [],
  ServiceAddress: [],
  CustomerNotice: [],
};

/** Refreshes the cached reads an event touches. */
export async function applyLiveEvent(queryClient: QueryClient, event: LiveEvent): Promise<void> {
  if (event.entity === 'resync') {
    await queryClient.invalidateQueries();
    return;
  }
  await Promise.all(
    readsOfEntity[event.entity].map((path) =>
      queryClient.invalidateQueries({ queryKey: apiQueryKey(path) }),
    ),
  );
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
        }
      },
    });
    return () => subscription.unsubscribe();
  }, [client, queryClient, reportVersionMismatch]);
}
