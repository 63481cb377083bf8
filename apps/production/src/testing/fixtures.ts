/** Api answers for component tests: production-day cards, vials, release rights. */
import {
  DeadlineType,
  OrderStatus,
  TracerType,
  WeeklyRepeat,
  DEFAULT_RELEASE_GUARDS,
  DEFAULT_TRACER_LIMITS,
} from '@tracershop/core';
import type {
  Catalog,
  ProductionDay,
  ProductionOrderLine,
  ProductionSlotCard,
  ReleaseRights,
  SlotVials,
} from '../productionApi';

type Order = ProductionOrderLine['order'];
type Summary = ProductionSlotCard['summary'];

export function orderLine(
  fields: Partial<Order> & { id: number },
  line: Partial<Omit<ProductionOrderLine, 'order'>> = {},
): ProductionOrderLine {
  const order: Order = {
    orderedActivity: 300,
    deliveryDate: '2026-12-02',
    status: OrderStatus.Ordered,
    comment: null,
    orderedTimeSlotId: 1,
    movedToTimeSlotId: null,
    orderedById: null,
    orderedByName: null,
    freedAt: null,
    freedById: null,
    freedByName: null,
    releasedWithId: null,
    ...fields,
  };
  return {
    order,
    activeSlotId: order.movedToTimeSlotId ?? order.orderedTimeSlotId,
    movedToTime: null,
    withoutOverhead: 310.7,
    withOverhead: 388.4,
    deliveredActivity: null,
    deliveredWithOrderId: null,
    rejectedBy: null,
    rejectedAt: null,
    dead: false,
    ...line,
  };
}

export function slotCard(
  orders: ProductionOrderLine[],
  summary: Partial<Summary> = {},
  fields: Partial<Omit<ProductionSlotCard, 'summary' | 'orders'>> = {},
): ProductionSlotCard {
  return {
    slot: {
      id: 1,
      endpointId: 10,
      productionId: 100,
      deliveryTime: '09:30:00',
      weeklyRepeat: WeeklyRepeat.EveryWeek,
    },
    releaseId: null,
    releaseNumber: null,
    afterRelease: false,
    endpoint: { id: 10, name: 'PET1', customerId: 5, customerShortName: 'RH' },
    delivers: true,
    overheadMultiplier: 1.25,
    moveTargetSlotId: null,
    summary: {
      status: OrderStatus.Ordered,
      orderedActivity: 300.9,
      toDeliverActivity: 455.8,
      deliveredActivity: 0,
      movedAway: false,
      isGhost: false,
      deadOrderIds: [],
      onlyDead: false,
      ...summary,
    },
    orders,
    vials: [],
    ...fields,
  };
}

export function slotVials(available: SlotVials['available']): SlotVials {
  return { slotId: 1, tracerId: 1, customerId: 5, available, assigned: [] };
}

export function vial(id: number, lotNumber: string): SlotVials['available'][number] {
  return {
    id,
    tracerId: 1,
    customerId: 5,
    lotNumber,
    fillDate: '2026-12-02',
    fillTime: '07:45:00',
    activity: 1234.6,
    volume: 8.5,
    assignedToId: null,
  };
}

export function assignedVial(id: number, lotNumber: string, orderId: number) {
  return { ...vial(id, lotNumber), assignedToId: orderId };
}

/** A release right row as `setup.releaseRights.list` gives it. */
export function releaseRight(
  fields: Partial<ReleaseRights[number]> & { userId: number },
): ReleaseRights[number] {
  return {
    id: 1,
    userName: 'prod-user',
    tracerId: 1,
    isotopeId: null,
    expiryDate: null,
    ...fields,
  };
}

/** An `orders.productionDay` answer for one tracer. */
export function productionDay(
  slots: ProductionSlotCard[],
  fields: Partial<Omit<ProductionDay, 'slots'>> = {},
): ProductionDay {
  return {
    date: '2026-12-02',
    weekday: 2,
    tracer: { id: 1, shortname: 'FDG', tracerType: TracerType.Activity, halflifeSeconds: 6586 },
    productionWeekdays: [0, 2],
    runs: [
      {
        productionId: 100,
        productionTime: '07:00:00',
        orderedActivity: 1234.9,
        withOverhead: 1543.6,
      },
    ],
    slots,
    injectionOrders: [],
    isotopes: { runs: [], deliveries: [] },
    ...fields,
  };
}

