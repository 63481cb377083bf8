/**
 * Records for the release and vial tests, written straight to the database so that these
 * tests do not depend on the order procedures: the seed's slots, tracers and customers by
 * name, Accepted orders on dates of their own, dispensed vials.
 */
import {
  DEFAULT_TIME_ZONE,
  OrderStatus,
  TracerUsage,
  addDays,
  instantOfLocalDateTime,
  localDateTimeOf,
  lotDateCode,
  requiredActivity,
  secondsBetween,
} from '@tracershop/core';
import type {
  ActivityOrder,
  InjectionOrder,
  IsotopeOrder,
  IsotopeVial,
  Vial,
} from '@tracershop/db';
import type { TestApi } from './testApi';

export interface SlotInfo {
  slotId: number;
  endpointId: number;
  customerId: number;
  tracerId: number;
  vialTag: string;
}

export class ReleaseFixtures {
  private dayOffset = 30;

  constructor(private readonly api: TestApi) {}

  private get models() {
    return this.api.db.models;
  }

  /**
   * A past date no seeded order uses and no other test of this file has taken: its
   * deliveries are over, so a release of them is never too early and its vials were filled
   * before now.
   */
  freshDate(): string {
    this.dayOffset += 1;
    return addDays(this.api.today, -this.dayOffset);
  }

  async userId(username: string): Promise<number> {
    const user = await this.models.User.findOne({ where: { username } });
    if (user === null) {
      throw new Error(`no user ${username}`);
    }
    return user.id;
  }

  async customerId(shortName: string): Promise<number> {
    const customer = await this.models.Customer.findOne({ where: { shortName } });
    if (customer === null) {
      throw new Error(`no customer ${shortName}`);
    }
    return customer.id;
  }

  async tracer(shortname: string): Promise<{ id: number; vialTag: string }> {
    const tracer = await this.models.Tracer.findOne({ where: { shortname } });
    if (tracer === null) {
      throw new Error(`no tracer ${shortname}`);
    }
    return { id: tracer.id, vialTag: tracer.vialTag };
  }

  async endpointId(name: string): Promise<number> {
    const endpoint = await this.models.DeliveryEndpoint.findOne({ where: { name } });
    if (endpoint === null) {
      throw new Error(`no endpoint ${name}`);
    }
    return endpoint.id;
  }

  /** A delivery slot of `endpoint` for `tracer` (the `index`-th of the seed's). */
  async slot(endpoint: string, tracer: string, index = 0): Promise<SlotInfo> {
    const endpointId = await this.endpointId(endpoint);
    const { id: tracerId, vialTag } = await this.tracer(tracer);
    const productions = await this.models.ActivityProduction.findAll({ where: { tracerId } });
    const slots = await this.models.ActivityDeliveryTimeSlot.findAll({
      where: { endpointId, productionId: productions.map((production) => production.id) },
      order: [['id', 'ASC']],
    });
    const slot = slots[index];
    const endpointRow = await this.models.DeliveryEndpoint.findByPk(endpointId);
    if (slot === undefined || endpointRow === null) {
      throw new Error(`no slot ${index} of ${endpoint} for ${tracer}`);
    }
    return { slotId: slot.id, endpointId, customerId: endpointRow.customerId, tracerId, vialTag };
  }

  async activityOrders(
    slot: SlotInfo,
    date: string,
    count: number,
    status: OrderStatus = OrderStatus.Accepted,
  ): Promise<ActivityOrder[]> {
    const orders: ActivityOrder[] = [];
    for (let index = 0; index < count; index += 1) {
      orders.push(
        await this.models.ActivityOrder.create({
          orderedActivity: 300 + 100 * index,
          deliveryDate: date,
          status,
          orderedTimeSlotId: slot.slotId,
        }),
      );
    }
    return orders;
  }

  async vials(
    slot: SlotInfo,
    date: string,
    count: number,
    overrides: Partial<{
      customerId: number | null;
      tracerId: number | null;
      fillDate: string;
    }> = {},
  ): Promise<Vial[]> {
    const vials: Vial[] = [];
    for (let index = 0; index < count; index += 1) {
      vials.push(
        await this.models.Vial.create({
          tracerId: slot.tracerId,
          customerId: slot.customerId,
          lotNumber: `${slot.vialTag}-${lotDateCode(date)}-1`,
          fillDate: date,
          fillTime: `07:${String(10 + index).padStart(2, '0')}:00`,
          activity: 9000 + index,
          volume: 12.5,
          ...overrides,
        }),
      );
    }
    return vials;
  }

