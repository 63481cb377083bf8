import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

import {
  DeadlineScope,
  DeadlineType,
  OrderStatus,
  ServiceAddressKind,
  TracerType,
  TracerUsage,
  UserGroup,
  UserSource,
  WeeklyRepeat,
} from '../enums';
import { messageFor, validationMessages } from '../validationMessages';
import * as entities from './entities';
import * as inputs from './inputs';
import * as primitives from './primitives';

const ONE_MB = 'a'.repeat(1_000_000);
const KEY = '2b7e1516-28ae-4d2a-a6ab-f7158809cf4f';
const SHA = 'a'.repeat(64);

/** The issues of a parse that must fail. */
function issuesOf(schema: z.ZodType, value: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse(value);
  expect(result.success, `expected ${JSON.stringify(value)?.slice(0, 200)} to be refused`).toBe(
    false,
  );
  return result.success ? [] : result.error.issues;
}

/** The messages of a parse that must fail. */
function messagesOf(schema: z.ZodType, value: unknown): string[] {
  return issuesOf(schema, value).map((issue) => issue.message);
}

function accepts(schema: z.ZodType, value: unknown): boolean {
  return schema.safeParse(value).success;
}

const allKeys = new Set(Object.keys(validationMessages.da));

// A valid example of every input the api accepts.
const examples = {
  idInput: { id: 1 },
  activityOrderCreateInput: {
    orderedTimeSlotId: 3,
    deliveryDate: '2024-12-02',
    orderedActivity: 1200.5,
    comment: 'Please early',
    clientKey: KEY,
  },
  activityOrderEditInput: { id: 4, orderedActivity: 900, comment: null },
  activityOrderDeleteInput: { id: 4 },
  limitOverrideInput: { reason: 'Two scanners today' },
  productionActivityOrderCreateInput: {
    orderedTimeSlotId: 3,
    deliveryDate: '2024-12-02',
    orderedActivity: 60_000,
    limitOverride: { reason: 'Two scanners today' },
  },
  productionActivityOrderEditInput: { id: 4, orderedActivity: 900 },
  injectionOrderCreateInput: {
    endpointId: 1,
    tracerId: 2,
    deliveryDate: '2024-12-02',
    deliveryTime: '08:30:00',
    injections: 4,
    tracerUsage: TracerUsage.Human,
    comment: '',
    clientKey: KEY,
  },
  injectionOrderEditInput: { id: 5, injections: 2, tracerUsage: TracerUsage.Animal },
  injectionOrderDeleteInput: { id: 5 },
  productionInjectionOrderCreateInput: {
    endpointId: 1,
    tracerId: 2,
    deliveryDate: '2024-12-02',
    deliveryTime: '08:30:00',
    injections: 24,
    tracerUsage: TracerUsage.Human,
    limitOverride: { reason: 'Study day' },
  },
  productionInjectionOrderEditInput: { id: 5, injections: 2 },
  isotopeOrderCreateInput: {
    isotopeDeliveryId: 1,
    deliveryDate: '2024-12-03',
    orderedActivity: 500,
    comment: 'x',
  },
  isotopeOrderEditInput: { id: 6, orderedActivity: 400 },
  productionIsotopeOrderEditInput: { id: 6, orderedActivity: 400, reason: 'Kunden ringede' },
  isotopeOrderDeleteInput: { id: 6 },
  massOrderInput: {
    endpointId: 1,
    date: '2024-12-02',
    decisions: { REGH02301111: true, REGH02301112: false },
    clientKey: KEY,
  },
  ordersWindowInput: { centralDate: '2024-12-02', endpointIds: [1, 2] },
  stateReadInput: { date: '2024-12-02' },
  bookingsByEndpointDateInput: { endpointId: 1, date: '2024-12-02' },
  bookingPreviewInput: { endpointId: 1, tracerId: 2, date: '2024-12-02' },
  orderIdsInput: { orderIds: [1, 2, 3] },
  moveOrdersInput: { orderIds: [1], toSlotId: 2 },
  restoreOrdersInput: { orderIds: [1], reason: 'Flyttet ved en fejl' },
  productionOrderDeleteInput: { id: 4, reason: 'Bestilt to gange' },
  activityReleaseInput: {
    slotId: 1,
    deliveryDate: '2024-12-02',
    orderIds: [1, 2],
    vialIds: [7],
    password: 'secret',
  },
  injectionReleaseInput: {
    orderId: 1,
    lotNumber: 'FDGF-241202-1',
    maxInjectionVolume: 10,
    password: 'secret',
  },
  injectionMultiReleaseInput: {
    orderIds: [1, 2],
    lotNumber: 'FDGF-241202-2',
    maxInjectionVolume: 2.5,
    password: 'secret',
  },
  isotopeReleaseInput: { orderIds: [1], isotopeVialIds: [2, 3], password: 'secret' },
  correctionInput: { activityOrderIds: [1], injectionOrderIds: [], password: 'secret' },
  vialCreateInput: {
    tracerId: 1,
    customerId: null,
    lotNumber: 'FDGF-241202-1',
    fillDate: '2024-12-02',
    fillTime: '07:15:00',
    activity: 12000,
    volume: 12.5,
  },
  vialEditInput: { id: 9, activity: 11000 },
  isotopeVialCreateInput: {
    isotopeId: 1,
    batchNumber: 'Ga-68 2024/12',
    calibratedAt: '2024-12-02T07:00:00Z',
    activity: 800,
    volume: 4,
  },
  isotopeVialEditInput: { id: 9, calibratedAt: '2024-12-02T07:00:00.250Z' },
  loginInput: { username: 'ABCD1234', password: 'x' },
  changePasswordInput: { currentPassword: 'old', newPassword: 'new secret' },
  externalUserCreateInput: { username: 'klinik1', password: 'long enough', customerId: 2 },
  externalUserChangePasswordInput: { userId: 3, password: 'long enough' },
  externalUserAssignCustomerInput: { userId: 3, customerId: 2 },
  userAssignmentCreateInput: { username: 'ABCD1234', customerId: 2 },
  userAssignmentDeleteInput: { id: 1 },
  userEditInput: { id: 3, userGroup: UserGroup.ShopUser, active: false },
  userCreateInput: {
    username: 'hansen',
    displayName: 'Anna Hansen',
    userGroup: UserGroup.ShopUser,
    password: 'long enough',
    customerIds: [2],
  },
  userPasswordResetInput: { id: 3, password: 'long enough' },
  apiTokenCreateInput: {
    name: 'Nightly deliveries',
    userGroup: UserGroup.ProductionUser,
    access: 'read',
    customerIds: [],
    expiresOn: '2027-06-30',
  },
  releaseRightCreateInput: { userId: 2, tracerId: 1, expiryDate: '2025-12-31' },
  releaseRightEditInput: { id: 1, expiryDate: null },
  isotopeCreateInput: {
    atomicNumber: 9,
    atomicMass: 18,
    atomicLetter: 'F',
    halflifeSeconds: 6586.2,
    metastable: false,
  },
  isotopeEditInput: { id: 1, halflifeSeconds: 6586 },
  tracerCreateInput: {
    shortname: 'FDG',
    clinicalName: '[18F]Fluorodeoxyglucose',
    isotopeId: 1,
    tracerType: TracerType.Activity,
    vialTag: 'FDGF',
    marketed: true,
  },
  tracerEditInput: { id: 1, vialTag: '', maxActivityPerOrder: 30_000, releaseLeadHours: 6 },
  tracerArchiveInput: { id: 1, archived: true },
  customerCreateInput: {
    shortName: 'Rigs',
    longName: 'Rigshospitalet',
    dispenserId: 4,
    billingAddress: 'Blegdamsvej 9',
    billingCity: 'København Ø',
    billingEmail: 'billing@example.dk',
    billingPhone: '35454147',
    billingZipCode: '2100',
  },
  customerEditInput: { id: 1, billingEmail: '' },
  deliveryEndpointCreateInput: { customerId: 1, name: 'PET 1', city: null },
  deliveryEndpointEditInput: { id: 1, phone: '12345678' },
  tracerCatalogPageCreateInput: { endpointId: 1, tracerId: 1, overheadMultiplier: 1.25 },
  tracerCatalogPageEditInput: { id: 1, overheadMultiplier: 1 },
  customerNoticeCreateInput: { message: 'Lukket 24/12', expiresOn: null, customerIds: [1, 2] },
  customerNoticeEditInput: { id: 1, message: 'Lukket 25/12' },
  activityProductionCreateInput: { tracerId: 1, weekday: 0, productionTime: '06:00:00' },
  activityProductionEditInput: { id: 1, weekday: 6 },
  activityDeliveryTimeSlotCreateInput: {
    endpointId: 1,
    productionId: 1,
    deliveryTime: '08:00:00',
    weeklyRepeat: WeeklyRepeat.EvenWeeks,
  },
  activityDeliveryTimeSlotEditInput: { id: 1, expirationDate: '2025-01-01' },
  isotopeProductionCreateInput: { isotopeId: 1, weekday: 2, productionTime: '10:00:00' },
  isotopeProductionEditInput: { id: 1, expirationDate: null },
  isotopeDeliveryCreateInput: {
    isotopeProductionId: 1,
    endpointId: 1,
    deliveryTime: '12:00:00',
    weeklyRepeat: WeeklyRepeat.EveryWeek,
  },
  isotopeDeliveryEditInput: { id: 1, weeklyRepeat: WeeklyRepeat.OddWeeks },
  deadlineCreateInput: {
    deadlineType: DeadlineType.Weekly,
    deadlineTime: '13:00:00',
    weekday: 3,
    appliesTo: DeadlineScope.Activity,
  },
  deadlineEditInput: { id: 1, deadlineTime: '12:00:00' },
  closedDateToggleInput: { date: '2024-12-24' },
  locationCreateInput: { locationCode: 'KF-PET1', commonName: 'PET 1', endpointId: 1 },
  locationEditInput: { id: 1, endpointId: null },
  procedureIdentifierCreateInput: { code: 'WPETCT', description: 'PET/CT FDG', isPet: true },
  procedureIdentifierEditInput: { id: 1, isPet: false },
  procedureCreateInput: {
    procedureIdentifierId: 1,
    endpointId: 1,
    tracerId: 1,
    tracerUnits: 2000,
    delayMinutes: 0,
  },
  procedureEditInput: { id: 1, delayMinutes: 30 },
  serverSettingsEditInput: { dateRangeDays: 64, adminEmail: 'admin@example.dk' },
  printerCreateInput: {
    name: 'Label-printer-ø1',
    host: '10.0.0.12',
    port: 9100,
    uri: 'ipp://10.0.0.12/ipp/print',
    labelPrinter: true,
  },
  printerEditInput: { id: 1, host: 'printer.example.dk' },
  serviceAddressCreateInput: {
    kind: ServiceAddressKind.Dicom,
    host: 'ris.example.dk',
    port: 104,
    aeTitle: 'RHKFATBUK561',
    description: 'RIS worklist',
  },
  serviceAddressEditInput: { id: 1, port: 2575 },
} satisfies Record<string, Record<string, unknown>>;

