/**
 * `createTracershopClient`: the api's typed tRPC proxy for a script, authenticated with an API
 * token. Queries and mutations go over HTTP (batched: calls made together travel in one
 * request), the live events over one WebSocket that opens with the first `liveEvents()` and
 * closes when none is running. Every request carries `Authorization: Bearer <token>` and
 * nothing else that identifies the caller: no cookie, no Origin, no app version.
 */
import type { AppRouter, LiveEvent } from '@tracershop/api';
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import type { TRPCClient } from '@trpc/client';
import { TOKEN_ENDED_CLOSE_CODE, TokenEndedError } from './apiErrors';
import { resolveClientOptions } from './clientOptions';
import type { TracershopClientOptions } from './clientOptions';
import { LiveEventQueue, iterateLiveEvents } from './liveEventStream';
import type { LiveEventsOptions } from './liveEventStream';
import { tokenWebSocketClass } from './tokenWebSocket';

/** Every procedure of the api, by path: `ts.orders.productionDay.query({ date, tracerId })`. */
export type TracershopApi = TRPCClient<AppRouter>;

/** What the client adds to the procedures. */
export interface TracershopClientControls {
  /**
   * The live change events the token may see (`events.onChange`), as an async iterator:
   * `for await (const event of ts.liveEvents()) { … }`. The subscription starts at the call.
   * The loop ends when `close()` is called, `options.signal` aborts or the loop breaks; it
   * throws `TokenEndedError` when the api closes the connection because the token ended
   * (close code 4401), and the api's refusal when it refuses the subscription. A dropped
   * connection is re-opened by itself and continues after the last event received.
   */
  liveEvents(options?: LiveEventsOptions): AsyncGenerator<LiveEvent, void, undefined>;
  /** Ends every `liveEvents()` loop and closes the WebSocket. Safe to call twice. */
  close(): Promise<void>;
}

/** The api's procedures plus `liveEvents()` and `close()`. */
export type TracershopClient = TracershopApi & TracershopClientControls;

/** Calls whose query string would be longer than this are split into several requests. */
const MAX_URL_LENGTH = 4000;

/** Reconnect delays: 1 s, 2 s, 4 s, … at most 30 s. */
function reconnectDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 30_000);
}

/**
 * A client of the site at `options.url` acting with the API token `options.token` (checked
 * first: `TracershopOptionsError` for a url that is not http(s) or a token without `tsk_`).
 * Nothing is sent before the first call. Call `close()` when done so the process can exit.
 *
 * ```ts
 * const ts = createTracershopClient({ url: 'https://tracershop.example', token });
 * const day = await ts.orders.productionDay.query({ date: '2026-11-23', tracerId: 1 });
 * for await (const event of ts.liveEvents()) { … }
 * await ts.close();
 * ```
 */
export function createTracershopClient(options: TracershopClientOptions): TracershopClient {
  const { httpUrl, wsUrl, token } = resolveClientOptions(options);
  const running = new Set<LiveEventQueue>();
  let closed = false;
  let tokenEnded = false;

  const endRunning = (error?: unknown) => {
    for (const queue of running) {
      queue.end(error);
    }
    running.clear();
  };

  const wsClient = createWSClient({
    url: wsUrl,
    WebSocket: tokenWebSocketClass(token, (code) => {
      if (code !== TOKEN_ENDED_CLOSE_CODE) {
        return;
      }
      // The token ended: reconnecting would only be refused. Fail the loops, stay closed.
      tokenEnded = true;
      endRunning(new TokenEndedError());
      void wsClient.close();
    }),
    lazy: { enabled: true, closeMs: 0 },
    keepAlive: { enabled: true, intervalMs: 30_000, pongTimeoutMs: 10_000 },
    retryDelayMs: reconnectDelayMs,
  });

  const api: TracershopApi = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) => operation.type === 'subscription',
        true: wsLink({ client: wsClient }),
        false: httpBatchLink({
          url: httpUrl,
          maxURLLength: MAX_URL_LENGTH,
          headers: () => ({ authorization: `Bearer ${token}` }),
        }),
      }),
    ],
  });

  const controls: TracershopClientControls = {
    liveEvents(liveOptions: LiveEventsOptions = {}) {
      const queue = new LiveEventQueue();
      const { signal } = liveOptions;
      if (closed || signal?.aborted === true) {
        queue.end();
        return iterateLiveEvents(queue, () => undefined);
      }
      if (tokenEnded) {
        queue.end(new TokenEndedError());
        return iterateLiveEvents(queue, () => undefined);
      }
      running.add(queue);
      const subscription = api.events.onChange.subscribe(
        liveOptions.lastEventId === undefined
          ? undefined
          : { lastEventId: liveOptions.lastEventId },
        {
          onStarted: () => liveOptions.onStarted?.(),
          onData: (tracked) => queue.push(tracked.data),
          onError: (error) => queue.end(tokenEnded ? new TokenEndedError() : error),
          onComplete: () => queue.end(),
        },
      );
      const onAbort = () => queue.end();
      signal?.addEventListener('abort', onAbort, { once: true });
      return iterateLiveEvents(queue, () => {
        running.delete(queue);
        signal?.removeEventListener('abort', onAbort);
        subscription.unsubscribe();
      });
    },

    async close() {
      if (closed) {
        return;
      }
      closed = true;
      endRunning();
      await wsClient.close();
    },
  };

  // The procedures are tRPC's proxy, which answers every property name; the two controls
  // are looked up first.
  return new Proxy(api, {
    get(target, key, receiver) {
      if (typeof key === 'string' && Object.hasOwn(controls, key)) {
        return controls[key as keyof TracershopClientControls];
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as TracershopClient;
}
