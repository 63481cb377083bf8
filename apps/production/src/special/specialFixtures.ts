/**
 * A small site for the tests of "Special" and the isotope view, shaped like the api's reads:
 * the production app's test catalog (`testing/fixtures`: F-18 and Ga-68, RH - PET1, FDG) with
 * injection tracers, a Ga-68 production delivering to RH - PET1 and Herlev, and no deadlines.
 */
import {
  OrderStatus,
  TracerType,
  TracerUsage,
  WeeklyRepeat,
  DEFAULT_RELEASE_GUARDS,
  DEFAULT_TRACER_LIMITS,
} from '@tracershop/core';
import { productionCatalog } from '../testing/fixtures';
import type { Catalog, InjectionOrder, IsotopeOrder } from './specialApi';

type Endpoint = Catalog['endpoints'][number];

function endpoint(id: number, customerId: number, name: string): Endpoint {
  return { id, customerId, name, address: null, city: null, zipCode: null, phone: null };
}

function injectionTracer(id: number, shortname: string, vialTag: string) {
  return {
    id,
    shortname,
    clinicalName: shortname.replace('Ga-', 'Ga-68 '),
    isotopeId: 2,
    tracerType: TracerType.Injection,
    vialTag,
    archived: false,
    marketed: false,
    ...DEFAULT_TRACER_LIMITS,
    ...DEFAULT_RELEASE_GUARDS,
  };
}

export function catalogFixture(): Catalog {
  const base = productionCatalog();
  const [rh] = base.customers;
  const fdg = base.tracers.find((tracer) => tracer.shortname === 'FDG');
  if (rh === undefined || fdg === undefined) {
    throw new Error('The test catalog lost RH or FDG');
  }
  return productionCatalog({
    tracers: [fdg, injectionTracer(4, 'Ga-PSMA', 'PSMA'), injectionTracer(5, 'Ga-DOTATOC', '')],
    productions: [],
    isotopeProductions: [
      { id: 30, isotopeId: 2, weekday: 2, productionTime: '07:00:00', expirationDate: null },
    ],
    deadlines: [],
    globalDeadlines: { activity: null, injection: null },
    customers: [rh, { ...rh, id: 6, shortName: 'Herlev', longName: 'Herlev Hospital' }],
    endpoints: [endpoint(10, 5, 'PET1'), endpoint(11, 5, 'Dyrestald'), endpoint(12, 6, 'Herlev')],
    deliverySlots: [],
    isotopeDeliveries: [
      {
        id: 40,
        isotopeProductionId: 30,
        endpointId: 10,
        deliveryTime: '09:00:00',
        weeklyRepeat: WeeklyRepeat.EveryWeek,
      },
      {
        id: 41,
        isotopeProductionId: 30,
        endpointId: 12,
        deliveryTime: '10:00:00',
        weeklyRepeat: WeeklyRepeat.EveryWeek,
      },
    ],
    catalogPages: [
      { id: 1, endpointId: 10, tracerId: 4, overheadMultiplier: 1, maxInjections: 0 },
      { id: 2, endpointId: 10, tracerId: 5, overheadMultiplier: 1, maxInjections: 0 },
      { id: 3, endpointId: 12, tracerId: 1, overheadMultiplier: 1, maxInjections: 0 },
    ],
  });
}

export function injectionOrder(fields: Partial<InjectionOrder> & { id: number }): InjectionOrder {
  return {
    endpointId: 10,
    tracerId: 4,
    deliveryDate: '2026-12-02',
    deliveryTime: '10:30:00',
    injections: 2,
    tracerUsage: TracerUsage.Human,
    status: OrderStatus.Ordered,
    comment: null,
    lotNumber: null,
    maxInjectionVolume: null,
    orderedById: null,
    orderedByName: null,
    freedAt: null,
    freedById: null,
    freedByName: null,
    ...fields,
  };
}

export function isotopeOrder(fields: Partial<IsotopeOrder> & { id: number }): IsotopeOrder {
  return {
    isotopeDeliveryId: 40,
    deliveryDate: '2026-12-02',
    orderedActivity: 500,
    status: OrderStatus.Ordered,
    comment: '',
    orderedById: 1,
    orderedByName: 'Kunde',
    freedAt: null,
    freedById: null,
    freedByName: null,
    ...fields,
  };
}
