/**
 * The record half of the demo site: a realistic small cyclotron unit around the seed moment.
 * Everything is derived from that moment, nothing is random, so two sites seeded at one moment
 * look alike. Every row is created through the seed's audit trail.
 */
import {
  BookingStatus,
  DeadlineScope,
  DeadlineType,
  TracerType,
  TracerUsage,
  WeeklyRepeat,
  addDays,
  danishPublicHolidays,
  lotDateCode,
  toPlainDate,
  weekdayOf,
} from '@tracershop/core';
import type { DeadlineRule, ReleaseRightGrant } from '@tracershop/core';
import type { Models } from '../connection';
import type { DemoInjectionPlan, DemoSlot } from './demoOrders';
import { seedDemoOrders } from './demoOrders';
import type { Person } from './demoWeb';
import type { SeedMoment } from './seedMoment';
import { datesFrom } from './seedMoment';
import type { SeedTrail } from './seedTrail';

export interface DemoRecordContext {
  moment: SeedMoment;
  /** Demo users by username (may be incomplete when the web database holds other users). */
  people: Map<string, Person>;
}

export interface DemoRecordSummary {
  customerIds: Map<string, number>;
  counts: Record<string, number>;
}

const ISOTOPES = [
  // Half-lives in seconds (NNDC): F-18 109.77 min, C-11 20.364 min, Ga-68 67.71 min,
  // O-15 122.24 s, N-13 9.965 min, Cu-64 12.701 h.
  { key: 'F-18', atomicNumber: 9, atomicMass: 18, atomicLetter: 'F', halflifeSeconds: 6586.2 },
  { key: 'C-11', atomicNumber: 6, atomicMass: 11, atomicLetter: 'C', halflifeSeconds: 1221.84 },
  { key: 'Ga-68', atomicNumber: 31, atomicMass: 68, atomicLetter: 'Ga', halflifeSeconds: 4062.6 },
  { key: 'O-15', atomicNumber: 8, atomicMass: 15, atomicLetter: 'O', halflifeSeconds: 122.24 },
  { key: 'N-13', atomicNumber: 7, atomicMass: 13, atomicLetter: 'N', halflifeSeconds: 597.9 },
  { key: 'Cu-64', atomicNumber: 29, atomicMass: 64, atomicLetter: 'Cu', halflifeSeconds: 45723.6 },
] as const;

const TRACERS = [
  {
    shortname: 'FDG',
    clinicalName: 'Fludeoxyglucose (18F)',
    isotope: 'F-18',
    tracerType: TracerType.Activity,
    vialTag: 'FDG',
    marketed: true,
    archived: false,
  },
  {
    shortname: 'FET',
    clinicalName: 'Fluoroethyl-L-tyrosine (18F)',
    isotope: 'F-18',
    tracerType: TracerType.Activity,
    vialTag: 'FET',
    marketed: false,
    archived: false,
  },
  {
    shortname: 'NaF',
    clinicalName: 'Natriumfluorid (18F)',
    isotope: 'F-18',
    tracerType: TracerType.Activity,
    vialTag: 'NAF',
    marketed: false,
    archived: false,
  },
  {
    shortname: 'Ga-PSMA',
    clinicalName: '[68Ga]Ga-PSMA-11',
    isotope: 'Ga-68',
    tracerType: TracerType.Injection,
    vialTag: 'PSMA',
    marketed: false,
    archived: false,
  },
  {
    shortname: 'Ga-DOTATOC',
    clinicalName: '[68Ga]Ga-DOTATOC',
    isotope: 'Ga-68',
    tracerType: TracerType.Injection,
    vialTag: 'DOTA',
    marketed: false,
    archived: false,
  },
  {
    shortname: 'Cu-DOTATATE',
    clinicalName: '[64Cu]Cu-DOTATATE',
    isotope: 'Cu-64',
    tracerType: TracerType.Injection,
    vialTag: 'CUDOTA',
    marketed: true,
    archived: false,
  },
  {
    shortname: 'NH3',
    clinicalName: 'Ammoniak (13N)',
    isotope: 'N-13',
    tracerType: TracerType.Injection,
    vialTag: 'NH',
    marketed: false,
    archived: false,
  },
  {
    shortname: 'PiB',
    clinicalName: '[11C]Pittsburgh compound B',
    isotope: 'C-11',
    tracerType: TracerType.Injection,
    vialTag: 'PIB',
    marketed: false,
    archived: true,
  },
] as const;

