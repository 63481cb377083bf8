/**
 * Inputs the api accepts (docs/operations.md Appendix A): one strict object per
 * create / edit / action, named `<entity><Verb>Input`. Unknown fields are refused, every text
 * and list is bounded, and no create input carries what the server decides (status,
 * orderedById/Name, freedAt/ById/Name, ids, name snapshots; docs/domain.md). Edits are
 * `{ id, …some fields }`; fields left out stay as they are. Create inputs that make orders
 * take an optional `clientKey` (UUID) so that a retry does not create twice (docs/domain.md).
 * Messages follow the convention of `primitives.ts`.
 */
import { z } from 'zod';

import { DeadlineType, ServiceAddressKind } from '../enums';
import { namesOneProduct } from './entities';
import {
  accessionNumberText,
  activityMBq,
  aeTitleText,
  booleanFlag,
  boundedText,
  clientKey,
  comment,
  dateText,
  deadlineScopeSchema,
  deadlineTypeSchema,
  emailText,
  hostText,
  id,
  idList,
  injectionCount,
  instantText,
  isotopeComment,
  keyed,
  lotNumberText,
  newPasswordText,
  nonNegativeNumber,
  optionalIdList,
  overheadMultiplier,
  passwordText,
  portNumber,
  positiveNumber,
  printerNameText,
  printerUri,
  requiredText,
  schemaLimits,
  serviceAddressKindSchema,
  shortName,
  timeText,
  tracerTypeSchema,
  tracerUsageSchema,
  userGroupSchema,
  usernameText,
  vialTagText,
  volumeMl,
  weekdaySchema,
  weeklyRepeatSchema,
  wholeActivityMBq,
  wholeNumber,
} from './primitives';

/** A strict object: unknown fields give `'input.invalid'`. */
function strict<S extends z.ZodRawShape>(shape: S): z.ZodObject<S, z.core.$strict> {
  return z.strictObject(shape, keyed('input.invalid'));
}

/** Optional text of at most `max` characters; null or empty clears it. */
function optionalText(max: number) {
  return boundedText(max).nullable().optional();
}

/** `{ id }`: delete, archive-like actions and reads of one row. */
export const idInput = strict({ id });
export type IdInput = z.infer<typeof idInput>;

// ---------------------------------------------------------------------------------------------
// Orders (shop)

/**
 * Production's stated reason to go above a tracer's plausibility limit (plausibility.ts);
 * audited with the order. Shop inputs have no such field: the shop can never override.
 */
export const limitOverrideInput = strict({
  reason: boundedText(schemaLimits.overrideReason, { min: 3 }),
});
export type LimitOverrideInput = z.infer<typeof limitOverrideInput>;

/**
 * Why production changes a GMP record after acceptance (a dose, a move, a correction, a vial):
 * kept with the change's audit event (docs/domain.md, "Reasons for changes").
 */
export const changeReasonText = boundedText(schemaLimits.changeReason, { min: 3 });
const changeReason = { reason: changeReasonText.optional() };

/** Activity orders: create (always Ordered), edit, delete. */
export const activityOrderCreateInput = strict({
  orderedTimeSlotId: id,
  deliveryDate: dateText,
  orderedActivity: activityMBq,
  comment: comment.nullable().optional(),
  clientKey: clientKey.optional(),
});
export type ActivityOrderCreateInput = z.infer<typeof activityOrderCreateInput>;

export const activityOrderEditInput = strict({
  id,
  orderedActivity: activityMBq.optional(),
  comment: comment.nullable().optional(),
});
export type ActivityOrderEditInput = z.infer<typeof activityOrderEditInput>;

/** Production's create (for a customer) and dose edit: may go above a limit with a reason. */
export const productionActivityOrderCreateInput = activityOrderCreateInput.extend({
  limitOverride: limitOverrideInput.optional(),
});
export type ProductionActivityOrderCreateInput = z.infer<typeof productionActivityOrderCreateInput>;

