/**
 * Fan-out: 500 WebSocket subscribers, a burst of order creations, and the time from each
 * commit (the publish after it) to the last subscriber's event — beside a bare `ws`
 * broadcast of the same payloads to 500 sockets in the same run.
 */
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import type { TestApi } from '../test/testApi';
import type { TestClient } from '../test/testClient';
import { orderableSlots, quantile, sessionClient } from './benchSite';

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  samples: number;
}

export interface FanoutResult {
  subscribers: number;
  mutations: number;
  api: LatencySummary;
  bareWs: LatencySummary;
}

function summarize(values: number[]): LatencySummary {
  return {
    p50: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    p99: quantile(values, 0.99),
    samples: values.length,
  };
}

async function waitUntil(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error('fan-out benchmark timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Publish time per order id, taken when the api publishes after the commit. */
function recordPublishTimes(api: TestApi): Map<number, number> {
  const times = new Map<number, number>();
  const bus = api.server.services.events;
  const publish = bus.publish.bind(bus);
  bus.publish = async (changes) => {
    const now = performance.now();
    for (const change of changes) {
      if (change.entity === 'ActivityOrder' && change.op === 'upsert') {
        for (const row of change.rows ?? []) {
          times.set((row as { id: number }).id, now);
        }
      }
    }
    return publish(changes);
  };
  return times;
}

async function apiFanout(api: TestApi, subscribers: number, mutations: number) {
  const publishedAt = recordPublishTimes(api);
  const lastSeen = new Map<number, number>();
  const seenCount = new Map<number, number>();
  const clients: TestClient[] = [];
  const ready: Promise<void>[] = [];
  for (let index = 0; index < subscribers; index += 1) {
    // Half production, half the shop user whose customer the orders are for.
    const client = await sessionClient(api, index % 2 === 0 ? 'prod-user' : 'shop-user');
    clients.push(client);
    ready.push(
      new Promise<void>((resolve) => {
        client.trpc.events.onChange.subscribe(undefined, {
          onStarted: () => resolve(),
          onData: ({ data }) => {
            if (data.entity !== 'ActivityOrder' || !('rows' in data)) {
              return;
            }
            const now = performance.now();
            for (const row of data.rows ?? []) {
              const id = (row as { id: number }).id;
              lastSeen.set(id, Math.max(lastSeen.get(id) ?? 0, now));
              seenCount.set(id, (seenCount.get(id) ?? 0) + 1);
            }
          },
        });
      }),
    );
  }
  await Promise.all(ready);
  const shop = await sessionClient(api, 'shop-user');
  const slots = await orderableSlots(api, mutations);
  const created = await Promise.all(
    slots.map((slot, index) =>
      shop.trpc.orders.activity.create.mutate({
        orderedTimeSlotId: slot.slotId,
        deliveryDate: slot.date,
        orderedActivity: 100 + index,
      }),
    ),
  );
  const ids = created.map((order) => (order as { id: number }).id);
  await waitUntil(() => ids.every((id) => (seenCount.get(id) ?? 0) >= subscribers), 60_000);
  const latencies = ids.map((id) => (lastSeen.get(id) ?? 0) - (publishedAt.get(id) ?? 0));
  await Promise.all(clients.map((client) => client.close()));
  const first = Math.min(...ids.map((id) => publishedAt.get(id) ?? 0));
  // When each payload went out, relative to the first: the bare broadcast replays this pace.
  const offsets = ids.map((id) => (publishedAt.get(id) ?? first) - first);
  return { latencies, payloads: created, offsets };
}

async function bareWsFanout(
  subscribers: number,
  payloads: unknown[],
  offsets: number[],
): Promise<number[]> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const received = new Map<number, number>();
  const lastSeen = new Map<number, number>();
  const sockets: WebSocket[] = [];
  await Promise.all(
    Array.from({ length: subscribers }, async () => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}`);
      socket.on('message', (data) => {
        const now = performance.now();
        const { seq } = JSON.parse(String(data)) as { seq: number };
        received.set(seq, (received.get(seq) ?? 0) + 1);
        lastSeen.set(seq, now);
      });
      sockets.push(socket);
      await new Promise<void>((resolve) => socket.once('open', () => resolve()));
    }),
  );
  const sentAt = new Map<number, number>();
  const broadcast = (payload: unknown, seq: number) => {
    sentAt.set(seq, performance.now());
    // Serialized once per socket, as a subscription server sends one message per subscriber.
    for (const client of server.clients) {
      client.send(JSON.stringify({ seq, result: { type: 'data', data: { rows: [payload] } } }));
    }
  };
  // The same payloads at the same pace as the api published them.
  payloads.forEach((payload, seq) => {
    setTimeout(() => broadcast(payload, seq), offsets[seq] ?? 0);
  });
  await waitUntil(
    () => payloads.every((_payload, seq) => (received.get(seq) ?? 0) >= subscribers),
    60_000,
  );
  const latencies = payloads.map(
    (_payload, seq) => (lastSeen.get(seq) ?? 0) - (sentAt.get(seq) ?? 0),
  );
  for (const socket of sockets) {
    socket.close();
  }
  server.close();
  return latencies;
}

export async function runFanout(
  api: TestApi,
  subscribers = 500,
  mutations = 50,
): Promise<FanoutResult> {
  const { latencies, payloads, offsets } = await apiFanout(api, subscribers, mutations);
  const bare = await bareWsFanout(subscribers, payloads, offsets);
  return { subscribers, mutations, api: summarize(latencies), bareWs: summarize(bare) };
}
