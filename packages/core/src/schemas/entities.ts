/**
 * Schemas of the stored entities (docs/domain.md), as they travel on the wire: what the api
 * returns and the apps keep. They are plain `z.object`s, so parsing strips fields that are not
 * listed (a user row parsed with `userSchema` loses its `passwordHash`). Texts are bounded by
 * the column sizes but not trimmed or pattern-checked (legacy rows may not follow today's input
 * rules; the input schemas of `inputs.ts` do that). Session is server-only and has no schema.
 * Messages follow the convention of `primitives.ts`.
 */
import { z } from 'zod';

import {
  bookingStatusSchema,
  booleanFlag,
  boundedText,
  dateText,
  deadlineScopeSchema,
  deadlineTypeSchema,
  id,
  instantText,
  keyed,
  nonNegativeNumber,
  orderStatusSchema,
  positiveNumber,
  schemaLimits,
  serviceAddressKindSchema,
  sha256Hex,
  timeText,
  tracerTypeSchema,
  tracerUsageSchema,
  userGroupSchema,
  userSourceSchema,
  weekdaySchema,
  weeklyRepeatSchema,
  wholeNumber,
} from './primitives';

/** Stored text: at most `max` characters, taken as it is. */
function stored(max: number): z.ZodString {
  return boundedText(max, { trim: false });
}

/** An amount (MBq, ml) as stored: finite and not negative. */
const amount = nonNegativeNumber();

/** A free-form JSON value of an audit row (`before` / `after`). */
const jsonValue = z.json(keyed('input.invalid'));

// ---------------------------------------------------------------------------------------------
// Record database: products and customers

/**
 * An isotope: atomic number, mass and letter, half-life in seconds, and whether it is metastable.
 */
export const isotopeSchema = z.object({
  id,
  atomicNumber: wholeNumber(0, 32_767),
  atomicMass: wholeNumber(0, 32_767),
  atomicLetter: stored(schemaLimits.atomicLetter),
  halflifeSeconds: positiveNumber(Number.MAX_VALUE),
  metastable: booleanFlag(),
});
/** What `isotopeSchema` gives after parsing. */
export type Isotope = z.infer<typeof isotopeSchema>;

/**
 * A tracer: short and clinical name, isotope, type (activity or injection), vial tag, archived and
 * marketed flags, and its plausibility limits and release guards.
 */
export const tracerSchema = z.object({
  id,
  shortname: stored(schemaLimits.shortName),
  clinicalName: stored(schemaLimits.clinicalName),
  isotopeId: id,
  tracerType: tracerTypeSchema,
  vialTag: stored(schemaLimits.vialTag),
  archived: booleanFlag(),
  marketed: booleanFlag(),
  maxActivityPerOrder: positiveNumber(schemaLimits.activityMBq),
  maxActivityPerDelivery: positiveNumber(schemaLimits.activityMBq),
  maxInjectionsPerOrder: wholeNumber(1, schemaLimits.injections),
  releaseLeadHours: positiveNumber(schemaLimits.releaseLeadHours),
  underDeliveryTolerancePercent: nonNegativeNumber(schemaLimits.tolerancePercent),
  overDeliveryTolerancePercent: nonNegativeNumber(schemaLimits.tolerancePercent),
});
/** What `tracerSchema` gives after parsing. */
export type Tracer = z.infer<typeof tracerSchema>;

/** A customer (a department that orders): short and long name, dispenser id and billing details. */
export const customerSchema = z.object({
  id,
  shortName: stored(schemaLimits.shortName),
  longName: stored(schemaLimits.longText).nullable(),
  dispenserId: wholeNumber(0, schemaLimits.dispenserId).nullable(),
  billingAddress: stored(schemaLimits.longText).nullable(),
  billingCity: stored(schemaLimits.longText).nullable(),
  billingEmail: stored(schemaLimits.longText).nullable(),
  billingPhone: stored(schemaLimits.phone).nullable(),
  billingZipCode: stored(schemaLimits.zipCode).nullable(),
});
/** What `customerSchema` gives after parsing. */
export type Customer = z.infer<typeof customerSchema>;

/** A delivery endpoint: a place a customer's deliveries go to, with its name and address. */
export const deliveryEndpointSchema = z.object({
  id,
  customerId: id,
  name: stored(schemaLimits.shortName).nullable(),
  address: stored(schemaLimits.longText).nullable(),
  city: stored(schemaLimits.longText).nullable(),
  zipCode: stored(schemaLimits.zipCode).nullable(),
  phone: stored(schemaLimits.phone).nullable(),
});
/** What `deliveryEndpointSchema` gives after parsing. */
export type DeliveryEndpoint = z.infer<typeof deliveryEndpointSchema>;

