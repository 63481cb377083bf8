/** Rows of `setup.catalog` (and `setup.users.list`) shaped like the api's, for set-up tests. */
import type { UserGroup, WeeklyRepeat } from '@tracershop/core';
import { TracerType, DEFAULT_RELEASE_GUARDS, DEFAULT_TRACER_LIMITS } from '@tracershop/core';
import type { Catalog } from '../../productionApi';

type Row<K extends keyof Catalog> = Catalog[K] extends readonly (infer R)[] ? R : never;

export function catalogOf(parts: Partial<Catalog>): Catalog {
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
    ...parts,
  };
}

export function isotope(fields: Partial<Row<'isotopes'>> & { id: number }): Row<'isotopes'> {
  return {
    atomicNumber: 9,
    atomicMass: 18,
    atomicLetter: 'F',
    halflifeSeconds: 6586.2,
    metastable: false,
    ...fields,
  };
}

export function tracer(fields: Partial<Row<'tracers'>> & { id: number }): Row<'tracers'> {
  return {
    shortname: 'FDG',
    clinicalName: 'Fluorodeoxyglucose',
    isotopeId: 1,
    tracerType: TracerType.Activity,
    vialTag: 'FDG',
    archived: false,
    marketed: true,
    ...DEFAULT_TRACER_LIMITS,
    ...DEFAULT_RELEASE_GUARDS,
    ...fields,
  };
}

export function customer(id: number, shortName: string): Row<'customers'> {
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

export function endpoint(id: number, customerId: number, name: string): Row<'endpoints'> {
  return { id, customerId, name, address: null, city: null, zipCode: null, phone: null };
}

export function deliverySlot(
  id: number,
  endpointId: number,
  productionId: number,
  deliveryTime: string,
  weeklyRepeat: WeeklyRepeat,
): Row<'deliverySlots'> {
  return { id, endpointId, productionId, deliveryTime, weeklyRepeat, expirationDate: null };
}

export function catalogPage(id: number, endpointId: number, tracerId: number): Row<'catalogPages'> {
  return { id, endpointId, tracerId, overheadMultiplier: 1.25, maxInjections: 0 };
}

/** A row of `setup.users.list`. */
export function listedUser(
  id: number,
  username: string,
  userGroup: UserGroup,
  customerIds: number[] = [],
) {
  return {
    id,
    username,
    displayName: '',
    userGroup,
    active: true,
    source: 'local' as const,
    lastLoginAt: null,
    mustChangePassword: false,
    customerIds,
  };
}
