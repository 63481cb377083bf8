/**
 * The record half of the demo site: a realistic small cyclotron unit around `today`. Everything
 * is derived from `today`, nothing is random, so two sites seeded on one day look alike.
 */
import {
  BookingStatus,
  DeadlineScope,
  DeadlineType,
  OrderStatus,
  TracerType,
  TracerUsage,
  WeeklyRepeat,
  addDays,
  danishPublicHolidays,
  instantOfLocalDateTime,
  localDateTimeOf,
  lotDateCode,
  requiredActivity,
  secondsBetweenTimes,
  slotDeliversOn,
  toPlainDate,
  weekdayOf,
} from '@tracershop/core';
import type { Transaction } from 'sequelize';
import type { Models } from '../connection';
import type { ActivityDeliveryTimeSlot } from '../models/record/schedule';
import type { Person } from './demoWeb';

export interface DemoRecordContext {
  today: string;
  timeZone: string;
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

/** Weekly productions: the activity tracers' runs, Monday–Friday. */
const PRODUCTIONS: { tracer: TracerName; run: string; weekdays: number[]; time: string }[] = [
  { tracer: 'FDG', run: 'FDG1', weekdays: WORKDAYS, time: '06:30:00' },
  { tracer: 'FDG', run: 'FDG2', weekdays: WORKDAYS, time: '10:30:00' },
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

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`Demo data refers to an unknown ${what}`);
  }
  return value;
}

function yearOf(date: string): number {
  return toPlainDate(date).year;
}

