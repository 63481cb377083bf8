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

import { API_TOKEN_ACCESS } from '../apiTokens';
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
  typeError,
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
/** What `idInput` gives after parsing. */
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
/** What `limitOverrideInput` gives after parsing. */
export type LimitOverrideInput = z.infer<typeof limitOverrideInput>;

/**
 * Why production changes a GMP record after acceptance (a dose, a move, a correction, a vial):
 * kept with the change's audit event (docs/domain.md, "Reasons for changes").
 */
export const changeReasonText = boundedText(schemaLimits.changeReason, { min: 3 });
const changeReason = { reason: changeReasonText.optional() };

/** A shop's new activity order: MBq for a delivery slot on a date (created as Ordered). */
export const activityOrderCreateInput = strict({
  orderedTimeSlotId: id,
  deliveryDate: dateText,
  orderedActivity: activityMBq,
  comment: comment.nullable().optional(),
  clientKey: clientKey.optional(),
});
/** What `activityOrderCreateInput` gives after parsing. */
export type ActivityOrderCreateInput = z.infer<typeof activityOrderCreateInput>;

/** A change of an activity order's MBq or comment. */
export const activityOrderEditInput = strict({
  id,
  orderedActivity: activityMBq.optional(),
  comment: comment.nullable().optional(),
});
/** What `activityOrderEditInput` gives after parsing. */
export type ActivityOrderEditInput = z.infer<typeof activityOrderEditInput>;

/**
 * Production's new activity order for a customer: may go above a plausibility limit with a reason.
 */
export const productionActivityOrderCreateInput = activityOrderCreateInput.extend({
  limitOverride: limitOverrideInput.optional(),
});
/** What `productionActivityOrderCreateInput` gives after parsing. */
export type ProductionActivityOrderCreateInput = z.infer<typeof productionActivityOrderCreateInput>;

/**
 * Production's change of an activity order: may go above a limit with a reason, and says why once
 * the order is accepted.
 */
export const productionActivityOrderEditInput = activityOrderEditInput.extend({
  limitOverride: limitOverrideInput.optional(),
  ...changeReason,
});
/** What `productionActivityOrderEditInput` gives after parsing. */
export type ProductionActivityOrderEditInput = z.infer<typeof productionActivityOrderEditInput>;

/** `{ id }` of the activity order to delete. */
export const activityOrderDeleteInput = idInput;
/** What `activityOrderDeleteInput` gives after parsing. */
export type ActivityOrderDeleteInput = z.infer<typeof activityOrderDeleteInput>;

/**
 * A shop's new injection order: injections of a tracer for an endpoint at a date and time (created
 * as Ordered).
 */
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
/** What `injectionOrderCreateInput` gives after parsing. */
export type InjectionOrderCreateInput = z.infer<typeof injectionOrderCreateInput>;

/** A change of an injection order's time, injections, usage or comment. */
export const injectionOrderEditInput = strict({
  id,
  deliveryTime: timeText.optional(),
  injections: injectionCount.optional(),
  tracerUsage: tracerUsageSchema.optional(),
  comment: comment.nullable().optional(),
});
/** What `injectionOrderEditInput` gives after parsing. */
export type InjectionOrderEditInput = z.infer<typeof injectionOrderEditInput>;

/** Production's new injection order for a customer: may go above a limit with a reason. */
export const productionInjectionOrderCreateInput = injectionOrderCreateInput.extend({
  limitOverride: limitOverrideInput.optional(),
});
/** What `productionInjectionOrderCreateInput` gives after parsing. */
export type ProductionInjectionOrderCreateInput = z.infer<
  typeof productionInjectionOrderCreateInput
>;

/**
 * Production's change of an injection order: may go above a limit with a reason, and says why once
 * the order is accepted.
 */
export const productionInjectionOrderEditInput = injectionOrderEditInput.extend({
  limitOverride: limitOverrideInput.optional(),
  ...changeReason,
});
/** What `productionInjectionOrderEditInput` gives after parsing. */
export type ProductionInjectionOrderEditInput = z.infer<typeof productionInjectionOrderEditInput>;

