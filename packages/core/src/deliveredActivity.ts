/**
 * Delivered activity: the one figure every surface shows for what a delivery carried (the
 * production and shop cards, the release certificate, the monthly export, the api's day
 * views). It is the activity of the vials assigned to the delivery, each decay-corrected
 * from its fill time to the delivery time of the slot it was delivered for. A vial filled
 * after that time counts with its activity as filled (it is never corrected backwards).
 */
import { DEFAULT_TIME_ZONE, localDateTimeOf, secondsBetween } from './calendar';
import { decayedActivity } from './physics';

/** The fields of a vial the delivered activity reads. */
export interface DeliveredVial {
  /** MBq at the fill time. */
  activity: number;
  fillDate: string;
  fillTime: string;
}

/** Where and when a delivery's vials are counted. */
export interface DeliveryReference {
  /** The delivery date, `YYYY-MM-DD`. */
  date: string;
  /** The delivery time of the slot the vials were delivered for, `HH:MM[:SS]`. */
  deliveryTime: string;
  halflifeSeconds: number;
  timeZone?: string;
}

/** One vial's activity at the delivery time (MBq, unrounded). */
export function vialActivityAtDelivery(vial: DeliveredVial, reference: DeliveryReference): number {
  const elapsed = secondsBetween(
    localDateTimeOf(vial.fillDate, vial.fillTime),
    localDateTimeOf(reference.date, reference.deliveryTime),
    reference.timeZone ?? DEFAULT_TIME_ZONE,
  );
  return elapsed > 0
    ? decayedActivity(vial.activity, reference.halflifeSeconds, elapsed)
    : vial.activity;
}

/** Σ of the vials' activity at the delivery time (MBq, unrounded): the delivered activity. */
export function deliveredActivity(
  vials: readonly DeliveredVial[],
  reference: DeliveryReference,
): number {
  let total = 0;
  for (const vial of vials) {
    total += vialActivityAtDelivery(vial, reference);
  }
  return total;
}
