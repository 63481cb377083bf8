/**
 * Changing existing orders (edit, delete, accept, reject, un-reject, move, restore) the same
 * way for the three kinds of order: in one transaction the orders are read, every one is
 * judged before any is written (all-or-nothing), then each change is saved, audited with its
 * before and after, and published to the order's customer.
 */
import {
  injectionOrderBreaches,
  isDeadOrder,
  isReleased,
  mayProductionEdit,
  mayShopChange,
  nextStatus,
} from '@tracershop/core';
import type { LimitBreach, OrderStatus } from '@tracershop/core';
import type { ActivityOrder, InjectionOrder, IsotopeOrder, Tracer } from '@tracershop/db';
import type { InferAttributes, Model, Transaction } from 'sequelize';
import type { SessionUser } from '../../auth/sessions';
import { requireReason } from '../../changeReasons';
import { apiError } from '../../errors';
import type { EventEntity } from '../../events/changeEvents';
import type { WriteScope } from '../../recordWrites';
import { writeRecord } from '../../recordWrites';
import type { ApiServices } from '../../services';
import type { Wire } from '../../wire';
import { toWire } from '../../wire';
import type { Models } from './orderingRules';
import { customersOfEndpoints } from '../../endpointCustomers';
import { loadSlotContext } from './orderingRules';
import { activityLimitBreaches } from './plausibilityChecks';
import { customerAudience } from '../../events/audiences';

/** What every kind of order has. */
export type OrderRow = Model & { id: number; status: OrderStatus; deliveryDate: string };

/** One kind of order: its entity, audit name and how to find its rows and their customers. */
export interface OrderKind<M extends OrderRow> {
  entity: Extract<EventEntity, 'ActivityOrder' | 'InjectionOrder' | 'IsotopeOrder'>;
  /** Audit actions are `<auditName>.<verb>`. */
  auditName: 'activityOrder' | 'injectionOrder' | 'isotopeOrder';
  /** The rows of `ids` that exist, locked for the transaction (MariaDB; SQLite locks it all). */
  find(models: Models, ids: readonly number[], transaction: Transaction): Promise<M[]>;
  /** Customer id per order id. */
  customersOf(
    models: Models,
    rows: readonly M[],
    transaction: Transaction,
  ): Promise<Map<number, number>>;
  /**
   * The plausibility limits a changed row goes above, with its tracer (plausibilityChecks.ts);
   * null when the change touches no limited figure. Isotope orders have none.
   */
  limitBreaches?(
    models: Models,
    row: M,
    transaction: Transaction,
  ): Promise<{ tracer: Tracer; breaches: LimitBreach[] } | null>;
  /**
   * A not yet released order that carries no activity (core `isDeadOrder`): accepting leaves
   * it as it is. Only activity orders can be dead.
   */
  isDead?(row: M): boolean;
}

async function activityOrderCustomers(
  models: Models,
  rows: readonly ActivityOrder[],
  transaction: Transaction,
): Promise<Map<number, number>> {
  const slotIds = [...new Set(rows.map((row) => row.orderedTimeSlotId))];
  const slots = await models.ActivityDeliveryTimeSlot.findAll({
    where: { id: slotIds },
    attributes: ['id', 'endpointId'],
    transaction,
  });
  const endpointOfSlot = new Map(slots.map((slot) => [slot.id, slot.endpointId]));
  const customerByEndpoint = await customersOfEndpoints(
    models,
    endpointOfSlot.values(),
    transaction,
  );
  return customersByOrder(rows, (row) =>
    customerByEndpoint.get(endpointOfSlot.get(row.orderedTimeSlotId) ?? -1),
  );
}

async function injectionOrderCustomers(
  models: Models,
  rows: readonly InjectionOrder[],
  transaction: Transaction,
): Promise<Map<number, number>> {
  const customerByEndpoint = await customersOfEndpoints(
    models,
    rows.map((row) => row.endpointId),
    transaction,
  );
  return customersByOrder(rows, (row) => customerByEndpoint.get(row.endpointId));
}

async function isotopeOrderCustomers(
  models: Models,
  rows: readonly IsotopeOrder[],
  transaction: Transaction,
): Promise<Map<number, number>> {
  const deliveries = await models.IsotopeDelivery.findAll({
    where: { id: [...new Set(rows.map((row) => row.isotopeDeliveryId))] },
    attributes: ['id', 'endpointId'],
    transaction,
  });
  const endpointOfDelivery = new Map(
    deliveries.map((delivery) => [delivery.id, delivery.endpointId]),
  );
  const customerByEndpoint = await customersOfEndpoints(
    models,
    endpointOfDelivery.values(),
    transaction,
  );
  return customersByOrder(rows, (row) =>
    customerByEndpoint.get(endpointOfDelivery.get(row.isotopeDeliveryId) ?? -1),
  );
}

