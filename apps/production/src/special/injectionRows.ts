/**
 * The rows of the "Special" table: each injection order with the names it is shown with
 * (destination, isotope, tracer), and the table's sorting (click a header, again to invert).
 */
import type { OrderStatus, TracerUsage } from '@tracershop/core';
import type { Catalog, InjectionOrder } from './specialApi';

export interface InjectionRow {
  order: InjectionOrder;
  destination: string;
  isotope: string;
  tracer: string;
  /** The tracer's vial tag ('' when it has none). */
  vialTag: string;
}

export type SortColumn =
  'status' | 'id' | 'destination' | 'isotope' | 'tracer' | 'injections' | 'deliveryTime' | 'usage';

export interface SortOrder {
  column: SortColumn;
  descending: boolean;
}

/** `'2026-12-02'` → `'02/12/2026'` (the legacy's headings). */
export function slashDate(date: string): string {
  return date.split('-').reverse().join('/');
}

/** `'Cu-64'`, `'Tc-99m'`. */
export function isotopeLabel(isotope: {
  atomicLetter: string;
  atomicMass: number;
  metastable: boolean;
}): string {
  return `${isotope.atomicLetter}-${isotope.atomicMass}${isotope.metastable ? 'm' : ''}`;
}

/** "`<customer> - <endpoint>`", or the customer alone when both names are equal (docs/domain.md). */
export function destinationName(customerName: string | null, endpointName: string | null): string {
  const customer = customerName ?? '';
  const endpoint = endpointName ?? '';
  if (endpoint === '' || endpoint === customer) {
    return customer;
  }
  return customer === '' ? endpoint : `${customer} - ${endpoint}`;
}

/** The destination label of an endpoint of the catalog ('' when unknown). */
export function destinationLabel(catalog: Catalog, endpointId: number | null): string {
  const endpoint = catalog.endpoints.find((candidate) => candidate.id === endpointId);
  if (endpoint === undefined) {
    return '';
  }
  const customer = catalog.customers.find((candidate) => candidate.id === endpoint.customerId);
  return destinationName(customer?.shortName ?? null, endpoint.name);
}

export function injectionRowsOf(
  catalog: Catalog,
  orders: readonly InjectionOrder[],
): InjectionRow[] {
  return orders.map((order) => {
    const tracer = catalog.tracers.find((candidate) => candidate.id === order.tracerId);
    const isotope = catalog.isotopes.find((candidate) => candidate.id === tracer?.isotopeId);
    return {
      order,
      destination: destinationLabel(catalog, order.endpointId),
      isotope: isotope === undefined ? '' : isotopeLabel(isotope),
      tracer: tracer?.shortname ?? '',
      vialTag: tracer?.vialTag ?? '',
    };
  });
}

const keyOf: Record<SortColumn, (row: InjectionRow) => string | number> = {
  status: (row) => row.order.status satisfies OrderStatus,
  id: (row) => row.order.id,
  destination: (row) => row.destination,
  isotope: (row) => row.isotope,
  tracer: (row) => row.tracer,
  injections: (row) => row.order.injections,
  deliveryTime: (row) => row.order.deliveryTime,
  usage: (row) => row.order.tracerUsage satisfies TracerUsage,
};

/** The rows sorted by a column (ties by id), inverted when descending. */
export function sortRows(rows: readonly InjectionRow[], sort: SortOrder): InjectionRow[] {
  const key = keyOf[sort.column];
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const left = key(a);
    const right = key(b);
    const compared =
      typeof left === 'number' && typeof right === 'number'
        ? left - right
        : String(left).localeCompare(String(right), 'da');
    return sign * (compared === 0 ? a.order.id - b.order.id : compared);
  });
}

/** Clicking a header: sort by it, or invert when it already sorts. */
export function nextSort(current: SortOrder, column: SortColumn): SortOrder {
  return current.column === column
    ? { column, descending: !current.descending }
    : { column, descending: false };
}