/** `{ id }` of the injection order to delete. */
export const injectionOrderDeleteInput = idInput;
/** What `injectionOrderDeleteInput` gives after parsing. */
export type InjectionOrderDeleteInput = z.infer<typeof injectionOrderDeleteInput>;

/**
 * A new isotope order: whole MBq of an isotope delivery on a date (created as Ordered; a comment of
 * at most 500 characters).
 */
export const isotopeOrderCreateInput = strict({
  isotopeDeliveryId: id,
  deliveryDate: dateText,
  orderedActivity: wholeActivityMBq,
  comment: isotopeComment.nullable().optional(),
  clientKey: clientKey.optional(),
});
/** What `isotopeOrderCreateInput` gives after parsing. */
export type IsotopeOrderCreateInput = z.infer<typeof isotopeOrderCreateInput>;

/** A change of an isotope order's MBq or comment. */
export const isotopeOrderEditInput = strict({
  id,
  orderedActivity: wholeActivityMBq.optional(),
  comment: isotopeComment.nullable().optional(),
});
/** What `isotopeOrderEditInput` gives after parsing. */
export type IsotopeOrderEditInput = z.infer<typeof isotopeOrderEditInput>;

/** Production's change of an isotope order, with its reason once the order is accepted. */
export const productionIsotopeOrderEditInput = isotopeOrderEditInput.extend(changeReason);
/** What `productionIsotopeOrderEditInput` gives after parsing. */
export type ProductionIsotopeOrderEditInput = z.infer<typeof productionIsotopeOrderEditInput>;

/** `{ id }` of the isotope order to delete. */
export const isotopeOrderDeleteInput = idInput;
/** What `isotopeOrderDeleteInput` gives after parsing. */
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
/** What `massOrderInput` gives after parsing. */
export type MassOrderRequest = z.infer<typeof massOrderInput>;

/** Read the orders of the days around `centralDate`, of some endpoints or of all. */
export const ordersWindowInput = strict({
  centralDate: dateText,
  endpointIds: optionalIdList.optional(),
});
/** What `ordersWindowInput` gives after parsing. */
export type OrdersWindowInput = z.infer<typeof ordersWindowInput>;

/**
 * Read the set-up state; with `date`, the closed dates around that date instead of from today on.
 */
export const stateReadInput = strict({
  date: dateText.optional(),
});
/** What `stateReadInput` gives after parsing. */
export type StateReadInput = z.infer<typeof stateReadInput>;

/** Read an endpoint's bookings of a date. */
export const bookingsByEndpointDateInput = strict({
  endpointId: id,
  date: dateText,
});
/** What `bookingsByEndpointDateInput` gives after parsing. */
export type BookingsByEndpointDateInput = z.infer<typeof bookingsByEndpointDateInput>;

/** Production's preview of an endpoint's not yet ordered bookings of one tracer. */
export const bookingPreviewInput = strict({
  endpointId: id,
  tracerId: id,
  date: dateText,
});
/** What `bookingPreviewInput` gives after parsing. */
export type BookingPreviewRequest = z.infer<typeof bookingPreviewInput>;

// ---------------------------------------------------------------------------------------------
// Production actions

/** Accept, reject, un-reject, restore: 1 to 500 order ids. */
export const orderIdsInput = strict({ orderIds: idList });
/** What `orderIdsInput` gives after parsing. */
export type OrderIdsInput = z.infer<typeof orderIdsInput>;

/** Move activity orders to a slot (the ordered slot itself restores). */
export const moveOrdersInput = strict({ orderIds: idList, toSlotId: id, ...changeReason });
/** What `moveOrdersInput` gives after parsing. */
export type MoveOrdersInput = z.infer<typeof moveOrdersInput>;

/** Move activity orders back to the slot they were ordered to. */
export const restoreOrdersInput = strict({ orderIds: idList, ...changeReason });
/** What `restoreOrdersInput` gives after parsing. */
export type RestoreOrdersInput = z.infer<typeof restoreOrdersInput>;

/**
 * Production deletes an order of any kind, with its reason once the order is accepted (a released
 * one only the site admin): `{ id, reason? }`.
 */
