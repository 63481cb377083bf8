/**
 * Page data: the production day view of one tracer with a year of history around it
 * (≥ 50 000 activity orders), median and p95 over repeated loads.
 */
import { OrderStatus, TracerType, addDays } from '@tracershop/core';
import type { TestApi } from '../test/testApi';
import { quantile, sessionClient } from './benchSite';

export interface PageDataResult {
  orders: number;
  loads: number;
  medianMs: number;
  p95Ms: number;
}

/** Fills `days` days before `today` with orders in every slot until `target` orders exist. */
async function seedHistory(api: TestApi, target: number): Promise<number> {
  const { models } = api.db;
  const slots = await models.ActivityDeliveryTimeSlot.findAll();
  const statuses = [OrderStatus.Released, OrderStatus.Released, OrderStatus.Rejected];
  let created = 0;
  for (let day = 1; created < target; day += 1) {
    const date = addDays(api.today, -day);
    const rows = [];
    for (const slot of slots) {
      for (let copy = 0; copy < 8; copy += 1) {
        rows.push({
          orderedActivity: 200 + copy * 10,
          deliveryDate: date,
          status: statuses[copy % statuses.length] as OrderStatus,
          comment: null,
          orderedTimeSlotId: slot.id,
          movedToTimeSlotId: null,
          orderedById: null,
          orderedByName: 'history',
          freedAt: null,
          freedById: null,
          freedByName: null,
        });
      }
    }
    await models.ActivityOrder.bulkCreate(rows);
    created += rows.length;
  }
  return models.ActivityOrder.count();
}

export async function runPageData(api: TestApi, loads = 40): Promise<PageDataResult> {
  const orders = await seedHistory(api, 50_000);
  const tracer = await api.db.models.Tracer.findOne({
    where: { tracerType: TracerType.Activity, shortname: 'FDG' },
  });
  const production = await sessionClient(api, 'prod-user');
  const timings: number[] = [];
  for (let load = 0; load < loads; load += 1) {
    const started = performance.now();
    await production.trpc.orders.productionDay.query({
      date: api.today,
      tracerId: tracer?.id ?? 1,
    });
    timings.push(performance.now() - started);
  }
  return { orders, loads, medianMs: quantile(timings, 0.5), p95Ms: quantile(timings, 0.95) };
}