export const productionActivityOrderEditInput = activityOrderEditInput.extend({
  limitOverride: limitOverrideInput.optional(),
  ...changeReason,
});
export type ProductionActivityOrderEditInput = z.infer<typeof productionActivityOrderEditInput>;

export const activityOrderDeleteInput = idInput;
export type ActivityOrderDeleteInput = z.infer<typeof activityOrderDeleteInput>;

/** Injection orders: create (always Ordered), edit, delete. */
export const injectionOrderCreateInput = strict({
  endpointId: id,
  tracerId: id,
  deliveryDate: dateText,
  deliveryTime: timeText,
  injections: injectionCount,
  tracerUsage: tracerUsageSchema,
  comment: comment.nullable().optional(),
  clientKey: clientKey.optional(),
});
export type InjectionOrderCreateInput = z.infer<typeof injectionOrderCreateInput>;

export const injectionOrderEditInput = strict({
  id,
  deliveryTime: timeText.optional(),
  injections: injectionCount.optional(),
  tracerUsage: tracerUsageSchema.optional(),
  comment: comment.nullable().optional(),
});
export type InjectionOrderEditInput = z.infer<typeof injectionOrderEditInput>;

export const productionInjectionOrderCreateInput = injectionOrderCreateInput.extend({
  limitOverride: limitOverrideInput.optional(),
});
export type ProductionInjectionOrderCreateInput = z.infer<
  typeof productionInjectionOrderCreateInput
>;

export const productionInjectionOrderEditInput = injectionOrderEditInput.extend({
  limitOverride: limitOverrideInput.optional(),
  ...changeReason,
});
export type ProductionInjectionOrderEditInput = z.infer<typeof productionInjectionOrderEditInput>;

export const injectionOrderDeleteInput = idInput;
export type InjectionOrderDeleteInput = z.infer<typeof injectionOrderDeleteInput>;

/** Isotope orders (whole MBq, comment ≤ 500): create (always Ordered), edit, delete. */
export const isotopeOrderCreateInput = strict({
  isotopeDeliveryId: id,
  deliveryDate: dateText,
  orderedActivity: wholeActivityMBq,
  comment: isotopeComment.nullable().optional(),
  clientKey: clientKey.optional(),
});
export type IsotopeOrderCreateInput = z.infer<typeof isotopeOrderCreateInput>;

export const isotopeOrderEditInput = strict({
  id,
  orderedActivity: wholeActivityMBq.optional(),
  comment: isotopeComment.nullable().optional(),
});
export type IsotopeOrderEditInput = z.infer<typeof isotopeOrderEditInput>;

export const productionIsotopeOrderEditInput = isotopeOrderEditInput.extend(changeReason);
export type ProductionIsotopeOrderEditInput = z.infer<typeof productionIsotopeOrderEditInput>;

export const isotopeOrderDeleteInput = idInput;
export type IsotopeOrderDeleteInput = z.infer<typeof isotopeOrderDeleteInput>;

/** Mass ordering from bookings: accession number → order (true) or reject (false). */
export const massOrderInput = strict({
  endpointId: id,
  date: dateText,
  decisions: z
    .record(accessionNumberText, booleanFlag(), keyed('input.invalid'))
    .refine((decisions) => Object.keys(decisions).length > 0, keyed('input.empty'))
    .refine(
      (decisions) => Object.keys(decisions).length <= schemaLimits.massOrderDecisions,
      keyed('input.tooLong'),
    ),
  clientKey,
});
// Named Request: `MassOrderInput` is the argument of `planMassOrder` (massOrder.ts).
export type MassOrderRequest = z.infer<typeof massOrderInput>;

/** Reads: the time window of orders around a date, state, bookings of an endpoint. */
export const ordersWindowInput = strict({
  centralDate: dateText,
  endpointIds: optionalIdList.optional(),
});
export type OrdersWindowInput = z.infer<typeof ordersWindowInput>;