const inputSchemas: [string, z.ZodType][] = Object.entries(inputs).filter(([name]) =>
  name.endsWith('Input'),
);

function schemaNamed(name: string): z.ZodType {
  const found = inputSchemas.find(([inputName]) => inputName === name);
  if (found === undefined) {
    throw new Error(`no input schema ${name}`);
  }
  return found[1];
}

const exampleEntries = Object.entries(examples as Record<string, Record<string, unknown>>).map(
  ([name, example]) => [name, schemaNamed(name), example] as const,
);

describe('input schemas: every input', () => {
  it('[URS-DAT-001] has an example here (so the checks below cover every input)', () => {
    expect(inputSchemas.length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(examples).sort()).toEqual(inputSchemas.map(([name]) => name).sort());
  });

  it.each(exampleEntries)(
    '[URS-DAT-001] %s accepts its valid example',
    (_name, schema, example) => {
      expect(schema.safeParse(example).error?.issues).toBeUndefined();
    },
  );

  it.each(exampleEntries)('[URS-DAT-001] %s refuses an unknown field', (_name, schema, example) => {
    const issues = issuesOf(schema, { ...example, unexpected: 1 });
    expect(issues.map((issue) => [issue.code, issue.message])).toContainEqual([
      'unrecognized_keys',
      'input.invalid',
    ]);
  });

  it.each(exampleEntries)(
    '[URS-DAT-001] %s refuses a 1 MB string in each text field',
    (_name, schema, ex) => {
      for (const [field, value] of Object.entries(ex)) {
        if (typeof value === 'string') {
          const issues = issuesOf(schema, { ...ex, [field]: ONE_MB });
          expect(issues.some((issue) => issue.path[0] === field)).toBe(true);
        }
      }
    },
  );

  it.each(exampleEntries)(
    '[URS-DAT-001] %s refuses wrong types (null, array, string)',
    (_name, schema) => {
      expect(messagesOf(schema, null)).toEqual(['input.invalid']);
      expect(messagesOf(schema, [])).toEqual(['input.invalid']);
      expect(messagesOf(schema, 'x')).toEqual(['input.invalid']);
    },
  );

  it.each(exampleEntries)(
    '[URS-DAT-001] %s refuses a number field given as text',
    (_name, schema, ex) => {
      for (const [field, value] of Object.entries(ex)) {
        if (typeof value === 'number') {
          expect(accepts(schema, { ...ex, [field]: String(value) })).toBe(false);
        }
      }
    },
  );
});

