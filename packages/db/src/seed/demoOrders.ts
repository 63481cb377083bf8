/**
 * The demo's orders, vials and releases, as a real site has them at the seed moment. Each
 * order goes through the steps the api would have taken, each step audited: created Ordered by
 * the shop; accepted by production once the ordering deadline has passed (the afternoon run on
 * its day); its vial dispensed at the run's fill time; released with a signature a quarter of
 * an hour later, by a production user who holds the release right. A step whose time has not
 * come at the seed moment has not happened: past days are released, today is released run by
 * run as the clock passes, the next days wait for their deadlines.
 */
import {
  OrderStatus,
  addDays,
  hasReleaseRight,
  isOrderingClosed,
  lotDateCode,
  requiredActivity,
  secondsBetweenTimes,
  slotDeliversOn,
  weekdayOf,
} from '@tracershop/core';
import type { DeadlineRule, ReleaseRightGrant, TracerUsage } from '@tracershop/core';
import type { Models } from '../connection';
import type { ActivityOrder, InjectionOrder, IsotopeOrder } from '../models/record/orders';
import type { ActivityDeliveryTimeSlot } from '../models/record/schedule';
import type { Vial } from '../models/record/vials';
import type { Person } from './demoWeb';
import type { SeedMoment } from './seedMoment';
import { timePlusMinutes } from './seedMoment';
import type { SeedTrail } from './seedTrail';
import { snapshotOf } from './seedTrail';

/** Minutes from a run's production time to the fill time of its vials. */
const FILL_AFTER_PRODUCTION = 40;
/** Minutes from a run's production time to its release (after the fill, before delivery). */
const RELEASE_AFTER_PRODUCTION = 55;
/** The quality-control sample of the morning FDG run is drawn before the customers' vials. */
const QC_FILL_TIME = '07:05:00';
/** Minutes before its delivery time an injection tracer is released. */
const INJECTION_RELEASE_BEFORE = 45;
/** Minutes before its production an afternoon run's orders are accepted on the day. */
const LATE_RUN_ACCEPTED_BEFORE = 120;
/** The Cu-64 of a delivery is calibrated, then released, before its 14:00 delivery. */
const COPPER_CALIBRATION_TIME = '12:00:00';
const COPPER_RELEASE_TIME = '13:00:00';

/** One weekly delivery slot of the demo schedule. */
export interface DemoSlot {
  slot: ActivityDeliveryTimeSlot;
  endpoint: string;
  tracer: string;
  run: string;
  /** The run's weekday, 0 = Monday. */
  weekday: number;
  productionTime: string;
  /** Orders of this run are accepted on the day itself, not when the deadline passes. */
  acceptedOnTheDay: boolean;
}

/** One planned injection delivery, on every order day (or only on `weekday`). */
export interface DemoInjectionPlan {
  endpoint: string;
  tracer: string;
  time: string;
  usage: TracerUsage;
  weekday?: number;
}

/** What the orders need of the rest of the demo. */
export interface DemoOrderSite {
  moment: SeedMoment;
  people: Map<string, Person>;
  slots: DemoSlot[];
  injectionPlan: DemoInjectionPlan[];
  /** Working days with orders: five before today, five from today on. */
  orderDays: string[];
  closed: ReadonlySet<string>;
  activityDeadline: DeadlineRule;
  injectionDeadline: DeadlineRule;
  releaseRights: ReleaseRightGrant[];
  tracerId(name: string): number;
  endpointId(name: string): number;
  customerOf(endpoint: string): number;
  overheadOf(endpoint: string, tracer: string): number;
  halflifeOf(tracer: string): number;
  vialTagOf(tracer: string): string;
  copper: { isotopeId: number; deliveryId: number };
}

/** How far an order has come at the seed moment. */
type Stage = 'ordered' | 'accepted' | 'dispensed' | 'released';

