/**
 * Throughput: concurrent activity-order creations per second through the api (HTTP, session,
 * role and scope checks, deadline rules, transaction, audit, event) beside raw inserts of
 * the same rows through the same Sequelize models, in the same run.
 */
import type { TestApi } from '../test/testApi';
import type { TestClient } from '../test/testClient';
import { orderableSlots, rawOrder, sessionClient } from './benchSite';

export interface ThroughputResult {
  orders: number;
  concurrency: number;
  apiPerSecond: number;
  rawPerSecond: number;
}

async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        await work(items[index] as T, index);
      }
    }),
  );
}

export async function runThroughput(
  api: TestApi,
  orders = 400,
  concurrency = 16,
): Promise<ThroughputResult> {
  const slots = await orderableSlots(api, orders * 2);
  const viaApi = slots.slice(0, orders);
  const raw = slots.slice(orders, orders * 2);
  const clients = await Promise.all(
    Array.from({ length: concurrency }, () => sessionClient(api, 'shop-user')),
  );

  const apiStart = performance.now();
  await inParallel(viaApi, concurrency, (slot, index) =>
    (clients[index % concurrency] as TestClient).trpc.orders.activity.create.mutate({
      orderedTimeSlotId: slot.slotId,
      deliveryDate: slot.date,
      orderedActivity: 250,
    }),
  );
  const apiSeconds = (performance.now() - apiStart) / 1000;

  const { ActivityOrder } = api.db.models;
  const rawStart = performance.now();
  await inParallel(raw, concurrency, (slot) => ActivityOrder.create(rawOrder(slot, 250)));
  const rawSeconds = (performance.now() - rawStart) / 1000;

  return {
    orders: viaApi.length,
    concurrency,
    apiPerSecond: viaApi.length / apiSeconds,
    rawPerSecond: raw.length / rawSeconds,
  };
}
