/**
 * The async iterator over live events: events in order, a normal end, a failed end after the
 * queued events, and the unsubscribe whenever the loop stops.
 */
import type { LiveEvent } from '@tracershop/api';
import { describe, expect, it } from 'vitest';
import { LiveEventQueue, iterateLiveEvents } from '../src/liveEventStream';

const event = (id: string): LiveEvent => ({ id, entity: 'ActivityOrder', op: 'upsert', rows: [] });

async function idsOf(events: AsyncIterable<LiveEvent>): Promise<string[]> {
  const ids: string[] = [];
  for await (const next of events) {
    ids.push(next.id);
  }
  return ids;
}

describe('the live event stream', () => {
  it('yields the events in order and ends when the stream ends', async () => {
    const queue = new LiveEventQueue();
    let stopped = 0;
    const loop = idsOf(iterateLiveEvents(queue, () => (stopped += 1)));
    queue.push(event('a'));
    queue.push(event('b'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    queue.push(event('c'));
    queue.end();
    queue.push(event('after the end'));
    expect(await loop).toEqual(['a', 'b', 'c']);
    expect(stopped).toBe(1);
  });

  it('throws the error of a failed end after the queued events', async () => {
    const queue = new LiveEventQueue();
    const failure = new Error('token ended');
    const seen: string[] = [];
    queue.push(event('a'));
    queue.end(failure);
    queue.end();
    await expect(
      (async () => {
        for await (const next of iterateLiveEvents(queue, () => undefined)) {
          seen.push(next.id);
        }
      })(),
    ).rejects.toBe(failure);
    expect(seen).toEqual(['a']);
  });

  it('unsubscribes when the loop breaks', async () => {
    const queue = new LiveEventQueue();
    let stopped = 0;
    queue.push(event('a'));
    queue.push(event('b'));
    for await (const next of iterateLiveEvents(queue, () => (stopped += 1))) {
      expect(next.id).toBe('a');
      break;
    }
    expect(stopped).toBe(1);
    expect(queue.ended).toBe(true);
  });
});
