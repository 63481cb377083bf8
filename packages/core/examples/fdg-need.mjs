// FDG need: how much FDG to order for one delivery, given the times the patients are injected
// and the activity each injection needs. Shows calculateActivity (the dose calculator),
// requiredActivity and secondsBetween.
//
// Run it where @tracershop/core is installed:
//   node node_modules/@tracershop/core/examples/fdg-need.mjs
// or in the Tracershop repository, after `npm run build` at its root:
//   node packages/core/examples/fdg-need.mjs
import { calculateActivity, requiredActivity, secondsBetween } from '@tracershop/core';

const FDG_HALFLIFE_SECONDS = 6586.2; // F-18: 109.77 minutes
const deliveryDate = '2026-11-23';
const deliveryTime = '07:45:00';
const injections = [
  { time: '08:15:00', activity: 300 },
  { time: '08:45:00', activity: 300 },
  { time: '09:30:00', activity: 250 },
  { time: '10:15:00', activity: 300 },
  { time: '11:00:00', activity: 400 },
];

const referenceTime = `${deliveryDate} ${deliveryTime}`;
const total = calculateActivity({
  referenceTime,
  halflifeSeconds: FDG_HALFLIFE_SECONDS,
  entries: injections,
});

console.log(`FDG delivered ${deliveryDate} at ${deliveryTime}:`);
for (const { time, activity } of injections) {
  const seconds = secondsBetween(referenceTime, `${deliveryDate} ${time}`);
  const needed = requiredActivity(activity, FDG_HALFLIFE_SECONDS, seconds);
  console.log(`  ${activity} MBq at ${time} needs ${needed.toFixed(1)} MBq at delivery`);
}
console.log(`Order ${Math.floor(total)} MBq.`);
