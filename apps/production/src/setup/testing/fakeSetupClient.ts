/**
 * For the component tests of the schedule set-up pages: a small `setup.catalog` and a fake
 * api client whose set-up writes are mocks answering like the api (the row written).
 */
import { DeadlineType, TracerType, WeeklyRepeat } from '@tracershop/core';
import { vi } from 'vitest';
import type { Catalog } from '../../productionApi';
import {
  catalogOf,
  catalogPage,
  customer,
  deliverySlot,
  endpoint,
  isotope,
  tracer,
} from './catalogRows';

/** Three customers; customer 1 has endpoints 1 and 2, customer 2 endpoint 3, customer 3 none. */
export function testCatalog(overrides: Partial<Catalog> = {}): Catalog {
  const namedTracer = (id: number, shortname: string, tracerType: TracerType, archived = false) =>
    tracer({
      id,
      shortname,
      clinicalName: `${shortname} klinisk`,
      tracerType,
      vialTag: shortname,
      archived,
    });
  const daily = (id: number, deadlineTime: string, appliesTo: 'activity' | 'injection' | null) => ({
    id,
    deadlineType: DeadlineType.Daily,
    deadlineTime,
    weekday: null,
    appliesTo,
  });
  return catalogOf({
    isotopes: [
      isotope({ id: 1, halflifeSeconds: 6586 }),
      isotope({
        id: 2,
        atomicNumber: 31,
        atomicMass: 68,
        atomicLetter: 'Ga',
        halflifeSeconds: 4062,
      }),
    ],
    tracers: [
      namedTracer(1, 'FDG', TracerType.Activity),
      namedTracer(3, 't-3', TracerType.Activity),
      namedTracer(4, 'inj', TracerType.Injection),
      namedTracer(5, 'old', TracerType.Activity, true),
    ],
    productions: [
      { id: 8, tracerId: 1, weekday: 0, productionTime: '07:00:00' },
      { id: 10, tracerId: 1, weekday: 2, productionTime: '07:30:00' },
      { id: 9, tracerId: 3, weekday: 4, productionTime: '08:00:00' },
    ],
    isotopeProductions: [
      { id: 20, isotopeId: 2, weekday: 1, productionTime: '09:00:00', expirationDate: null },
    ],
    deadlines: [
      daily(1, '12:00:00', 'activity'),
      daily(2, '13:00:00', 'injection'),
      daily(3, '10:00:00', null),
    ],
    globalDeadlines: { activity: 1, injection: 2 },
    closedDates: [{ id: 1, closeDate: '2026-12-24' }],
    customers: [customer(1, 'Customer_1'), customer(2, 'Customer_2'), customer(3, 'Customer_3')],
    endpoints: [
      endpoint(1, 1, 'Endpoint_1'),
      endpoint(2, 1, 'Endpoint_2'),
      endpoint(3, 2, 'Endpoint_3'),
    ],
    deliverySlots: [
      deliverySlot(1, 1, 8, '08:00:00', WeeklyRepeat.EveryWeek),
      deliverySlot(2, 1, 10, '11:00:00', WeeklyRepeat.EvenWeeks),
      deliverySlot(3, 3, 8, '09:00:00', WeeklyRepeat.OddWeeks),
    ],
    isotopeDeliveries: [
      { id: 30, isotopeProductionId: 20, endpointId: 1, deliveryTime: '10:00:00', weeklyRepeat: 0 },
    ],
    catalogPages: [catalogPage(1, 1, 1), { ...catalogPage(2, 2, 1), overheadMultiplier: 1.5 }],
    ...overrides,
  });
}

/** A write that answers with its input and `{ id }` (a new row) or the row edited. */
function write(
  answer: (input: Record<string, unknown>) => unknown = (input) => ({ id: 99, ...input }),
) {
  return { mutate: vi.fn((input: Record<string, unknown>) => Promise.resolve(answer(input))) };
}

export function fakeSetupClient(catalog: Catalog) {
  return {
    auth: { whoami: { query: vi.fn(() => Promise.resolve({ timeZone: 'Europe/Copenhagen' })) } },
    setup: {
      catalog: { query: vi.fn(() => Promise.resolve(structuredClone(catalog))) },
      customers: { create: write(), edit: write() },
      endpoints: { create: write(), edit: write(), delete: write() },
      catalogPages: { create: write(), edit: write() },
      deliverySlots: { create: write(), edit: write(), delete: write() },
      isotopeDeliveries: { create: write(), edit: write(), delete: write() },
      productions: { create: write(), edit: write(), delete: write() },
      isotopeProductions: { create: write(), edit: write(), delete: write() },
      deadlines: { create: write(), edit: write(), delete: write() },
      closedDates: {
        toggle: write((input) => ({ ...input, closed: true, closedDate: null })),
      },
    },
  };
}

export type FakeSetupClient = ReturnType<typeof fakeSetupClient>;
