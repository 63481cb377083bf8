/**
 * The api for React: one tRPC connection and one TanStack Query cache for the app. A call the
 * api refuses for VERSION_MISMATCH replaces the app with the "new version, reload" page; one
 * refused as UNAUTHENTICATED (the session ended: logout in another tab, expiry, a changed
 * role) asks who is logged in again, so the app shows its login page.
 * After login and logout the connection is renewed, so the WebSocket carries the new session.
 * Below the provider, `useTRPC()` gives typed query and mutation options for every procedure.
 * A crash of the app inside is caught by an `ErrorBoundary`, which reports it through this
 * connection (`clientErrors.report`).
 */
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { ReactNode } from 'react';
import { useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { ErrorBoundary } from '../version/ErrorBoundary';
import { NewVersionPage } from '../version/NewVersionPage';
import type { ApiContextValue } from './apiContext';
import { ApiContext } from './apiContext';
import { connectApi } from './apiClient';
import type { Connect } from './connectionStore';
import { ConnectionStore } from './connectionStore';
import { isSessionEnded, isVersionMismatch, reasonOf } from './apiErrors';
import { TRPCProvider } from './trpc';

export type { ConnectionState } from './connectionStore';
export type { ApiContextValue } from './apiContext';

export function useApi(): ApiContextValue {
  const value = useContext(ApiContext);
  if (value === null) {
    throw new Error('useApi needs an <ApiProvider> above it');
  }
  return value;
}

export interface ApiProviderProps {
  version: string;
  children: ReactNode;
  /** Tests pass their own connection (e.g. to a test server). */
  connect?: Connect;
}

/** Refusals are answers, not failures: only network trouble is retried. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  return reasonOf(error) === null && failureCount < 2;
}

export function ApiProvider({ version, children, connect = connectApi }: ApiProviderProps) {
  const [versionMismatch, setVersionMismatch] = useState(false);
  /** Told by the cache when a call finds the session ended (handled below, with typed keys). */
  const [sessionEnded] = useState(() => new EventTarget());
  const [queryClient] = useState(() => {
    const onError = (error: unknown) => {
      if (isVersionMismatch(error)) {
        setVersionMismatch(true);
      } else if (isSessionEnded(error)) {
        sessionEnded.dispatchEvent(new Event('ended'));
      }
    };
    const client: QueryClient = new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: {
        queries: { retry: shouldRetry, staleTime: 60_000, refetchOnWindowFocus: false },
        mutations: { retry: false },
      },
    });
    return client;
  });
  const [store] = useState(() => new ConnectionStore(connect, version));
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);
  const { connection, state } = useSyncExternalStore(store.subscribe, store.current);
  const reportVersionMismatch = useCallback(() => setVersionMismatch(true), []);
  useEffect(() => {
    if (connection === null) {
      return undefined;
    }
    // Ask who is logged in again: the app then shows its login page.
    const trpc = createTRPCOptionsProxy({ client: connection.client, queryClient });
    const askAgain = () => void queryClient.invalidateQueries(trpc.auth.whoami.pathFilter());
    sessionEnded.addEventListener('ended', askAgain);
    return () => sessionEnded.removeEventListener('ended', askAgain);
  }, [connection, queryClient, sessionEnded]);
  const value = useMemo<ApiContextValue | null>(
    () =>
      connection === null
        ? null
        : {
            client: connection.client,
            connection: state,
            reconnect: store.renew,
            reportVersionMismatch,
          },
    [connection, state, store, reportVersionMismatch],
  );

  if (versionMismatch) {
    return <NewVersionPage />;
  }
  if (value === null) {
    return null;
  }
  return (
    <ApiContext.Provider value={value}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={value.client} queryClient={queryClient}>
          <ErrorBoundary appVersion={version}>{children}</ErrorBoundary>
        </TRPCProvider>
      </QueryClientProvider>
    </ApiContext.Provider>
  );
}
