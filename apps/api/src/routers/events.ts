/**
 * `events.onChange`: the live stream of change events, filtered per subscriber (a shop user
 * only receives their customers' rows). Events are tracked, so a reconnecting client sends
 * its last event id and catches up; when that id is too old it receives a `resync` event and
 * refetches. The stream ends when its socket closes, which happens when the session ends
 * (auth/sessionSockets.ts).
 */
import { tracked } from '@trpc/server';
import { z } from 'zod';
import type { SessionUser } from '../auth/sessions';
import type { BusEvent, ChangeEvent } from '../events/changeEvents';
import { mayReceive, toChangeEvent } from '../events/changeEvents';
import { apiError } from '../errors';
import { authedProcedure, router } from '../trpc/init';

export type LiveEvent = ChangeEvent | { id: string; entity: 'resync'; op: 'resync' };

/** Keeps a subscriber's customer list in step with assignment changes. */
function followAssignments(user: SessionUser, event: BusEvent): SessionUser {
  // An API token keeps the customers it was created with, whatever its owner's become.
  if (
    user.token !== undefined ||
    event.entity !== 'UserAssignment' ||
    event.assignment?.userId !== user.id
  ) {
    return user;
  }
  const { customerId } = event.assignment;
  const customerIds =
    event.op === 'delete'
      ? user.customerIds.filter((id) => id !== customerId)
      : [...new Set([...user.customerIds, customerId])];
  return { ...user, customerIds };
}

export const eventsRouter = router({
  onChange: authedProcedure
    .input(z.strictObject({ lastEventId: z.string().max(100).nullish() }).optional())
    .subscription(async function* ({ ctx, input, signal }) {
      const { services } = ctx;
      if (ctx.transport !== 'ws') {
        // Only a socket is closed when its session ends (auth/sessionSockets.ts).
        throw apiError('WEBSOCKET_ONLY');
      }
      const abort = new AbortController();
      signal?.addEventListener('abort', () => abort.abort(), { once: true });
      let user = ctx.user;
      services.metrics.subscriptionStarted();
      try {
        // Subscribe before replaying, so nothing published meanwhile is lost.
        const live = services.events.stream(abort.signal)[Symbol.asyncIterator]();
        const lastEventId = input?.lastEventId ?? null;
        if (lastEventId !== null) {
          const missed = services.events.since(lastEventId);
          if (missed === null) {
            yield tracked(`resync-${Date.now()}`, {
              id: `resync-${Date.now()}`,
              entity: 'resync',
              op: 'resync',
            } as LiveEvent);
          } else {
            for (const event of missed) {
              user = followAssignments(user, event);
              if (mayReceive(user, event.visibility)) {
                yield tracked(event.id, toChangeEvent(event) as LiveEvent);
              }
            }
          }
        }
        for (;;) {
          const next = await live.next();
          if (next.done) {
            return;
          }
          const event = next.value;
          user = followAssignments(user, event);
          if (mayReceive(user, event.visibility)) {
            yield tracked(event.id, toChangeEvent(event) as LiveEvent);
          }
        }
      } finally {
        abort.abort();
        services.metrics.subscriptionEnded();
      }
    }),
});