function customersByOrder<M extends OrderRow>(
  rows: readonly M[],
  customerOf: (row: M) => number | undefined,
): Map<number, number> {
  const result = new Map<number, number>();
  for (const row of rows) {
    const customerId = customerOf(row);
    if (customerId === undefined) {
      // An order always hangs on an endpoint (foreign keys); a gap is a broken database.
      throw new Error(`${row.constructor.name} ${row.id} has no customer`);
    }
    result.set(row.id, customerId);
  }
  return result;
}

export const activityOrderKind: OrderKind<ActivityOrder> = {
  entity: 'ActivityOrder',
  auditName: 'activityOrder',
  find: (models, ids, transaction) =>
    models.ActivityOrder.findAll({
      where: { id: [...ids] },
      order: [['id', 'ASC']],
      lock: transaction.LOCK.UPDATE,
      transaction,
    }),
  customersOf: activityOrderCustomers,
  async limitBreaches(models, row, transaction) {
    if (!row.changed('orderedActivity')) {
      return null;
    }
    const { tracer } = await loadSlotContext(models, row.orderedTimeSlotId, transaction);
    return { tracer, breaches: await activityLimitBreaches(models, tracer, row, { transaction }) };
  },
  // Ordered orders have no vials yet, so nothing was delivered.
  isDead: (row) => isDeadOrder(row),
};

export const injectionOrderKind: OrderKind<InjectionOrder> = {
  entity: 'InjectionOrder',
  auditName: 'injectionOrder',
  find: (models, ids, transaction) =>
    models.InjectionOrder.findAll({
      where: { id: [...ids] },
      order: [['id', 'ASC']],
      lock: transaction.LOCK.UPDATE,
      transaction,
    }),
  customersOf: injectionOrderCustomers,
  async limitBreaches(models, row, transaction) {
    if (!row.changed('injections')) {
      return null;
    }
    const tracer = await models.Tracer.findByPk(row.tracerId, { transaction });
    if (tracer === null) {
      throw apiError('NOT_FOUND', { entity: 'Tracer' });
    }
    return { tracer, breaches: injectionOrderBreaches(tracer, row.injections) };
  },
};

export const isotopeOrderKind: OrderKind<IsotopeOrder> = {
  entity: 'IsotopeOrder',
  auditName: 'isotopeOrder',
  find: (models, ids, transaction) =>
    models.IsotopeOrder.findAll({
      where: { id: [...ids] },
      order: [['id', 'ASC']],
      lock: transaction.LOCK.UPDATE,
      transaction,
    }),
  customersOf: isotopeOrderCustomers,
};

/**
 * What to do with one order: `'save'` after changing fields of the row in place, `'delete'`,
 * or `'skip'` (already in the wanted state). Refusals are thrown.
 */
export type OrderDecision = 'save' | 'delete' | 'skip';

/** The caller of an order change: the procedure's context. */
export interface OrderWriter {
  services: ApiServices;
  user: SessionUser;
}

export interface OrderChangeOptions<M extends OrderRow> {
  kind: OrderKind<M>;
  /** The audit verb: `<auditName>.<verb>`. */
  verb: string;
  /**
   * The user's reason for the change, kept with each order's audit event; a delete of an
   * accepted or released order is refused without it (core `changeNeedsReason`).
   */
  reason?: string | undefined;
  /**
   * An edit, move or move back: refused without `reason` when an order it changes is
   * accepted (core `changeNeedsReason`). Status changes (accept, reject) need none.
   */
  needsReasonOnceAccepted?: boolean;
  /** The orders by id (all must exist), or a selection made inside the transaction. */
  target: readonly number[] | ((transaction: Transaction) => Promise<M[]>);
  /**
   * Judges one order (and changes its fields for `'save'`); every order is judged before
   * anything is written, so one refusal leaves all of them as they were. It may audit what
   * allowed the change (a plausibility override) in `scope`.
   */
  decide(row: M, customerId: number, scope: WriteScope): Promise<OrderDecision>;
  /** Extra writes for a deleted order (e.g. its vials), before the order goes. */
  beforeDelete?(row: M, customerId: number, scope: WriteScope): Promise<void>;
}

export interface OrderChangeResult<M extends OrderRow> {
  /** The orders as they are now (changed or already as wanted), by id. */
  orders: Wire<InferAttributes<M>>[];
  deletedIds: number[];
}

