/**
 * Site administration: the audit trail and its verification, login events, telemetry and
 * role assignment.
 */
import { router } from '../../trpc/init';
import { auditChainVerification, auditTrailRead } from './auditTrail';
import { loginEventsRead } from './loginEvents';
import { telemetrySummary } from './telemetry';
import { userEdit } from './users';

export const adminRouter = router({
  auditTrail: auditTrailRead,
  verifyAuditChain: auditChainVerification,
  loginEvents: loginEventsRead,
  telemetry: telemetrySummary,
  editUser: userEdit,
});
