/**
 * Watching a client's live events in tests.
 */
import type { LiveEvent } from '../src/routers/events';
import type { TestClient } from './testClient';

/** Collects a client's live events until stopped. */
export function collectEvents(client: TestClient, lastEventId?: string) {
  const events: LiveEvent[] = [];
  let ready: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const subscription = client.trpc.events.onChange.subscribe(
    lastEventId === undefined ? undefined : { lastEventId },
    {
      onStarted: () => ready(),
      onData: (envelope) => {
        events.push(envelope.data);
      },
    },
  );
  return { events, started, stop: () => subscription.unsubscribe() };
}

/** Resolves when `predicate` holds, polling briefly. */
export async function eventually(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error('timed out waiting');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The rows of `entity` a subscriber received in upserts. */
export function upsertedRows<T>(events: readonly LiveEvent[], entity: string): T[] {
  return events.flatMap((event) =>
    event.entity === entity && event.op === 'upsert' && 'rows' in event && event.rows
      ? (event.rows as T[])
      : [],
  );
}