/** Runs one change over several orders of a kind; see the file comment. */
export function changeOrders<M extends OrderRow>(
  writer: OrderWriter,
  options: OrderChangeOptions<M>,
): Promise<OrderChangeResult<M>> {
  const { kind, verb, target, decide } = options;
  const { models } = writer.services.db;
  return writeRecord(writer, async (scope) => {
    const { transaction } = scope;
    let rows: M[];
    if (typeof target === 'function') {
      rows = await target(transaction);
    } else {
      const ids = [...new Set(target)];
      rows = await kind.find(models, ids, transaction);
      if (rows.length !== ids.length) {
        throw apiError('NOT_FOUND', { entity: kind.entity });
      }
    }
    const customers = await kind.customersOf(models, rows, transaction);
    const judged: {
      row: M;
      decision: OrderDecision;
      before: Wire<InferAttributes<M>>;
      status: OrderStatus;
    }[] = [];
    for (const row of rows) {
      const before = toWire(row);
      const { status } = row;
      const decision = await decide(row, customers.get(row.id) ?? -1, scope);
      judged.push({ row, decision, before, status });
    }
    if (options.needsReasonOnceAccepted === true) {
      const statuses = judged
        .filter(({ row, decision }) => decision === 'save' && row.changed() !== false)
        .map(({ status }) => status);
      requireReason({ change: 'order', statuses }, options.reason);
    }
    // Deleting an accepted or released order says why (the shop only ever deletes Ordered ones).
    requireReason(
      {
        change: 'delete',
        statuses: judged
          .filter(({ decision }) => decision === 'delete')
          .map(({ status }) => status),
      },
      options.reason,
    );

    const orders: Wire<InferAttributes<M>>[] = [];
    const deletedIds: number[] = [];
    const upserts = new Map<number, unknown[]>();
    const deletes = new Map<number, number[]>();
    for (const { row, decision, before } of judged) {
      const customerId = customers.get(row.id) ?? -1;
      if (decision === 'delete') {
        await options.beforeDelete?.(row, customerId, scope);
        await row.destroy({ transaction });
        await scope.audit({
          action: `${kind.auditName}.${verb}`,
          entity: kind.entity,
          entityId: row.id,
          before,
          reason: options.reason ?? null,
        });
        deletedIds.push(row.id);
        deletes.set(customerId, [...(deletes.get(customerId) ?? []), row.id]);
        continue;
      }
      if (decision === 'save' && row.changed() !== false) {
        await row.save({ transaction });
        const after = toWire(row);
        await scope.audit({
          action: `${kind.auditName}.${verb}`,
          entity: kind.entity,
          entityId: row.id,
          before,
          after,
          reason: options.reason ?? null,
        });
        upserts.set(customerId, [...(upserts.get(customerId) ?? []), after]);
        orders.push(after);
        continue;
      }
      orders.push(before);
    }
    for (const [customerId, rowsOfCustomer] of upserts) {
      scope.publish({
        entity: kind.entity,
        op: 'upsert',
        rows: rowsOfCustomer,
        visibility: customerAudience(customerId),
      });
    }
    for (const [customerId, ids] of deletes) {
      scope.publish({
        entity: kind.entity,
        op: 'delete',
        ids,
        visibility: customerAudience(customerId),
      });
    }
    return { orders, deletedIds };
  });
}

// ---------------------------------------------------------------------------------------------
// The status machine (docs/domain.md): who may move an order from which status to which.

/** Shop writes only touch orders that are (and stay) Ordered (core `mayShopChange`). */
export function assertShopMayChange(row: OrderRow): void {
  if (!mayShopChange(row.status)) {
    throw apiError('INVALID_STATUS');
  }
}

/** Applies core's `nextStatus`: refused throws `refusal`, the same status back skips. */
function step(
  row: OrderRow,
  next: OrderStatus | null,
  refusal: 'INVALID_STATUS' | 'ORDER_RELEASED',
): OrderDecision {
  if (next === null) {
    throw apiError(refusal);
  }
  if (next === row.status) {
    return 'skip';
  }
  row.status = next;
  return 'save';
}

/**
 * Ordered → Accepted; Accepted stays (a double click); a dead Ordered order stays Ordered
 * (`OrderKind.isDead`); Released and Rejected are refused.
 */
export function accept(row: OrderRow, dead = false): OrderDecision {
  return step(row, nextStatus(row.status, 'accept', { dead }), 'INVALID_STATUS');
}

/** Ordered/Accepted → Rejected; Rejected stays; Released never (only correction reopens it). */
export function reject(row: OrderRow): OrderDecision {
  return step(row, nextStatus(row.status, 'reject'), 'ORDER_RELEASED');
}

/** Rejected → Accepted; anything else is refused. */
export function unreject(row: OrderRow): OrderDecision {
  return step(row, nextStatus(row.status, 'unreject'), 'INVALID_STATUS');
}

/** Production edits (dose, time, comment) while Ordered or Accepted (core `mayProductionEdit`). */
export function assertProductionMayEdit(row: OrderRow): void {
  if (!mayProductionEdit(row.status)) {
    throw apiError(isReleased(row.status) ? 'ORDER_RELEASED' : 'INVALID_STATUS');
  }
}

/** The one order of a single-order change. */
export function onlyOrder<M extends OrderRow>(
  result: OrderChangeResult<M>,
): Wire<InferAttributes<M>> {
  const [order] = result.orders;
  if (order === undefined) {
    throw new Error('A single-order change returned no order');
  }
  return order;
}