export const productionOrderDeleteInput = strict({ id, ...changeReason });
/** What `productionOrderDeleteInput` gives after parsing. */
export type ProductionOrderDeleteInput = z.infer<typeof productionOrderDeleteInput>;

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
/** What `activityReleaseInput` gives after parsing. */
export type ActivityReleaseInput = z.infer<typeof activityReleaseInput>;

/**
 * Release one injection order: its lot number and most injection volume, signed with the password.
 */
export const injectionReleaseInput = strict({
  orderId: id,
  lotNumber: lotNumberText,
  maxInjectionVolume: volumeMl,
  password: passwordText,
});
/** What `injectionReleaseInput` gives after parsing. */
export type InjectionReleaseInput = z.infer<typeof injectionReleaseInput>;

/** Release several injection orders with one lot number, signed with the password. */
export const injectionMultiReleaseInput = strict({
  orderIds: idList,
  lotNumber: lotNumberText,
  maxInjectionVolume: volumeMl,
  password: passwordText,
});
/** What `injectionMultiReleaseInput` gives after parsing. */
export type InjectionMultiReleaseInput = z.infer<typeof injectionMultiReleaseInput>;

/** Release isotope orders with their isotope vials, signed with the password. */
export const isotopeReleaseInput = strict({
  orderIds: idList,
  isotopeVialIds: idList,
  password: passwordText,
});
/** What `isotopeReleaseInput` gives after parsing. */
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
/** What `correctionInput` gives after parsing. */
export type CorrectionInput = z.infer<typeof correctionInput>;

/** A vial made by hand in production (the dispenser import makes the others). */
export const vialCreateInput = strict({
  tracerId: id.nullable().optional(),
  customerId: id.nullable().optional(),
  lotNumber: lotNumberText,
  fillDate: dateText,
  fillTime: timeText,
  activity: activityMBq,
  volume: volumeMl,
});
/** What `vialCreateInput` gives after parsing. */
export type VialCreateInput = z.infer<typeof vialCreateInput>;

/** A change of some of a vial's fields, with the reason. */
export const vialEditInput = vialCreateInput.partial().extend({ id, ...changeReason });
/** What `vialEditInput` gives after parsing. */
export type VialEditInput = z.infer<typeof vialEditInput>;

/**
 * A new isotope vial: batch number (at most 128 characters), calibration instant, activity and
 * volume.
 */
export const isotopeVialCreateInput = strict({
  isotopeId: id,
  batchNumber: requiredText(schemaLimits.batchNumber),
  calibratedAt: instantText,
  activity: activityMBq,
  volume: volumeMl,
});
/** What `isotopeVialCreateInput` gives after parsing. */
export type IsotopeVialCreateInput = z.infer<typeof isotopeVialCreateInput>;

/** A change of some of an isotope vial's fields, with the reason. */
export const isotopeVialEditInput = isotopeVialCreateInput
  .partial()
  .extend({ id, ...changeReason });
/** What `isotopeVialEditInput` gives after parsing. */
export type IsotopeVialEditInput = z.infer<typeof isotopeVialEditInput>;

// ---------------------------------------------------------------------------------------------
// Authentication and users

/** Log in with a user name and a password (no minimum length beyond one character). */
export const loginInput = strict({
  username: usernameText,
  password: passwordText,
});
/** What `loginInput` gives after parsing. */
export type LoginInput = z.infer<typeof loginInput>;

/** Change one's own password: the current one and a new one of 8 to 1024 characters. */
export const changePasswordInput = strict({
  currentPassword: passwordText,
  newPassword: newPasswordText,
});
/** What `changePasswordInput` gives after parsing. */
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/**
 * A new local account made by the site admin: its role, its customers when the role is
 * shop-scoped (core `roleCustomersProblem`), and a first password its owner must replace at
 * the first login.
 */
export const userCreateInput = strict({
  username: usernameText,
  displayName: optionalText(schemaLimits.personName),
  userGroup: userGroupSchema,
  password: newPasswordText,
  customerIds: optionalIdList,
});
/** What `userCreateInput` gives after parsing. */
export type UserCreateInput = z.infer<typeof userCreateInput>;

