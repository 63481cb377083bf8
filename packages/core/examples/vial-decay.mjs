// Vial decay: what is left of a vial's activity at a later time, and the delivered activity
// of the vials of one delivery (each decayed from its own fill time to the delivery time).
// Shows decayedActivity, secondsBetween, vialActivityAtDelivery and deliveredActivity.
//
// Run it where @tracershop/core is installed:
//   node node_modules/@tracershop/core/examples/vial-decay.mjs
// or in the Tracershop repository, after `npm run build` at its root:
//   node packages/core/examples/vial-decay.mjs
import {
  decayedActivity,
  deliveredActivity,
  secondsBetween,
  vialActivityAtDelivery,
} from '@tracershop/core';

const F18_HALFLIFE_SECONDS = 6586.2; // 109.77 minutes
const date = '2026-12-07'; // a winter day: no daylight-saving change
const vial = { activity: 2257, fillDate: date, fillTime: '07:10:00' };
const filled = `${vial.fillDate} ${vial.fillTime}`;

console.log(
  `F-18 vial of ${vial.activity} MBq filled ${filled} (half-life ${F18_HALFLIFE_SECONDS} s):`,
);
for (const time of ['08:00:00', '09:00:00', '10:00:00', '12:00:00']) {
  const seconds = secondsBetween(filled, `${date} ${time}`);
  const left = decayedActivity(vial.activity, F18_HALFLIFE_SECONDS, seconds);
  console.log(`  at ${time}, ${seconds} s after filling: ${left.toFixed(2)} MBq`);
}

// The delivered activity of a delivery at 08:00: every vial assigned to it, decayed from its
// fill time to the delivery time. A vial filled after the delivery time counts as filled.
const delivery = { date, deliveryTime: '08:00:00', halflifeSeconds: F18_HALFLIFE_SECONDS };
const vials = [
  { activity: 1200, fillDate: date, fillTime: '07:10:00' },
  { activity: 1057, fillDate: date, fillTime: '07:40:00' },
];
console.log(`Delivered activity of the delivery at ${delivery.deliveryTime}:`);
for (const each of vials) {
  const atDelivery = vialActivityAtDelivery(each, delivery);
  console.log(`  ${each.activity} MBq filled ${each.fillTime} -> ${atDelivery.toFixed(2)} MBq`);
}
const total = deliveredActivity(vials, delivery);
console.log(`  together ${total.toFixed(2)} MBq (screens show ${Math.floor(total)} MBq)`);
const late = { activity: 500, fillDate: date, fillTime: '08:30:00' };
console.log(
  `A vial filled at ${late.fillTime}, after the delivery, counts as filled: ` +
    `${vialActivityAtDelivery(late, delivery).toFixed(2)} MBq`,
);
