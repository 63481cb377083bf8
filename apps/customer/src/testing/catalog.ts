/** A shop admin's `setup.catalog` for component tests: customers and endpoints, nothing else. */
import type { Catalog } from '../shopApi';

export function catalogCustomer(id: number, shortName: string): Catalog['customers'][number] {
  return {
    id,
    shortName,
    longName: null,
    dispenserId: null,
    billingAddress: null,
    billingCity: null,
    billingEmail: null,
    billingPhone: null,
    billingZipCode: null,
  };
}

export function catalogEndpoint(
  id: number,
  customerId: number,
  name: string,
): Catalog['endpoints'][number] {
  return { id, customerId, name, address: null, city: null, zipCode: null, phone: null };
}

/** An empty catalogue with `fields` (customers, endpoints, locations …) filled in. */
export function shopCatalog(fields: Partial<Catalog> = {}): Catalog {
  return {
    isotopes: [],
    tracers: [],
    productions: [],
    isotopeProductions: [],
    deadlines: [],
    globalDeadlines: { activity: null, injection: null },
    closedDates: [],
    procedureIdentifiers: [],
    customers: [],
    endpoints: [],
    deliverySlots: [],
    isotopeDeliveries: [],
    catalogPages: [],
    locations: [],
    procedures: [],
    ...fields,
  };
}
