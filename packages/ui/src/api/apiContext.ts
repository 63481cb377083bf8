/** The api context of `ApiProvider`, in its own module so class components can read it too. */
import { createContext } from 'react';
import type { ApiClient } from './apiClient';
import type { ConnectionState } from './connectionStore';

export interface ApiContextValue {
  client: ApiClient;
  connection: ConnectionState;
  /** A new connection (after login / logout: the WebSocket's session is fixed at connect). */
  reconnect(): void;
  /** Shows the "new version" page. */
  reportVersionMismatch(): void;
}

export const ApiContext = createContext<ApiContextValue | null>(null);
