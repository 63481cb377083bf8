/**
 * The server's side of core's reason rule (`changeNeedsReason`, docs/domain.md "Reasons for
 * changes"): a change of an accepted order, a correction or a vial edit without the user's
 * reason is refused with `CHANGE_REASON_NEEDED`, before anything is written. The reason
 * itself (3–500 characters) is checked by the input schema.
 */
import { changeNeedsReason } from '@tracershop/core';
import type { ReasonedChange } from '@tracershop/core';
import { apiError } from './errors';

export function requireReason(change: ReasonedChange, reason: string | undefined): void {
  if (reason === undefined && changeNeedsReason(change)) {
    throw apiError('CHANGE_REASON_NEEDED');
  }
}