type Row<K extends keyof Catalog> = Catalog[K] extends readonly (infer R)[] ? R : never;

/**
 * A `setup.catalog` answer: FDG (tracer 1, produced Monday and Wednesday 07:00) delivered to
 * RH's PET1 at 08:00 and 09:30 and RH's PET2 at 10:00, Ga-68 (isotope 2) produced Wednesday,
 * and a daily activity deadline at 12:00.
 */
export function productionCatalog(parts: Partial<Catalog> = {}): Catalog {
  const slot = (id: number, endpointId: number, deliveryTime: string): Row<'deliverySlots'> => ({
    id,
    endpointId,
    productionId: 100,
    deliveryTime,
    weeklyRepeat: WeeklyRepeat.EveryWeek,
    expirationDate: null,
  });
  return {
    isotopes: [
      {
        id: 1,
        atomicNumber: 9,
        atomicMass: 18,
        atomicLetter: 'F',
        halflifeSeconds: 6586.2,
        metastable: false,
      },
      {
        id: 2,
        atomicNumber: 31,
        atomicMass: 68,
        atomicLetter: 'Ga',
        halflifeSeconds: 4062.6,
        metastable: false,
      },
    ],
    tracers: [
      {
        id: 1,
        shortname: 'FDG',
        clinicalName: 'Fluorodeoxyglucose',
        isotopeId: 1,
        tracerType: TracerType.Activity,
        vialTag: 'FDG',
        archived: false,
        marketed: true,
        ...DEFAULT_TRACER_LIMITS,
        ...DEFAULT_RELEASE_GUARDS,
      },
      {
        id: 2,
        shortname: 'NaF',
        clinicalName: 'Natriumfluorid',
        isotopeId: 1,
        tracerType: TracerType.Activity,
        vialTag: 'NAF',
        archived: false,
        marketed: false,
        ...DEFAULT_TRACER_LIMITS,
        ...DEFAULT_RELEASE_GUARDS,
      },
    ],
    productions: [
      { id: 100, tracerId: 1, weekday: 2, productionTime: '07:00:00' },
      { id: 101, tracerId: 1, weekday: 0, productionTime: '07:00:00' },
    ],
    isotopeProductions: [
      { id: 300, isotopeId: 2, weekday: 2, productionTime: '06:00:00', expirationDate: null },
    ],
    deadlines: [
      {
        id: 1,
        appliesTo: 'activity',
        deadlineType: DeadlineType.Daily,
        deadlineTime: '12:00:00',
        weekday: null,
      },
    ],
    globalDeadlines: { activity: 1, injection: null },
    closedDates: [],
    procedureIdentifiers: [],
    customers: [
      {
        id: 5,
        shortName: 'RH',
        longName: 'Rigshospitalet',
        dispenserId: null,
        billingAddress: null,
        billingCity: null,
        billingEmail: null,
        billingPhone: null,
        billingZipCode: null,
      },
    ],
    endpoints: [
      {
        id: 10,
        customerId: 5,
        name: 'PET1',
        address: null,
        city: null,
        zipCode: null,
        phone: null,
      },
      {
        id: 11,
        customerId: 5,
        name: 'PET2',
        address: null,
        city: null,
        zipCode: null,
        phone: null,
      },
    ],
    deliverySlots: [slot(1, 10, '09:30:00'), slot(2, 10, '08:00:00'), slot(3, 11, '10:00:00')],
    isotopeDeliveries: [
      {
        id: 30,
        isotopeProductionId: 300,
        endpointId: 10,
        deliveryTime: '08:00:00',
        weeklyRepeat: WeeklyRepeat.EveryWeek,
      },
    ],
    catalogPages: [
      { id: 1, endpointId: 10, tracerId: 1, overheadMultiplier: 1.25, maxInjections: 0 },
      { id: 2, endpointId: 11, tracerId: 1, overheadMultiplier: 1.25, maxInjections: 0 },
    ],
    locations: [],
    procedures: [],
    ...parts,
  };
}
