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

/** Isotope, Tracer. */
export const isotopeSchema = z.object({
  id,
  atomicNumber: wholeNumber(0, 32_767),
  atomicMass: wholeNumber(0, 32_767),
  atomicLetter: stored(schemaLimits.atomicLetter),
  halflifeSeconds: positiveNumber(Number.MAX_VALUE),
  metastable: booleanFlag(),
});
export type Isotope = z.infer<typeof isotopeSchema>;

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
export type Tracer = z.infer<typeof tracerSchema>;

/** Customer, DeliveryEndpoint, TracerCatalogPage. */
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
export type Customer = z.infer<typeof customerSchema>;

export const deliveryEndpointSchema = z.object({
  id,
  customerId: id,
  name: stored(schemaLimits.shortName).nullable(),
  address: stored(schemaLimits.longText).nullable(),
  city: stored(schemaLimits.longText).nullable(),
  zipCode: stored(schemaLimits.zipCode).nullable(),
  phone: stored(schemaLimits.phone).nullable(),
});
export type DeliveryEndpoint = z.infer<typeof deliveryEndpointSchema>;

export const tracerCatalogPageSchema = z.object({
  id,
  endpointId: id,
  tracerId: id,
  overheadMultiplier: nonNegativeNumber(),
  maxInjections: wholeNumber(0, 32_767),
});
export type TracerCatalogPage = z.infer<typeof tracerCatalogPageSchema>;

// ---------------------------------------------------------------------------------------------
// Record database: schedule

/** ActivityProduction, ActivityDeliveryTimeSlot, IsotopeProduction, IsotopeDelivery. */
export const activityProductionSchema = z.object({
  id,
  tracerId: id,
  weekday: weekdaySchema,
  productionTime: timeText,
});
export type ActivityProduction = z.infer<typeof activityProductionSchema>;

export const activityDeliveryTimeSlotSchema = z.object({
  id,
  endpointId: id,
  productionId: id,
  deliveryTime: timeText,
  weeklyRepeat: weeklyRepeatSchema,
  expirationDate: dateText.nullable(),
});
export type ActivityDeliveryTimeSlot = z.infer<typeof activityDeliveryTimeSlotSchema>;

export const isotopeProductionSchema = z.object({
  id,
  isotopeId: id,
  weekday: weekdaySchema,
  productionTime: timeText,
  expirationDate: dateText.nullable(),
});
export type IsotopeProduction = z.infer<typeof isotopeProductionSchema>;

export const isotopeDeliverySchema = z.object({
  id,
  isotopeProductionId: id,
  endpointId: id,
  deliveryTime: timeText,
  weeklyRepeat: weeklyRepeatSchema,
});
export type IsotopeDelivery = z.infer<typeof isotopeDeliverySchema>;