type TracerName = (typeof TRACERS)[number]['shortname'];

const CUSTOMERS = [
  {
    shortName: 'RH KF',
    longName: 'Rigshospitalet, Klinisk Fysiologi, Nuklearmedicin & PET',
    dispenserId: 1,
    billingAddress: 'Blegdamsvej 9',
    billingCity: 'København Ø',
    billingZipCode: '2100',
    billingEmail: 'kfnm-bestilling@example.dk',
    billingPhone: '35451111',
    endpoints: [
      { name: 'PET1', address: 'Blegdamsvej 9, afsnit 4011', phone: '35451101' },
      { name: 'PET2', address: 'Blegdamsvej 9, afsnit 4012', phone: '35451102' },
    ],
  },
  {
    shortName: 'Herlev NM',
    longName: 'Herlev Hospital, Nuklearmedicinsk afdeling',
    dispenserId: 2,
    billingAddress: 'Borgmester Ib Juuls Vej 1',
    billingCity: 'Herlev',
    billingZipCode: '2730',
    billingEmail: 'nm-herlev@example.dk',
    billingPhone: '38681111',
    endpoints: [{ name: 'Herlev', address: 'Borgmester Ib Juuls Vej 1, 54P1', phone: '38681101' }],
  },
  {
    shortName: 'Hillerød',
    longName: 'Nordsjællands Hospital Hillerød, Klinisk Fysiologi',
    dispenserId: 3,
    billingAddress: 'Dyrehavevej 29',
    billingCity: 'Hillerød',
    billingZipCode: '3400',
    billingEmail: 'kf-hillerod@example.dk',
    billingPhone: '48291111',
    endpoints: [{ name: 'Hillerød', address: 'Dyrehavevej 29, opgang 41', phone: '48291101' }],
  },
  {
    shortName: 'Glostrup',
    longName: 'Rigshospitalet Glostrup, Klinisk Fysiologi',
    dispenserId: 4,
    billingAddress: 'Valdemar Hansens Vej 1-23',
    billingCity: 'Glostrup',
    billingZipCode: '2600',
    billingEmail: 'kf-glostrup@example.dk',
    billingPhone: '38631111',
    endpoints: [{ name: 'Glostrup', address: 'Valdemar Hansens Vej 13', phone: '38631101' }],
  },
  {
    shortName: 'KU Panum',
    longName: 'Københavns Universitet, Panum Instituttet',
    dispenserId: 5,
    billingAddress: 'Blegdamsvej 3B',
    billingCity: 'København N',
    billingZipCode: '2200',
    billingEmail: 'pet-forskning@example.dk',
    billingPhone: '35321111',
    endpoints: [{ name: 'Panum', address: 'Blegdamsvej 3B, 18.1', phone: '35321101' }],
  },
] as const;

type EndpointName = (typeof CUSTOMERS)[number]['endpoints'][number]['name'];

const WORKDAYS = [0, 1, 2, 3, 4];

/**
 * Weekly productions: the activity tracers' runs, Monday–Friday. The afternoon run's orders
 * are accepted on the day; the others' as soon as the ordering deadline has passed.
 */
const PRODUCTIONS: {
  tracer: TracerName;
  run: string;
  weekdays: number[];
  time: string;
  acceptedOnTheDay?: true;
}[] = [
  { tracer: 'FDG', run: 'FDG1', weekdays: WORKDAYS, time: '06:30:00' },
  { tracer: 'FDG', run: 'FDG2', weekdays: WORKDAYS, time: '10:30:00', acceptedOnTheDay: true },
  { tracer: 'FET', run: 'FET', weekdays: [1, 3], time: '07:30:00' },
  { tracer: 'NaF', run: 'NaF', weekdays: [0, 2, 4], time: '08:00:00' },
];