describe('create inputs refuse what only the server sets', () => {
  const creates = exampleEntries.filter(
    ([name]) =>
      name.includes('Create') ||
      name === 'massOrderInput' ||
      name === 'activityReleaseInput' ||
      name === 'injectionReleaseInput',
  );

  it.each(creates)(
    '[URS-ORD-004] %s refuses status, orderedById, freedById, freedAt',
    (_n, schema, ex) => {
      expect(creates.length).toBeGreaterThan(20);
      for (const field of ['status', 'orderedById', 'freedById', 'freedAt', 'orderedByName']) {
        expect(messagesOf(schema, { ...ex, [field]: field === 'status' ? 3 : 1 })).toContain(
          'input.invalid',
        );
      }
    },
  );

  it('[URS-ORD-004] an order create with status Released is refused', () => {
    const create = { ...examples.activityOrderCreateInput, status: OrderStatus.Released };
    expect(inputs.activityOrderCreateInput.safeParse(create).success).toBe(false);
  });
});

describe('limits are refused at limit + 1', () => {
  it('[URS-DAT-001] order comments: 800 accepted, 801 refused with input.tooLong', () => {
    const base = examples.activityOrderCreateInput;
    expect(accepts(inputs.activityOrderCreateInput, { ...base, comment: 'c'.repeat(800) })).toBe(
      true,
    );
    expect(
      messagesOf(inputs.activityOrderCreateInput, { ...base, comment: 'c'.repeat(801) }),
    ).toEqual(['input.tooLong']);
    expect(messagesOf(inputs.injectionOrderEditInput, { id: 1, comment: 'c'.repeat(801) })).toEqual(
      ['input.tooLong'],
    );
  });

  it('[URS-DAT-001] comments are trimmed before the length check', () => {
    const parsed = inputs.activityOrderCreateInput.parse({
      ...examples.activityOrderCreateInput,
      comment: `  ${'c'.repeat(800)}  `,
    });
    expect(parsed.comment).toHaveLength(800);
  });

  it('[URS-DAT-001] isotope order comments: 500 accepted, 501 refused', () => {
    const base = examples.isotopeOrderCreateInput;
    expect(accepts(inputs.isotopeOrderCreateInput, { ...base, comment: 'c'.repeat(500) })).toBe(
      true,
    );
    expect(
      messagesOf(inputs.isotopeOrderCreateInput, { ...base, comment: 'c'.repeat(501) }),
    ).toEqual(['input.tooLong']);
  });

  it('[URS-DAT-001] short names: 32 accepted, 33 and empty refused', () => {
    const base = examples.customerCreateInput;
    expect(accepts(inputs.customerCreateInput, { ...base, shortName: 's'.repeat(32) })).toBe(true);
    expect(messagesOf(inputs.customerCreateInput, { ...base, shortName: 's'.repeat(33) })).toEqual([
      'input.tooLong',
    ]);
    expect(messagesOf(inputs.customerCreateInput, { ...base, shortName: '   ' })).toEqual([
      'input.empty',
    ]);
    expect(messagesOf(inputs.tracerEditInput, { id: 1, shortname: 's'.repeat(33) })).toEqual([
      'input.tooLong',
    ]);
  });

  it('[URS-DAT-001] clinical name 257, lot number 33, batch 129, atomic letter 4 are refused', () => {
    expect(messagesOf(inputs.tracerEditInput, { id: 1, clinicalName: 'c'.repeat(257) })).toEqual([
      'input.tooLong',
    ]);
    expect(
      messagesOf(inputs.injectionReleaseInput, {
        ...examples.injectionReleaseInput,
        lotNumber: `A-241202-${'1'.repeat(24)}`,
      }),
    ).toEqual(['input.tooLong']);
    expect(
      messagesOf(inputs.isotopeVialEditInput, { id: 1, batchNumber: 'b'.repeat(129) }),
    ).toEqual(['input.tooLong']);
    expect(messagesOf(inputs.isotopeEditInput, { id: 1, atomicLetter: 'Abcd' })).toEqual([
      'input.tooLong',
    ]);
  });

  it('[URS-DAT-001] login: username 150 / password 1024 accepted, one more refused', () => {
    expect(
      accepts(inputs.loginInput, { username: 'u'.repeat(150), password: 'p'.repeat(1024) }),
    ).toBe(true);
    expect(messagesOf(inputs.loginInput, { username: 'u'.repeat(151), password: 'p' })).toEqual([
      'input.tooLong',
    ]);
    expect(messagesOf(inputs.loginInput, { username: 'u', password: 'p'.repeat(1025) })).toEqual([
      'input.tooLong',
    ]);
    expect(messagesOf(inputs.loginInput, { username: 'u', password: '' })).toEqual(['input.empty']);
  });

  it('[URS-ACC-003] new passwords need 8 characters; login and signatures do not', () => {
    expect(
      accepts(inputs.changePasswordInput, { currentPassword: 'a', newPassword: '12345678' }),
    ).toBe(true);
    expect(
      messagesOf(inputs.changePasswordInput, { currentPassword: 'a', newPassword: '1234567' }),
    ).toEqual(['input.tooShort']);
    expect(accepts(inputs.externalUserCreateInput, { username: 'ext', password: '1234567' })).toBe(
      false,
    );
    expect(
      accepts(inputs.isotopeReleaseInput, { ...examples.isotopeReleaseInput, password: 'x' }),
    ).toBe(true);
  });

  it('[URS-DAT-001] id lists: empty and 501 ids refused, 500 accepted', () => {
    const ids = Array.from({ length: 500 }, (_, index) => index + 1);
    expect(accepts(inputs.orderIdsInput, { orderIds: ids })).toBe(true);
    expect(messagesOf(inputs.orderIdsInput, { orderIds: [...ids, 501] })).toEqual([
      'input.tooLong',
    ]);
    expect(messagesOf(inputs.orderIdsInput, { orderIds: [] })).toEqual(['input.empty']);
    expect(messagesOf(inputs.orderIdsInput, { orderIds: [0, -1, 1.5, '2'] })).toEqual([
      'input.invalid',
      'input.invalid',
      'input.invalid',
      'input.invalid',
    ]);
    expect(
      messagesOf(inputs.activityReleaseInput, { ...examples.activityReleaseInput, vialIds: [] }),
    ).toEqual(['input.empty']);
  });

  it('[URS-DAT-001] mass orders: 2000 decisions accepted, 2001 and none refused, long accession refused', () => {
    const decisions = (count: number): Record<string, boolean> =>
      Object.fromEntries(Array.from({ length: count }, (_, index) => [`ACC${index}`, true]));
    const base = examples.massOrderInput;
    expect(accepts(inputs.massOrderInput, { ...base, decisions: decisions(2000) })).toBe(true);
    expect(messagesOf(inputs.massOrderInput, { ...base, decisions: decisions(2001) })).toEqual([
      'input.tooLong',
    ]);
    expect(messagesOf(inputs.massOrderInput, { ...base, decisions: {} })).toEqual(['input.empty']);
    expect(accepts(inputs.massOrderInput, { ...base, decisions: { [ONE_MB]: true } })).toBe(false);
    expect(accepts(inputs.massOrderInput, { ...base, decisions: { ACC1: 'yes' } })).toBe(false);
    expect(accepts(inputs.massOrderInput, { ...base, clientKey: 'not-a-uuid' })).toBe(false);
    const { clientKey: _unused, ...withoutKey } = base;
    expect(messagesOf(inputs.massOrderInput, withoutKey)).toEqual(['input.empty']);
  });
});

