/**
 * Release guards (docs/domain.md, "Release guards"): what a signed release must make
 * plausible before it may go through.
 * - No vial filled after the moment of release: it cannot have been made yet.
 * - No release more than the tracer's lead time before the delivery: a release of tomorrow's
 *   delivery today signs for vials that do not exist.
 * - The vials' delivered activity (decay-corrected to the delivery time) against what
 *   production must deliver (the ordered activity decay-scaled and with overhead): below it
 *   by more than the tracer's tolerance, or far above it, the signer must confirm with a
 *   reason, which the signature manifest keeps.
 */
import { DEFAULT_TIME_ZONE, localDateTimeOf, secondsBetween } from './calendar';

/** A tracer's release guards. */
export interface ReleaseGuardSettings {
  /** A release may come at most this many hours before the delivery time. */
  releaseLeadHours: number;
  /** Delivered below the required activity by more than this % needs a reason. */
  underDeliveryTolerancePercent: number;
  /** Delivered above the required activity by more than this % needs a reason. */
  overDeliveryTolerancePercent: number;
}

/**
 * What a new site starts with: production of the day begins in the small hours for morning
 * deliveries, so twelve hours covers the earliest real release; dispensing 10 % short of what
 * was required is what a department notices; 50 % over means a vial of another order.
 */
export const DEFAULT_RELEASE_GUARDS: ReleaseGuardSettings = {
  releaseLeadHours: 12,
  underDeliveryTolerancePercent: 10,
  overDeliveryTolerancePercent: 50,
};

/** The fields of a vial the fill-time guard reads. */
export interface FilledVial {
  fillDate: string;
  fillTime: string;
}

/**
 * The vials filled after `releaseLocalDateTime` (the site's wall clock at the moment of
 * release, `YYYY-MM-DD HH:MM:SS`): none may be released.
 */
export function vialsFilledAfter<V extends FilledVial>(
  vials: readonly V[],
  releaseLocalDateTime: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): V[] {
  return vials.filter(
    (vial) =>
      secondsBetween(
        releaseLocalDateTime,
        localDateTimeOf(vial.fillDate, vial.fillTime),
        timeZone,
      ) > 0,
  );
}

/** Input of `isReleaseTooEarly`: when the release happens and when the delivery is. */
export interface ReleaseMoment {
  /** The site's wall clock at the moment of release. */
  releaseLocalDateTime: string;
  /** The delivery's date and time on the site's wall clock. */
  deliveryLocalDateTime: string;
  releaseLeadHours: number;
  timeZone?: string;
}

/** Whether the release comes more than the lead time before the delivery. */
export function isReleaseTooEarly(moment: ReleaseMoment): boolean {
  const ahead = secondsBetween(
    moment.releaseLocalDateTime,
    moment.deliveryLocalDateTime,
    moment.timeZone ?? DEFAULT_TIME_ZONE,
  );
  return ahead > moment.releaseLeadHours * 3600;
}

/** How the delivered activity compares with the required one. */
export type DispensingCheck =
  | { kind: 'withinTolerance'; required: number; delivered: number; deviationPercent: number }
  | { kind: 'under' | 'over'; required: number; delivered: number; deviationPercent: number };

/** Input of `checkDispensing`: the required and the delivered activity, and the tolerances. */
export interface DispensingFigures {
  /** MBq production must deliver: the orders' ordered activity decay-scaled, with overhead. */
  required: number;
  /** MBq of the vials at the delivery time (`deliveredActivity`). */
  delivered: number;
  settings: Pick<
    ReleaseGuardSettings,
    'underDeliveryTolerancePercent' | 'overDeliveryTolerancePercent'
  >;
}

/**
 * Under- or over-dispensing beyond the tolerances: (delivered − required) / required in %,
 * below −under% is 'under', above +over% is 'over'. Exactly at a tolerance is within it.
 */
export function checkDispensing(figures: DispensingFigures): DispensingCheck {
  const { required, delivered, settings } = figures;
  const deviationPercent = required > 0 ? ((delivered - required) / required) * 100 : 0;
  const base = { required, delivered, deviationPercent };
  if (deviationPercent < -settings.underDeliveryTolerancePercent) {
    return { kind: 'under', ...base };
  }
  if (deviationPercent > settings.overDeliveryTolerancePercent) {
    return { kind: 'over', ...base };
  }
  return { kind: 'withinTolerance', ...base };
}
