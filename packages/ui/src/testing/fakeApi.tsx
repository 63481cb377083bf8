/**
 * Component tests talk to a fake api through a real tRPC client: `ApiTestProvider` puts a
 * client whose only link is `fakeApiLink(procedures)` under `useTRPC()`, so a page runs its
 * real query and mutation options, keys and refreshes; only the answers are the test's.
 *
 * `procedures` mirrors the router: `{ vials: { list: { query: (input) => … } } }`, a
 * mutation as `{ mutate }`. A procedure the test did not give fails loudly. A handler that
 * throws is a failed call: throw `refusal(reason, params)` for the api's answer with a
 * reason, anything else reads as "the api could not be reached".
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { AppRouter, ErrorReason } from '@tracershop/api';
import type { TRPCLink } from '@trpc/client';
import { createTRPCClient, TRPCClientError } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ApiClient } from '../api/apiClient';
import type { ApiContextValue } from '../api/apiContext';
import { ApiContext } from '../api/apiContext';
import { TRPCProvider } from '../api/trpc';

/** The test's answers, shaped like the router (see the header). */
export type FakeProcedures = Record<string, unknown>;

type Handler = (input: unknown) => unknown;

function handlerOf(procedures: FakeProcedures, path: string, type: string): Handler | null {
  let node: unknown = procedures;
  for (const segment of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(segment in node)) {
      return null;
    }
    node = (node as Record<string, unknown>)[segment];
  }
  const method = type === 'query' ? 'query' : type === 'mutation' ? 'mutate' : 'subscribe';
  const handler =
    typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[method] : null;
  return typeof handler === 'function' ? (handler as Handler) : null;
}

/** A refusal as the api sends it: the reason, its parameters and the tRPC error code. */
export function refusal(
  reason: ErrorReason,
  params?: Record<string, string | number>,
  message: string = reason,
): TRPCClientError<AppRouter> {
  return new TRPCClientError(message, {
    result: { error: { code: -32600, message, data: { reason, params } } },
  } as never);
}

/** A link that answers every call from `procedures` (subscriptions stay silent). */
export function fakeApiLink(procedures: FakeProcedures): TRPCLink<AppRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        if (op.type === 'subscription') {
          return;
        }
        const handler = handlerOf(procedures, op.path, op.type);
        if (handler === null) {
          observer.error(
            TRPCClientError.from(new Error(`The fake api has no ${op.type} ${op.path}`)),
          );
          return;
        }
        Promise.resolve()
          .then(() => handler(op.input))
          .then(
            (data) => {
              observer.next({ result: { type: 'data', data } });
              observer.complete();
            },
            (cause: unknown) => {
              observer.error(
                cause instanceof TRPCClientError
                  ? (cause as TRPCClientError<AppRouter>)
                  : TRPCClientError.from(cause instanceof Error ? cause : new Error(String(cause))),
              );
            },
          );
      });
}

/** A tRPC client over `fakeApiLink`. */
export function fakeApiClient(procedures: FakeProcedures): ApiClient {
  return createTRPCClient<AppRouter>({ links: [fakeApiLink(procedures)] });
}

export interface ApiTestProviderProps {
  procedures: FakeProcedures;
  children: ReactNode;
  /** The rest of the api context (connection state, reconnect, version mismatch). */
  context?: Partial<Omit<ApiContextValue, 'client'>>;
}

/** What `ApiProvider` gives, over a fake api: context, query cache (no retries) and tRPC. */
export function ApiTestProvider({ procedures, children, context }: ApiTestProviderProps) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  );
  const [client] = useState(() => fakeApiClient(procedures));
  const value: ApiContextValue = {
    client,
    connection: 'open',
    reconnect: () => undefined,
    reportVersionMismatch: () => undefined,
    ...context,
  };
  return (
    <ApiContext.Provider value={value}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={client} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </ApiContext.Provider>
  );
}
