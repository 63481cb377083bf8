// HL7 v2 ORM^O01 messages from the RIS: each ORC/OBR pair asks to create or update a booking
// (ORC-1 XO) or to delete one (ORC-1 CA or DC). parseHl7Orm turns a message into those
// changes and never throws; buildHl7Ack makes the acknowledgement to send back.
// Shows parseHl7Orm, hl7MessageControlId, buildHl7Ack and maskAccessionNumber.
//
// Run it where @tracershop/core is installed:
//   node node_modules/@tracershop/core/examples/parse-hl7-orm.mjs
// or in the Tracershop repository, after `npm run build` at its root:
//   node packages/core/examples/parse-hl7-orm.mjs
import {
  buildHl7Ack,
  hl7MessageControlId,
  maskAccessionNumber,
  parseHl7Orm,
} from '@tracershop/core';

// One message, segments ended by carriage returns (the MLLP framing already removed): two
// examinations booked (start in ORC-7 component 4) and one cancelled (by OBR-20).
const message = [
  'MSH|^~\\&|Sectra|Sectra RIS|IBC-606|Veenstra|20240923130613||ORM^O01|MSG00001|P|2.3.1',
  'PID|||0101011234||Testesen^Test',
  'ORC|XO|PLACER1|||Scheduled||1^^^20240924081500^^R|||||||||||||REGH02301111',
  'OBR||PLACER1|FILLER1|WBPCTFDG^PET/CT, FDG hele kroppen|||||||||||||||||KFNM-PET1',
  'ORC|XO|PLACER2|||Scheduled||1^^^20240924113000^^R|||||||||||||REGH02302222',
  'OBR||PLACER2|FILLER2|WBPCTPSMA^PET/CT, PSMA|||||||||||||||||KFNM-PET2',
  'ORC|CA|PLACER3|||Cancelled|||||||||||||||DKREGH0520210461',
  'OBR||PLACER3|FILLER3|WDTPSFCXX^PET/CT, NaF Knogle (+)||||||||||||||||DKREGH0023459112',
].join('\r');

console.log(`Message ${hl7MessageControlId(message)}:`);
for (const change of parseHl7Orm(message)) {
  const accession = maskAccessionNumber(change.accessionNumber);
  if (change.kind === 'upsert') {
    console.log(
      `  book ${accession}: ${change.procedureCode} (${change.procedureDescription}) ` +
        `in ${change.locationCode} on ${change.startDate} at ${change.startTime}`,
    );
  } else {
    console.log(`  delete ${accession}`);
  }
}
console.log(
  `Not an order message: ${JSON.stringify(parseHl7Orm('MSH|^~\\&|X|Y|||||ADT^A01|1|P|2.3.1'))}`,
);

// The acknowledgement once the changes are stored; `now` is the site's clock, YYYYMMDDHHMMSS.
const ack = buildHl7Ack({ message, code: 'AA', now: '20240923130614' });
console.log('Acknowledgement (segments on separate lines):');
for (const segment of ack.split('\r').filter((line) => line !== '')) {
  console.log(`  ${segment}`);
}
