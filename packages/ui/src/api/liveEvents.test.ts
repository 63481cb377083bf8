import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyLiveEvent } from './liveEvents';
import { apiQueryKey } from './queryKeys';

function cacheWithReads() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(apiQueryKey('orders.shopDay', { endpointId: 1, date: '2026-11-24' }), 1);
  queryClient.setQueryData(apiQueryKey('setup.catalog'), 1);
  queryClient.setQueryData(apiQueryKey('auth.whoami'), 1);
  return queryClient;
}

function stale(queryClient: QueryClient): string[] {
  return queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => String(query.queryKey[0]));
}

describe('applyLiveEvent', () => {
  it('refreshes the order reads when an order changes', async () => {
    const queryClient = cacheWithReads();
    await applyLiveEvent(queryClient, { id: '1', entity: 'ActivityOrder', op: 'upsert', rows: [] });
    expect(stale(queryClient)).toEqual(['orders.shopDay']);
  });

  it('refreshes every read under a scope, and only those', async () => {
    const queryClient = cacheWithReads();
    queryClient.setQueryData(apiQueryKey('vials.forSlot', { slotId: 1, date: '2026-11-24' }), 1);
    queryClient.setQueryData(apiQueryKey('vialsExtra.list'), 1);
    await applyLiveEvent(queryClient, { id: '3', entity: 'Vial', op: 'upsert', rows: [] });
    expect(stale(queryClient).sort()).toEqual(['orders.shopDay', 'vials.forSlot']);
  });

  it('refreshes the catalog and the order reads when a closed date changes', async () => {
    const queryClient = cacheWithReads();
    await applyLiveEvent(queryClient, { id: '2', entity: 'ClosedDate', op: 'delete', ids: [3] });
    expect(stale(queryClient).sort()).toEqual(['orders.shopDay', 'setup.catalog']);
  });

  it('refreshes everything on resync', async () => {
    const queryClient = cacheWithReads();
    await applyLiveEvent(queryClient, { id: 'r', entity: 'resync', op: 'resync' });
    expect(stale(queryClient)).toHaveLength(3);
  });
});