describe('numbers', () => {
  const base = examples.activityOrderCreateInput;
  const activity = (value: unknown): string[] =>
    messagesOf(inputs.activityOrderCreateInput, { ...base, orderedActivity: value });

  it('[URS-DAT-001] activity: zero, negative, text, NaN, Infinity and above 1e9 are refused', () => {
    expect(activity(0)).toEqual(['input.zero']);
    expect(activity(-1.246e10)).toEqual(['input.negative']);
    expect(activity('12')).toEqual(['input.notANumber']);
    expect(activity(Number.NaN)).toEqual(['input.notANumber']);
    expect(activity(Number.POSITIVE_INFINITY)).toEqual(['input.notANumber']);
    expect(activity(1e9 + 1)).toEqual(['input.invalid']);
    expect(accepts(inputs.activityOrderCreateInput, { ...base, orderedActivity: 1e9 })).toBe(true);
  });

  it('[URS-DAT-001] a missing required field is input.empty', () => {
    const { orderedActivity: _unused, ...rest } = base;
    expect(messagesOf(inputs.activityOrderCreateInput, rest)).toEqual(['input.empty']);
  });

  it('[URS-DAT-001] injections are whole, 1 to 1000', () => {
    const order = examples.injectionOrderCreateInput;
    const injections = (value: unknown): string[] =>
      messagesOf(inputs.injectionOrderCreateInput, { ...order, injections: value });
    expect(injections(1.5)).toEqual(['input.notWholeNumber']);
    expect(injections(0)).toEqual(['input.zero']);
    expect(injections(1001)).toEqual(['input.invalid']);
    expect(accepts(inputs.injectionOrderCreateInput, { ...order, injections: 1000 })).toBe(true);
  });

  it('[URS-DAT-001] isotope orders are whole MBq', () => {
    expect(messagesOf(inputs.isotopeOrderEditInput, { id: 1, orderedActivity: 10.5 })).toEqual([
      'input.notWholeNumber',
    ]);
  });

  it('[URS-DAT-001] enumerations: only their values', () => {
    const order = examples.injectionOrderCreateInput;
    expect(messagesOf(inputs.injectionOrderCreateInput, { ...order, tracerUsage: 3 })).toEqual([
      'input.invalid',
    ]);
    expect(messagesOf(inputs.activityProductionEditInput, { id: 1, weekday: 7 })).toEqual([
      'input.invalid',
    ]);
    expect(accepts(inputs.activityProductionEditInput, { id: 1, weekday: '0' })).toBe(false);
  });

  it('[URS-DAT-001][URS-PRD-003] overhead multiplier is at least 1 (legacy percent ≥ 0)', () => {
    expect(
      messagesOf(inputs.tracerCatalogPageEditInput, { id: 1, overheadMultiplier: 0.99 }),
    ).toEqual(['input.negative']);
    expect(accepts(inputs.tracerCatalogPageEditInput, { id: 1, overheadMultiplier: 1.44 })).toBe(
      true,
    );
  });

  it('[URS-DAT-001] vial volume and max injection volume must be above zero', () => {
    expect(messagesOf(inputs.vialEditInput, { id: 1, volume: 0 })).toEqual(['input.zero']);
    expect(
      messagesOf(inputs.injectionReleaseInput, {
        ...examples.injectionReleaseInput,
        maxInjectionVolume: -2,
      }),
    ).toEqual(['input.negative']);
  });
});

