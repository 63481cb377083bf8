/**
 * The open WebSocket connections of each session on this api instance, so that a session
 * that ends ends on its sockets too, within a second, on every instance.
 *
 * Two mechanisms, because they cover different endings (docs/operations.md, "Sessions"):
 * - Every query and mutation over a socket re-reads its session (trpc/init.ts), exactly as
 *   an HTTP request does. That alone refuses any call of an ended session, whatever ended it
 *   and on whichever instance, and a role or customer change narrows the very next call.
 * - A subscription has no next call, and an idle or expired session no moment at which
 *   anything happens. So an ending that is an act (logout, password change, deactivation,
 *   role change) is announced on the event bus and closes the session's sockets on every
 *   instance; and a sweep twice a second closes the sockets of sessions whose idle limit or
 *   absolute expiry has passed. Closed sockets end their subscriptions; a client that
 *   reconnects with the old cookie is anonymous and refused.
 */
import type { Clock } from '../clock';
import type { EndedSessions, EventBus } from '../events/eventBus';
import type { ActiveSession, SessionStore } from './sessions';

/** The WebSocket close code of an ended session (application range 4000–4999). */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/** How often the sockets of idle or expired sessions are looked for. */
const SWEEP_INTERVAL_MS = 500;

/** What this registry needs of a WebSocket (the `ws` package's socket has it). */
export interface SessionSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

interface OpenSession {
  userId: number;
  /** When the session ends unless used again (checked against the database then). */
  endsAt: Date;
  sockets: Set<SessionSocket>;
}

export class SessionSockets {
  private readonly open = new Map<string, OpenSession>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping = false;
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly sessions: SessionStore,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  start(): void {
    this.stopListening = this.events.onEndedSessions((ended) => this.closeEnded(ended));
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  stop(): void {
    this.stopListening?.();
    this.stopListening = null;
    if (this.sweeper !== null) {
      clearInterval(this.sweeper);
      this.sweeper = null;
    }
  }

  /** Follows `socket` until it closes. */
  add(session: ActiveSession, socket: SessionSocket): void {
    let entry = this.open.get(session.id);
    if (entry === undefined) {
      entry = { userId: session.user.id, endsAt: session.endsAt, sockets: new Set() };
      this.open.set(session.id, entry);
    }
    entry.sockets.add(socket);
    socket.once('close', () => {
      const current = this.open.get(session.id);
      current?.sockets.delete(socket);
      if (current?.sockets.size === 0) {
        this.open.delete(session.id);
      }
    });
  }

  /** How many sockets of `sessionId` are open here (for tests and metrics). */
  socketsOf(sessionId: string): number {
    return this.open.get(sessionId)?.sockets.size ?? 0;
  }

  private closeEnded(ended: EndedSessions): void {
    const ids =
      'sessionIds' in ended
        ? ended.sessionIds
        : [...this.open]
            .filter(([id, entry]) => entry.userId === ended.userId && id !== ended.exceptSessionId)
            .map(([id]) => id);
    for (const id of ids) {
      this.closeSession(id);
    }
  }

  private closeSession(id: string): void {
    const entry = this.open.get(id);
    if (entry === undefined) {
      return;
    }
    this.open.delete(id);
    for (const socket of entry.sockets) {
      socket.close(SESSION_ENDED_CLOSE_CODE, 'session ended');
    }
  }

  /**
   * Closes the sockets of sessions past their idle limit or expiry. A session whose limit
   * passed in memory may have been used meanwhile (another tab's requests), so the database
   * has the last word.
   */
  private async sweep(): Promise<void> {
    if (this.sweeping) {
      return;
    }
    this.sweeping = true;
    try {
      const now = this.clock.now();
      for (const [id, entry] of [...this.open]) {
        if (entry.endsAt > now) {
          continue;
        }
        const endsAt = await this.sessions.endOfSession(id).catch(() => entry.endsAt);
        if (endsAt === null) {
          this.closeSession(id);
        } else {
          entry.endsAt = endsAt;
        }
      }
    } finally {
      this.sweeping = false;
    }
  }
}
