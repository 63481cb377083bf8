/**
 * The event bus: in-process by default, Redis pub/sub when REDIS_URL is set, so several api
 * instances and background workers share one stream of change events. Every instance keeps
 * the latest events in order, so a reconnecting client can catch up from its last event id.
 * The same bus tells every instance when sessions end, so each closes its sockets of them.
 */
import { EventEmitter, on } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { EndedSessions } from '../auth/sessionTypes';
import type { BusEvent, PublishedChange } from './changeEvents';

export type { EndedSessions } from '../auth/sessionTypes';

/** Where a delivered event comes from: published on this instance, or through Redis. */
export type DeliverySource = 'local' | 'redis';

/**
 * Told once per event, after it has been handed to every subscriber of this instance, how
 * long that took since the publish that followed its commit (the fan-out metric,
 * metrics/apiMetrics.ts). Once per event, never per subscriber.
 */
export type DeliveryObserver = (source: DeliverySource, lagMs: number) => void;

export interface EventBusOptions {
  onDelivered?: DeliveryObserver;
}

/** How many past events a reconnecting client can catch up on. */
const HISTORY_SIZE = 2000;

export interface EventBus {
  /** Sends changes to every subscriber of every instance (call after the commit). */
  publish(changes: PublishedChange[]): Promise<void>;
  /** Events from the moment of the call on, until `signal` aborts. */
  stream(signal: AbortSignal): AsyncIterable<BusEvent>;
  /** Events after `eventId` still in memory, or null when it is unknown (too old). */
  since(eventId: string): BusEvent[] | null;
  /** Tells every instance, this one included, that sessions have ended (after the delete). */
  announceEndedSessions(ended: EndedSessions): Promise<void>;
  /** Calls `listener` for every announcement of any instance; returns the unsubscribe. */
  onEndedSessions(listener: (ended: EndedSessions) => void): () => void;
  /** Whether events reach the other instances now (always, in-process; Redis: connected). */
  connected(): boolean;
  close(): Promise<void>;
}

class EventHistory {
  private readonly events: BusEvent[] = [];
  private readonly positions = new Map<string, number>();
  private offset = 0;

  add(event: BusEvent): void {
    this.events.push(event);
    this.positions.set(event.id, this.offset + this.events.length - 1);
    if (this.events.length > HISTORY_SIZE) {
      const dropped = this.events.shift() as BusEvent;
      this.positions.delete(dropped.id);
      this.offset += 1;
    }
  }

  since(eventId: string): BusEvent[] | null {
    const position = this.positions.get(eventId);
    return position === undefined ? null : this.events.slice(position - this.offset + 1);
  }
}

/** Delivery inside this process; the base of the Redis bus too. */
export class LocalEventBus implements EventBus {
  protected readonly emitter = new EventEmitter();
  private readonly history = new EventHistory();
  protected readonly instanceId = randomUUID();
  private sequence = 0;
  private readonly onDelivered: DeliveryObserver | undefined;

  constructor(options: EventBusOptions = {}) {
    // One listener per live subscription: hundreds are normal here.
    this.emitter.setMaxListeners(0);
    this.onDelivered = options.onDelivered;
  }

  protected nextId(): string {
    this.sequence += 1;
    return `${Date.now().toString(36)}-${this.sequence.toString(36)}-${this.instanceId.slice(0, 8)}`;
  }

  /**
   * Hands `event` to every subscriber here. `publishedAt` is when it was published: this
   * process's `performance.now()` for a local event, the sender's `Date.now()` for one that
   * came through Redis (absent from senders that do not send it).
   */
  protected deliver(event: BusEvent, source: DeliverySource, publishedAt?: number): void {
    this.history.add(event);
    this.emitter.emit('event', event);
    if (this.onDelivered !== undefined && publishedAt !== undefined) {
      const now = source === 'local' ? performance.now() : Date.now();
      this.onDelivered(source, now - publishedAt);
    }
  }

  async publish(changes: PublishedChange[]): Promise<void> {
    const publishedAt = performance.now();
    for (const change of changes) {
      this.deliver({ ...change, id: this.nextId() }, 'local', publishedAt);
    }
  }

  /** Listens from the moment of the call (not from the first read), so nothing is missed. */
  stream(signal: AbortSignal): AsyncIterable<BusEvent> {
    const events = on(this.emitter, 'event', { signal });
    return {
      async *[Symbol.asyncIterator]() {
        try {
          for await (const [event] of events) {
            yield event as BusEvent;
          }
        } catch (error) {
          if (!signal.aborted) {
            throw error;
          }
        }
      },
    };
  }

  since(eventId: string): BusEvent[] | null {
    return this.history.since(eventId);
  }

  protected deliverEndedSessions(ended: EndedSessions): void {
    this.emitter.emit('endedSessions', ended);
  }

  async announceEndedSessions(ended: EndedSessions): Promise<void> {
    this.deliverEndedSessions(ended);
  }

  onEndedSessions(listener: (ended: EndedSessions) => void): () => void {
    this.emitter.on('endedSessions', listener);
    return () => this.emitter.off('endedSessions', listener);
  }

  connected(): boolean {
    return true;
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** `sentAt`: the sender's `Date.now()` at the publish, for the fan-out lag. */
type WireMessage =
  | { origin: string; event: BusEvent; sentAt?: number }
  | { origin: string; endedSessions: EndedSessions };

/**
 * Redis pub/sub: an event published here is delivered locally at once and sent to the
 * channel; events from other instances arrive through the subscriber connection.
 */
export class RedisEventBus extends LocalEventBus {
  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
    options: EventBusOptions,
  ) {
    super(options);
  }

  /** Connects both Redis clients and subscribes to `${prefix}:events`. */
  static async connect(
    createClient: () => Redis,
    prefix: string,
    options: EventBusOptions = {},
  ): Promise<RedisEventBus> {
    const publisher = createClient();
    const subscriber = createClient();
    const channel = `${prefix}:events`;
    const bus = new RedisEventBus(publisher, subscriber, channel, options);
    subscriber.on('message', (received: string, text: string) => {
      if (received !== channel) {
        return;
      }
      const message = JSON.parse(text) as WireMessage;
      if (message.origin === bus.instanceId) {
        return;
      }
      if ('event' in message) {
        bus.deliver(message.event, 'redis', message.sentAt);
      } else {
        bus.deliverEndedSessions(message.endedSessions);
      }
    });
    await subscriber.subscribe(channel);
    return bus;
  }

  override async publish(changes: PublishedChange[]): Promise<void> {
    const publishedAt = performance.now();
    const sentAt = Date.now();
    for (const change of changes) {
      const event: BusEvent = { ...change, id: this.nextId() };
      this.deliver(event, 'local', publishedAt);
      const message: WireMessage = { origin: this.instanceId, event, sentAt };
      await this.publisher.publish(this.channel, JSON.stringify(message));
    }
  }

  override async announceEndedSessions(ended: EndedSessions): Promise<void> {
    this.deliverEndedSessions(ended);
    const message: WireMessage = { origin: this.instanceId, endedSessions: ended };
    await this.publisher.publish(this.channel, JSON.stringify(message));
  }

  /** Both connections are up: events published here reach the other instances and back. */
  override connected(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  override async close(): Promise<void> {
    await super.close();
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
