/**
 * The tRPC client of the apps: subscriptions over one WebSocket (with the app version in the
 * connection parameters), everything else over batched HTTP with the version header and the
 * session cookie. The WebSocket reports when it opens and closes, for the "connection lost"
 * indicator.
 */
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import type { TRPCClient } from '@trpc/client';
import type { AppRouter } from '@tracershop/api';

/** The header that carries the app version (the api's `VERSION_HEADER`). */
export const VERSION_HEADER = 'x-tracershop-version';

export type ApiClient = TRPCClient<AppRouter>;

export interface ApiConnection {
  client: ApiClient;
  /** Closes the WebSocket (after logout or before a new session's connection). */
  close(): Promise<void>;
}

export interface ApiConnectionOptions {
  /** The app version the api compares with its own. */
  version: string;
  /** Origin of the api; default the page's own. */
  origin?: string;
  onOpen?: () => void;
  onClose?: () => void;
}

export function connectApi(options: ApiConnectionOptions): ApiConnection {
  const origin = options.origin ?? globalThis.location.origin;
  const wsClient = createWSClient({
    url: `${origin.replace(/^http/, 'ws')}/trpc`,
    connectionParams: { version: options.version },
    lazy: { enabled: false, closeMs: 0 },
    retryDelayMs: (attempt) => Math.min(1000 * 2 ** attempt, 10_000),
    onOpen: options.onOpen,
    onClose: options.onClose,
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) => operation.type === 'subscription',
        true: wsLink({ client: wsClient }),
        false: httpBatchLink({
          url: `${origin}/trpc`,
          headers: () => ({ [VERSION_HEADER]: options.version }),
          fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
        }),
      }),
    ],
  });
  return { client, close: () => wsClient.close() };
}