/** Deadline (weekday only for weekly ones; `appliesTo` marks the global one), ClosedDate. */
export const deadlineSchema = z.object({
  id,
  deadlineType: deadlineTypeSchema,
  deadlineTime: timeText,
  weekday: weekdaySchema.nullable(),
  appliesTo: deadlineScopeSchema.nullable(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const closedDateSchema = z.object({
  id,
  closeDate: dateText,
});
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

/** ActivityOrder, InjectionOrder, IsotopeOrder. */
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
export type ActivityOrder = z.infer<typeof activityOrderSchema>;

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
export type InjectionOrder = z.infer<typeof injectionOrderSchema>;

export const isotopeOrderSchema = z.object({
  id,
  isotopeDeliveryId: id,
  deliveryDate: dateText,
  orderedActivity: amount,
  status: orderStatusSchema,
  comment: stored(schemaLimits.isotopeComment).nullable(),
  ...orderedAndFreed,
});
export type IsotopeOrder = z.infer<typeof isotopeOrderSchema>;

/** Vial (activity at fill time, `customerId` = owner, null for QC), IsotopeVial. */
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
export type Vial = z.infer<typeof vialSchema>;

export const isotopeVialSchema = z.object({
  id,
  isotopeId: id,
  batchNumber: stored(schemaLimits.batchNumber),
  calibratedAt: instantText,
  activity: amount,
  volume: amount,
  deliveredWithId: id.nullable(),
});
export type IsotopeVial = z.infer<typeof isotopeVialSchema>;

/** True when exactly one of `tracerId` / `isotopeId` is set. */
export function namesOneProduct(right: {
  tracerId?: number | null | undefined;
  isotopeId?: number | null | undefined;
}): boolean {
  return (right.tracerId == null) !== (right.isotopeId == null);
}

/** ReleaseRight: for exactly one of a tracer or an isotope; `expiryDate` null = never. */
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
export type ReleaseRight = z.infer<typeof releaseRightSchema>;

// ---------------------------------------------------------------------------------------------
// Record database: RIS bookings and audit

/** Location, ProcedureIdentifier, Procedure, Booking. */
export const locationSchema = z.object({
  id,
  locationCode: stored(schemaLimits.locationCode),
  commonName: stored(schemaLimits.locationCode).nullable(),
  endpointId: id.nullable(),
});
export type Location = z.infer<typeof locationSchema>;

export const procedureIdentifierSchema = z.object({
  id,
  code: stored(schemaLimits.procedureCode).nullable(),
  description: stored(schemaLimits.procedureDescription).nullable(),
  isPet: booleanFlag(),
});
export type ProcedureIdentifier = z.infer<typeof procedureIdentifierSchema>;

export const procedureSchema = z.object({
  id,
  procedureIdentifierId: id,
  endpointId: id,
  tracerId: id,
  tracerUnits: amount,
  delayMinutes: amount,
});
export type Procedure = z.infer<typeof procedureSchema>;

export const bookingSchema = z.object({
  id,
  accessionNumber: stored(schemaLimits.accessionNumber),
  locationId: id,
  procedureIdentifierId: id,
  startDate: dateText,
  startTime: timeText,
  status: bookingStatusSchema,
});
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
export type User = z.infer<typeof userSchema>;

/** UserAssignment: a shop user may act for a customer. */
export const userAssignmentSchema = z.object({
  id,
  userId: id,
  customerId: id,
});
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
export type ServerSettings = z.infer<typeof serverSettingsSchema>;

/** Printer, ServiceAddress. */
export const printerSchema = z.object({
  id,
  name: stored(schemaLimits.printerName),
  host: stored(schemaLimits.host),
  port: wholeNumber(0, 65_535),
  uri: stored(schemaLimits.uri).nullable(),
  labelPrinter: booleanFlag(),
});
export type Printer = z.infer<typeof printerSchema>;

export const serviceAddressSchema = z.object({
  id,
  kind: serviceAddressKindSchema,
  host: stored(schemaLimits.host),
  port: wholeNumber(0, 65_535),
  aeTitle: stored(schemaLimits.aeTitle).nullable(),
  description: stored(schemaLimits.description).nullable(),
});
export type ServiceAddress = z.infer<typeof serviceAddressSchema>;

/** LoginEvent, TelemetryRecord. */
export const loginEventSchema = z.object({
  id,
  at: instantText,
  username: stored(schemaLimits.username),
  success: booleanFlag(),
  reason: stored(schemaLimits.personName).nullable(),
  remoteAddress: stored(64).nullable(),
});
export type LoginEvent = z.infer<typeof loginEventSchema>;

export const telemetryRecordSchema = z.object({
  id,
  at: instantText,
  procedure: stored(schemaLimits.procedureCode),
  latencyMs: amount.nullable(),
  ok: booleanFlag(),
});
export type TelemetryRecord = z.infer<typeof telemetryRecordSchema>;

/** CustomerNotice: a message shown to some customers until `expiresOn` (null = always). */
export const customerNoticeSchema = z.object({
  id,
  message: stored(schemaLimits.noticeMessage),
  expiresOn: dateText.nullable(),
  customerIds: z.array(id, keyed('input.invalid')).max(10_000, keyed('input.tooLong')),
});
export type CustomerNotice = z.infer<typeof customerNoticeSchema>;
