/**
 * Holds the app's one api connection outside React, so components read it (and the state of
 * its WebSocket) with `useSyncExternalStore`, and renewing it is a plain method call.
 */
import type { ApiConnection, ApiConnectionOptions } from './apiClient';

/** 'connecting' until the WebSocket first opens; 'lost' while it is down. */
export type ConnectionState = 'connecting' | 'open' | 'lost';

export interface ConnectionSnapshot {
  connection: ApiConnection | null;
  state: ConnectionState;
}

export type Connect = (options: ApiConnectionOptions) => ApiConnection;

export class ConnectionStore {
  private snapshot: ConnectionSnapshot = { connection: null, state: 'connecting' };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly connect: Connect,
    private readonly version: string,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  current = (): ConnectionSnapshot => this.snapshot;

  /** Opens a connection unless one is open. */
  start(): void {
    if (this.snapshot.connection === null) {
      this.open();
    }
  }

  /** Closes the connection (the app unmounts). */
  stop(): void {
    const { connection } = this.snapshot;
    this.snapshot = { connection: null, state: 'connecting' };
    if (connection !== null) {
      void connection.close();
    }
    this.emit();
  }

  /** A fresh connection: after login and logout the WebSocket must carry the new session. */
  renew = (): void => {
    const old = this.snapshot.connection;
    this.open();
    if (old !== null) {
      void old.close();
    }
  };

  private open(): void {
    const connection: ApiConnection = this.connect({
      version: this.version,
      onOpen: () => this.setState(connection, 'open'),
      onClose: () => this.setState(connection, 'lost'),
    });
    this.snapshot = { connection, state: 'connecting' };
    this.emit();
  }

  private setState(connection: ApiConnection, state: ConnectionState): void {
    // A closed-on-purpose old connection must not mark the new one lost.
    if (this.snapshot.connection === connection && this.snapshot.state !== state) {
      this.snapshot = { connection, state };
      this.emit();
    }
  }

  private emit(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}
