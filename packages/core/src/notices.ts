/**
 * Customer notices: messages production admins write to the shop users of some customers,
 * shown at the top of the shop's order page until their last day.
 */
import { daysBetween } from './calendar';

/**
 * Whether a notice with the last day `expiresOn` (`'YYYY-MM-DD'`, null: until it is removed)
 * is shown on `today` (site calendar): it is, up to and including its last day.
 */
export function isNoticeCurrent(expiresOn: string | null, today: string): boolean {
  return expiresOn === null || daysBetween(today, expiresOn) >= 0;
}