export const stateReadInput = strict({
  date: dateText.optional(),
});
export type StateReadInput = z.infer<typeof stateReadInput>;

export const bookingsByEndpointDateInput = strict({
  endpointId: id,
  date: dateText,
});
export type BookingsByEndpointDateInput = z.infer<typeof bookingsByEndpointDateInput>;

/** Production's preview of an endpoint's not yet ordered bookings of one tracer. */
export const bookingPreviewInput = strict({
  endpointId: id,
  tracerId: id,
  date: dateText,
});
export type BookingPreviewRequest = z.infer<typeof bookingPreviewInput>;

// ---------------------------------------------------------------------------------------------
// Production actions

/** Accept, reject, un-reject, restore: 1 to 500 order ids. */
export const orderIdsInput = strict({ orderIds: idList });
export type OrderIdsInput = z.infer<typeof orderIdsInput>;

/** Move activity orders to a slot (the ordered slot itself restores). */
export const moveOrdersInput = strict({ orderIds: idList, toSlotId: id, ...changeReason });
export type MoveOrdersInput = z.infer<typeof moveOrdersInput>;

/** Move activity orders back to the slot they were ordered to. */
export const restoreOrdersInput = strict({ orderIds: idList, ...changeReason });
export type RestoreOrdersInput = z.infer<typeof restoreOrdersInput>;

/**
 * Releases and correction: electronic signatures, each with the logged-in user's password.
 * Activity: the orders of a (slot, date) with at least one vial.
 */
export const activityReleaseInput = strict({
  slotId: id,
  deliveryDate: dateText,
  orderIds: idList,
  vialIds: idList,
  password: passwordText,
  /** Why the vials may deliver more or less than required beyond the tolerance (releaseGuards.ts). */
  deviationReason: boundedText(schemaLimits.overrideReason, { min: 3 }).optional(),
});
export type ActivityReleaseInput = z.infer<typeof activityReleaseInput>;

export const injectionReleaseInput = strict({
  orderId: id,
  lotNumber: lotNumberText,
  maxInjectionVolume: volumeMl,
  password: passwordText,
});
export type InjectionReleaseInput = z.infer<typeof injectionReleaseInput>;

export const injectionMultiReleaseInput = strict({
  orderIds: idList,
  lotNumber: lotNumberText,
  maxInjectionVolume: volumeMl,
  password: passwordText,
});
export type InjectionMultiReleaseInput = z.infer<typeof injectionMultiReleaseInput>;

export const isotopeReleaseInput = strict({
  orderIds: idList,
  isotopeVialIds: idList,
  password: passwordText,
});
export type IsotopeReleaseInput = z.infer<typeof isotopeReleaseInput>;

/** Correction (Released → Accepted, vials detached): at least one non-empty list. */
export const correctionInput = strict({
  activityOrderIds: optionalIdList.optional(),
  injectionOrderIds: optionalIdList.optional(),
  isotopeOrderIds: optionalIdList.optional(),
  password: passwordText,
  ...changeReason,
}).refine(
  (input) =>
    [input.activityOrderIds, input.injectionOrderIds, input.isotopeOrderIds].some(
      (ids) => ids !== undefined && ids.length > 0,
    ),
  { error: 'input.empty', path: ['activityOrderIds'] },
);
export type CorrectionInput = z.infer<typeof correctionInput>;

/** Vials by hand (production): create and edit; the dispenser import makes the rest. */
export const vialCreateInput = strict({
  tracerId: id.nullable().optional(),
  customerId: id.nullable().optional(),
  lotNumber: lotNumberText,
  fillDate: dateText,
  fillTime: timeText,
  activity: activityMBq,
  volume: volumeMl,
});
export type VialCreateInput = z.infer<typeof vialCreateInput>;

export const vialEditInput = vialCreateInput.partial().extend({ id, ...changeReason });
export type VialEditInput = z.infer<typeof vialEditInput>;