/** `time` plus whole minutes, same day (demo times never cross midnight). */
function timePlusMinutes(time: string, minutes: number): string {
  const [hours = 0, mins = 0, seconds = 0] = time.split(':').map(Number);
  const total = hours * 60 + mins + minutes;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}:${pad(seconds)}`;
}

export async function seedDemoRecords(
  models: Models,
  transaction: Transaction,
  context: DemoRecordContext,
): Promise<DemoRecordSummary> {
  const { today, timeZone, people } = context;
  const options = { transaction };
  const instantOf = (date: string, time: string) =>
    new Date(instantOfLocalDateTime(localDateTimeOf(date, time), timeZone).epochMilliseconds);
  const shopUser = people.get('shop-user') ?? null;
  const external = people.get('external') ?? null;
  const prodUser = people.get('prod-user') ?? null;
  const prodAdmin = people.get('prod-admin') ?? null;

  // Isotopes and tracers.
  const isotopeIds = new Map<string, number>();
  const halflives = new Map<string, number>();
  for (const { key, ...isotope } of ISOTOPES) {
    const row = await models.Isotope.create({ ...isotope, metastable: false }, options);
    isotopeIds.set(key, row.id);
    halflives.set(key, isotope.halflifeSeconds);
  }
  const tracerIds = new Map<string, number>();
  for (const { isotope, ...tracer } of TRACERS) {
    const row = await models.Tracer.create(
      { ...tracer, isotopeId: required(isotopeIds.get(isotope), 'isotope') },
      options,
    );
    tracerIds.set(tracer.shortname, row.id);
  }
  const tracerId = (name: TracerName) => required(tracerIds.get(name), `tracer ${name}`);

  // Customers and endpoints.
  const customerIds = new Map<string, number>();
  const endpointIds = new Map<string, number>();
  const endpointCustomer = new Map<string, number>();
  for (const { endpoints, ...customer } of CUSTOMERS) {
    const row = await models.Customer.create(customer, options);
    customerIds.set(customer.shortName, row.id);
    for (const endpoint of endpoints) {
      const endpointRow = await models.DeliveryEndpoint.create(
        {
          ...endpoint,
          customerId: row.id,
          city: customer.billingCity,
          zipCode: customer.billingZipCode,
        },
        options,
      );
      endpointIds.set(endpoint.name, endpointRow.id);
      endpointCustomer.set(endpoint.name, row.id);
    }
  }
  const endpointId = (name: EndpointName) => required(endpointIds.get(name), `endpoint ${name}`);

  const overheads = new Map<string, number>();
  for (const page of CATALOG) {
    await models.TracerCatalogPage.create(
      {
        endpointId: endpointId(page.endpoint),
        tracerId: tracerId(page.tracer),
        overheadMultiplier: page.overhead,
        maxInjections: page.maxInjections ?? 0,
      },
      options,
    );
    overheads.set(`${page.endpoint}/${page.tracer}`, page.overhead);
  }

  // The weekly schedule.
  interface SlotInfo {
    slot: ActivityDeliveryTimeSlot;
    endpoint: EndpointName;
    tracer: TracerName;
    run: string;
    productionTime: string;
  }
  const productionIds = new Map<string, number>();
  for (const production of PRODUCTIONS) {
    for (const weekday of production.weekdays) {
      const row = await models.ActivityProduction.create(
        { tracerId: tracerId(production.tracer), weekday, productionTime: production.time },
        options,
      );
      productionIds.set(`${production.run}/${weekday}`, row.id);
    }
  }
  const slots: SlotInfo[] = [];
  for (const slot of SLOTS) {
    const production = required(
      PRODUCTIONS.find((candidate) => candidate.run === slot.run),
      `run ${slot.run}`,
    );
    for (const weekday of production.weekdays) {
      const row = await models.ActivityDeliveryTimeSlot.create(
        {
          endpointId: endpointId(slot.endpoint),
          productionId: required(productionIds.get(`${slot.run}/${weekday}`), 'production'),
          deliveryTime: slot.time,
          weeklyRepeat: slot.repeat,
        },
        options,
      );
      slots.push({
        slot: row,
        endpoint: slot.endpoint,
        tracer: production.tracer,
        run: slot.run,
        productionTime: production.time,
      });
    }
  }
  const weekdayOfSlot = new Map<number, number>();
  for (const production of PRODUCTIONS) {
    for (const weekday of production.weekdays) {
      weekdayOfSlot.set(
        required(productionIds.get(`${production.run}/${weekday}`), 'production'),
        weekday,
      );
    }
  }

  const cuProduction = await models.IsotopeProduction.create(
    {
      isotopeId: required(isotopeIds.get('Cu-64'), 'isotope'),
      weekday: 2,
      productionTime: '10:00:00',
    },
    options,
  );
  const panumCopper = await models.IsotopeDelivery.create(
    {
      isotopeProductionId: cuProduction.id,
      endpointId: endpointId('Panum'),
      deliveryTime: '14:00:00',
      weeklyRepeat: WeeklyRepeat.EveryWeek,
    },
    options,
  );
  await models.IsotopeDelivery.create(
    {
      isotopeProductionId: cuProduction.id,
      endpointId: endpointId('PET1'),
      deliveryTime: '13:30:00',
      weeklyRepeat: WeeklyRepeat.OddWeeks,
    },
    options,
  );

  // Deadlines and closed days.
  await models.Deadline.create(
    {
      deadlineType: DeadlineType.Daily,
      deadlineTime: '13:00:00',
      weekday: null,
      appliesTo: DeadlineScope.Activity,
    },
    options,
  );
  await models.Deadline.create(
    {
      deadlineType: DeadlineType.Weekly,
      deadlineTime: '12:00:00',
      weekday: 3,
      appliesTo: DeadlineScope.Injection,
    },
    options,
  );
  const closedDates = [
    ...danishPublicHolidays(yearOf(today)),
    ...danishPublicHolidays(yearOf(today) + 1),
  ].map((holiday) => holiday.date);
  await models.ClosedDate.bulkCreate(
    closedDates.map((closeDate) => ({ closeDate })),
    options,
  );
  const closed = new Set(closedDates);

  // RIS: locations, procedures and bookings for today and the next days.
  const locationIds = new Map<string, number>();
  for (const location of LOCATIONS) {
    const row = await models.Location.create(
      {
        locationCode: location.code,
        commonName: location.name,
        endpointId: location.endpoint === null ? null : endpointId(location.endpoint),
      },
      options,
    );
    locationIds.set(location.code, row.id);
  }
  const identifierIds = new Map<string, number>();
  for (const { key, ...identifier } of PROCEDURE_IDENTIFIERS) {
    const row = await models.ProcedureIdentifier.create(identifier, options);
    identifierIds.set(key, row.id);
  }
  for (const procedure of PROCEDURES) {
    await models.Procedure.create(
      {
        procedureIdentifierId: required(identifierIds.get(procedure.identifier), 'procedure'),
        endpointId: endpointId(procedure.endpoint),
        tracerId: tracerId(procedure.tracer),
        tracerUnits: procedure.units,
        delayMinutes: procedure.delay,
      },
      options,
    );
  }
  // The first working day from today on carries today's work (accepted orders, dispensed
  // vials waiting for release), so that a demo seeded on a weekend looks the same.
  const isWorkday = (date: string) => weekdayOf(date) <= 4 && !closed.has(date);
  let firstWorkday = today;
  while (!isWorkday(firstWorkday)) {
    firstWorkday = addDays(firstWorkday, 1);
  }
  /** `count` working days from `date` on (inclusive), going forward or (step -1) back. */
  const workdaysFrom = (date: string, count: number, step: 1 | -1): string[] => {
    const days: string[] = [];
    for (let day = date; days.length < count; day = addDays(day, step)) {
      if (isWorkday(day)) {
        days.push(day);
      }
    }
    return days;
  };
  const [, nextWorkday = firstWorkday] = workdaysFrom(firstWorkday, 2, 1);
  /** Five working days back, the first working day from today, four more ahead. */
  const orderDays = [
    ...workdaysFrom(addDays(today, -1), 5, -1).reverse(),
    ...workdaysFrom(firstWorkday, 5, 1),
  ];

  // Bookings of the next four working days; on the first one was ordered and one rejected.
  let bookingCount = 0;
  let firstBookingDay = true;
  for (const date of workdaysFrom(firstWorkday, 4, 1)) {
    for (const [index, booking] of DAILY_BOOKINGS.entries()) {
      let status: BookingStatus = BookingStatus.Initial;
      if (firstBookingDay && index === 0) {
        status = BookingStatus.Ordered;
      } else if (firstBookingDay && index === 4) {
        status = BookingStatus.Rejected;
      }
      await models.Booking.create(
        {
          accessionNumber: `DKRGH${lotDateCode(date)}${String(index + 1).padStart(3, '0')}`,
          locationId: required(locationIds.get(booking.location), 'location'),
          procedureIdentifierId: required(identifierIds.get(booking.procedure), 'procedure'),
          startDate: date,
          startTime: booking.time,
          status,
        },
        options,
      );
      bookingCount += 1;
    }
    firstBookingDay = false;
  }

  // Activity orders on the order days, with vials for the released ones.
  let activityOrders = 0;
  let vials = 0;
  let rejectedOne = false;
  const fdgHalflife = required(halflives.get('F-18'), 'isotope');
  for (const [dayIndex, date] of orderDays.entries()) {
    const daySlots = slots.filter((info) =>
      slotDeliversOn(
        {
          weekday: required(weekdayOfSlot.get(info.slot.productionId), 'weekday'),
          weeklyRepeat: info.slot.weeklyRepeat,
        },
        date,
      ),
    );
    for (const [index, info] of daySlots.entries()) {
      const orderer = info.endpoint === 'Panum' ? external : shopUser;
      const orderedActivity = 250 * (1 + ((index + dayIndex) % 4));
      let status: OrderStatus = OrderStatus.Ordered;
      if (date < firstWorkday) {
        status = OrderStatus.Released;
      } else if (date === firstWorkday) {
        status = info.run === 'FDG2' ? OrderStatus.Ordered : OrderStatus.Accepted;
      } else if (!rejectedOne && info.endpoint === 'Herlev' && info.run === 'FDG1') {
        status = OrderStatus.Rejected;
        rejectedOne = true;
      } else if (date === nextWorkday && info.run === 'FDG1') {
        status = OrderStatus.Accepted;
      }
      // The PET1 09:30 order of the next working day was moved to the 08:00 slot of its run.
      const movedTo =
        date === nextWorkday && info.endpoint === 'PET1' && info.slot.deliveryTime === '09:30:00'
          ? daySlots.find(
              (other) =>
                other.endpoint === 'PET1' &&
                other.slot.productionId === info.slot.productionId &&
                other.slot.deliveryTime === '08:00:00',
            )
          : undefined;
      const released = status === OrderStatus.Released;
      const order = await models.ActivityOrder.create(
        {
          orderedActivity,
          deliveryDate: date,
          status,
          comment: index % 5 === 4 ? 'Ring venligst ved levering' : null,
          orderedTimeSlotId: info.slot.id,
          movedToTimeSlotId: movedTo?.slot.id ?? null,
          orderedById: orderer?.id ?? null,
          orderedByName: orderer?.name ?? null,
          freedAt: released ? instantOf(date, timePlusMinutes(info.productionTime, 55)) : null,
          freedById: released ? (prodUser?.id ?? null) : null,
          freedByName: released ? (prodUser?.name ?? null) : null,
        },
        options,
      );
      activityOrders += 1;
      if (released || (date === firstWorkday && status === OrderStatus.Accepted)) {
        const fillTime = timePlusMinutes(info.productionTime, 40);
        const overhead = overheads.get(`${info.endpoint}/${info.tracer}`) ?? 1;
        const activityAtFill = requiredActivity(
          orderedActivity * overhead,
          fdgHalflife,
          secondsBetweenTimes(date, fillTime, info.slot.deliveryTime, timeZone),
        );
        const vialTag = TRACERS.find((tracer) => tracer.shortname === info.tracer)?.vialTag ?? '';
        await models.Vial.create(
          {
            tracerId: tracerId(info.tracer),
            customerId: required(endpointCustomer.get(info.endpoint), 'customer'),
            lotNumber: `${vialTag}-${lotDateCode(date)}-${info.run === 'FDG2' ? 2 : 1}`,
            fillDate: date,
            fillTime,
            activity: Math.round(activityAtFill),
            volume: Math.round((activityAtFill / 400) * 10) / 10,
            // Released orders carry their vials; the first working day's wait for release.
            assignedToId: released ? order.id : null,
          },
          options,
        );
        vials += 1;
      }
    }
    if (date === firstWorkday) {
      // A quality-control vial has no owner.
      await models.Vial.create(
        {
          tracerId: tracerId('FDG'),
          customerId: null,
          lotNumber: `FDG-${lotDateCode(date)}-1`,
          fillDate: date,
          fillTime: '07:05:00',
          activity: 35,
          volume: 0.2,
          assignedToId: null,
        },
        options,
      );
      vials += 1;
    }
  }

  // Injection orders: PSMA for PET1 and Herlev, Cu-DOTATATE for animal studies at Panum.
  let injectionOrders = 0;
  const injectionPlan: {
    endpoint: EndpointName;
    tracer: TracerName;
    time: string;
    usage: TracerUsage;
  }[] = [
    { endpoint: 'PET1', tracer: 'Ga-PSMA', time: '11:00:00', usage: TracerUsage.Human },
    { endpoint: 'Herlev', tracer: 'Ga-PSMA', time: '10:15:00', usage: TracerUsage.Human },
    { endpoint: 'Panum', tracer: 'Cu-DOTATATE', time: '14:00:00', usage: TracerUsage.Animal },
  ];
  for (const [dayIndex, date] of orderDays.entries()) {
    for (const [index, plan] of injectionPlan.entries()) {
      if (plan.endpoint === 'Panum' && weekdayOf(date) !== 2) {
        continue;
      }
      const orderer = plan.endpoint === 'Panum' ? external : shopUser;
      let status: OrderStatus = date < firstWorkday ? OrderStatus.Released : OrderStatus.Ordered;
      if (date === firstWorkday) {
        status = OrderStatus.Accepted;
      } else if (date === nextWorkday && index === 1) {
        status = OrderStatus.Rejected;
      }
      const released = status === OrderStatus.Released;
      const vialTag = TRACERS.find((tracer) => tracer.shortname === plan.tracer)?.vialTag ?? 'X';
      await models.InjectionOrder.create(
        {
          endpointId: endpointId(plan.endpoint),
          tracerId: tracerId(plan.tracer),
          deliveryDate: date,
          deliveryTime: plan.time,
          injections: 1 + ((dayIndex + index) % 3),
          tracerUsage: plan.usage,
          status,
          comment: null,
          lotNumber: released ? `${vialTag}-${lotDateCode(date)}-1` : null,
          maxInjectionVolume: released ? 10 : null,
          orderedById: orderer?.id ?? null,
          orderedByName: orderer?.name ?? null,
          freedAt: released ? instantOf(date, timePlusMinutes(plan.time, -45)) : null,
          freedById: released ? (prodUser?.id ?? null) : null,
          freedByName: released ? (prodUser?.name ?? null) : null,
        },
        options,
      );
      injectionOrders += 1;
    }
  }

  // Isotope orders: Cu-64 on Wednesdays for Panum, with a delivered vial when released.
  let isotopeOrders = 0;
  const copperOrderer = external ?? prodAdmin;
  if (copperOrderer !== null) {
    for (let offset = -14; offset <= 14; offset += 1) {
      const date = addDays(today, offset);
      if (weekdayOf(date) !== 2 || closed.has(date)) {
        continue;
      }
      const released = date < today;
      const order = await models.IsotopeOrder.create(
        {
          isotopeDeliveryId: panumCopper.id,
          deliveryDate: date,
          orderedActivity: 2000,
          status: released ? OrderStatus.Released : OrderStatus.Ordered,
          comment: '',
          orderedById: copperOrderer.id,
          orderedByName: copperOrderer.name,
          freedAt: released ? instantOf(date, '13:00:00') : null,
          freedById: released ? (prodUser?.id ?? null) : null,
          freedByName: released ? (prodUser?.name ?? null) : null,
        },
        options,
      );
      isotopeOrders += 1;
      if (released) {
        await models.IsotopeVial.create(
          {
            isotopeId: required(isotopeIds.get('Cu-64'), 'isotope'),
            batchNumber: `CU64-${lotDateCode(date)}-1`,
            calibratedAt: instantOf(date, '12:00:00'),
            activity: 2500,
            volume: 1.5,
            deliveredWithId: order.id,
          },
          options,
        );
      }
    }
  }

  // Release rights.
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
  let releaseRights = 0;
  for (const right of rights) {
    if (right.person === null) {
      continue;
    }
    await models.ReleaseRight.create(
      {
        userId: right.person.id,
        userName: right.person.name,
        tracerId: right.tracer === undefined ? null : tracerId(right.tracer),
        isotopeId:
          right.isotope === undefined ? null : required(isotopeIds.get(right.isotope), 'isotope'),
        expiryDate: right.expiry,
      },
      options,
    );
    releaseRights += 1;
  }

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
      activityOrders,
      injectionOrders,
      isotopeOrders,
      vials,
      releaseRights,
    },
  };
}