/** A new password for a local account, set by the site admin; its owner must replace it. */
export const userPasswordResetInput = strict({
  id,
  password: newPasswordText,
});
/** What `userPasswordResetInput` gives after parsing. */
export type UserPasswordResetInput = z.infer<typeof userPasswordResetInput>;

/** A new external shop user (ShopExternal, local password), with their customer or not yet. */
export const externalUserCreateInput = strict({
  username: usernameText,
  password: newPasswordText,
  displayName: optionalText(schemaLimits.personName),
  customerId: id.optional(),
});
/** What `externalUserCreateInput` gives after parsing. */
export type ExternalUserCreateInput = z.infer<typeof externalUserCreateInput>;

/** A new password for an external user. */
export const externalUserChangePasswordInput = strict({
  userId: id,
  password: newPasswordText,
});
/** What `externalUserChangePasswordInput` gives after parsing. */
export type ExternalUserChangePasswordInput = z.infer<typeof externalUserChangePasswordInput>;

/** `customerId: null` takes the external user's customer away (the user can then see nothing). */
export const externalUserAssignCustomerInput = strict({
  userId: id,
  customerId: id.nullable(),
});
/** What `externalUserAssignCustomerInput` gives after parsing. */
export type ExternalUserAssignCustomerInput = z.infer<typeof externalUserAssignCustomerInput>;

/** Let a shop user (by user name, looked up locally or in LDAP) act for a customer. */
export const userAssignmentCreateInput = strict({
  username: usernameText,
  customerId: id,
});
/** What `userAssignmentCreateInput` gives after parsing. */
export type UserAssignmentCreateInput = z.infer<typeof userAssignmentCreateInput>;

/** `{ id }` of the user assignment to remove. */
export const userAssignmentDeleteInput = idInput;
/** What `userAssignmentDeleteInput` gives after parsing. */
export type UserAssignmentDeleteInput = z.infer<typeof userAssignmentDeleteInput>;

/** A user's name, group and active flag (site admin). */
export const userEditInput = strict({
  id,
  displayName: optionalText(schemaLimits.personName),
  userGroup: userGroupSchema.optional(),
  active: booleanFlag().optional(),
});
/** What `userEditInput` gives after parsing. */
export type UserEditInput = z.infer<typeof userEditInput>;

/**
 * A new API token for a script (docs/scripts.md): its name, role, read or write access, the
 * customers of a shop role, and its last day. The rules beyond the shape are core's
 * `apiTokenProblem`.
 */
export const apiTokenCreateInput = strict({
  name: requiredText(schemaLimits.apiTokenName),
  userGroup: userGroupSchema,
  access: z.enum(API_TOKEN_ACCESS, typeError('input.invalid')),
  customerIds: optionalIdList,
  expiresOn: dateText,
});
export type ApiTokenCreateInput = z.infer<typeof apiTokenCreateInput>;

/**
 * A new release right of a user: for exactly one of a tracer or an isotope, with an expiry date or
 * none.
 */
export const releaseRightCreateInput = strict({
  userId: id,
  tracerId: id.nullable().optional(),
  isotopeId: id.nullable().optional(),
  expiryDate: dateText.nullable().optional(),
}).refine(namesOneProduct, { error: 'input.invalid', path: ['tracerId'] });
/** What `releaseRightCreateInput` gives after parsing. */
export type ReleaseRightCreateInput = z.infer<typeof releaseRightCreateInput>;

/** A release right's new expiry date (null: never expires). */
export const releaseRightEditInput = strict({
  id,
  expiryDate: dateText.nullable(),
});
/** What `releaseRightEditInput` gives after parsing. */
export type ReleaseRightEditInput = z.infer<typeof releaseRightEditInput>;

// ---------------------------------------------------------------------------------------------
// Set-up: products

/** A new isotope: atomic number, mass and letter, half-life in seconds, metastable or not. */
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
/** What `isotopeCreateInput` gives after parsing. */
export type IsotopeCreateInput = z.infer<typeof isotopeCreateInput>;

/** A change of some of an isotope's fields. */
export const isotopeEditInput = isotopeCreateInput.partial().extend({ id });
/** What `isotopeEditInput` gives after parsing. */
export type IsotopeEditInput = z.infer<typeof isotopeEditInput>;

