import { QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { describe, expect, it } from 'vitest';
import { fakeApiClient } from '../testing/fakeApi';
import { applyLiveEvent } from './liveEvents';

function cacheWithReads() {
  const queryClient = new QueryClient();
  const trpc = createTRPCOptionsProxy({ client: fakeApiClient({}), queryClient });
  queryClient.setQueryData(
    trpc.orders.shopDay.queryKey({ endpointId: 1, date: '2026-11-24' }),
    null as never,
  );
  queryClient.setQueryData(trpc.setup.catalog.queryKey(), null as never);
  queryClient.setQueryData(trpc.auth.whoami.queryKey(), null as never);
  return { queryClient, trpc };
}

/** The procedure paths of the reads an event marked stale. */
function stale(queryClient: QueryClient): string[] {
  return queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => (query.queryKey[0] as string[]).join('.'));
}

describe('applyLiveEvent', () => {
  it('[URS-INT-009] refreshes the order reads when an order changes', async () => {
    const { queryClient, trpc } = cacheWithReads();
    await applyLiveEvent(queryClient, trpc, {
      id: '1',
      entity: 'ActivityOrder',
      op: 'upsert',
      rows: [],
    });
    expect(stale(queryClient)).toEqual(['orders.shopDay']);
  });

  it('[URS-INT-009] refreshes every read under a router, and only those', async () => {
    const { queryClient, trpc } = cacheWithReads();
    queryClient.setQueryData(
      trpc.vials.forSlot.queryKey({ slotId: 1, date: '2026-11-24' }),
      null as never,
    );
    // A path that only starts with the same letters is another router.
    queryClient.setQueryData([['vialsExtra', 'list'], { type: 'query' }], null);
    await applyLiveEvent(queryClient, trpc, { id: '3', entity: 'Vial', op: 'upsert', rows: [] });
    expect(stale(queryClient).sort()).toEqual(['orders.shopDay', 'vials.forSlot']);
  });

  it('[URS-INT-009] refreshes the catalog and the order reads when a closed date changes', async () => {
    const { queryClient, trpc } = cacheWithReads();
    await applyLiveEvent(queryClient, trpc, {
      id: '2',
      entity: 'ClosedDate',
      op: 'delete',
      ids: [3],
    });
    expect(stale(queryClient).sort()).toEqual(['orders.shopDay', 'setup.catalog']);
  });

  it('[URS-INT-009] refreshes everything on resync', async () => {
    const { queryClient, trpc } = cacheWithReads();
    await applyLiveEvent(queryClient, trpc, { id: 'r', entity: 'resync', op: 'resync' });
    expect(stale(queryClient)).toHaveLength(3);
  });
});