  /**
   * One vial per order that delivers, at the slot's delivery time, what the order requires
   * there (ordered × overhead), filled at 07:10, 07:11 … on the date: a release of these is
   * within every tolerance.
   */
  async deliveringVials(slot: SlotInfo, date: string, orders: readonly ActivityOrder[]) {
    const { models } = this;
    const slotRow = await models.ActivityDeliveryTimeSlot.findByPk(slot.slotId);
    const tracer = await models.Tracer.findByPk(slot.tracerId, {
      include: [{ association: 'isotope' }],
    });
    const page = await models.TracerCatalogPage.findOne({
      where: { endpointId: slot.endpointId, tracerId: slot.tracerId },
    });
    const halflife = tracer?.isotope?.halflifeSeconds;
    if (slotRow === null || halflife === undefined) {
      throw new Error(`no slot ${slot.slotId} or half-life`);
    }
    const vials: Vial[] = [];
    for (const [index, order] of orders.entries()) {
      const fillTime = `07:${String(10 + index).padStart(2, '0')}:00`;
      const elapsed = secondsBetween(
        localDateTimeOf(date, fillTime),
        localDateTimeOf(date, slotRow.deliveryTime),
      );
      const [vial] = await this.vials(slot, date, 1, {});
      await vial?.update({
        fillTime,
        activity: requiredActivity(
          order.orderedActivity * (page?.overheadMultiplier ?? 1),
          halflife,
          Math.max(elapsed, 0),
        ),
      });
      if (vial !== undefined) {
        vials.push(vial);
      }
    }
    return vials;
  }

  /** Sets the api's clock to `time` (site wall clock) on `date`: the moment of a release. */
  at(date: string, time: string): void {
    this.api.clock.set(
      new Date(
        instantOfLocalDateTime(localDateTimeOf(date, time), DEFAULT_TIME_ZONE).epochMilliseconds,
      ),
    );
  }

  /** The api's clock a quarter of an hour before the slot's delivery on `date`. */
  async beforeDelivery(slot: SlotInfo, date: string): Promise<void> {
    const slotRow = await this.models.ActivityDeliveryTimeSlot.findByPk(slot.slotId);
    const [hours = 8, minutes = 0] = (slotRow?.deliveryTime ?? '08:00:00').split(':').map(Number);
    const total = hours * 60 + minutes - 15;
    this.at(
      date,
      `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}:00`,
    );
  }

  async injectionOrder(
    endpoint: string,
    tracer: string,
    date: string,
    status: OrderStatus = OrderStatus.Accepted,
  ): Promise<InjectionOrder> {
    return this.models.InjectionOrder.create({
      endpointId: await this.endpointId(endpoint),
      tracerId: (await this.tracer(tracer)).id,
      deliveryDate: date,
      deliveryTime: '11:00:00',
      injections: 2,
      tracerUsage: TracerUsage.Human,
      status,
    });
  }

  /** The seed's Cu-64 delivery to Panum and its isotope. */
  async copperDelivery(): Promise<{ deliveryId: number; isotopeId: number; customerId: number }> {
    const endpointId = await this.endpointId('Panum');
    const delivery = await this.models.IsotopeDelivery.findOne({ where: { endpointId } });
    const production =
      delivery === null
        ? null
        : await this.models.IsotopeProduction.findByPk(delivery.isotopeProductionId);
    if (delivery === null || production === null) {
      throw new Error('no Cu-64 delivery in the seed');
    }
    return {
      deliveryId: delivery.id,
      isotopeId: production.isotopeId,
      customerId: await this.customerId('KU Panum'),
    };
  }

  async isotopeOrders(
    date: string,
    count: number,
    status: OrderStatus = OrderStatus.Accepted,
  ): Promise<IsotopeOrder[]> {
    const { deliveryId } = await this.copperDelivery();
    const orderer = await this.userId('external');
    const orders: IsotopeOrder[] = [];
    for (let index = 0; index < count; index += 1) {
      orders.push(
        await this.models.IsotopeOrder.create({
          isotopeDeliveryId: deliveryId,
          deliveryDate: date,
          orderedActivity: 1000 + index,
          status,
          comment: '',
          orderedById: orderer,
          orderedByName: 'Demo External User',
        }),
      );
    }
    return orders;
  }

  async isotopeVials(date: string, count: number, isotopeId?: number): Promise<IsotopeVial[]> {
    const isotope = isotopeId ?? (await this.copperDelivery()).isotopeId;
    const vials: IsotopeVial[] = [];
    for (let index = 0; index < count; index += 1) {
      vials.push(
        await this.models.IsotopeVial.create({
          isotopeId: isotope,
          batchNumber: `CU64-${lotDateCode(date)}-${index + 1}`,
          calibratedAt: new Date(`${date}T11:00:00Z`),
          activity: 2500,
          volume: 1.5,
        }),
      );
    }
    return vials;
  }
}
