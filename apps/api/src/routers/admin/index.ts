/**
 * Site administration: the audit trail, its verification and periodic reviews, login events,
 * telemetry, scheduled backups, accounts (new, reset, role) and scripts' API tokens.
 */
import { router } from '../../trpc/init';
import { apiTokenCreate, apiTokenList, apiTokenRevoke } from './apiTokens';
import { auditReviewCreate, auditReviewList } from './auditReviews';
import { auditChainVerification, auditFilterChoices, auditTrailRead } from './auditTrail';
import { backupRunsRead } from './backupRuns';
import { loginEventsRead } from './loginEvents';
import { telemetrySummary } from './telemetry';
import { userCreate, userEdit, userPasswordReset } from './users';

export const adminRouter = router({
  auditTrail: auditTrailRead,
  auditFilters: auditFilterChoices,
  verifyAuditChain: auditChainVerification,
  reviews: auditReviewList,
  review: auditReviewCreate,
  loginEvents: loginEventsRead,
  telemetry: telemetrySummary,
  backupRuns: backupRunsRead,
  editUser: userEdit,
  createUser: userCreate,
  resetPassword: userPasswordReset,
  apiTokens: router({ list: apiTokenList, create: apiTokenCreate, revoke: apiTokenRevoke }),
});
