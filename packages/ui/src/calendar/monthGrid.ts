/**
 * The days a month view shows: whole weeks, Monday first, from the Monday on or before the 1st
 * to the Sunday on or after the last day (docs/domain.md). Dates are `'YYYY-MM-DD'`.
 */
import { addDays, weekdayOf } from '@tracershop/core';

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The 1st of the month `months` away from the month of `date`. */
export function shiftMonth(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const shiftedYear = year + Math.floor(month / 12);
  const shiftedMonth = (((month % 12) + 12) % 12) + 1;
  return `${String(shiftedYear).padStart(4, '0')}-${String(shiftedMonth).padStart(2, '0')}-01`;
}

export function monthGrid(date: string): string[][] {
  const first = firstOfMonth(date);
  const next = shiftMonth(date, 1);
  let day = addDays(first, -weekdayOf(first));
  const weeks: string[][] = [];
  while (day < next) {
    const week: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}