/** Delivery slots per endpoint and run, on every weekday of the run. */
const SLOTS: { endpoint: EndpointName; run: string; time: string; repeat: WeeklyRepeat }[] = [
  { endpoint: 'PET1', run: 'FDG1', time: '08:00:00', repeat: WeeklyRepeat.EveryWeek },
  { endpoint: 'PET1', run: 'FDG1', time: '09:30:00', repeat: WeeklyRepeat.EveryWeek },
  { endpoint: 'PET1', run: 'FDG2', time: '12:00:00', repeat: WeeklyRepeat.EveryWeek },
  { endpoint: 'PET1', run: 'FET', time: '09:00:00', repeat: WeeklyRepeat.EveryWeek },
  { endpoint: 'PET1', run: 'NaF', time: '10:00:00', repeat: WeeklyRepeat.EveryWeek },
  { endpoint: 'PET2', run: 'FDG1', time: '08:15:00', repeat: WeeklyRepeat.EveryWeek },
  { endpoint: 'PET2', run: 'FDG2', time: '12:15:00', repeat: WeeklyRepeat.EveryWeek },
  { endpoint: 'Herlev', run: 'FDG1', time: '08:30:00', repeat: WeeklyRepeat.EveryWeek },
  { endpoint: 'Herlev', run: 'FDG2', time: '13:00:00', repeat: WeeklyRepeat.EvenWeeks },
  { endpoint: 'Hillerød', run: 'FDG1', time: '09:00:00', repeat: WeeklyRepeat.OddWeeks },
  { endpoint: 'Glostrup', run: 'FDG1', time: '08:45:00', repeat: WeeklyRepeat.EveryWeek },
  { endpoint: 'Glostrup', run: 'FET', time: '09:30:00', repeat: WeeklyRepeat.EveryWeek },
  { endpoint: 'Panum', run: 'FDG2', time: '12:30:00', repeat: WeeklyRepeat.EvenWeeks },
];

const CATALOG: {
  endpoint: EndpointName;
  tracer: TracerName;
  overhead: number;
  maxInjections?: number;
}[] = [
  { endpoint: 'PET1', tracer: 'FDG', overhead: 1.25 },
  { endpoint: 'PET1', tracer: 'FET', overhead: 1.15 },
  { endpoint: 'PET1', tracer: 'NaF', overhead: 1.1 },
  { endpoint: 'PET1', tracer: 'Ga-PSMA', overhead: 1, maxInjections: 8 },
  { endpoint: 'PET1', tracer: 'Ga-DOTATOC', overhead: 1, maxInjections: 4 },
  { endpoint: 'PET1', tracer: 'NH3', overhead: 1, maxInjections: 6 },
  { endpoint: 'PET2', tracer: 'FDG', overhead: 1.25 },
  { endpoint: 'PET2', tracer: 'Ga-PSMA', overhead: 1, maxInjections: 4 },
  { endpoint: 'Herlev', tracer: 'FDG', overhead: 1.3 },
  { endpoint: 'Herlev', tracer: 'Ga-PSMA', overhead: 1, maxInjections: 4 },
  { endpoint: 'Hillerød', tracer: 'FDG', overhead: 1.4 },
  { endpoint: 'Glostrup', tracer: 'FDG', overhead: 1.2 },
  { endpoint: 'Glostrup', tracer: 'FET', overhead: 1.1 },
  { endpoint: 'Glostrup', tracer: 'Ga-DOTATOC', overhead: 1, maxInjections: 3 },
  { endpoint: 'Panum', tracer: 'FDG', overhead: 1 },
  { endpoint: 'Panum', tracer: 'Cu-DOTATATE', overhead: 1, maxInjections: 10 },
];

const LOCATIONS: { code: string; name: string | null; endpoint: EndpointName | null }[] = [
  { code: 'RGH-KF-PETCT1', name: 'PET/CT 1', endpoint: 'PET1' },
  { code: 'RGH-KF-PETCT2', name: 'PET/CT 2', endpoint: 'PET1' },
  { code: 'RGH-KF-PETMR', name: 'PET/MR', endpoint: 'PET2' },
  { code: 'HEV-NM-PETCT', name: 'PET/CT Herlev', endpoint: 'Herlev' },
  { code: 'GLO-KF-PETCT', name: 'PET/CT Glostrup', endpoint: 'Glostrup' },
  { code: 'HIH-KF-PETCT', name: 'PET/CT Hillerød', endpoint: 'Hillerød' },
  // Seen in a RIS message but not yet mapped by an administrator.
  { code: 'RGH-KF-GAMMA3', name: null, endpoint: null },
];