/**
 * A catalogue entry: the endpoint may order the tracer, with its overhead multiplier and its most
 * injections.
 */
export const tracerCatalogPageSchema = z.object({
  id,
  endpointId: id,
  tracerId: id,
  overheadMultiplier: nonNegativeNumber(),
  maxInjections: wholeNumber(0, 32_767),
});
/** What `tracerCatalogPageSchema` gives after parsing. */
export type TracerCatalogPage = z.infer<typeof tracerCatalogPageSchema>;

// ---------------------------------------------------------------------------------------------
// Record database: schedule

/** An activity production run: a tracer made on a weekday at a production time. */
export const activityProductionSchema = z.object({
  id,
  tracerId: id,
  weekday: weekdaySchema,
  productionTime: timeText,
});
/** What `activityProductionSchema` gives after parsing. */
export type ActivityProduction = z.infer<typeof activityProductionSchema>;

/**
 * A delivery slot of a production run to an endpoint: delivery time, weekly repeat (every, even or
 * odd ISO weeks) and an expiration date, if any.
 */
export const activityDeliveryTimeSlotSchema = z.object({
  id,
  endpointId: id,
  productionId: id,
  deliveryTime: timeText,
  weeklyRepeat: weeklyRepeatSchema,
  expirationDate: dateText.nullable(),
});
/** What `activityDeliveryTimeSlotSchema` gives after parsing. */
export type ActivityDeliveryTimeSlot = z.infer<typeof activityDeliveryTimeSlotSchema>;

/**
 * An isotope production: an isotope made on a weekday at a production time, until its expiration
 * date, if any.
 */
export const isotopeProductionSchema = z.object({
  id,
  isotopeId: id,
  weekday: weekdaySchema,
  productionTime: timeText,
  expirationDate: dateText.nullable(),
});
/** What `isotopeProductionSchema` gives after parsing. */
export type IsotopeProduction = z.infer<typeof isotopeProductionSchema>;

/** A delivery of an isotope production to an endpoint: delivery time and weekly repeat. */
export const isotopeDeliverySchema = z.object({
  id,
  isotopeProductionId: id,
  endpointId: id,
  deliveryTime: timeText,
  weeklyRepeat: weeklyRepeatSchema,
});
/** What `isotopeDeliverySchema` gives after parsing. */
export type IsotopeDelivery = z.infer<typeof isotopeDeliverySchema>;

/**
 * An ordering deadline: daily, or weekly with a weekday, at a time of day; `appliesTo` marks the
 * global activity or injection deadline.
 */
export const deadlineSchema = z.object({
  id,
  deadlineType: deadlineTypeSchema,
  deadlineTime: timeText,
  weekday: weekdaySchema.nullable(),
  appliesTo: deadlineScopeSchema.nullable(),
});
/** What `deadlineSchema` gives after parsing. */
export type Deadline = z.infer<typeof deadlineSchema>;

/** A date production has closed for ordering. */
export const closedDateSchema = z.object({
  id,
  closeDate: dateText,
});
/** What `closedDateSchema` gives after parsing. */
export type ClosedDate = z.infer<typeof closedDateSchema>;

// ---------------------------------------------------------------------------------------------
// Record database: orders and vials

/** Who ordered and who released, by id and a snapshot of the name (docs/domain.md). */
const orderedAndFreed = {
  orderedById: id.nullable(),
  orderedByName: stored(schemaLimits.personName).nullable(),
  freedAt: instantText.nullable(),
  freedById: id.nullable(),
  freedByName: stored(schemaLimits.personName).nullable(),
};

/**
 * An activity order: MBq for a delivery slot on a date, its status and comment, the slot it was
 * moved to, and who ordered and released it.
 */
export const activityOrderSchema = z.object({
  id,
  orderedActivity: amount,
  deliveryDate: dateText,
  status: orderStatusSchema,
  comment: stored(schemaLimits.comment).nullable(),
  orderedTimeSlotId: id,
  movedToTimeSlotId: id.nullable(),
  ...orderedAndFreed,
});
/** What `activityOrderSchema` gives after parsing. */
export type ActivityOrder = z.infer<typeof activityOrderSchema>;

/**
 * An injection order: injections of a tracer for an endpoint at a date and time, their usage,
 * status, comment, lot number and most injection volume, and who ordered and released it.
 */