describe('dates, times and instants', () => {
  const order = examples.injectionOrderCreateInput;
  const parse = (patch: Record<string, unknown>): boolean =>
    inputs.injectionOrderCreateInput.safeParse({ ...order, ...patch }).success;

  it('[URS-DAT-001] dates must be real calendar dates in YYYY-MM-DD', () => {
    expect(parse({ deliveryDate: '2024-02-29' })).toBe(true);
    expect(messagesOf(inputs.closedDateToggleInput, { date: '2024-02-30' })).toEqual([
      'input.notADate',
    ]);
    expect(parse({ deliveryDate: '2023-02-29' })).toBe(false);
    expect(parse({ deliveryDate: '2024-13-01' })).toBe(false);
    expect(parse({ deliveryDate: '02/12/2024' })).toBe(false);
    expect(parse({ deliveryDate: '2024-12-02T00:00:00Z' })).toBe(false);
    expect(parse({ deliveryDate: 20241202 })).toBe(false);
  });

  it('[URS-DAT-001] times must be HH:MM:SS within the day', () => {
    expect(parse({ deliveryTime: '23:59:59' })).toBe(true);
    expect(parse({ deliveryTime: '00:00:00' })).toBe(true);
    for (const time of ['24:00:00', '10:70:00', '12:00:60', '12:00', '2:01:00', '12:00:00.5']) {
      expect(
        messagesOf(inputs.injectionOrderCreateInput, { ...order, deliveryTime: time }),
      ).toEqual(['input.notATime']);
    }
  });

  it('[URS-DAT-001] instants must be UTC with Z', () => {
    const vial = examples.isotopeVialCreateInput;
    const at = (calibratedAt: string): boolean =>
      inputs.isotopeVialCreateInput.safeParse({ ...vial, calibratedAt }).success;
    expect(at('2024-01-24T07:12:00Z')).toBe(true);
    expect(at('2024-01-24T07:12:00+01:00')).toBe(false);
    expect(at('2024-01-24T07:12:00')).toBe(false);
    expect(at('2024-02-30T07:12:00Z')).toBe(false);
  });
});

