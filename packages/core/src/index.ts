/**
 * @tracershop/core — every domain rule of Tracershop (docs/domain.md). Pure: no I/O, no
 * clock reads. One module per concept; this file only re-exports them.
 */
export * from './enums';
export * from './physics';
export * from './calendar';
export * from './fieldFormats';
export * from './userInput';
export * from './validationMessages';
export * from './displayFormat';
export * from './auditReview';
export * from './calculator';
export * from './deadlines';
export * from './schedule';
export * from './lotNumbers';
export * from './overhead';
export * from './deliveredActivity';
export * from './orderStatus';
export * from './slotSummary';
export * from './plausibility';
export * from './releaseGuards';
export * from './slotReleases';
export * from './runTotals';
export * from './moves';
export * from './changeReasons';
export * from './massOrder';
export * from './bookingPreview';
export * from './isotopeTotals';
export * from './valFile';
export * from './dispenserExport';
export * from './hl7';
export * from './accessionNumbers';
export * from './roles';
export * from './passwords';
export * from './permissions';
export * from './apiTokens';
export * from './releaseRights';
export * from './schemas';
export * from './publicHolidays';
export * from './releasePunctuality';
export * from './notices';
