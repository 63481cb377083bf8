/**
 * Real tRPC clients for tests and benchmarks: batched HTTP with a cookie jar (like a
 * browser) and a WebSocket link carrying the same cookie, for subscriptions.
 */
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import type { TRPCClient } from '@trpc/client';
import WebSocket from 'ws';
import type { AppRouter } from '../src/routers';

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (pair === undefined || index <= 0) {
        continue;
      }
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface TestClient {
  trpc: TRPCClient<AppRouter>;
  jar: CookieJar;
  /** Opens the WebSocket (lazily on first subscription otherwise). */
  close(): Promise<void>;
}

export interface TestClientOptions {
  headers?: Record<string, string>;
  /** Sent as the app version (x-tracershop-version / connection params). */
  version?: string;
  /**
   * Every call but the login over the WebSocket, as a script may do (the apps send only
   * subscriptions there). The socket opens with the cookie the jar holds at that moment.
   */
  allOverWebSocket?: boolean;
}

/** A client of the api at `baseUrl` ('http://127.0.0.1:port'). */
export function createTestClient(baseUrl: string, options: TestClientOptions = {}): TestClient {
  const jar = new CookieJar();
  const versionHeaders: Record<string, string> =
    options.version === undefined ? {} : { 'x-tracershop-version': options.version };
  const jarFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const cookie = jar.header();
    if (cookie !== '') {
      headers.set('cookie', cookie);
    }
    const response = await fetch(input, { ...init, headers });
    jar.store(response.headers.getSetCookie());
    return response;
  };
  class JarWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, {
        headers: { cookie: jar.header(), ...options.headers },
      });
    }
  }
  const wsClient = createWSClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/trpc`,
    WebSocket: JarWebSocket as unknown as typeof globalThis.WebSocket,
    lazy: { enabled: true, closeMs: 0 },
    connectionParams: options.version === undefined ? null : { version: options.version },
    retryDelayMs: () => 200,
  });
  const trpc = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) =>
          operation.type === 'subscription' ||
          (options.allOverWebSocket === true && operation.path !== 'auth.login'),
        true: wsLink({ client: wsClient }),
        false: httpBatchLink({
          url: `${baseUrl}/trpc`,
          fetch: jarFetch,
          headers: () => ({ ...versionHeaders, ...options.headers }),
        }),
      }),
    ],
  });
  return {
    trpc,
    jar,
    async close() {
      await wsClient.close();
    },
  };
}