export const injectionOrderSchema = z.object({
  id,
  endpointId: id,
  tracerId: id,
  deliveryDate: dateText,
  deliveryTime: timeText,
  injections: wholeNumber(0, 65_535),
  tracerUsage: tracerUsageSchema,
  status: orderStatusSchema,
  comment: stored(schemaLimits.comment).nullable(),
  lotNumber: stored(schemaLimits.lotNumber).nullable(),
  maxInjectionVolume: amount.nullable(),
  ...orderedAndFreed,
});
/** What `injectionOrderSchema` gives after parsing. */
export type InjectionOrder = z.infer<typeof injectionOrderSchema>;

/**
 * An isotope order: MBq of an isotope delivery on a date, its status and comment, and who ordered
 * and released it.
 */
export const isotopeOrderSchema = z.object({
  id,
  isotopeDeliveryId: id,
  deliveryDate: dateText,
  orderedActivity: amount,
  status: orderStatusSchema,
  comment: stored(schemaLimits.isotopeComment).nullable(),
  ...orderedAndFreed,
});
/** What `isotopeOrderSchema` gives after parsing. */
export type IsotopeOrder = z.infer<typeof isotopeOrderSchema>;

/**
 * A dispensed tracer vial: lot number, fill date and time, activity (MBq at filling) and volume,
 * its owner (`customerId`, null for QC) and the order it is assigned to.
 */
export const vialSchema = z.object({
  id,
  tracerId: id.nullable(),
  customerId: id.nullable(),
  lotNumber: stored(schemaLimits.lotNumber),
  fillDate: dateText,
  fillTime: timeText,
  activity: amount,
  volume: amount,
  assignedToId: id.nullable(),
});
/** What `vialSchema` gives after parsing. */
export type Vial = z.infer<typeof vialSchema>;

/**
 * An isotope vial: batch number, activity at its calibration instant, volume, and the order it
 * delivered.
 */
export const isotopeVialSchema = z.object({
  id,
  isotopeId: id,
  batchNumber: stored(schemaLimits.batchNumber),
  calibratedAt: instantText,
  activity: amount,
  volume: amount,
  deliveredWithId: id.nullable(),
});
/** What `isotopeVialSchema` gives after parsing. */
export type IsotopeVial = z.infer<typeof isotopeVialSchema>;

/** True when exactly one of `tracerId` / `isotopeId` is set. */
export function namesOneProduct(right: {
  tracerId?: number | null | undefined;
  isotopeId?: number | null | undefined;
}): boolean {
  return (right.tracerId == null) !== (right.isotopeId == null);
}

/**
 * A release right: a user may release one tracer or one isotope until `expiryDate` (null: never
 * expires).
 */
export const releaseRightSchema = z
  .object({
    id,
    userId: id,
    userName: stored(schemaLimits.personName),
    tracerId: id.nullable(),
    isotopeId: id.nullable(),
    expiryDate: dateText.nullable(),
  })
  .refine(namesOneProduct, { error: 'input.invalid', path: ['tracerId'] });
/** What `releaseRightSchema` gives after parsing. */
export type ReleaseRight = z.infer<typeof releaseRightSchema>;

// ---------------------------------------------------------------------------------------------
// Record database: RIS bookings and audit

/** A RIS location (a room) by its code, tied to a delivery endpoint or not. */
export const locationSchema = z.object({
  id,
  locationCode: stored(schemaLimits.locationCode),
  commonName: stored(schemaLimits.locationCode).nullable(),
  endpointId: id.nullable(),
});
/** What `locationSchema` gives after parsing. */
export type Location = z.infer<typeof locationSchema>;

/** A RIS study type: its code, description and whether it is a PET study. */
export const procedureIdentifierSchema = z.object({
  id,
  code: stored(schemaLimits.procedureCode).nullable(),
  description: stored(schemaLimits.procedureDescription).nullable(),
  isPet: booleanFlag(),
});
/** What `procedureIdentifierSchema` gives after parsing. */
export type ProcedureIdentifier = z.infer<typeof procedureIdentifierSchema>;

/**
 * A procedure: how much of a tracer an endpoint needs for a study type (`tracerUnits`: MBq or
 * injections) and the minutes from start to injection.
 */
export const procedureSchema = z.object({
  id,
  procedureIdentifierId: id,
  endpointId: id,
  tracerId: id,
  tracerUnits: amount,
  delayMinutes: amount,
});
/** What `procedureSchema` gives after parsing. */
export type Procedure = z.infer<typeof procedureSchema>;

/** A RIS booking: accession number, location, study type, start date and time, and status. */
export const bookingSchema = z.object({
  id,
  accessionNumber: stored(schemaLimits.accessionNumber),
  locationId: id,
  procedureIdentifierId: id,
  startDate: dateText,
  startTime: timeText,
  status: bookingStatusSchema,
});
/** What `bookingSchema` gives after parsing. */
export type Booking = z.infer<typeof bookingSchema>;

