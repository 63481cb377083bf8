/**
 * The live stream: every subscriber gets only what it may see, reconnecting clients catch
 * up from their last event id, and unknown ids ask for a resync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from './testApi';
import { startTestApi } from './testApi';
import { collectEvents, eventually } from './liveClient';

describe('live change events (sqlite)', () => {
  let api: TestApi;
  let customerIds: { rhkf: number; panum: number };

  beforeAll(async () => {
    api = await startTestApi({ dialect: 'sqlite' });
    const customers = await api.db.models.Customer.findAll();
    const idOf = (shortName: string) => {
      const customer = customers.find((candidate) => candidate.shortName === shortName);
      if (customer === undefined) {
        throw new Error(`no customer ${shortName} in the seed`);
      }
      return customer.id;
    };
    customerIds = { rhkf: idOf('RH KF'), panum: idOf('KU Panum') };
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-ACC-002] delivers each event only to those who may see it', async () => {
    const shop = collectEvents(await api.loginAs('shop-user'));
    const external = collectEvents(await api.loginAs('external'));
    const production = collectEvents(await api.loginAs('prod-user'));
    await Promise.all([shop.started, external.started, production.started]);

    const bus = api.server.services.events;
    await bus.publish([
      {
        entity: 'ActivityOrder',
        op: 'upsert',
        rows: [{ id: 1, customer: 'RH KF' }],
        visibility: { kind: 'customer', customerId: customerIds.rhkf },
      },
      {
        entity: 'ActivityOrder',
        op: 'upsert',
        rows: [{ id: 2, customer: 'KU Panum' }],
        visibility: { kind: 'customer', customerId: customerIds.panum },
      },
      { entity: 'ReleaseRight', op: 'delete', ids: [7], visibility: { kind: 'production' } },
      { entity: 'Tracer', op: 'upsert', rows: [{ id: 3 }], visibility: { kind: 'everyone' } },
    ]);

    await eventually(() => production.events.length === 4);
    await eventually(() => shop.events.length === 2 && external.events.length === 2);
    expect(shop.events.map((event) => event.entity)).toEqual(['ActivityOrder', 'Tracer']);
    expect(JSON.stringify(shop.events)).not.toContain('KU Panum');
    expect(JSON.stringify(external.events)).not.toContain('RH KF');
    expect(production.events.map((event) => event.entity)).toEqual([
      'ActivityOrder',
      'ActivityOrder',
      'ReleaseRight',
      'Tracer',
    ]);
    for (const event of [...shop.events, ...production.events]) {
      expect(event).not.toHaveProperty('visibility');
    }
    shop.stop();
    external.stop();
    production.stop();
  });

  it('[URS-INT-009] lets a reconnecting client catch up from its last event id', async () => {
    const client = await api.loginAs('prod-admin');
    const first = collectEvents(client);
    await first.started;
    const bus = api.server.services.events;
    await bus.publish([
      { entity: 'Tracer', op: 'upsert', rows: [{ id: 10 }], visibility: { kind: 'everyone' } },
    ]);
    await eventually(() => first.events.length === 1);
    first.stop();
    const lastId = first.events[0]?.id ?? '';
    await bus.publish([
      { entity: 'Tracer', op: 'upsert', rows: [{ id: 11 }], visibility: { kind: 'everyone' } },
      { entity: 'Tracer', op: 'upsert', rows: [{ id: 12 }], visibility: { kind: 'everyone' } },
    ]);
    const again = collectEvents(client, lastId);
    await eventually(() => again.events.length === 2);
    expect(again.events.map((event) => ('rows' in event ? event.rows : null))).toEqual([
      [{ id: 11 }],
      [{ id: 12 }],
    ]);
    again.stop();
  });

  it('[URS-INT-009] asks a client with an unknown last event id to resync', async () => {
    const client = await api.loginAs('prod-admin');
    const stale = collectEvents(client, 'long-gone-event');
    await eventually(() => stale.events.length === 1);
    expect(stale.events[0]?.op).toBe('resync');
    stale.stop();
  });

  it('[URS-ACC-001] refuses a subscription without a session', async () => {
    const anonymous = api.client();
    const error = await new Promise<unknown>((resolve) => {
      anonymous.trpc.events.onChange.subscribe(undefined, { onError: resolve });
    });
    expect(String(error)).toMatch(/ikke logget ind/);
  });
});
