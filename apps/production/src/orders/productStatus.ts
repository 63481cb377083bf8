/**
 * The colours of the product buttons (docs/domain.md): each product (activity tracer,
 * producible isotope, "Special") is coloured by the least progressed status of its orders on
 * the active date; rejected orders and dead activity orders not released (core
 * `countsForStatusColour`: nothing to accept or release) do not count. Orders are attributed through the catalog:
 * an activity order by its slot's production's tracer, an isotope order by its delivery's
 * production's isotope; every injection order is "Special".
 */
import { countsForStatusColour, isRejected, OrderStatus } from '@tracershop/core';

/** The button state: no orders (default blue), something Ordered, all Accepted+, all Released. */
export type ProductStatus = 'none' | 'ordered' | 'accepted' | 'released';

/** A product's key, also its `?view=` value. */
export type ProductKey = `tracer-${number}` | `isotope-${number}` | 'special';

/** The button state of the least progressed status (a rejected order never counts). */
const PRODUCT_STATUS_OF: Record<OrderStatus, ProductStatus> = {
  [OrderStatus.Ordered]: 'ordered',
  [OrderStatus.Accepted]: 'accepted',
  [OrderStatus.Released]: 'released',
  [OrderStatus.Rejected]: 'none',
};

export function productStatusOf(statuses: readonly OrderStatus[]): ProductStatus {
  const counted = statuses.filter((status) => !isRejected(status));
  if (counted.length === 0) {
    return 'none';
  }
  // The status values grow as an order progresses: Ordered < Accepted < Released.
  const least = Math.min(...counted) as OrderStatus;
  return PRODUCT_STATUS_OF[least];
}

export interface ProductCatalog {
  productions: readonly { id: number; tracerId: number }[];
  deliverySlots: readonly { id: number; productionId: number }[];
  isotopeProductions: readonly { id: number; isotopeId: number }[];
  isotopeDeliveries: readonly { id: number; isotopeProductionId: number }[];
}

export interface ProductOrders {
  activityOrders: readonly {
    deliveryDate: string;
    status: OrderStatus;
    orderedTimeSlotId: number;
    movedToTimeSlotId?: number | null;
    /** Left out when not known: the order then always counts. */
    orderedActivity?: number;
  }[];
  injectionOrders: readonly { deliveryDate: string; status: OrderStatus }[];
  isotopeOrders: readonly {
    deliveryDate: string;
    status: OrderStatus;
    isotopeDeliveryId: number;
  }[];
}

/** The status of every product with orders on `date` (products without orders are 'none'). */
export function productStatuses(
  catalog: ProductCatalog,
  orders: ProductOrders,
  date: string,
): Map<ProductKey, ProductStatus> {
  const tracerOfProduction = new Map(catalog.productions.map((row) => [row.id, row.tracerId]));
  const tracerOfSlot = new Map(
    catalog.deliverySlots.map((slot) => [slot.id, tracerOfProduction.get(slot.productionId)]),
  );
  const isotopeOfProduction = new Map(
    catalog.isotopeProductions.map((row) => [row.id, row.isotopeId]),
  );
  const isotopeOfDelivery = new Map(
    catalog.isotopeDeliveries.map((row) => [
      row.id,
      isotopeOfProduction.get(row.isotopeProductionId),
    ]),
  );
  const statuses = new Map<ProductKey, OrderStatus[]>();
  const add = (key: ProductKey, status: OrderStatus) => {
    const list = statuses.get(key) ?? [];
    list.push(status);
    statuses.set(key, list);
  };
  for (const order of orders.activityOrders) {
    const tracerId = tracerOfSlot.get(order.movedToTimeSlotId ?? order.orderedTimeSlotId);
    const counts =
      order.orderedActivity === undefined ||
      countsForStatusColour({ orderedActivity: order.orderedActivity, status: order.status });
    if (order.deliveryDate === date && tracerId !== undefined && counts) {
      add(`tracer-${tracerId}`, order.status);
    }
  }
  for (const order of orders.isotopeOrders) {
    const isotopeId = isotopeOfDelivery.get(order.isotopeDeliveryId);
    if (order.deliveryDate === date && isotopeId !== undefined) {
      add(`isotope-${isotopeId}`, order.status);
    }
  }
  for (const order of orders.injectionOrders) {
    if (order.deliveryDate === date) {
      add('special', order.status);
    }
  }
  return new Map([...statuses].map(([key, list]) => [key, productStatusOf(list)]));
}
