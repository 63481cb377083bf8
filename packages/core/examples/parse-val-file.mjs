// Dispenser VAL files: the text file a dispenser writes for each vial it fills, one
// `key: value` per line. parseValFile reads the fields Tracershop uses and never throws: a
// field that is missing or unreadable is null. Shows parseValFile and isValidLotNumber.
//
// Run it where @tracershop/core is installed:
//   node node_modules/@tracershop/core/examples/parse-val-file.mjs
// or in the Tracershop repository, after `npm run build` at its root:
//   node packages/core/examples/parse-val-file.mjs
import { isValidLotNumber, parseValFile } from '@tracershop/core';

// As a dispenser writes it (the watcher decodes the file as ISO-8859-1 before parsing).
const valText = [
  'customer:   1-Rigshospitalet1',
  'part:       0',
  'charge:     FDGF-240124-1',
  'depotpos:   0',
  'filldate:   24.01.24',
  'filltime:   08:45:05',
  'activity:   13233 MBq;',
  'volume:     7.89 ml',
  'gros:       0 g',
  'tare:       0 g',
  'net:        0 g',
  'product:    18F',
  'use_before: 24/01/24 17:30',
  'dispenser:  UK465',
].join('\r\n');

const vial = parseValFile(valText);
console.log('VAL file of one vial:');
console.log(`  dispenser id (customer): ${vial.dispenserId}`);
console.log(`  lot number:              ${vial.lotNumber}`);
console.log(`  fill date and time:      ${vial.fillDate} ${vial.fillTime}`);
console.log(`  activity:                ${vial.activity} MBq`);
console.log(`  volume:                  ${vial.volume} ml`);
console.log(`  lot number valid:        ${isValidLotNumber(vial.lotNumber ?? '')}`);

// A damaged file: the unreadable fields are null, the others are still read.
const damaged = parseValFile('charge: FDGF-240124-2\nfilldate: 30.02.24\nactivity: lots');
console.log('A damaged VAL file:');
console.log(`  ${JSON.stringify(damaged)}`);
