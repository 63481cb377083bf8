/**
 * When "Frigiv" may be pressed in the activity order modal (docs/domain.md): the collection is
 * Accepted, at least one vial is chosen, no vial form is open, and the signer holds a valid
 * release right for the tracer (core `hasReleaseRight`; site admins always). Otherwise the
 * reason is shown beside the disabled button.
 */
import { hasReleaseRight } from '@tracershop/core';
import type { UserGroup } from '@tracershop/core';

export type ReleaseBlock = 'notAccepted' | 'noVial' | 'vialFormOpen' | 'noRight';

export interface ReleaseSigner {
  id: number;
  userGroup: UserGroup;
}

export interface ReleaseRightRow {
  userId: number;
  tracerId: number | null;
  isotopeId: number | null;
  expiryDate: string | null;
}

/** Whether `signer` may release `tracerId` on the site's `today` (`'YYYY-MM-DD'`). */
export function mayReleaseTracer(
  signer: ReleaseSigner | null,
  rights: readonly ReleaseRightRow[],
  tracerId: number,
  today: string,
): boolean {
  if (signer === null) {
    return false;
  }
  return hasReleaseRight({
    userGroup: signer.userGroup,
    userId: signer.id,
    rights,
    tracerId,
    today,
  });
}

export function releaseBlockOf(state: {
  accepted: boolean;
  selectedVials: number;
  vialFormOpen: boolean;
  mayRelease: boolean;
}): ReleaseBlock | null {
  if (!state.accepted) {
    return 'notAccepted';
  }
  if (!state.mayRelease) {
    return 'noRight';
  }
  if (state.vialFormOpen) {
    return 'vialFormOpen';
  }
  return state.selectedVials === 0 ? 'noVial' : null;
}
