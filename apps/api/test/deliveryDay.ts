/**
 * One delivery day through the real api, as the users make it: the shop orders, production
 * accepts, registers vials by hand and releases with the signer's password, with the site
 * clock set where each step happens. The delivery is RH KF's PET1 FDG slot at 08:00.
 */
import { randomUUID } from 'node:crypto';
import { instantTextOfLocalDateTime, lotDateCode, weekdayOf } from '@tracershop/core';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD } from './testApi';
import type { TestClient } from './testClient';

export interface DeliverySlot {
  slotId: number;
  endpointId: number;
  customerId: number;
  tracerId: number;
  vialTag: string;
}

/** The seed's PET1 FDG delivery at 08:00 (overhead 1.25) on the weekday of `date`. */
export async function pet1Fdg0800(api: TestApi, date: string): Promise<DeliverySlot> {
  const { models } = api.db;
  const endpoint = await models.DeliveryEndpoint.findOne({ where: { name: 'PET1' } });
  const tracer = await models.Tracer.findOne({ where: { shortname: 'FDG' } });
  const productions = await models.ActivityProduction.findAll({
    where: { tracerId: tracer?.id ?? 0, weekday: weekdayOf(date) },
  });
  const slot = await models.ActivityDeliveryTimeSlot.findOne({
    where: {
      endpointId: endpoint?.id ?? 0,
      productionId: productions.map((production) => production.id),
      deliveryTime: '08:00:00',
    },
  });
  if (endpoint === null || tracer === null || slot === null) {
    throw new Error('the seed has no PET1 FDG delivery at 08:00');
  }
  return {
    slotId: slot.id,
    endpointId: endpoint.id,
    customerId: endpoint.customerId,
    tracerId: tracer.id,
    vialTag: tracer.vialTag,
  };
}

/** Sessions that outlast the clock moves of a delivery day months ahead of the seed. */
export const LONG_SESSIONS = { sessionIdleMinutes: 60 * 24 * 365, sessionAbsoluteHours: 24 * 365 };

export class DeliveryDay {
  private constructor(
    private readonly api: TestApi,
    readonly slot: DeliverySlot,
    readonly date: string,
    readonly shop: TestClient,
    readonly production: TestClient,
  ) {}

  static async start(api: TestApi, date: string): Promise<DeliveryDay> {
    return new DeliveryDay(
      api,
      await pet1Fdg0800(api, date),
      date,
      await api.loginAs('shop-user'),
      await api.loginAs('prod-user'),
    );
  }

  /** Sets the site clock to `time` on `date` (default: the delivery date). */
  at(time: string, date = this.date): void {
    this.api.clock.set(instantTextOfLocalDateTime(`${date} ${time}`));
  }

  /** The shop orders `activity` MBq for the delivery; returns the order's id. */
  async shopOrders(activity: number): Promise<number> {
    const order = await this.shop.trpc.orders.activity.create.mutate({
      orderedTimeSlotId: this.slot.slotId,
      deliveryDate: this.date,
      orderedActivity: activity,
      clientKey: randomUUID(),
    });
    return order.id;
  }

  async accept(orderIds: number[]): Promise<void> {
    await this.production.trpc.orders.activity.accept.mutate({ orderIds });
  }

  /** A vial dispensed for the customer on the delivery date; returns its id. */
  async vial(activity: number, fillTime: string, batch = 1): Promise<number> {
    const vial = await this.production.trpc.vials.create.mutate({
      tracerId: this.slot.tracerId,
      customerId: this.slot.customerId,
      lotNumber: `${this.slot.vialTag}-${lotDateCode(this.date)}-${batch}`,
      fillDate: this.date,
      fillTime,
      activity,
      volume: 5,
    });
    return vial.id;
  }

  /** Releases `orderIds` with `vialIds`, signed by prod-user. */
  async release(orderIds: number[], vialIds: number[]): Promise<void> {
    await this.production.trpc.release.activity.mutate({
      slotId: this.slot.slotId,
      deliveryDate: this.date,
      orderIds,
      vialIds,
      password: DEMO_PASSWORD,
    });
  }

  /** The certificate's address of release `releaseId`. */
  certificatePath(releaseId: number): string {
    return `/documents/activity-certificate/${this.slot.slotId}/${this.date}/${releaseId}.pdf`;
  }

  async productionCards() {
    const day = await this.production.trpc.orders.productionDay.query({
      date: this.date,
      tracerId: this.slot.tracerId,
    });
    return day.slots.filter((card) => card.slot.id === this.slot.slotId);
  }

  async shopCards() {
    const day = await this.shop.trpc.orders.shopDay.query({
      endpointId: this.slot.endpointId,
      date: this.date,
    });
    return day.slots.filter((card) => card.slot.id === this.slot.slotId);
  }
}
