/**
 * The weekly delivery schedule (docs/domain.md). Even/odd-week slots use
 * ISO-8601 week numbers everywhere (docs/domain.md), not the legacy calendar's week formula.
 */
import { isoWeekOf, toPlainTime, weekdayOf } from './calendar';
import { WeeklyRepeat } from './enums';
import { validateTime } from './userInput';
import type { FieldName, ValidationResult } from './validationMessages';

/** The repeat pattern of a delivery slot: its production weekday and which weeks it runs. */
export interface SlotRepeat {
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  weeklyRepeat: WeeklyRepeat;
}

/** Whether the week of `date` is one the repeat runs in (ISO week parity). */
function weekMatches(weeklyRepeat: WeeklyRepeat, date: string): boolean {
  if (weeklyRepeat === WeeklyRepeat.EveryWeek) {
    return true;
  }
  const isEvenWeek = isoWeekOf(date) % 2 === 0;
  if (weeklyRepeat === WeeklyRepeat.EvenWeeks) {
    return isEvenWeek;
  }
  if (weeklyRepeat === WeeklyRepeat.OddWeeks) {
    return !isEvenWeek;
  }
  throw new RangeError(`Unknown weekly repeat ${String(weeklyRepeat)}`);
}

/** True when the slot delivers on `date`: same weekday, and the ISO week parity matches. */
export function slotDeliversOn(slot: SlotRepeat, date: string): boolean {
  return weekdayOf(date) === slot.weekday && weekMatches(slot.weeklyRepeat, date);
}

/** True when `deliveryTime` is at or after `productionTime` (both `'HH:MM:SS'`). */
export function isDeliveryAfterProduction(productionTime: string, deliveryTime: string): boolean {
  return toPlainTime(deliveryTime).since(toPlainTime(productionTime)).sign >= 0;
}

/**
 * Checks a typed delivery time of a slot against its production time: a time of day
 * (normalised to `'HH:MM:SS'`) not before production (`input.deliveryBeforeProduction`).
 */
export function validateDeliveryTime(
  productionTime: string,
  deliveryText: string,
  field: FieldName = 'time',
): ValidationResult<string> {
  const result = validateTime(deliveryText, field);
  if (!result.ok) {
    return result;
  }
  if (!isDeliveryAfterProduction(productionTime, result.value)) {
    return { ok: false, issue: { key: 'input.deliveryBeforeProduction', field } };
  }
  return result;
}
