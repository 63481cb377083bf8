/**
 * "Uge plan" (docs/domain.md): the week (Monday to Sunday) of the active date as a grid of
 * weekday columns (only days with orders) and hour rows (earliest to latest delivery hour).
 * A cell lists per tracer "<tracer>: X MBq" (activity orders, at their current slot's time)
 * or "<tracer>: N injektioner" (injection orders) and carries the least progressed status of
 * its orders. Rejected orders are left out.
 */
import type { OrderStatus } from '@tracershop/core';
import { addDays, weekdayOf, isRejected } from '@tracershop/core';

export interface WeekPlanCatalog {
  tracers: readonly { id: number; shortname: string }[];
  productions: readonly { id: number; tracerId: number }[];
  deliverySlots: readonly { id: number; productionId: number; deliveryTime: string }[];
}

export interface WeekPlanOrders {
  activityOrders: readonly {
    deliveryDate: string;
    status: OrderStatus;
    orderedActivity: number;
    orderedTimeSlotId: number;
    movedToTimeSlotId?: number | null;
  }[];
  injectionOrders: readonly {
    deliveryDate: string;
    status: OrderStatus;
    tracerId: number;
    deliveryTime: string;
    injections: number;
  }[];
}

export interface WeekPlanEntry {
  tracerId: number;
  tracerName: string;
  kind: 'activity' | 'injection';
  /** MBq for activity, the number of injections for injection orders. */
  amount: number;
  status: OrderStatus;
}

export interface WeekPlanCell {
  entries: WeekPlanEntry[];
  /** The least progressed status of the cell's orders; null for an empty cell. */
  status: OrderStatus | null;
}

export interface WeekPlan {
  /** The week's Monday `'YYYY-MM-DD'`. */
  monday: string;
  /** Dates with orders, Monday first. */
  days: string[];
  /** Hours with a row, earliest to latest (every hour between, too). */
  hours: number[];
  cell(date: string, hour: number): WeekPlanCell;
}

const EMPTY: WeekPlanCell = { entries: [], status: null };

export function buildWeekPlan(catalog: WeekPlanCatalog, orders: WeekPlanOrders, date: string) {
  const monday = addDays(date, -weekdayOf(date));
  const week = new Set(Array.from({ length: 7 }, (_, index) => addDays(monday, index)));
  const tracerName = new Map(catalog.tracers.map((tracer) => [tracer.id, tracer.shortname]));
  const tracerOfProduction = new Map(catalog.productions.map((row) => [row.id, row.tracerId]));
  const slots = new Map(catalog.deliverySlots.map((slot) => [slot.id, slot]));
  const cells = new Map<string, Map<string, WeekPlanEntry>>();

  const add = (day: string, time: string, entry: Omit<WeekPlanEntry, 'tracerName'>) => {
    const cellKey = `${day} ${Number(time.slice(0, 2))}`;
    const entries = cells.get(cellKey) ?? new Map<string, WeekPlanEntry>();
    const entryKey = `${entry.kind}-${entry.tracerId}`;
    const found = entries.get(entryKey);
    entries.set(entryKey, {
      ...entry,
      tracerName: tracerName.get(entry.tracerId) ?? String(entry.tracerId),
      amount: (found?.amount ?? 0) + entry.amount,
      status: Math.min(found?.status ?? entry.status, entry.status) as OrderStatus,
    });
    cells.set(cellKey, entries);
  };

  for (const order of orders.activityOrders) {
    const slot = slots.get(order.movedToTimeSlotId ?? order.orderedTimeSlotId);
    const tracerId = slot === undefined ? undefined : tracerOfProduction.get(slot.productionId);
    if (
      slot === undefined ||
      tracerId === undefined ||
      isRejected(order.status) ||
      !week.has(order.deliveryDate)
    ) {
      continue;
    }
    add(order.deliveryDate, slot.deliveryTime, {
      tracerId,
      kind: 'activity',
      amount: order.orderedActivity,
      status: order.status,
    });
  }
  for (const order of orders.injectionOrders) {
    if (isRejected(order.status) || !week.has(order.deliveryDate)) {
      continue;
    }
    add(order.deliveryDate, order.deliveryTime, {
      tracerId: order.tracerId,
      kind: 'injection',
      amount: order.injections,
      status: order.status,
    });
  }

  const keys = [...cells.keys()].map((key) => key.split(' ') as [string, string]);
  const days = [...new Set(keys.map(([day]) => day))].sort();
  const hourValues = keys.map(([, hour]) => Number(hour));
  const hours =
    hourValues.length === 0
      ? []
      : Array.from(
          { length: Math.max(...hourValues) - Math.min(...hourValues) + 1 },
          (_, index) => Math.min(...hourValues) + index,
        );
  const plan: WeekPlan = {
    monday,
    days,
    hours,
    cell(day, hour) {
      const entries = cells.get(`${day} ${hour}`);
      if (entries === undefined) {
        return EMPTY;
      }
      const list = [...entries.values()].sort(
        (a, b) => a.kind.localeCompare(b.kind) || a.tracerName.localeCompare(b.tracerName),
      );
      return {
        entries: list,
        status: Math.min(...list.map((entry) => entry.status)) as OrderStatus,
      };
    },
  };
  return plan;
}