describe('texts with a format', () => {
  it('[URS-DAT-001][URS-VIA-006] lot numbers must match TAG-YYMMDD-N as a whole', () => {
    const release = examples.injectionReleaseInput;
    const lot = (lotNumber: string): string[] =>
      messagesOf(inputs.injectionReleaseInput, { ...release, lotNumber });
    expect(lot('asæd-123021-3')).toEqual(['input.badLotNumber']);
    expect(lot('FDGF-241202-0')).toEqual(['input.badLotNumber']);
    expect(lot('FDGF-24120-1')).toEqual(['input.badLotNumber']);
    expect(lot('x FDGF-241202-1')).toEqual(['input.badLotNumber']);
    expect(accepts(inputs.injectionReleaseInput, { ...release, lotNumber: ' a-999999-9 ' })).toBe(
      true,
    );
  });

  it('[URS-DAT-001] vial tags are letters and digits only', () => {
    expect(messagesOf(inputs.tracerEditInput, { id: 1, vialTag: 'FDG-F' })).toEqual([
      'input.badLotNumber',
    ]);
  });

  it('[URS-DAT-001] printer names: letters, æøå, digits and dashes', () => {
    expect(messagesOf(inputs.printerEditInput, { id: 1, name: 'bad name' })).toEqual([
      'input.badPrinterName',
    ]);
    expect(messagesOf(inputs.printerEditInput, { id: 1, name: 'p'.repeat(49) })).toEqual([
      'input.tooLong',
    ]);
    expect(accepts(inputs.printerEditInput, { id: 1, name: 'Æble-2' })).toBe(true);
  });

  it('[URS-DAT-001] ports: 1 to 49151, with the legacy messages', () => {
    const port = (value: unknown): string[] =>
      messagesOf(inputs.serviceAddressEditInput, { id: 1, port: value });
    expect(port(0)).toEqual(['input.portZero']);
    expect(port(49152)).toEqual(['input.portDynamic']);
    expect(port(65535)).toEqual(['input.portDynamic']);
    expect(port(65536)).toEqual(['input.portTooLarge']);
    expect(port(1024.5)).toEqual(['input.portNotPositiveInteger']);
    expect(port(-1024)).toEqual(['input.portNotPositiveInteger']);
    expect(port('Foobar')).toEqual(['input.portNotPositiveInteger']);
    expect(accepts(inputs.serviceAddressEditInput, { id: 1, port: 49151 })).toBe(true);
  });

  it('[URS-DAT-001] AE titles: 1 to 16 printable characters without backslash', () => {
    const ae = (aeTitle: string): string[] =>
      messagesOf(inputs.serviceAddressEditInput, { id: 1, aeTitle });
    expect(ae('A'.repeat(17))).toEqual(['input.badAeTitle']);
    expect(ae('')).toEqual(['input.badAeTitle']);
    expect(ae('AE\\TITLE')).toEqual(['input.badAeTitleCharacters']);
    expect(accepts(inputs.serviceAddressEditInput, { id: 1, aeTitle: 'A'.repeat(16) })).toBe(true);
  });

  it('[URS-DAT-001] a DICOM address needs an AE title; an HL7 one does not', () => {
    const { aeTitle: _unused, ...dicom } = examples.serviceAddressCreateInput;
    expect(messagesOf(inputs.serviceAddressCreateInput, dicom)).toEqual(['input.badAeTitle']);
    expect(
      accepts(inputs.serviceAddressCreateInput, { ...dicom, kind: ServiceAddressKind.Hl7 }),
    ).toBe(true);
  });

  it('[URS-DAT-001] hosts: names and IP addresses only', () => {
    expect(messagesOf(inputs.printerEditInput, { id: 1, host: 'not a host' })).toEqual([
      'input.badIpAddress',
    ]);
    expect(accepts(inputs.printerEditInput, { id: 1, host: 'fe80::1' })).toBe(true);
  });

  it('[URS-DAT-001] e-mail addresses: empty allowed, otherwise name@domain.tld', () => {
    expect(messagesOf(inputs.customerEditInput, { id: 1, billingEmail: 'nope' })).toEqual([
      'input.badEmail',
    ]);
    expect(
      messagesOf(inputs.serverSettingsEditInput, { adminEmail: `${'a'.repeat(60)}@b.dk` }),
    ).toEqual(['input.tooLong']);
  });

  it('[URS-DAT-001] the unit name and address of the settings: optional, nullable and bounded', () => {
    expect(
      accepts(inputs.serverSettingsEditInput, {
        unitName: 'Cyklotronenheden',
        unitAddress: 'Blegdamsvej 9, 2100 København Ø',
      }),
    ).toBe(true);
    expect(accepts(inputs.serverSettingsEditInput, { unitName: null })).toBe(true);
    expect(messagesOf(inputs.serverSettingsEditInput, { unitName: 'x'.repeat(129) })).toEqual([
      'input.tooLong',
    ]);
    expect(messagesOf(inputs.serverSettingsEditInput, { unitAddress: 'x'.repeat(257) })).toEqual([
      'input.tooLong',
    ]);
  });
});

describe('rules across fields', () => {
  it('[URS-DAT-001] a release right names exactly one of tracer and isotope', () => {
    const right = (patch: Record<string, unknown>): string[] =>
      messagesOf(inputs.releaseRightCreateInput, { userId: 2, ...patch });
    expect(right({ tracerId: 1, isotopeId: 2 })).toEqual(['input.invalid']);
    expect(right({})).toEqual(['input.invalid']);
    expect(right({ tracerId: null, isotopeId: null })).toEqual(['input.invalid']);
    expect(accepts(inputs.releaseRightCreateInput, { userId: 2, isotopeId: 2 })).toBe(true);

    const stored = {
      id: 1,
      userId: 2,
      userName: 'Ada',
      tracerId: 1,
      isotopeId: null,
      expiryDate: null,
    };
    expect(accepts(entities.releaseRightSchema, stored)).toBe(true);
    expect(accepts(entities.releaseRightSchema, { ...stored, isotopeId: 3 })).toBe(false);
    expect(accepts(entities.releaseRightSchema, { ...stored, tracerId: null })).toBe(false);
  });

  it('[URS-DAT-001] a correction needs at least one non-empty list of orders', () => {
    const correction = (patch: Record<string, unknown>): string[] =>
      messagesOf(inputs.correctionInput, { password: 'secret', ...patch });
    expect(correction({})).toEqual(['input.empty']);
    expect(correction({ activityOrderIds: [], isotopeOrderIds: [] })).toEqual(['input.empty']);
    expect(accepts(inputs.correctionInput, { password: 'secret', isotopeOrderIds: [4] })).toBe(
      true,
    );
  });

  it('[URS-DAT-001] a weekly deadline needs a weekday, a daily one does not', () => {
    expect(
      messagesOf(inputs.deadlineCreateInput, {
        deadlineType: DeadlineType.Weekly,
        deadlineTime: '13:00:00',
      }),
    ).toEqual(['input.empty']);
    expect(
      accepts(inputs.deadlineCreateInput, {
        deadlineType: DeadlineType.Daily,
        deadlineTime: '13:00:00',
      }),
    ).toBe(true);
    expect(
      accepts(inputs.deadlineEditInput, {
        id: 1,
        deadlineType: DeadlineType.Weekly,
        weekday: null,
      }),
    ).toBe(false);
  });
});

