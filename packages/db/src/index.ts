/**
 * @tracershop/db — the record and web databases: models, migrations, audit trail,
 * transactions, constraint errors, password hashes and the demo seed.
 */
export * from './config';
export * from './connection';
export {
  DbConstraintError,
  rethrowAsConstraintError,
  toDbConstraintError,
} from './constraintErrors';
export type { DbConstraintDetails, DbConstraintKind, DbWriteOperation } from './constraintErrors';
export * from './transactions';
export * from './audit';
export * from './migrate';
export * from './setupLock';
export * from './passwords';
export * from './seed';
export * from './backup';
export { runCommand, siteToday, sizeInWords, USAGE } from './commandLine';
export type { CommandIo, CommandSite } from './commandLine';
export {
  ActivityDeliveryTimeSlot,
  ActivityOrder,
  ActivityProduction,
  AuditChainHead,
  AuditEvent,
  AuditReview,
  Booking,
  ClientRequest,
  ClosedDate,
  Customer,
  Deadline,
  DeliveryEndpoint,
  InjectionOrder,
  Isotope,
  IsotopeDelivery,
  IsotopeOrder,
  IsotopeProduction,
  IsotopeVial,
  LegacyId,
  Location,
  PERSON_NAME_LENGTH,
  Procedure,
  ProcedureIdentifier,
  RELEASE_RIGHT_PRODUCT_CHECK,
  REVIEW_COMMENT_LENGTH,
  AUDIT_REASON_LENGTH,
  ReleaseRight,
  ServiceRun,
  Tracer,
  TracerCatalogPage,
  Vial,
  defineRecordModels,
} from './models/record';
export type { RecordModels } from './models/record';
export {
  ApiToken,
  BACKUP_RUN_RESULTS,
  BackupRun,
  CustomerNotice,
  LoginEvent,
  Printer,
  SERVER_SETTINGS_ID,
  ServerSettings,
  ServiceAddress,
  Session,
  TelemetryRecord,
  User,
  UserAssignment,
  defineWebModels,
  usernameKeyOf,
} from './models/web';
export type { BackupRowCounts, BackupRunResult, WebModels } from './models/web';
export { TIME_OF_DAY_PATTERN } from './models/columns';
