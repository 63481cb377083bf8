/**
 * Releases and corrections: the electronic signatures of production (docs/domain.md). Every
 * procedure re-checks the logged-in user's password (`verifySignature`), then the release
 * right, then writes in one transaction with its signature manifest in the audit trail.
 */
import { router } from '../../trpc/init';
import { releaseActivity } from './activityRelease';
import { correctOrders } from './correction';
import { releaseInjection, releaseInjectionMany } from './injectionRelease';
import { releaseIsotope } from './isotopeRelease';

export const releaseRouter = router({
  activity: releaseActivity,
  injection: releaseInjection,
  injectionMany: releaseInjectionMany,
  isotope: releaseIsotope,
  correct: correctOrders,
});
