/**
 * The deliveries of one endpoint and product, activity delivery slots and isotope deliveries
 * alike: the time, the repetition and the run (activity or isotope production) they come from.
 */
import type { WeeklyRepeat } from '@tracershop/core';
import type { Catalog } from '../../productionApi';
import type { ScheduleProduct, ScheduleRun } from '../scheduleProducts';

export interface Delivery {
  id: number;
  runId: number;
  deliveryTime: string;
  weeklyRepeat: WeeklyRepeat;
}

export function deliveriesOf(
  catalog: Catalog,
  endpointId: number | null,
  product: ScheduleProduct | null,
  runs: readonly ScheduleRun[],
): Delivery[] {
  if (endpointId === null || product === null) {
    return [];
  }
  const runIds = new Set(runs.map((run) => run.id));
  if (product.kind === 'tracer') {
    return catalog.deliverySlots
      .filter((slot) => slot.endpointId === endpointId && runIds.has(slot.productionId))
      .map((slot) => ({
        id: slot.id,
        runId: slot.productionId,
        deliveryTime: slot.deliveryTime,
        weeklyRepeat: slot.weeklyRepeat,
      }));
  }
  return catalog.isotopeDeliveries
    .filter(
      (delivery) => delivery.endpointId === endpointId && runIds.has(delivery.isotopeProductionId),
    )
    .map((delivery) => ({
      id: delivery.id,
      runId: delivery.isotopeProductionId,
      deliveryTime: delivery.deliveryTime,
      weeklyRepeat: delivery.weeklyRepeat,
    }));
}