/** Isotope vials (batch number ≤ 128): create and edit. */
export const isotopeVialCreateInput = strict({
  isotopeId: id,
  batchNumber: requiredText(schemaLimits.batchNumber),
  calibratedAt: instantText,
  activity: activityMBq,
  volume: volumeMl,
});
export type IsotopeVialCreateInput = z.infer<typeof isotopeVialCreateInput>;

export const isotopeVialEditInput = isotopeVialCreateInput
  .partial()
  .extend({ id, ...changeReason });
export type IsotopeVialEditInput = z.infer<typeof isotopeVialEditInput>;

// ---------------------------------------------------------------------------------------------
// Authentication and users

/** Log in (no minimum beyond one character), change one's own password. */
export const loginInput = strict({
  username: usernameText,
  password: passwordText,
});
export type LoginInput = z.infer<typeof loginInput>;

export const changePasswordInput = strict({
  currentPassword: passwordText,
  newPassword: newPasswordText,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/** External (ShopExternal, local password) users: create, change password, assign. */
export const externalUserCreateInput = strict({
  username: usernameText,
  password: newPasswordText,
  displayName: optionalText(schemaLimits.personName),
  customerId: id.optional(),
});
export type ExternalUserCreateInput = z.infer<typeof externalUserCreateInput>;

export const externalUserChangePasswordInput = strict({
  userId: id,
  password: newPasswordText,
});
export type ExternalUserChangePasswordInput = z.infer<typeof externalUserChangePasswordInput>;

/** `customerId: null` takes the external user's customer away (the user can then see nothing). */
export const externalUserAssignCustomerInput = strict({
  userId: id,
  customerId: id.nullable(),
});
export type ExternalUserAssignCustomerInput = z.infer<typeof externalUserAssignCustomerInput>;

/** User assignments (shop user ↔ customer), by user name (looked up locally or in LDAP). */
export const userAssignmentCreateInput = strict({
  username: usernameText,
  customerId: id,
});
export type UserAssignmentCreateInput = z.infer<typeof userAssignmentCreateInput>;

export const userAssignmentDeleteInput = idInput;
export type UserAssignmentDeleteInput = z.infer<typeof userAssignmentDeleteInput>;

/** A user's name, group and active flag (site admin). */
export const userEditInput = strict({
  id,
  displayName: optionalText(schemaLimits.personName),
  userGroup: userGroupSchema.optional(),
  active: booleanFlag().optional(),
});
export type UserEditInput = z.infer<typeof userEditInput>;

/** Release rights: for exactly one of a tracer or an isotope; edit changes the expiry. */
export const releaseRightCreateInput = strict({
  userId: id,
  tracerId: id.nullable().optional(),
  isotopeId: id.nullable().optional(),
  expiryDate: dateText.nullable().optional(),
}).refine(namesOneProduct, { error: 'input.invalid', path: ['tracerId'] });
export type ReleaseRightCreateInput = z.infer<typeof releaseRightCreateInput>;

export const releaseRightEditInput = strict({
  id,
  expiryDate: dateText.nullable(),
});
export type ReleaseRightEditInput = z.infer<typeof releaseRightEditInput>;

// ---------------------------------------------------------------------------------------------
// Set-up: products

/** Isotopes: create, edit. */
export const isotopeCreateInput = strict({
  atomicNumber: wholeNumber(1, 200),
  atomicMass: wholeNumber(1, 400),
  atomicLetter: requiredText(schemaLimits.atomicLetter).regex(
    /^[A-Za-z]+$/,
    keyed('input.invalid'),
  ),
  halflifeSeconds: positiveNumber(1e12),
  metastable: booleanFlag().optional(),
});
export type IsotopeCreateInput = z.infer<typeof isotopeCreateInput>;

export const isotopeEditInput = isotopeCreateInput.partial().extend({ id });
export type IsotopeEditInput = z.infer<typeof isotopeEditInput>;

/**
 * Tracers: create, edit, archive / un-archive. The plausibility limits and release guards
 * may be left out at create: the site's defaults (DEFAULT_TRACER_LIMITS,
 * DEFAULT_RELEASE_GUARDS) apply.
 */
export const tracerCreateInput = strict({
  shortname: shortName,
  clinicalName: requiredText(schemaLimits.clinicalName),
  isotopeId: id,
  tracerType: tracerTypeSchema,
  vialTag: vialTagText,
  marketed: booleanFlag().optional(),
  maxActivityPerOrder: activityMBq.optional(),
  maxActivityPerDelivery: activityMBq.optional(),
  maxInjectionsPerOrder: injectionCount.optional(),
  releaseLeadHours: positiveNumber(schemaLimits.releaseLeadHours).optional(),
  underDeliveryTolerancePercent: nonNegativeNumber(schemaLimits.tolerancePercent).optional(),
  overDeliveryTolerancePercent: nonNegativeNumber(schemaLimits.tolerancePercent).optional(),
});
export type TracerCreateInput = z.infer<typeof tracerCreateInput>;

export const tracerEditInput = tracerCreateInput.partial().extend({ id });
export type TracerEditInput = z.infer<typeof tracerEditInput>;

export const tracerArchiveInput = strict({ id, archived: booleanFlag() });
export type TracerArchiveInput = z.infer<typeof tracerArchiveInput>;

// ---------------------------------------------------------------------------------------------
// Set-up: customers

/** Customers: create, edit. */
export const customerCreateInput = strict({
  shortName,
  longName: optionalText(schemaLimits.longText),
  dispenserId: wholeNumber(0, schemaLimits.dispenserId).nullable().optional(),
  billingAddress: optionalText(schemaLimits.longText),
  billingCity: optionalText(schemaLimits.longText),
  billingEmail: emailText(schemaLimits.longText).nullable().optional(),
  billingPhone: optionalText(schemaLimits.phone),
  billingZipCode: optionalText(schemaLimits.zipCode),
});
export type CustomerCreateInput = z.infer<typeof customerCreateInput>;

export const customerEditInput = customerCreateInput.partial().extend({ id });
export type CustomerEditInput = z.infer<typeof customerEditInput>;

/** Delivery endpoints: create, edit. */
export const deliveryEndpointCreateInput = strict({
  customerId: id,
  name: optionalText(schemaLimits.shortName),
  address: optionalText(schemaLimits.longText),
  city: optionalText(schemaLimits.longText),
  zipCode: optionalText(schemaLimits.zipCode),
  phone: optionalText(schemaLimits.phone),
});
export type DeliveryEndpointCreateInput = z.infer<typeof deliveryEndpointCreateInput>;

export const deliveryEndpointEditInput = deliveryEndpointCreateInput.partial().extend({ id });
export type DeliveryEndpointEditInput = z.infer<typeof deliveryEndpointEditInput>;

/** Catalog pages (endpoint may order tracer; overhead multiplier ≥ 1): create, edit. */
export const tracerCatalogPageCreateInput = strict({
  endpointId: id,
  tracerId: id,
  overheadMultiplier: overheadMultiplier.optional(),
  maxInjections: wholeNumber(0, schemaLimits.injections).optional(),
});
export type TracerCatalogPageCreateInput = z.infer<typeof tracerCatalogPageCreateInput>;

export const tracerCatalogPageEditInput = strict({
  id,
  overheadMultiplier: overheadMultiplier.optional(),
  maxInjections: wholeNumber(0, schemaLimits.injections).optional(),
});
export type TracerCatalogPageEditInput = z.infer<typeof tracerCatalogPageEditInput>;

/** Customer notices: create, edit. */
export const customerNoticeCreateInput = strict({
  message: requiredText(schemaLimits.noticeMessage),
  expiresOn: dateText.nullable().optional(),
  customerIds: idList,
});
export type CustomerNoticeCreateInput = z.infer<typeof customerNoticeCreateInput>;

export const customerNoticeEditInput = customerNoticeCreateInput.partial().extend({ id });
export type CustomerNoticeEditInput = z.infer<typeof customerNoticeEditInput>;

// ---------------------------------------------------------------------------------------------
// Set-up: schedule

/** Activity production runs: create, edit. */
export const activityProductionCreateInput = strict({
  tracerId: id,
  weekday: weekdaySchema,
  productionTime: timeText,
});
export type ActivityProductionCreateInput = z.infer<typeof activityProductionCreateInput>;

export const activityProductionEditInput = activityProductionCreateInput.partial().extend({ id });
export type ActivityProductionEditInput = z.infer<typeof activityProductionEditInput>;

/** Activity delivery time slots: create, edit. */
export const activityDeliveryTimeSlotCreateInput = strict({
  endpointId: id,
  productionId: id,
  deliveryTime: timeText,
  weeklyRepeat: weeklyRepeatSchema,
  expirationDate: dateText.nullable().optional(),
});
export type ActivityDeliveryTimeSlotCreateInput = z.infer<
  typeof activityDeliveryTimeSlotCreateInput
>;

export const activityDeliveryTimeSlotEditInput = activityDeliveryTimeSlotCreateInput
  .partial()
  .extend({ id });
export type ActivityDeliveryTimeSlotEditInput = z.infer<typeof activityDeliveryTimeSlotEditInput>;

/** Isotope productions: create, edit. */
export const isotopeProductionCreateInput = strict({
  isotopeId: id,
  weekday: weekdaySchema,
  productionTime: timeText,
  expirationDate: dateText.nullable().optional(),
});
export type IsotopeProductionCreateInput = z.infer<typeof isotopeProductionCreateInput>;

export const isotopeProductionEditInput = isotopeProductionCreateInput.partial().extend({ id });
export type IsotopeProductionEditInput = z.infer<typeof isotopeProductionEditInput>;

/** Isotope deliveries: create, edit. */
export const isotopeDeliveryCreateInput = strict({
  isotopeProductionId: id,
  endpointId: id,
  deliveryTime: timeText,
  weeklyRepeat: weeklyRepeatSchema,
});
export type IsotopeDeliveryCreateInput = z.infer<typeof isotopeDeliveryCreateInput>;

export const isotopeDeliveryEditInput = isotopeDeliveryCreateInput.partial().extend({ id });
export type IsotopeDeliveryEditInput = z.infer<typeof isotopeDeliveryEditInput>;

const deadlineFields = {
  deadlineType: deadlineTypeSchema,
  deadlineTime: timeText,
  weekday: weekdaySchema.nullable().optional(),
  appliesTo: deadlineScopeSchema.nullable().optional(),
};

/** An edit may not make a weekly deadline without a weekday (checked on the fields given). */
function weeklyKeepsWeekday(input: {
  deadlineType?: DeadlineType | undefined;
  weekday?: number | null | undefined;
}): boolean {
  return !(input.deadlineType === DeadlineType.Weekly && input.weekday === null);
}

/** Deadlines (weekly ones need a weekday): create, edit. */
export const deadlineCreateInput = strict(deadlineFields).refine(
  (input) => input.deadlineType !== DeadlineType.Weekly || input.weekday != null,
  { error: 'input.empty', path: ['weekday'] },
);
export type DeadlineCreateInput = z.infer<typeof deadlineCreateInput>;

export const deadlineEditInput = strict(deadlineFields)
  .partial()
  .extend({ id })
  .refine(weeklyKeepsWeekday, { error: 'input.empty', path: ['weekday'] });
export type DeadlineEditInput = z.infer<typeof deadlineEditInput>;

/** Closed dates: close the date, or open it again if it is closed. */
export const closedDateToggleInput = strict({ date: dateText });
export type ClosedDateToggleInput = z.infer<typeof closedDateToggleInput>;

// ---------------------------------------------------------------------------------------------
// Set-up: RIS

/** Locations (usually made by the HL7 listener): create, edit. */
export const locationCreateInput = strict({
  locationCode: requiredText(schemaLimits.locationCode),
  commonName: optionalText(schemaLimits.locationCode),
  endpointId: id.nullable().optional(),
});
export type LocationCreateInput = z.infer<typeof locationCreateInput>;

export const locationEditInput = locationCreateInput.partial().extend({ id });
export type LocationEditInput = z.infer<typeof locationEditInput>;

/** Procedure identifiers (RIS study types): create, edit. */
export const procedureIdentifierCreateInput = strict({
  code: optionalText(schemaLimits.procedureCode),
  description: optionalText(schemaLimits.procedureDescription),
  isPet: booleanFlag().optional(),
});
export type ProcedureIdentifierCreateInput = z.infer<typeof procedureIdentifierCreateInput>;

export const procedureIdentifierEditInput = procedureIdentifierCreateInput.partial().extend({ id });
export type ProcedureIdentifierEditInput = z.infer<typeof procedureIdentifierEditInput>;

/** Procedures (units: MBq or injections per study; delay 0–1440 minutes): create, edit. */
export const procedureCreateInput = strict({
  procedureIdentifierId: id,
  endpointId: id,
  tracerId: id,
  tracerUnits: nonNegativeNumber(schemaLimits.activityMBq),
  delayMinutes: nonNegativeNumber(schemaLimits.delayMinutes),
});
export type ProcedureCreateInput = z.infer<typeof procedureCreateInput>;

export const procedureEditInput = procedureCreateInput.partial().extend({ id });
export type ProcedureEditInput = z.infer<typeof procedureEditInput>;

// ---------------------------------------------------------------------------------------------
// Set-up: server

/** Server settings (the singleton): any of its fields. */
export const serverSettingsEditInput = strict({
  dateRangeDays: wholeNumber(1, schemaLimits.dateRangeDays).optional(),
  adminPhone: boundedText(schemaLimits.phone).optional(),
  adminEmail: emailText(schemaLimits.adminEmail).optional(),
  activePrinterId: id.nullable().optional(),
  activeLabelPrinterId: id.nullable().optional(),
  risAddressId: id.nullable().optional(),
  unitName: boundedText(schemaLimits.unitName).nullable().optional(),
  unitAddress: boundedText(schemaLimits.unitAddress).nullable().optional(),
});
export type ServerSettingsEditInput = z.infer<typeof serverSettingsEditInput>;

/** Printers (name: letters, digits, dashes): create, edit. */
export const printerCreateInput = strict({
  name: printerNameText,
  host: hostText,
  port: portNumber,
  uri: printerUri.nullable().optional(),
  labelPrinter: booleanFlag().optional(),
});
export type PrinterCreateInput = z.infer<typeof printerCreateInput>;

export const printerEditInput = printerCreateInput.partial().extend({ id });
export type PrinterEditInput = z.infer<typeof printerEditInput>;

const serviceAddressFields = {
  kind: serviceAddressKindSchema,
  host: hostText,
  port: portNumber,
  aeTitle: aeTitleText.nullable().optional(),
  description: optionalText(schemaLimits.description),
};

/** Service addresses (RIS DICOM / HL7, LDAP); a DICOM address needs an AE title. */
export const serviceAddressCreateInput = strict(serviceAddressFields).refine(
  (input) => input.kind !== ServiceAddressKind.Dicom || input.aeTitle != null,
  { error: 'input.badAeTitle', path: ['aeTitle'] },
);
export type ServiceAddressCreateInput = z.infer<typeof serviceAddressCreateInput>;

export const serviceAddressEditInput = strict(serviceAddressFields)
  .partial()
  .extend({ id })
  .refine((input) => !(input.kind === ServiceAddressKind.Dicom && input.aeTitle === null), {
    error: 'input.badAeTitle',
    path: ['aeTitle'],
  });
export type ServiceAddressEditInput = z.infer<typeof serviceAddressEditInput>;