const PROCEDURE_IDENTIFIERS = [
  { key: 'fdgBody', code: 'WZCXPET01', description: 'PET/CT FDG helkrop', isPet: true },
  { key: 'fdgBrain', code: 'WZCXPET02', description: 'PET/CT FDG hjerne', isPet: true },
  { key: 'psma', code: 'WZCXPSMA', description: 'PET/CT Ga-68 PSMA', isPet: true },
  { key: 'fet', code: 'WZCXFET', description: 'PET/MR FET hjerne', isPet: true },
  { key: 'naf', code: 'WZCXNAF', description: 'PET/CT NaF knogler', isPet: true },
  { key: 'dota', code: 'WZCXDOTA', description: 'PET/CT Ga-68 DOTATOC', isPet: true },
  { key: 'bone', code: 'WDCXSCINT', description: 'Knoglescintigrafi', isPet: false },
] as const;

type ProcedureKey = (typeof PROCEDURE_IDENTIFIERS)[number]['key'];

const PROCEDURES: {
  identifier: ProcedureKey;
  endpoint: EndpointName;
  tracer: TracerName;
  units: number;
  delay: number;
}[] = [
  { identifier: 'fdgBody', endpoint: 'PET1', tracer: 'FDG', units: 300, delay: 60 },
  { identifier: 'fdgBrain', endpoint: 'PET1', tracer: 'FDG', units: 200, delay: 30 },
  { identifier: 'psma', endpoint: 'PET1', tracer: 'Ga-PSMA', units: 1, delay: 0 },
  { identifier: 'fet', endpoint: 'PET1', tracer: 'FET', units: 200, delay: 20 },
  { identifier: 'naf', endpoint: 'PET1', tracer: 'NaF', units: 200, delay: 45 },
  { identifier: 'dota', endpoint: 'PET1', tracer: 'Ga-DOTATOC', units: 1, delay: 0 },
  { identifier: 'fdgBody', endpoint: 'PET2', tracer: 'FDG', units: 300, delay: 60 },
  { identifier: 'fdgBody', endpoint: 'Herlev', tracer: 'FDG', units: 350, delay: 60 },
  { identifier: 'psma', endpoint: 'Herlev', tracer: 'Ga-PSMA', units: 1, delay: 0 },
  { identifier: 'fdgBody', endpoint: 'Glostrup', tracer: 'FDG', units: 300, delay: 60 },
  { identifier: 'dota', endpoint: 'Glostrup', tracer: 'Ga-DOTATOC', units: 1, delay: 0 },
  { identifier: 'fdgBody', endpoint: 'Hillerød', tracer: 'FDG', units: 300, delay: 60 },
];

/** One day's bookings per location: (time, procedure). */
const DAILY_BOOKINGS: { location: string; time: string; procedure: ProcedureKey }[] = [
  { location: 'RGH-KF-PETCT1', time: '08:30:00', procedure: 'fdgBody' },
  { location: 'RGH-KF-PETCT1', time: '09:15:00', procedure: 'fdgBody' },
  { location: 'RGH-KF-PETCT1', time: '10:00:00', procedure: 'fdgBrain' },
  { location: 'RGH-KF-PETCT1', time: '11:00:00', procedure: 'psma' },
  { location: 'RGH-KF-PETCT2', time: '09:00:00', procedure: 'naf' },
  { location: 'RGH-KF-PETCT2', time: '10:30:00', procedure: 'fet' },
  { location: 'HEV-NM-PETCT', time: '09:30:00', procedure: 'fdgBody' },
  { location: 'HEV-NM-PETCT', time: '10:15:00', procedure: 'psma' },
  { location: 'GLO-KF-PETCT', time: '09:45:00', procedure: 'fdgBody' },
  { location: 'RGH-KF-GAMMA3', time: '13:00:00', procedure: 'bone' },
];