/**
 * A new tracer. The plausibility limits and release guards may be left out: the site's defaults
 * (`DEFAULT_TRACER_LIMITS`, `DEFAULT_RELEASE_GUARDS`) apply.
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
/** What `tracerCreateInput` gives after parsing. */
export type TracerCreateInput = z.infer<typeof tracerCreateInput>;

/** A change of some of a tracer's fields. */
export const tracerEditInput = tracerCreateInput.partial().extend({ id });
/** What `tracerEditInput` gives after parsing. */
export type TracerEditInput = z.infer<typeof tracerEditInput>;

/** Archive a tracer, or take it out of the archive. */
export const tracerArchiveInput = strict({ id, archived: booleanFlag() });
/** What `tracerArchiveInput` gives after parsing. */
export type TracerArchiveInput = z.infer<typeof tracerArchiveInput>;

// ---------------------------------------------------------------------------------------------
// Set-up: customers

/** A new customer: short and long name, dispenser id and billing details. */
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
/** What `customerCreateInput` gives after parsing. */
export type CustomerCreateInput = z.infer<typeof customerCreateInput>;

/** A change of some of a customer's fields. */
export const customerEditInput = customerCreateInput.partial().extend({ id });
/** What `customerEditInput` gives after parsing. */
export type CustomerEditInput = z.infer<typeof customerEditInput>;

/** A new delivery endpoint of a customer, with its name and address. */
export const deliveryEndpointCreateInput = strict({
  customerId: id,
  name: optionalText(schemaLimits.shortName),
  address: optionalText(schemaLimits.longText),
  city: optionalText(schemaLimits.longText),
  zipCode: optionalText(schemaLimits.zipCode),
  phone: optionalText(schemaLimits.phone),
});
/** What `deliveryEndpointCreateInput` gives after parsing. */
export type DeliveryEndpointCreateInput = z.infer<typeof deliveryEndpointCreateInput>;

/** A change of some of a delivery endpoint's fields. */
export const deliveryEndpointEditInput = deliveryEndpointCreateInput.partial().extend({ id });
/** What `deliveryEndpointEditInput` gives after parsing. */
export type DeliveryEndpointEditInput = z.infer<typeof deliveryEndpointEditInput>;

/** A new catalogue entry: the endpoint may order the tracer (overhead multiplier at least 1). */
export const tracerCatalogPageCreateInput = strict({
  endpointId: id,
  tracerId: id,
  overheadMultiplier: overheadMultiplier.optional(),
  maxInjections: wholeNumber(0, schemaLimits.injections).optional(),
});
/** What `tracerCatalogPageCreateInput` gives after parsing. */
export type TracerCatalogPageCreateInput = z.infer<typeof tracerCatalogPageCreateInput>;

/** A change of a catalogue entry's overhead multiplier or most injections. */
export const tracerCatalogPageEditInput = strict({
  id,
  overheadMultiplier: overheadMultiplier.optional(),
  maxInjections: wholeNumber(0, schemaLimits.injections).optional(),
});
/** What `tracerCatalogPageEditInput` gives after parsing. */
export type TracerCatalogPageEditInput = z.infer<typeof tracerCatalogPageEditInput>;

/** A new notice to some customers, shown until `expiresOn` (null: always). */
export const customerNoticeCreateInput = strict({
  message: requiredText(schemaLimits.noticeMessage),
  expiresOn: dateText.nullable().optional(),
  customerIds: idList,
});
/** What `customerNoticeCreateInput` gives after parsing. */
export type CustomerNoticeCreateInput = z.infer<typeof customerNoticeCreateInput>;

/** A change of some of a customer notice's fields. */
export const customerNoticeEditInput = customerNoticeCreateInput.partial().extend({ id });
/** What `customerNoticeEditInput` gives after parsing. */
export type CustomerNoticeEditInput = z.infer<typeof customerNoticeEditInput>;

// ---------------------------------------------------------------------------------------------
// Set-up: schedule