describe('every issue message is a validationMessages key', () => {
  const badValues: unknown[] = [undefined, null, '', ONE_MB, -1, 0, 1.5, 1e12, true, [], {}];

  it.each(exampleEntries)('[URS-DAT-006] %s', (_name, schema, example) => {
    let checked = 0;
    for (const field of Object.keys(example)) {
      for (const value of badValues) {
        const result = schema.safeParse({ ...example, [field]: value });
        for (const issue of result.success ? [] : result.error.issues) {
          expect(allKeys.has(issue.message), `${field}: ${issue.message}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('[URS-DAT-006] toValidationIssues gives key, field and max for messageFor', () => {
    const result = inputs.activityOrderCreateInput.safeParse({
      ...examples.activityOrderCreateInput,
      orderedActivity: 0,
      comment: 'c'.repeat(801),
    });
    expect(result.success).toBe(false);
    const issues = result.success ? [] : primitives.toValidationIssues(result.error);
    expect(issues).toEqual([
      { key: 'input.zero', field: 'activity' },
      { key: 'input.tooLong', field: 'comment', params: { max: 800 } },
    ]);
  });

  it('[URS-DAT-006] toValidationIssues gives the minimum of a too short new password', () => {
    const result = inputs.changePasswordInput.safeParse({
      currentPassword: 'old',
      newPassword: 'short',
    });
    const issues = result.success ? [] : primitives.toValidationIssues(result.error);
    expect(issues).toEqual([{ key: 'input.tooShort', params: { min: 8 } }]);
    expect(messageFor({ ...issues[0]!, params: { field: 'Nyt kodeord', min: 8 } }, 'da')).toBe(
      'Nyt kodeord skal have mindst 8 tegn',
    );
  });
});

describe('entity schemas', () => {
  const ordered = {
    orderedById: 3,
    orderedByName: 'Ada Lovelace',
    freedAt: null,
    freedById: null,
    freedByName: null,
  };
  const rows: [string, z.ZodType, Record<string, unknown>][] = [
    [
      'isotope',
      entities.isotopeSchema,
      {
        id: 1,
        atomicNumber: 9,
        atomicMass: 18,
        atomicLetter: 'F',
        halflifeSeconds: 6586.2,
        metastable: false,
      },
    ],
    [
      'tracer',
      entities.tracerSchema,
      {
        id: 1,
        shortname: 'FDG',
        clinicalName: 'FDG',
        isotopeId: 1,
        tracerType: TracerType.Activity,
        vialTag: '',
        archived: false,
        marketed: true,
        maxActivityPerOrder: 50_000,
        maxActivityPerDelivery: 100_000,
        maxInjectionsPerOrder: 20,
        releaseLeadHours: 12,
        underDeliveryTolerancePercent: 10,
        overDeliveryTolerancePercent: 50,
      },
    ],
    [
      'customer',
      entities.customerSchema,
      {
        id: 1,
        shortName: 'Rigs',
        longName: null,
        dispenserId: null,
        billingAddress: null,
        billingCity: null,
        billingEmail: null,
        billingPhone: null,
        billingZipCode: null,
      },
    ],
    [
      'deliveryEndpoint',
      entities.deliveryEndpointSchema,
      { id: 1, customerId: 1, name: null, address: null, city: null, zipCode: null, phone: null },
    ],
    [
      'tracerCatalogPage',
      entities.tracerCatalogPageSchema,
      { id: 1, endpointId: 1, tracerId: 1, overheadMultiplier: 1, maxInjections: 0 },
    ],
    [
      'activityProduction',
      entities.activityProductionSchema,
      { id: 1, tracerId: 1, weekday: 0, productionTime: '06:00:00' },
    ],
    [
      'activityDeliveryTimeSlot',
      entities.activityDeliveryTimeSlotSchema,
      {
        id: 1,
        endpointId: 1,
        productionId: 1,
        deliveryTime: '08:00:00',
        weeklyRepeat: 0,
        expirationDate: null,
      },
    ],
    [
      'isotopeProduction',
      entities.isotopeProductionSchema,
      { id: 1, isotopeId: 1, weekday: 1, productionTime: '10:00:00', expirationDate: null },
    ],
    [
      'isotopeDelivery',
      entities.isotopeDeliverySchema,
      { id: 1, isotopeProductionId: 1, endpointId: 1, deliveryTime: '12:00:00', weeklyRepeat: 2 },
    ],
    [
      'deadline',
      entities.deadlineSchema,
      { id: 1, deadlineType: 0, deadlineTime: '13:00:00', weekday: null, appliesTo: 'activity' },
    ],
    ['closedDate', entities.closedDateSchema, { id: 1, closeDate: '2024-12-24' }],
    [
      'activityOrder',
      entities.activityOrderSchema,
      {
        id: 1,
        orderedActivity: 0.5,
        deliveryDate: '2024-12-02',
        status: OrderStatus.Ordered,
        comment: null,
        orderedTimeSlotId: 1,
        movedToTimeSlotId: null,
        ...ordered,
      },
    ],
    [
      'injectionOrder',
      entities.injectionOrderSchema,
      {
        id: 1,
        endpointId: 1,
        tracerId: 2,
        deliveryDate: '2024-12-02',
        deliveryTime: '08:30:00',
        injections: 2,
        tracerUsage: 0,
        status: OrderStatus.Released,
        comment: 'x',
        lotNumber: 'FDGF-241202-1',
        maxInjectionVolume: 10,
        ...ordered,
        freedAt: '2024-12-02T07:12:00Z',
        freedById: 4,
        freedByName: 'Grace Hopper',
      },
    ],
    [
      'isotopeOrder',
      entities.isotopeOrderSchema,
      {
        id: 1,
        isotopeDeliveryId: 1,
        deliveryDate: '2024-12-02',
        orderedActivity: 100,
        status: OrderStatus.Accepted,
        comment: '',
        ...ordered,
      },
    ],
    [
      'vial',
      entities.vialSchema,
      {
        id: 1,
        tracerId: null,
        customerId: null,
        lotNumber: 'FDGF-241202-1',
        fillDate: '2024-12-02',
        fillTime: '07:00:00',
        activity: 12000,
        volume: 12,
        assignedToId: null,
      },
    ],
    [
      'isotopeVial',
      entities.isotopeVialSchema,
      {
        id: 1,
        isotopeId: 1,
        batchNumber: 'B1',
        calibratedAt: '2024-12-02T07:00:00Z',
        activity: 100,
        volume: 2,
        deliveredWithId: null,
      },
    ],
    [
      'location',
      entities.locationSchema,
      { id: 1, locationCode: 'KF-PET1', commonName: null, endpointId: null },
    ],
    [
      'procedureIdentifier',
      entities.procedureIdentifierSchema,
      { id: 1, code: null, description: 'PET/CT', isPet: true },
    ],
    [
      'procedure',
      entities.procedureSchema,
      {
        id: 1,
        procedureIdentifierId: 1,
        endpointId: 1,
        tracerId: 1,
        tracerUnits: 0,
        delayMinutes: 0,
      },
    ],
    [
      'booking',
      entities.bookingSchema,
      {
        id: 1,
        accessionNumber: 'REGH02301111',
        locationId: 1,
        procedureIdentifierId: 1,
        startDate: '2024-12-02',
        startTime: '09:00:00',
        status: 0,
      },
    ],
    [
      'auditEvent',
      entities.auditEventSchema,
      {
        id: 1,
        at: '2024-12-02T07:12:00.123Z',
        actorId: null,
        actorName: null,
        action: 'release',
        entity: 'ActivityOrder',
        entityId: 4,
        before: { status: 2 },
        after: { status: 3, vials: [1, 2] },
        hash: SHA,
        previousHash: null,
      },
    ],
    [
      'user',
      entities.userSchema,
      {
        id: 1,
        username: 'ABCD1234',
        displayName: null,
        userGroup: UserGroup.ShopExternal,
        active: true,
        source: UserSource.Local,
        lastLoginAt: null,
      },
    ],
    ['userAssignment', entities.userAssignmentSchema, { id: 1, userId: 1, customerId: 1 }],
    [
      'serverSettings',
      entities.serverSettingsSchema,
      {
        dateRangeDays: 64,
        adminPhone: '35454147',
        adminEmail: 'admin@example.dk',
        activePrinterId: null,
        activeLabelPrinterId: 1,
        risAddressId: null,
      },
    ],
    [
      'printer',
      entities.printerSchema,
      { id: 1, name: 'p1', host: '10.0.0.1', port: 9100, uri: null, labelPrinter: false },
    ],
    [
      'serviceAddress',
      entities.serviceAddressSchema,
      { id: 1, kind: 'hl7', host: '0.0.0.0', port: 2575, aeTitle: null, description: null },
    ],
    [
      'loginEvent',
      entities.loginEventSchema,
      {
        id: 1,
        at: '2024-12-02T07:12:00Z',
        username: 'x',
        success: false,
        reason: 'bad password',
        remoteAddress: '::1',
      },
    ],
    [
      'telemetryRecord',
      entities.telemetryRecordSchema,
      { id: 1, at: '2024-12-02T07:12:00Z', procedure: 'orders.window', latencyMs: 12, ok: true },
    ],
    [
      'customerNotice',
      entities.customerNoticeSchema,
      { id: 1, message: 'Lukket', expiresOn: '2024-12-27', customerIds: [1] },
    ],
  ];

  it('cover every entity schema', () => {
    const names = Object.keys(entities).filter((name) => name.endsWith('Schema'));
    expect(names).toHaveLength(30);
    expect(rows.map(([name]) => `${name}Schema`).sort()).toEqual(
      [...names.filter((name) => name !== 'releaseRightSchema')].sort(),
    );
  });

  it.each(rows)('%s accepts a stored row and refuses a bad id', (_name, schema, row) => {
    expect(schema.safeParse(row).error?.issues).toBeUndefined();
    if ('id' in row) {
      expect(accepts(schema, { ...row, id: 0 })).toBe(false);
    }
  });

  it('[URS-ACC-003] the user schema strips the password hash', () => {
    const row = rows.find(([name]) => name === 'user')?.[2] ?? {};
    const parsed: Record<string, unknown> = entities.userSchema.parse({
      ...row,
      passwordHash: '$argon2id$v=19$…',
    });
    expect('passwordHash' in parsed).toBe(false);
  });

  it('[URS-DAT-001] stored orders keep their status; unknown statuses are refused', () => {
    const row = rows.find(([name]) => name === 'activityOrder')?.[2] ?? {};
    expect(accepts(entities.activityOrderSchema, { ...row, status: 5 })).toBe(false);
    expect(accepts(entities.activityOrderSchema, { ...row, status: OrderStatus.Rejected })).toBe(
      true,
    );
    expect(accepts(entities.activityOrderSchema, { ...row, deliveryDate: '2024-02-30' })).toBe(
      false,
    );
    expect(accepts(entities.activityOrderSchema, { ...row, comment: 'c'.repeat(801) })).toBe(false);
  });
});
