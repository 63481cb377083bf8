/**
 * Release rights ("frigivelsesrettigheder", docs/operations.md): who may sign the release of
 * which tracer or isotope. Unlike the legacy server, expiry is always respected, and a production admin never grants a right to themselves.
 */
import type { UserGroup } from './enums';
import { isProductionAdmin, isProductionMember, isSiteAdmin } from './roles';

/** The fields of a ReleaseRight that decide on a release (entity shape; exactly one product). */
export interface ReleaseRightGrant {
  userId: number;
  tracerId?: number | null;
  isotopeId?: number | null;
  /** `'YYYY-MM-DD'`; the right ends at the start of this day. `null` = never expires. */
  expiryDate: string | null;
}

/** Arguments of `hasReleaseRight`. */
export interface ReleaseRightQuery {
  userGroup: UserGroup;
  userId: number;
  rights: readonly ReleaseRightGrant[];
  /** The tracer being released (activity and injection orders). */
  tracerId?: number | null;
  /** The isotope being released (isotope orders). */
  isotopeId?: number | null;
  /** The site's local date `'YYYY-MM-DD'`; the caller reads the clock. */
  today: string;
}

/** Arguments of `mayGrantReleaseRight`. */
export interface ReleaseRightGrantQuery {
  granterGroup: UserGroup;
  granterId: number;
  granteeId: number;
  /** When known, the grantee must be a production member (rights of shop users mean nothing). */
  granteeGroup?: UserGroup;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether the user may release the given tracer or isotope: always for the site admin;
 * otherwise the user needs a right of their own for that tracer (when `tracerId` is given) or
 * that isotope (when `isotopeId` is given) whose `expiryDate` is null or later than `today`.
 * A right with an unreadable expiry date counts as expired. Throws a RangeError when `today`
 * is not `'YYYY-MM-DD'`.
 */
export function hasReleaseRight({
  userGroup,
  userId,
  rights,
  tracerId,
  isotopeId,
  today,
}: ReleaseRightQuery): boolean {
  if (typeof today !== 'string' || !DATE.test(today)) {
    throw new RangeError(`today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
  }
  if (isSiteAdmin(userGroup)) {
    return true;
  }
  return rights.some(
    (right) =>
      right.userId === userId &&
      ((tracerId != null && right.tracerId === tracerId) ||
        (isotopeId != null && right.isotopeId === isotopeId)) &&
      (right.expiryDate == null || (DATE.test(right.expiryDate) && right.expiryDate > today)),
  );
}

/**
 * Whether `granter` may grant or change a release right of `grantee`: production admins may,
 * but not for themselves (that needs the site admin, who may grant anyone, themselves included).
 * Revoking is `allowed(g, 'releaseRight.write')` alone: giving up a right of one's own is safe.
 */
export function mayGrantReleaseRight({
  granterGroup,
  granterId,
  granteeId,
  granteeGroup,
}: ReleaseRightGrantQuery): boolean {
  if (granteeGroup !== undefined && !isProductionMember(granteeGroup)) {
    return false;
  }
  if (isSiteAdmin(granterGroup)) {
    return true;
  }
  return isProductionAdmin(granterGroup) && granterId !== granteeId;
}