/** A new activity production run: a tracer on a weekday at a production time. */
export const activityProductionCreateInput = strict({
  tracerId: id,
  weekday: weekdaySchema,
  productionTime: timeText,
});
/** What `activityProductionCreateInput` gives after parsing. */
export type ActivityProductionCreateInput = z.infer<typeof activityProductionCreateInput>;

/** A change of some of a production run's fields. */
export const activityProductionEditInput = activityProductionCreateInput.partial().extend({ id });
/** What `activityProductionEditInput` gives after parsing. */
export type ActivityProductionEditInput = z.infer<typeof activityProductionEditInput>;

/**
 * A new delivery slot of a production run to an endpoint: delivery time, weekly repeat and an
 * expiration date, if any.
 */
export const activityDeliveryTimeSlotCreateInput = strict({
  endpointId: id,
  productionId: id,
  deliveryTime: timeText,
  weeklyRepeat: weeklyRepeatSchema,
  expirationDate: dateText.nullable().optional(),
});
/** What `activityDeliveryTimeSlotCreateInput` gives after parsing. */
export type ActivityDeliveryTimeSlotCreateInput = z.infer<
  typeof activityDeliveryTimeSlotCreateInput
>;

/** A change of some of a delivery slot's fields. */
export const activityDeliveryTimeSlotEditInput = activityDeliveryTimeSlotCreateInput
  .partial()
  .extend({ id });
/** What `activityDeliveryTimeSlotEditInput` gives after parsing. */
export type ActivityDeliveryTimeSlotEditInput = z.infer<typeof activityDeliveryTimeSlotEditInput>;

/** A new isotope production: an isotope on a weekday at a production time. */
export const isotopeProductionCreateInput = strict({
  isotopeId: id,
  weekday: weekdaySchema,
  productionTime: timeText,
  expirationDate: dateText.nullable().optional(),
});
/** What `isotopeProductionCreateInput` gives after parsing. */
export type IsotopeProductionCreateInput = z.infer<typeof isotopeProductionCreateInput>;

/** A change of some of an isotope production's fields. */
export const isotopeProductionEditInput = isotopeProductionCreateInput.partial().extend({ id });
/** What `isotopeProductionEditInput` gives after parsing. */
export type IsotopeProductionEditInput = z.infer<typeof isotopeProductionEditInput>;

/** A new delivery of an isotope production to an endpoint: delivery time and weekly repeat. */
export const isotopeDeliveryCreateInput = strict({
  isotopeProductionId: id,
  endpointId: id,
  deliveryTime: timeText,
  weeklyRepeat: weeklyRepeatSchema,
});
/** What `isotopeDeliveryCreateInput` gives after parsing. */
export type IsotopeDeliveryCreateInput = z.infer<typeof isotopeDeliveryCreateInput>;

/** A change of some of an isotope delivery's fields. */
export const isotopeDeliveryEditInput = isotopeDeliveryCreateInput.partial().extend({ id });
/** What `isotopeDeliveryEditInput` gives after parsing. */
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

/** A new ordering deadline (a weekly one needs a weekday). */
export const deadlineCreateInput = strict(deadlineFields).refine(
  (input) => input.deadlineType !== DeadlineType.Weekly || input.weekday != null,
  { error: 'input.empty', path: ['weekday'] },
);
/** What `deadlineCreateInput` gives after parsing. */
export type DeadlineCreateInput = z.infer<typeof deadlineCreateInput>;

/** A change of some of a deadline's fields; a weekly deadline keeps its weekday. */
export const deadlineEditInput = strict(deadlineFields)
  .partial()
  .extend({ id })
  .refine(weeklyKeepsWeekday, { error: 'input.empty', path: ['weekday'] });
/** What `deadlineEditInput` gives after parsing. */
export type DeadlineEditInput = z.infer<typeof deadlineEditInput>;

/** Closed dates: close the date, or open it again if it is closed. */
export const closedDateToggleInput = strict({ date: dateText });
/** What `closedDateToggleInput` gives after parsing. */
export type ClosedDateToggleInput = z.infer<typeof closedDateToggleInput>;

// ---------------------------------------------------------------------------------------------
// Set-up: RIS

