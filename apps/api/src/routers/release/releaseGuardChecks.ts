/**
 * The release guards (core `releaseGuards.ts`) as a signed release applies them: refuse vials
 * filled after the moment of release, refuse a release more than the tracer's lead time
 * before the delivery, and ask for a reason when the delivered activity strays beyond the
 * tracer's tolerances — the reason and the figures then go into the signature manifest.
 */
import {
  checkDispensing,
  formatActivity,
  formatDanishDateTime,
  formatDecimal,
  isReleaseTooEarly,
  vialsFilledAfter,
} from '@tracershop/core';
import type { DispensingCheck, FilledVial, ReleaseGuardSettings } from '@tracershop/core';
import { apiError } from '../../errors';

/** Refuses vials filled after `releaseLocal` (the site's wall clock at the signature). */
export function assertFilledBeforeRelease(
  vials: readonly (FilledVial & { lotNumber: string })[],
  releaseLocal: string,
  timeZone: string,
): void {
  const early = vialsFilledAfter(vials, releaseLocal, timeZone);
  if (early.length > 0) {
    throw apiError(
      'VIAL_FILLED_AFTER_RELEASE',
      {
        lots: early.map((vial) => vial.lotNumber).join(', '),
        releasedAt: formatDanishDateTime(releaseLocal),
      },
      { lotNumbers: early.map((vial) => vial.lotNumber) },
    );
  }
}

/** Refuses a release more than the tracer's lead time before the delivery. */
export function assertNotTooEarly(
  settings: Pick<ReleaseGuardSettings, 'releaseLeadHours'>,
  deliveryLocal: string,
  releaseLocal: string,
  timeZone: string,
): void {
  const moment = {
    releaseLocalDateTime: releaseLocal,
    deliveryLocalDateTime: deliveryLocal,
    releaseLeadHours: settings.releaseLeadHours,
    timeZone,
  };
  if (isReleaseTooEarly(moment)) {
    throw apiError('RELEASE_TOO_EARLY', {
      delivery: formatDanishDateTime(deliveryLocal),
      hours: formatDecimal(settings.releaseLeadHours, 1).replace(/,0$/, ''),
    });
  }
}

/** What the manifest keeps of a release whose delivered activity strayed beyond tolerance. */
export interface DispensingDeviation {
  kind: 'under' | 'over';
  /** MBq production had to deliver (ordered, decay-scaled, with overhead). */
  required: number;
  /** MBq of the vials at the delivery time. */
  delivered: number;
  deviationPercent: number;
  reason: string;
}

/**
 * Compares delivered with required; beyond a tolerance the release needs `reason`
 * (RELEASE_DEVIATION_NEEDS_REASON carries the figures for the signature panel) and returns
 * the deviation for the manifest; within tolerance null.
 */
export function settleDispensing(
  settings: Pick<
    ReleaseGuardSettings,
    'underDeliveryTolerancePercent' | 'overDeliveryTolerancePercent'
  >,
  required: number,
  delivered: number,
  reason: string | undefined,
): DispensingDeviation | null {
  const check: DispensingCheck = checkDispensing({ required, delivered, settings });
  if (check.kind === 'withinTolerance') {
    return null;
  }
  if (reason === undefined) {
    const tolerance =
      check.kind === 'under'
        ? settings.underDeliveryTolerancePercent
        : settings.overDeliveryTolerancePercent;
    throw apiError(
      check.kind === 'under' ? 'RELEASE_UNDER_DELIVERED' : 'RELEASE_OVER_DELIVERED',
      {
        required: formatActivity(required),
        delivered: formatActivity(delivered),
        deviation: `${formatDecimal(Math.abs(check.deviationPercent), 1)} %`,
        tolerance: `${formatDecimal(tolerance, 1).replace(/,0$/, '')} %`,
      },
      {
        kind: check.kind,
        required,
        delivered,
        deviationPercent: check.deviationPercent,
      },
    );
  }
  return {
    kind: check.kind,
    required,
    delivered,
    deviationPercent: check.deviationPercent,
    reason,
  };
}
