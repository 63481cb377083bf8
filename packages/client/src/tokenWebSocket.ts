/**
 * The WebSocket the live events travel on: the `ws` package's socket, because a script must
 * send its token in the upgrade request's Authorization header (the WebSocket of browsers and
 * of Node's global cannot send headers). No cookie and no Origin header are sent.
 */
import WebSocket from 'ws';

/** The socket class tRPC's `createWSClient` instantiates (it passes address and protocols). */
export type WebSocketClass = typeof globalThis.WebSocket;

/**
 * A WebSocket class that authenticates with `token` and tells `onClose` the close code of
 * every connection (4401: the api ended the token's connections).
 */
export function tokenWebSocketClass(
  token: string,
  onClose: (code: number) => void,
): WebSocketClass {
  class TokenWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { authorization: `Bearer ${token}` } });
      this.on('close', (code: number) => onClose(code));
    }
  }
  // tRPC types the class as the DOM WebSocket; `ws` implements the same event interface.
  return TokenWebSocket as unknown as WebSocketClass;
}