/** Ordering for a day closes at 13:00 the day before (activity and isotopes)… */
const ACTIVITY_DEADLINE: DeadlineRule = {
  deadlineType: DeadlineType.Daily,
  deadlineTime: '13:00:00',
};
/** …and at 14:00 the day before for injections, so the next working day is open all morning. */
const INJECTION_DEADLINE: DeadlineRule = {
  deadlineType: DeadlineType.Daily,
  deadlineTime: '14:00:00',
};

/**
 * PSMA for PET1 and Herlev on every order day; Cu-DOTATATE for the animal studies at Panum on
 * Wednesdays.
 */
const INJECTION_PLAN: DemoInjectionPlan[] = [
  { endpoint: 'PET1', tracer: 'Ga-PSMA', time: '11:00:00', usage: TracerUsage.Human },
  { endpoint: 'Herlev', tracer: 'Ga-PSMA', time: '10:15:00', usage: TracerUsage.Human },
  {
    endpoint: 'Panum',
    tracer: 'Cu-DOTATATE',
    time: '14:00:00',
    usage: TracerUsage.Animal,
    weekday: 2,
  },
];

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`Demo data refers to an unknown ${what}`);
  }
  return value;
}

function yearOf(date: string): number {
  return toPlainDate(date).year;
}

export async function seedDemoRecords(
  models: Models,
  trail: SeedTrail,
  context: DemoRecordContext,
): Promise<DemoRecordSummary> {
  const { moment, people } = context;
  const { today } = moment;
  const prodUser = people.get('prod-user') ?? null;
  const prodAdmin = people.get('prod-admin') ?? null;

  // Isotopes and tracers.
  const isotopeIds = new Map<string, number>();
  for (const { key, ...isotope } of ISOTOPES) {
    const row = await trail.create(models.Isotope, { ...isotope, metastable: false });
    isotopeIds.set(key, row.id);
  }
  const isotopeId = (key: string) => required(isotopeIds.get(key), `isotope ${key}`);
  const tracerIds = new Map<string, number>();
  for (const { isotope, ...tracer } of TRACERS) {
    const row = await trail.create(models.Tracer, { ...tracer, isotopeId: isotopeId(isotope) });
    tracerIds.set(tracer.shortname, row.id);
  }
  const tracerId = (name: string) => required(tracerIds.get(name), `tracer ${name}`);
  const tracerNamed = (name: string) =>
    required(
      TRACERS.find((tracer) => tracer.shortname === name),
      `tracer ${name}`,
    );

  // Customers and endpoints.
  const customerIds = new Map<string, number>();
  const endpointIds = new Map<string, number>();
  const endpointCustomer = new Map<string, number>();
  for (const { endpoints, ...customer } of CUSTOMERS) {
    const row = await trail.create(models.Customer, customer);
    customerIds.set(customer.shortName, row.id);
    for (const endpoint of endpoints) {
      const endpointRow = await trail.create(models.DeliveryEndpoint, {
        ...endpoint,
        customerId: row.id,
        city: customer.billingCity,
        zipCode: customer.billingZipCode,
      });
      endpointIds.set(endpoint.name, endpointRow.id);
      endpointCustomer.set(endpoint.name, row.id);
    }
  }
  const endpointId = (name: string) => required(endpointIds.get(name), `endpoint ${name}`);

  const overheads = new Map<string, number>();
  for (const page of CATALOG) {
    await trail.create(models.TracerCatalogPage, {
      endpointId: endpointId(page.endpoint),
      tracerId: tracerId(page.tracer),
      overheadMultiplier: page.overhead,
      maxInjections: page.maxInjections ?? 0,
    });
    overheads.set(`${page.endpoint}/${page.tracer}`, page.overhead);
  }

  // The weekly schedule.
  const productionIds = new Map<string, number>();
  for (const production of PRODUCTIONS) {
    for (const weekday of production.weekdays) {
      const row = await trail.create(models.ActivityProduction, {
        tracerId: tracerId(production.tracer),
        weekday,
        productionTime: production.time,
      });
      productionIds.set(`${production.run}/${weekday}`, row.id);
    }
  }
  const slots: DemoSlot[] = [];
  for (const slot of SLOTS) {
    const production = required(
      PRODUCTIONS.find((candidate) => candidate.run === slot.run),
      `run ${slot.run}`,
    );
    for (const weekday of production.weekdays) {
      const row = await trail.create(models.ActivityDeliveryTimeSlot, {
        endpointId: endpointId(slot.endpoint),
        productionId: required(productionIds.get(`${slot.run}/${weekday}`), 'production'),
        deliveryTime: slot.time,
        weeklyRepeat: slot.repeat,
      });
      slots.push({
        slot: row,
        endpoint: slot.endpoint,
        tracer: production.tracer,
        run: slot.run,
        weekday,
        productionTime: production.time,
        acceptedOnTheDay: production.acceptedOnTheDay === true,
      });
    }
  }

  const cuProduction = await trail.create(models.IsotopeProduction, {
    isotopeId: isotopeId('Cu-64'),
    weekday: 2,
    productionTime: '10:00:00',
  });
  const panumCopper = await trail.create(models.IsotopeDelivery, {
    isotopeProductionId: cuProduction.id,
    endpointId: endpointId('Panum'),
    deliveryTime: '14:00:00',
    weeklyRepeat: WeeklyRepeat.EveryWeek,
  });
  await trail.create(models.IsotopeDelivery, {
    isotopeProductionId: cuProduction.id,
    endpointId: endpointId('PET1'),
    deliveryTime: '13:30:00',
    weeklyRepeat: WeeklyRepeat.OddWeeks,
  });

  // Deadlines and closed days.
  await trail.create(models.Deadline, {
    ...ACTIVITY_DEADLINE,
    weekday: null,
    appliesTo: DeadlineScope.Activity,
  });
  await trail.create(models.Deadline, {
    ...INJECTION_DEADLINE,
    weekday: null,
    appliesTo: DeadlineScope.Injection,
  });
  const closedDates = [
    ...danishPublicHolidays(yearOf(today)),
    ...danishPublicHolidays(yearOf(today) + 1),
  ].map((holiday) => holiday.date);
  for (const closeDate of closedDates) {
    await trail.create(models.ClosedDate, { closeDate });
  }
  const closed = new Set(closedDates);

  // RIS: locations, procedures and bookings for today and the next days.
  const locationIds = new Map<string, number>();
  for (const location of LOCATIONS) {
    const row = await trail.create(models.Location, {
      locationCode: location.code,
      commonName: location.name,
      endpointId: location.endpoint === null ? null : endpointId(location.endpoint),
    });
    locationIds.set(location.code, row.id);
  }
  const identifierIds = new Map<string, number>();
  for (const { key, ...identifier } of PROCEDURE_IDENTIFIERS) {
    const row = await trail.create(models.ProcedureIdentifier, identifier);
    identifierIds.set(key, row.id);
  }
  for (const procedure of PROCEDURES) {
    await trail.create(models.Procedure, {
      procedureIdentifierId: required(identifierIds.get(procedure.identifier), 'procedure'),
      endpointId: endpointId(procedure.endpoint),
      tracerId: tracerId(procedure.tracer),
      tracerUnits: procedure.units,
      delayMinutes: procedure.delay,
    });
  }
  const isWorkday = (date: string) => weekdayOf(date) <= 4 && !closed.has(date);

  // Bookings of the next four working days (today's included), as the RIS sent them; one of
  // the first day's was ordered and one rejected. The trail keeps their status only: accession
  // numbers are personal data, deleted after a week, and must not outlive that in the trail.
  let bookingCount = 0;
  for (const [dayIndex, date] of datesFrom(today, 4, 1, isWorkday).entries()) {
    for (const [index, booking] of DAILY_BOOKINGS.entries()) {
      const row = await trail.create(
        models.Booking,
        {
          accessionNumber: `DKRGH${lotDateCode(date)}${String(index + 1).padStart(3, '0')}`,
          locationId: required(locationIds.get(booking.location), 'location'),
          procedureIdentifierId: required(identifierIds.get(booking.procedure), 'procedure'),
          startDate: date,
          startTime: booking.time,
          status: BookingStatus.Initial,
        },
        { after: (created) => ({ source: 'seed', status: created.status }) },
      );
      bookingCount += 1;
      const decided =
        dayIndex === 0 && index === 0
          ? BookingStatus.Ordered
          : dayIndex === 0 && index === 4
            ? BookingStatus.Rejected
            : null;
      if (decided !== null) {
        await row.update({ status: decided }, { transaction: trail.transaction });
        trail.audit({
          action: decided === BookingStatus.Rejected ? 'booking.reject' : 'booking.order',
          entity: 'Booking',
          entityId: row.id,
          before: { status: BookingStatus.Initial },
          after: { status: decided },
        });
      }
    }
  }

  // Release rights (before the releases they sign).
  const rights: {
    person: Person | null;
    tracer?: TracerName;
    isotope?: string;
    expiry: string | null;
  }[] = [
    { person: prodAdmin, tracer: 'FDG', expiry: null },
    { person: prodAdmin, tracer: 'FET', expiry: null },
    { person: prodAdmin, tracer: 'NaF', expiry: null },
    { person: prodAdmin, tracer: 'Ga-PSMA', expiry: null },
    { person: prodAdmin, tracer: 'Ga-DOTATOC', expiry: null },
    { person: prodAdmin, tracer: 'Cu-DOTATATE', expiry: null },
    { person: prodAdmin, isotope: 'Cu-64', expiry: null },
    { person: prodUser, tracer: 'FDG', expiry: addDays(today, 365) },
    { person: prodUser, tracer: 'Ga-PSMA', expiry: addDays(today, 90) },
    { person: prodUser, isotope: 'Cu-64', expiry: addDays(today, 180) },
    // An expired right, to show that expiry matters.
    { person: prodUser, tracer: 'FET', expiry: addDays(today, -30) },
  ];
  const releaseRights: ReleaseRightGrant[] = [];
  for (const right of rights) {
    if (right.person === null) {
      continue;
    }
    const row = await trail.create(models.ReleaseRight, {
      userId: right.person.id,
      userName: right.person.name,
      tracerId: right.tracer === undefined ? null : tracerId(right.tracer),
      isotopeId: right.isotope === undefined ? null : isotopeId(right.isotope),
      expiryDate: right.expiry,
    });
    releaseRights.push(row.get({ plain: true }));
  }

  const orderCounts = await seedDemoOrders(models, trail, {
    moment,
    people,
    slots,
    injectionPlan: INJECTION_PLAN,
    // Five working days back, and five from today on (today included when it is one).
    orderDays: [
      ...datesFrom(addDays(today, -1), 5, -1, isWorkday).reverse(),
      ...datesFrom(today, 5, 1, isWorkday),
    ],
    closed,
    activityDeadline: ACTIVITY_DEADLINE,
    injectionDeadline: INJECTION_DEADLINE,
    releaseRights,
    tracerId,
    endpointId,
    customerOf: (endpoint) => required(endpointCustomer.get(endpoint), `endpoint ${endpoint}`),
    overheadOf: (endpoint, tracer) => overheads.get(`${endpoint}/${tracer}`) ?? 1,
    halflifeOf: (tracer) =>
      required(
        ISOTOPES.find((isotope) => isotope.key === tracerNamed(tracer).isotope),
        `isotope of ${tracer}`,
      ).halflifeSeconds,
    vialTagOf: (tracer) => tracerNamed(tracer).vialTag,
    copper: { isotopeId: isotopeId('Cu-64'), deliveryId: panumCopper.id },
  });

  return {
    customerIds,
    counts: {
      isotopes: ISOTOPES.length,
      tracers: TRACERS.length,
      customers: CUSTOMERS.length,
      endpoints: endpointIds.size,
      catalogPages: CATALOG.length,
      activityProductions: productionIds.size,
      deliverySlots: slots.length,
      closedDates: closedDates.length,
      locations: LOCATIONS.length,
      procedures: PROCEDURES.length,
      bookings: bookingCount,
      releaseRights: releaseRights.length,
      ...orderCounts,
    },
  };
}