/** AuditEvent: one append-only row of the hash-chained audit trail (docs/domain.md). */
export const auditEventSchema = z.object({
  id,
  at: instantText,
  actorId: id.nullable(),
  actorName: stored(schemaLimits.personName).nullable(),
  action: stored(64),
  entity: stored(64),
  entityId: id.nullable(),
  before: jsonValue.nullable(),
  after: jsonValue.nullable(),
  hash: sha256Hex,
  previousHash: sha256Hex.nullable(),
});
/** What `auditEventSchema` gives after parsing. */
export type AuditEvent = z.infer<typeof auditEventSchema>;

// ---------------------------------------------------------------------------------------------
// Web database

/** User, the public view: there is no `passwordHash` here, and parsing strips it. */
export const userSchema = z.object({
  id,
  username: stored(schemaLimits.username),
  displayName: stored(schemaLimits.personName).nullable(),
  userGroup: userGroupSchema,
  active: booleanFlag(),
  source: userSourceSchema,
  lastLoginAt: instantText.nullable(),
});
/** What `userSchema` gives after parsing. */
export type User = z.infer<typeof userSchema>;

/** UserAssignment: a shop user may act for a customer. */
export const userAssignmentSchema = z.object({
  id,
  userId: id,
  customerId: id,
});
/** What `userAssignmentSchema` gives after parsing. */
export type UserAssignment = z.infer<typeof userAssignmentSchema>;

/** ServerSettings (the singleton row, no id). */
export const serverSettingsSchema = z.object({
  dateRangeDays: wholeNumber(1, schemaLimits.dateRangeDays),
  adminPhone: stored(schemaLimits.phone),
  adminEmail: stored(schemaLimits.adminEmail),
  activePrinterId: id.nullable(),
  activeLabelPrinterId: id.nullable(),
  risAddressId: id.nullable(),
  /** The producing unit's name and address, printed on release documents. */
  unitName: stored(schemaLimits.unitName).nullable().optional(),
  unitAddress: stored(schemaLimits.unitAddress).nullable().optional(),
});
/** What `serverSettingsSchema` gives after parsing. */
export type ServerSettings = z.infer<typeof serverSettingsSchema>;

/** A printer: name, host, port or URI, and whether it prints labels. */
export const printerSchema = z.object({
  id,
  name: stored(schemaLimits.printerName),
  host: stored(schemaLimits.host),
  port: wholeNumber(0, 65_535),
  uri: stored(schemaLimits.uri).nullable(),
  labelPrinter: booleanFlag(),
});
/** What `printerSchema` gives after parsing. */
export type Printer = z.infer<typeof printerSchema>;

/**
 * An outside service's address (the RIS's DICOM or HL7 side, LDAP): host, port, AE title and
 * description.
 */
export const serviceAddressSchema = z.object({
  id,
  kind: serviceAddressKindSchema,
  host: stored(schemaLimits.host),
  port: wholeNumber(0, 65_535),
  aeTitle: stored(schemaLimits.aeTitle).nullable(),
  description: stored(schemaLimits.description).nullable(),
});
/** What `serviceAddressSchema` gives after parsing. */
export type ServiceAddress = z.infer<typeof serviceAddressSchema>;

/**
 * A login attempt: when, the user name, success or the reason it failed, and the remote address.
 */
export const loginEventSchema = z.object({
  id,
  at: instantText,
  username: stored(schemaLimits.username),
  success: booleanFlag(),
  reason: stored(schemaLimits.personName).nullable(),
  remoteAddress: stored(64).nullable(),
});
/** What `loginEventSchema` gives after parsing. */
export type LoginEvent = z.infer<typeof loginEventSchema>;

/** A telemetry record: one api call's procedure, latency and success. */
export const telemetryRecordSchema = z.object({
  id,
  at: instantText,
  procedure: stored(schemaLimits.procedureCode),
  latencyMs: amount.nullable(),
  ok: booleanFlag(),
});
/** What `telemetryRecordSchema` gives after parsing. */
export type TelemetryRecord = z.infer<typeof telemetryRecordSchema>;

/** CustomerNotice: a message shown to some customers until `expiresOn` (null = always). */
export const customerNoticeSchema = z.object({
  id,
  message: stored(schemaLimits.noticeMessage),
  expiresOn: dateText.nullable(),
  customerIds: z.array(id, keyed('input.invalid')).max(10_000, keyed('input.tooLong')),
});
/** What `customerNoticeSchema` gives after parsing. */
export type CustomerNotice = z.infer<typeof customerNoticeSchema>;