/** A new RIS location (usually made by the HL7 listener), tied to an endpoint or not. */
export const locationCreateInput = strict({
  locationCode: requiredText(schemaLimits.locationCode),
  commonName: optionalText(schemaLimits.locationCode),
  endpointId: id.nullable().optional(),
});
/** What `locationCreateInput` gives after parsing. */
export type LocationCreateInput = z.infer<typeof locationCreateInput>;

/** A change of some of a location's fields. */
export const locationEditInput = locationCreateInput.partial().extend({ id });
/** What `locationEditInput` gives after parsing. */
export type LocationEditInput = z.infer<typeof locationEditInput>;

/** A new RIS study type: code, description, PET or not. */
export const procedureIdentifierCreateInput = strict({
  code: optionalText(schemaLimits.procedureCode),
  description: optionalText(schemaLimits.procedureDescription),
  isPet: booleanFlag().optional(),
});
/** What `procedureIdentifierCreateInput` gives after parsing. */
export type ProcedureIdentifierCreateInput = z.infer<typeof procedureIdentifierCreateInput>;

/** A change of some of a study type's fields. */
export const procedureIdentifierEditInput = procedureIdentifierCreateInput.partial().extend({ id });
/** What `procedureIdentifierEditInput` gives after parsing. */
export type ProcedureIdentifierEditInput = z.infer<typeof procedureIdentifierEditInput>;

/**
 * A new procedure: what an endpoint needs of a tracer for a study type (MBq or injections per
 * study) and the delay to injection (0–1440 minutes).
 */
export const procedureCreateInput = strict({
  procedureIdentifierId: id,
  endpointId: id,
  tracerId: id,
  tracerUnits: nonNegativeNumber(schemaLimits.activityMBq),
  delayMinutes: nonNegativeNumber(schemaLimits.delayMinutes),
});
/** What `procedureCreateInput` gives after parsing. */
export type ProcedureCreateInput = z.infer<typeof procedureCreateInput>;

/** A change of some of a procedure's fields. */
export const procedureEditInput = procedureCreateInput.partial().extend({ id });
/** What `procedureEditInput` gives after parsing. */
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
/** What `serverSettingsEditInput` gives after parsing. */
export type ServerSettingsEditInput = z.infer<typeof serverSettingsEditInput>;

/** A new printer: name (letters, digits, dashes), host, port, URI if any, label printer or not. */
export const printerCreateInput = strict({
  name: printerNameText,
  host: hostText,
  port: portNumber,
  uri: printerUri.nullable().optional(),
  labelPrinter: booleanFlag().optional(),
});
/** What `printerCreateInput` gives after parsing. */
export type PrinterCreateInput = z.infer<typeof printerCreateInput>;

/** A change of some of a printer's fields. */
export const printerEditInput = printerCreateInput.partial().extend({ id });
/** What `printerEditInput` gives after parsing. */
export type PrinterEditInput = z.infer<typeof printerEditInput>;

const serviceAddressFields = {
  kind: serviceAddressKindSchema,
  host: hostText,
  port: portNumber,
  aeTitle: aeTitleText.nullable().optional(),
  description: optionalText(schemaLimits.description),
};

/** A new service address (the RIS's DICOM or HL7 side, LDAP); a DICOM address needs an AE title. */
export const serviceAddressCreateInput = strict(serviceAddressFields).refine(
  (input) => input.kind !== ServiceAddressKind.Dicom || input.aeTitle != null,
  { error: 'input.badAeTitle', path: ['aeTitle'] },
);
/** What `serviceAddressCreateInput` gives after parsing. */
export type ServiceAddressCreateInput = z.infer<typeof serviceAddressCreateInput>;

/** A change of some of a service address's fields; a DICOM address keeps its AE title. */
export const serviceAddressEditInput = strict(serviceAddressFields)
  .partial()
  .extend({ id })
  .refine((input) => !(input.kind === ServiceAddressKind.Dicom && input.aeTitle === null), {
    error: 'input.badAeTitle',
    path: ['aeTitle'],
  });
/** What `serviceAddressEditInput` gives after parsing. */
export type ServiceAddressEditInput = z.infer<typeof serviceAddressEditInput>;
