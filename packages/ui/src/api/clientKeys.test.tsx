import { TRPCClientError } from '@trpc/client';
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useClientKeys } from './clientKeys';

/** A refusal as the api sends it (it answered). */
function refusal(reason: string): TRPCClientError<never> {
  return new TRPCClientError('refused', {
    result: { error: { code: -32600, message: 'refused', data: { reason } } },
  } as never);
}

/** A call that never reached the api (the network dropped, the server was down). */
function networkFailure(): TRPCClientError<never> {
  return TRPCClientError.from(new TypeError('fetch failed'));
}

describe('useClientKeys', () => {
  it('[URS-ORD-011] sends the same key again while the earlier send of a form has had no answer', async () => {
    const { result } = renderHook(() => useClientKeys());
    const sent: string[] = [];
    const failing = (key: string) => {
      sent.push(key);
      return Promise.reject(networkFailure());
    };
    await expect(result.current.send('slot-1', failing)).rejects.toThrow();
    await expect(result.current.send('slot-1', failing)).rejects.toThrow();
    await result.current.send('slot-1', (key) => {
      sent.push(key);
      return Promise.resolve(key);
    });
    expect(new Set(sent).size).toBe(1);
    // Answered: the next order of that form is a new request.
    const next = await result.current.send('slot-1', (key) => Promise.resolve(key));
    expect(next).not.toBe(sent[0]);
  });

  it('[URS-ORD-011] takes a new key after a refusal, and keeps the forms apart', async () => {
    const { result } = renderHook(() => useClientKeys());
    const refusedKeys: string[] = [];
    const refused = (key: string) => {
      refusedKeys.push(key);
      return Promise.reject(refusal('DEADLINE_PASSED'));
    };
    await expect(result.current.send('slot-1', refused)).rejects.toThrow();
    await expect(result.current.send('slot-1', refused)).rejects.toThrow();
    expect(refusedKeys[0]).not.toBe(refusedKeys[1]);
    const pending: string[] = [];
    await expect(
      result.current.send('slot-2', (key) => {
        pending.push(key);
        return Promise.reject(networkFailure());
      }),
    ).rejects.toThrow();
    const other = await result.current.send('slot-3', (key) => Promise.resolve(key));
    expect(other).not.toBe(pending[0]);
  });
});
