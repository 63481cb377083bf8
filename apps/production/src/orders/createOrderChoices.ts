/**
 * The cascading choices of "Opret ny ordre" (docs/domain.md): the delivery slots of the tracer
 * that deliver on the date (its productions on that weekday, the slot's week parity), and
 * from them the customers, their destinations (with the tracer in their catalog) and times.
 */
import { slotDeliversOn } from '@tracershop/core';
import type { WeeklyRepeat } from '@tracershop/core';

export interface CreateOrderCatalog {
  customers: readonly { id: number; shortName: string; longName?: string | null }[];
  endpoints: readonly { id: number; customerId: number; name?: string | null }[];
  productions: readonly { id: number; tracerId: number; weekday: number }[];
  deliverySlots: readonly {
    id: number;
    endpointId: number;
    productionId: number;
    deliveryTime: string;
    weeklyRepeat: WeeklyRepeat;
  }[];
  catalogPages: readonly { endpointId: number; tracerId: number }[];
}

export interface SlotChoice {
  id: number;
  endpointId: number;
  customerId: number;
  deliveryTime: string;
}

/** The slots production may order `tracerId` into on `date`, by delivery time. */
export function orderableSlots(
  catalog: CreateOrderCatalog,
  tracerId: number,
  date: string,
): SlotChoice[] {
  const productions = new Map(
    catalog.productions
      .filter((production) => production.tracerId === tracerId)
      .map((production) => [production.id, production]),
  );
  const endpoints = new Map(catalog.endpoints.map((endpoint) => [endpoint.id, endpoint]));
  const inCatalog = new Set(
    catalog.catalogPages
      .filter((page) => page.tracerId === tracerId)
      .map((page) => page.endpointId),
  );
  const choices: SlotChoice[] = [];
  for (const slot of catalog.deliverySlots) {
    const production = productions.get(slot.productionId);
    const endpoint = endpoints.get(slot.endpointId);
    if (
      production === undefined ||
      endpoint === undefined ||
      !inCatalog.has(endpoint.id) ||
      !slotDeliversOn({ weekday: production.weekday, weeklyRepeat: slot.weeklyRepeat }, date)
    ) {
      continue;
    }
    choices.push({
      id: slot.id,
      endpointId: endpoint.id,
      customerId: endpoint.customerId,
      deliveryTime: slot.deliveryTime,
    });
  }
  return choices.sort((a, b) => a.deliveryTime.localeCompare(b.deliveryTime) || a.id - b.id);
}
