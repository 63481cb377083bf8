// Ordering deadlines: when ordering for a delivery date closes, and whether it is closed at a
// given moment (the site's wall clock, 'YYYY-MM-DD HH:MM:SS'). A daily deadline falls on the
// day before the order date; a weekly one on the latest given weekday strictly before it.
// Closed dates are closed whether or not a deadline is set.
// Shows deadlineFor, isOrderingClosed and deadlineCountdownSeconds.
//
// Run it where @tracershop/core is installed:
//   node node_modules/@tracershop/core/examples/order-deadline.mjs
// or in the Tracershop repository, after `npm run build` at its root:
//   node packages/core/examples/order-deadline.mjs
import {
  DeadlineType,
  Weekday,
  deadlineCountdownSeconds,
  deadlineFor,
  isOrderingClosed,
} from '@tracershop/core';

function report(title, deadline, orderDate, closedDates, moments) {
  console.log(title);
  if (deadline !== null) {
    console.log(`  ordering for ${orderDate} closes at ${deadlineFor(deadline, orderDate)}`);
  }
  for (const now of moments) {
    const closed = isOrderingClosed({ deadline, orderDate, closedDates, now });
    let state = closed ? 'closed' : 'open';
    if (!closed && deadline !== null) {
      state += ` (${deadlineCountdownSeconds({ deadline, orderDate, now })} s left)`;
    }
    console.log(`  at ${now} ordering for ${orderDate} is ${state}`);
  }
}

report(
  'Daily deadline at 13:00:00:',
  { deadlineType: DeadlineType.Daily, deadlineTime: '13:00:00' },
  '2024-12-03',
  [],
  ['2024-12-02 11:59:30', '2024-12-02 13:00:00', '2024-12-02 13:00:01'],
);
report(
  'Weekly deadline, Thursday at 13:00:00:',
  { deadlineType: DeadlineType.Weekly, deadlineTime: '13:00:00', weekday: Weekday.Thursday },
  '2018-03-21',
  [],
  ['2018-03-15 12:59:59', '2018-03-16 08:00:00'],
);
report(
  'No deadline, 2024-12-24 a closed date:',
  null,
  '2024-12-24',
  ['2024-12-24'],
  ['2024-01-01 00:00:00'],
);
