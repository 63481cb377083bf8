/**
 * What the benchmarks share: a demo site on a fresh database (SQLite, or MariaDB with
 * BENCH_MYSQL_URL / TEST_MYSQL_URL), sessions without the cost of argon2 logins, and the
 * slots a shop user may order for.
 */
import { OrderStatus, TracerType, addDays, slotDeliversOn } from '@tracershop/core';
import mysql from 'mysql2/promise';
import { SESSION_COOKIE } from '../src/auth/cookies';
import type { TestApi } from '../test/testApi';
import { startTestApi } from '../test/testApi';
import type { TestClient } from '../test/testClient';

export type BenchDialect = 'sqlite' | 'mysql';

/** MariaDB for the benchmarks: BENCH_MYSQL_URL, TEST_MYSQL_URL, or the local server if it answers. */
export async function benchMysqlUrl(): Promise<string | undefined> {
  const configured = process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL;
  if (configured !== undefined && configured !== '') {
    return configured;
  }
  const local = 'mysql://root@127.0.0.1:3306/';
  try {
    const connection = await mysql.createConnection({
      host: '127.0.0.1',
      port: 3306,
      user: 'root',
    });
    await connection.end();
    return local;
  } catch {
    return undefined;
  }
}

export async function startBenchSite(dialect: BenchDialect): Promise<TestApi> {
  if (dialect === 'mysql') {
    process.env.TEST_MYSQL_URL = await benchMysqlUrl();
  }
  return startTestApi({ dialect });
}

/** A client with a fresh session of `username` (no password check: benchmarks measure the rest). */
export async function sessionClient(api: TestApi, username: string): Promise<TestClient> {
  const user = await api.db.models.User.findOne({ where: { username } });
  if (user === null) {
    throw new Error(`no demo user ${username}`);
  }
  const session = await api.server.services.sessions.create(user.id);
  const client = api.client();
  client.jar.store([`${SESSION_COOKIE}=${session.token}`]);
  return client;
}

export interface OrderableSlot {
  slotId: number;
  date: string;
  customerId: number;
  tracerId: number;
}

/**
 * Slots of the shop user's first customer with the dates they deliver on, from a week after
 * `today` on (past any deadline).
 */
export async function orderableSlots(api: TestApi, count: number): Promise<OrderableSlot[]> {
  const { models } = api.db;
  const user = await models.User.findOne({ where: { username: 'shop-user' } });
  const assignment = await models.UserAssignment.findOne({ where: { userId: user?.id ?? 0 } });
  const customerId = assignment?.customerId ?? 0;
  const endpoints = await models.DeliveryEndpoint.findAll({ where: { customerId } });
  const slots = await models.ActivityDeliveryTimeSlot.findAll({
    where: { endpointId: endpoints.map((endpoint) => endpoint.id) },
  });
  const productions = await models.ActivityProduction.findAll();
  const tracers = await models.Tracer.findAll({ where: { tracerType: TracerType.Activity } });
  const pages = await models.TracerCatalogPage.findAll({
    where: { endpointId: endpoints.map((endpoint) => endpoint.id) },
  });
  const closed = new Set((await models.ClosedDate.findAll()).map((row) => row.closeDate));
  const result: OrderableSlot[] = [];
  for (let day = 7; result.length < count && day < 7 + 366 * 3; day += 1) {
    const date = addDays(api.today, day);
    if (closed.has(date)) {
      continue;
    }
    for (const slot of slots) {
      const production = productions.find((candidate) => candidate.id === slot.productionId);
      const orderable =
        production !== undefined &&
        tracers.some((tracer) => tracer.id === production.tracerId) &&
        pages.some(
          (page) => page.endpointId === slot.endpointId && page.tracerId === production.tracerId,
        ) &&
        slotDeliversOn({ weekday: production.weekday, weeklyRepeat: slot.weeklyRepeat }, date);
      if (production !== undefined && orderable) {
        result.push({ slotId: slot.id, date, customerId, tracerId: production.tracerId });
      }
    }
  }
  return result.slice(0, count);
}

/** A plain activity order row as the api would write it (for raw-insert comparisons). */
export function rawOrder(slot: OrderableSlot, activity: number) {
  return {
    orderedActivity: activity,
    deliveryDate: slot.date,
    status: OrderStatus.Ordered,
    comment: null,
    orderedTimeSlotId: slot.slotId,
    movedToTimeSlotId: null,
    orderedById: null,
    orderedByName: 'bench',
    freedAt: null,
    freedById: null,
    freedByName: null,
  };
}

/** The q-quantile (0–1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}
