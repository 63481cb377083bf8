// Delivery schedule: whether a delivery slot delivers on a date. A slot has a weekday
// (0 = Monday … 6 = Sunday) and repeats every week, in even or in odd weeks, by ISO-8601 week
// numbers: a year with week 53 is followed by week 1, two odd weeks in a row.
// Shows slotDeliversOn, isoWeekOf and weekdayOf.
//
// Run it where @tracershop/core is installed:
//   node node_modules/@tracershop/core/examples/slot-delivers.mjs
// or in the Tracershop repository, after `npm run build` at its root:
//   node packages/core/examples/slot-delivers.mjs
import { WeeklyRepeat, Weekday, isoWeekOf, slotDeliversOn, weekdayOf } from '@tracershop/core';

const WEEKDAY_NAMES = Object.keys(Weekday); // in value order: Monday = 0 … Sunday = 6
const REPEAT_NAMES = {
  [WeeklyRepeat.EveryWeek]: 'every week',
  [WeeklyRepeat.EvenWeeks]: 'even weeks',
  [WeeklyRepeat.OddWeeks]: 'odd weeks',
};

const slots = [
  { weekday: Weekday.Monday, weeklyRepeat: WeeklyRepeat.EveryWeek },
  { weekday: Weekday.Monday, weeklyRepeat: WeeklyRepeat.EvenWeeks },
  { weekday: Weekday.Monday, weeklyRepeat: WeeklyRepeat.OddWeeks },
  { weekday: Weekday.Thursday, weeklyRepeat: WeeklyRepeat.OddWeeks },
];
const dates = ['2018-03-12', '2024-12-23', '2024-12-30', '2020-12-31', '2021-01-04'];

for (const date of dates) {
  const week = isoWeekOf(date);
  const parity = week % 2 === 0 ? 'even' : 'odd';
  const delivering = slots
    .filter((slot) => slotDeliversOn(slot, date))
    .map((slot) => `${WEEKDAY_NAMES[slot.weekday]} ${REPEAT_NAMES[slot.weeklyRepeat]}`);
  console.log(
    `${date} (${WEEKDAY_NAMES[weekdayOf(date)]}, ISO week ${week}, ${parity}): ` +
      (delivering.length > 0 ? delivering.join(', ') : 'none of the slots'),
  );
}
