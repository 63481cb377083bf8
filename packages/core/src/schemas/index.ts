/**
 * Validation schemas: stored entities and the inputs the api accepts. The shared field
 * schemas they are built from stay under the `fieldSchemas` namespace, so generic names
 * (`id`, `comment`) do not crowd the package root.
 */
export * from './entities';
export * from './inputs';
export {
  bookingStatusSchema,
  deadlineScopeSchema,
  deadlineTypeSchema,
  orderStatusSchema,
  schemaLimits,
  serviceAddressKindSchema,
  toValidationIssues,
  tracerTypeSchema,
  tracerUsageSchema,
  userGroupSchema,
  userSourceSchema,
  weekdaySchema,
  weeklyRepeatSchema,
} from './primitives';
export * as fieldSchemas from './primitives';
