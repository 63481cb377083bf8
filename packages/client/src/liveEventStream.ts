/**
 * `events.onChange` as an async iterator: tRPC hands events to callbacks, a script wants
 * `for await (const event of ts.liveEvents())`. Events wait in a queue until the loop takes
 * them; the loop ends when the client closes, the signal aborts or the api completes the
 * stream, and throws when the subscription fails (an ended token, a refusal).
 */
import type { LiveEvent } from '@tracershop/api';

/** How `liveEvents()` is started. */
export interface LiveEventsOptions {
  /**
   * Continue after this event (the `id` of the last event handled): the api replays what was
   * missed, or sends `{ entity: 'resync' }` when that is too long ago (then re-read).
   */
  lastEventId?: string;
  /** Ends the loop (without an error) when aborted. */
  signal?: AbortSignal;
  /** Called once the api has started the subscription: from then on no change is missed. */
  onStarted?: () => void;
}

/** The end of a stream: normal (error undefined) or with the error the loop throws. */
interface StreamEnd {
  error?: unknown;
}

/** Events in arrival order until the stream ends; one consumer. */
export class LiveEventQueue {
  private readonly events: LiveEvent[] = [];
  private ending: StreamEnd | null = null;
  private wake: (() => void) | null = null;

  /** Queues an event (ignored after the end). */
  push(event: LiveEvent): void {
    if (this.ending !== null) {
      return;
    }
    this.events.push(event);
    this.wakeUp();
  }

  /** Ends the stream; with `error`, the loop throws it once the queued events are taken. */
  end(error?: unknown): void {
    if (this.ending !== null) {
      return;
    }
    this.ending = error === undefined ? {} : { error };
    this.wakeUp();
  }

  /** Whether the stream has ended (queued events may still be waiting). */
  get ended(): boolean {
    return this.ending !== null;
  }

  /** The next event, or null at a normal end; throws the error of a failed end. */
  async take(): Promise<LiveEvent | null> {
    for (;;) {
      const event = this.events.shift();
      if (event !== undefined) {
        return event;
      }
      if (this.ending !== null) {
        if ('error' in this.ending) {
          throw this.ending.error;
        }
        return null;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/**
 * The events of `queue` as an async iterator; `stop` (the unsubscribe) runs when the loop
 * ends for any reason, `break` included.
 */
export async function* iterateLiveEvents(
  queue: LiveEventQueue,
  stop: () => void,
): AsyncGenerator<LiveEvent, void, undefined> {
  try {
    for (;;) {
      const event = await queue.take();
      if (event === null) {
        return;
      }
      yield event;
    }
  } finally {
    queue.end();
    stop();
  }
}