export async function seedDemoOrders(
  models: Models,
  trail: SeedTrail,
  site: DemoOrderSite,
): Promise<Record<string, number>> {
  const { moment, people } = site;
  const shopUser = people.get('shop-user') ?? null;
  const external = people.get('external') ?? null;
  const producers = [people.get('prod-user'), people.get('prod-admin')];
  const counts = {
    activityOrders: 0,
    injectionOrders: 0,
    isotopeOrders: 0,
    vials: 0,
    isotopeVials: 0,
    releases: 0,
  };

  const deadlinePassed = (deadline: DeadlineRule, date: string) =>
    isOrderingClosed({
      deadline,
      orderDate: date,
      closedDates: [],
      now: moment.localNow,
      timeZone: moment.timeZone,
    });
  /** The first production member who may sign the release of the product on `date`. */
  const releaserOf = (product: { tracerId?: number; isotopeId?: number }, date: string) =>
    producers.find(
      (person): person is Person =>
        person !== undefined &&
        hasReleaseRight({
          userGroup: person.userGroup,
          userId: person.id,
          rights: site.releaseRights,
          ...product,
          today: date,
        }),
    ) ?? null;
  const signatureOf = (signer: Person | null, signedAt: Date) => ({
    head: {
      signedBy: signer === null ? null : { id: signer.id, name: signer.name },
      signedAt: signedAt.toISOString(),
      meaning: 'released',
    },
    freed: { freedAt: signedAt, freedById: signer?.id ?? null, freedByName: signer?.name ?? null },
  });

  const today = moment.today;
  const nextOrderDay = site.orderDays.find((date) => date > today);

  // Activity orders, one per delivery slot and order day.
  let rejectedOne = false;
  for (const [dayIndex, date] of site.orderDays.entries()) {
    const daySlots = site.slots.filter((info) =>
      slotDeliversOn({ weekday: info.weekday, weeklyRepeat: info.slot.weeklyRepeat }, date),
    );
    for (const [index, info] of daySlots.entries()) {
      const fillTime = timePlusMinutes(info.productionTime, FILL_AFTER_PRODUCTION);
      const releaseTime = timePlusMinutes(info.productionTime, RELEASE_AFTER_PRODUCTION);
      let stage: Stage = 'ordered';
      if (moment.hasHappened(date, releaseTime)) {
        stage = 'released';
      } else if (moment.hasHappened(date, fillTime)) {
        stage = 'dispensed';
      } else if (
        deadlinePassed(site.activityDeadline, date) &&
        (!info.acceptedOnTheDay ||
          moment.hasHappened(date, timePlusMinutes(info.productionTime, -LATE_RUN_ACCEPTED_BEFORE)))
      ) {
        stage = 'accepted';
      }

      const orderer = info.endpoint === 'Panum' ? external : shopUser;
      const orderedActivity = 250 * (1 + ((index + dayIndex) % 4));
      const order: ActivityOrder = await trail.create(models.ActivityOrder, {
        orderedActivity,
        deliveryDate: date,
        status: OrderStatus.Ordered,
        comment: index % 5 === 4 ? 'Ring venligst ved levering' : null,
        orderedTimeSlotId: info.slot.id,
        movedToTimeSlotId: null,
        orderedById: orderer?.id ?? null,
        orderedByName: orderer?.name ?? null,
        freedAt: null,
        freedById: null,
        freedByName: null,
      });
      counts.activityOrders += 1;

      // Production turned down one delivery of the coming days.
      if (!rejectedOne && date > today && info.endpoint === 'Herlev' && info.run === 'FDG1') {
        await trail.change(order, 'reject', { status: OrderStatus.Rejected });
        rejectedOne = true;
        continue;
      }
      if (stage !== 'ordered') {
        await trail.change(order, 'accept', { status: OrderStatus.Accepted });
      }
      // The PET1 09:30 order of the next order day was moved to the 08:00 slot of its run.
      if (
        date === nextOrderDay &&
        info.endpoint === 'PET1' &&
        info.slot.deliveryTime === '09:30:00'
      ) {
        const earlier = daySlots.find(
          (other) =>
            other.endpoint === 'PET1' &&
            other.slot.productionId === info.slot.productionId &&
            other.slot.deliveryTime === '08:00:00',
        );
        if (earlier !== undefined) {
          await trail.change(order, 'move', { movedToTimeSlotId: earlier.slot.id });
        }
      }
      if (stage !== 'dispensed' && stage !== 'released') {
        continue;
      }

      const halflife = site.halflifeOf(info.tracer);
      const activityAtFill = requiredActivity(
        orderedActivity * site.overheadOf(info.endpoint, info.tracer),
        halflife,
        secondsBetweenTimes(date, fillTime, info.slot.deliveryTime, moment.timeZone),
      );
      const vial: Vial = await trail.create(models.Vial, {
        tracerId: site.tracerId(info.tracer),
        customerId: site.customerOf(info.endpoint),
        lotNumber: `${site.vialTagOf(info.tracer)}-${lotDateCode(date)}-${info.run === 'FDG2' ? 2 : 1}`,
        fillDate: date,
        fillTime,
        activity: Math.round(activityAtFill),
        volume: Math.round((activityAtFill / 400) * 10) / 10,
        assignedToId: null,
      });
      counts.vials += 1;
      if (stage !== 'released') {
        continue;
      }

      // The signed release of the delivery: the order released, the vial on it (the pivot).
      const signer = releaserOf({ tracerId: site.tracerId(info.tracer) }, date);
      const { head, freed } = signatureOf(signer, moment.instantOf(date, releaseTime));
      const before = { orders: [snapshotOf(order)], vials: [snapshotOf(vial)] };
      order.set({ status: OrderStatus.Released, ...freed });
      await order.save({ transaction: trail.transaction });
      vial.assignedToId = order.id;
      await vial.save({ transaction: trail.transaction });
      trail.audit({
        action: 'activityOrder.release',
        entity: 'ActivityOrder',
        entityId: order.id,
        before,
        after: {
          ...head,
          slotId: info.slot.id,
          deliveryDate: date,
          orderIds: [order.id],
          pivotOrderId: order.id,
          vials: [{ id: vial.id, lotNumber: vial.lotNumber }],
        },
      });
      counts.releases += 1;
    }

    // The quality-control sample of the morning FDG run has no owner.
    if (daySlots.some((info) => info.run === 'FDG1') && moment.hasHappened(date, QC_FILL_TIME)) {
      await trail.create(models.Vial, {
        tracerId: site.tracerId('FDG'),
        customerId: null,
        lotNumber: `${site.vialTagOf('FDG')}-${lotDateCode(date)}-1`,
        fillDate: date,
        fillTime: QC_FILL_TIME,
        activity: 35,
        volume: 0.2,
        assignedToId: null,
      });
      counts.vials += 1;
    }
  }

  // Injection orders.
  for (const [dayIndex, date] of site.orderDays.entries()) {
    for (const [index, plan] of site.injectionPlan.entries()) {
      if (plan.weekday !== undefined && weekdayOf(date) !== plan.weekday) {
        continue;
      }
      const releaseTime = timePlusMinutes(plan.time, -INJECTION_RELEASE_BEFORE);
      const orderer = plan.endpoint === 'Panum' ? external : shopUser;
      const order: InjectionOrder = await trail.create(models.InjectionOrder, {
        endpointId: site.endpointId(plan.endpoint),
        tracerId: site.tracerId(plan.tracer),
        deliveryDate: date,
        deliveryTime: plan.time,
        injections: 1 + ((dayIndex + index) % 3),
        tracerUsage: plan.usage,
        status: OrderStatus.Ordered,
        comment: null,
        lotNumber: null,
        maxInjectionVolume: null,
        orderedById: orderer?.id ?? null,
        orderedByName: orderer?.name ?? null,
        freedAt: null,
        freedById: null,
        freedByName: null,
      });
      counts.injectionOrders += 1;
      if (date === nextOrderDay && plan.endpoint === 'Herlev') {
        await trail.change(order, 'reject', { status: OrderStatus.Rejected });
        continue;
      }
      const released = moment.hasHappened(date, releaseTime);
      if (!released && !deadlinePassed(site.injectionDeadline, date)) {
        continue;
      }
      await trail.change(order, 'accept', { status: OrderStatus.Accepted });
      if (!released) {
        continue;
      }
      const signer = releaserOf({ tracerId: site.tracerId(plan.tracer) }, date);
      const { head, freed } = signatureOf(signer, moment.instantOf(date, releaseTime));
      const lot = { lotNumber: `${site.vialTagOf(plan.tracer)}-${lotDateCode(date)}-1` };
      const release = { ...lot, maxInjectionVolume: 10 };
      const before = { orders: [snapshotOf(order)] };
      order.set({ status: OrderStatus.Released, ...release, ...freed });
      await order.save({ transaction: trail.transaction });
      trail.audit({
        action: 'injectionOrder.release',
        entity: 'InjectionOrder',
        entityId: order.id,
        before,
        after: { ...head, orderIds: [order.id], ...release },
      });
      counts.releases += 1;
    }
  }

  // Cu-64 for Panum on Wednesdays, two weeks back and ahead, with the vial sent when released.
  const copperOrderer = external ?? people.get('prod-admin') ?? null;
  for (let offset = -14; offset <= 14 && copperOrderer !== null; offset += 1) {
    const date = addDays(today, offset);
    if (weekdayOf(date) !== 2 || site.closed.has(date)) {
      continue;
    }
    const order: IsotopeOrder = await trail.create(models.IsotopeOrder, {
      isotopeDeliveryId: site.copper.deliveryId,
      deliveryDate: date,
      orderedActivity: 2000,
      status: OrderStatus.Ordered,
      comment: '',
      orderedById: copperOrderer.id,
      orderedByName: copperOrderer.name,
      freedAt: null,
      freedById: null,
      freedByName: null,
    });
    counts.isotopeOrders += 1;
    const released = moment.hasHappened(date, COPPER_RELEASE_TIME);
    if (!released && !deadlinePassed(site.activityDeadline, date)) {
      continue;
    }
    await trail.change(order, 'accept', { status: OrderStatus.Accepted });
    if (!moment.hasHappened(date, COPPER_CALIBRATION_TIME)) {
      continue;
    }
    const vial = await trail.create(models.IsotopeVial, {
      isotopeId: site.copper.isotopeId,
      batchNumber: `CU64-${lotDateCode(date)}-1`,
      calibratedAt: moment.instantOf(date, COPPER_CALIBRATION_TIME),
      activity: 2500,
      volume: 1.5,
      deliveredWithId: null,
    });
    counts.isotopeVials += 1;
    if (!released) {
      continue;
    }
    const signer = releaserOf({ isotopeId: site.copper.isotopeId }, date);
    const { head, freed } = signatureOf(signer, moment.instantOf(date, COPPER_RELEASE_TIME));
    const before = { orders: [snapshotOf(order)], isotopeVials: [snapshotOf(vial)] };
    order.set({ status: OrderStatus.Released, ...freed });
    await order.save({ transaction: trail.transaction });
    vial.deliveredWithId = order.id;
    await vial.save({ transaction: trail.transaction });
    trail.audit({
      action: 'isotopeOrder.release',
      entity: 'IsotopeOrder',
      entityId: order.id,
      before,
      after: {
        ...head,
        isotopeDeliveryId: site.copper.deliveryId,
        deliveryDate: date,
        orderIds: [order.id],
        pivotOrderId: order.id,
        isotopeVials: [{ id: vial.id, batchNumber: vial.batchNumber }],
      },
    });
    counts.releases += 1;
  }
  return counts;
}
