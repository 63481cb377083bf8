/**
 * Which customer and destination the shop shows: the remembered ones when the user still may
 * see them (the api lists only the user's assigned customers), else the first of each.
 */
import type { Catalog } from '../shopApi';

export interface EndpointChoice {
  customerId: number;
  endpointId: number | null;
}

export function endpointChoiceOf(
  catalog: Pick<Catalog, 'customers' | 'endpoints'>,
  rememberedCustomer: number | null,
  rememberedEndpoint: number | null,
): EndpointChoice | null {
  const customer =
    catalog.customers.find((row) => row.id === rememberedCustomer) ?? catalog.customers[0];
  if (customer === undefined) {
    return null;
  }
  const endpoints = catalog.endpoints.filter((row) => row.customerId === customer.id);
  const endpoint = endpoints.find((row) => row.id === rememberedEndpoint) ?? endpoints[0];
  return { customerId: customer.id, endpointId: endpoint?.id ?? null };
}
