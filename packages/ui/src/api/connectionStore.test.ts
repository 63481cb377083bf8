import { describe, expect, it, vi } from 'vitest';
import type { ApiClient, ApiConnection, ApiConnectionOptions } from './apiClient';
import { ConnectionStore } from './connectionStore';

/** A fake connection whose WebSocket events the test fires. */
function fakeConnect() {
  const made: { options: ApiConnectionOptions; close: ReturnType<typeof vi.fn> }[] = [];
  const connect = (options: ApiConnectionOptions): ApiConnection => {
    const close = vi.fn().mockResolvedValue(undefined);
    made.push({ options, close });
    return { client: {} as ApiClient, close };
  };
  return { connect, made };
}

describe('ConnectionStore', () => {
  it('[URS-PRF-010] reports open and lost as the WebSocket opens and closes', () => {
    const { connect, made } = fakeConnect();
    const store = new ConnectionStore(connect, '1.2.3');
    store.start();
    expect(store.current().state).toBe('connecting');
    expect(made[0]?.options.version).toBe('1.2.3');
    made[0]?.options.onOpen?.();
    expect(store.current().state).toBe('open');
    made[0]?.options.onClose?.();
    expect(store.current().state).toBe('lost');
  });

  it('[URS-PRF-010] renews the connection without the old one marking the new one lost', () => {
    const { connect, made } = fakeConnect();
    const store = new ConnectionStore(connect, '1.2.3');
    const listener = vi.fn();
    store.subscribe(listener);
    store.start();
    made[0]?.options.onOpen?.();
    store.renew();
    expect(made).toHaveLength(2);
    expect(made[0]?.close).toHaveBeenCalledOnce();
    made[0]?.options.onClose?.();
    made[1]?.options.onOpen?.();
    expect(store.current().state).toBe('open');
    expect(store.current().connection).not.toBeNull();
    expect(listener).toHaveBeenCalled();
  });

  it('[URS-PRF-010] closes the connection when stopped', () => {
    const { connect, made } = fakeConnect();
    const store = new ConnectionStore(connect, '1.2.3');
    store.start();
    store.stop();
    expect(made[0]?.close).toHaveBeenCalledOnce();
    expect(store.current().connection).toBeNull();
  });
});
