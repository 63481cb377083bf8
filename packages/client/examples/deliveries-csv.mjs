// Yesterday's released deliveries, one CSV line per delivery and customer: for the nightly
// hand-over to billing or a department's own records.
//
//   TRACERSHOP_URL=https://tracershop.example TRACERSHOP_TOKEN=tsk_… \
//     node deliveries-csv.mjs [--date YYYY-MM-DD] [--out FILE]
//
// The token needs a production role (production-user is enough) and read access. "Yesterday"
// and the release times are on the site's calendar and clock (its time zone comes from
// `auth.whoami`). The CSV (RFC 4180, UTF-8, CRLF) goes to standard output, or to FILE with
// --out.
//
// A delivery is one release of an activity delivery slot (FDG, …), one released injection
// order (Ga-PSMA, …) or one released isotope delivery (Cu-64). Read from the production page of
// each activity tracer, `orders.productionDay`, which also carries the day's injection orders
// and isotope deliveries: the figures production sees on its cards.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createTracershopClient, reasonOf } from '@tracershop/client';

const USAGE = `Usage: node deliveries-csv.mjs [--date YYYY-MM-DD] [--out FILE]
Environment:
  TRACERSHOP_URL       the site, e.g. https://tracershop.example
  TRACERSHOP_TOKEN     an API token (tsk_…) with a production role`;

const COLUMNS = [
  'date',
  'customer',
  'endpoint',
  'tracer',
  'delivery_time',
  'ordered_mbq',
  'injections',
  'delivered_mbq',
  'lot',
  'released_at',
  'released_by',
];

/** The status of a released order (core's OrderStatus.Released). */
const RELEASED = 3;
/** Tracers ordered in MBq per delivery slot (core's TracerType.Activity). */
const ACTIVITY_TRACER = 1;

function fail(message, code) {
  console.error(message);
  process.exit(code);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: { date: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  }));
} catch (error) {
  fail(`${error.message}\n${USAGE}`, 2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const url = process.env.TRACERSHOP_URL;
const token = process.env.TRACERSHOP_TOKEN;
if (!url || !token) {
  fail(`Set TRACERSHOP_URL and TRACERSHOP_TOKEN.\n${USAGE}`, 2);
}
if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
  fail(`--date must be YYYY-MM-DD, not "${options.date}".\n${USAGE}`, 2);
}

/** 'YYYY-MM-DD' of an instant on the calendar of `timeZone`. */
function siteDateOf(instant, timeZone) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** 'YYYY-MM-DD HH:MM' of an ISO-8601 instant on the wall clock of `timeZone`; '' for none. */
function siteTimeOf(iso, timeZone) {
  if (iso == null) {
    return '';
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The day before today in `timeZone`. */
function siteYesterday(timeZone) {
  const today = new Date(`${siteDateOf(new Date(), timeZone)}T00:00:00Z`);
  today.setUTCDate(today.getUTCDate() - 1);
  return today.toISOString().slice(0, 10);
}

/** MBq with one decimal ('312.9', '250'); '' for none. */
function mbq(value) {
  return value == null ? '' : String(Math.round(value * 10) / 10);
}

/** One CSV field (RFC 4180): quoted when it holds a quote, a comma or a line break. */
function csvField(value) {
  const text = String(value ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** What went wrong, in words: the api's refusal with its reason, or why it was not reached. */
function problemOf(error) {
  const reason = reasonOf(error);
  if (reason !== null) {
    return `${error.message} (${reason})`;
  }
  const messages = [];
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause.message !== messages.at(-1)) {
      messages.push(cause.message);
    }
  }
  return messages.join(': ');
}

function csvLine(fields) {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The unique non-empty values, in order, separated by spaces (several lots of a delivery). */
function joined(values) {
  return [...new Set(values.filter((value) => value != null && value !== ''))].join(' ');
}

let ts;
try {
  ts = createTracershopClient({ url, token });
} catch (error) {
  fail(`${error.message}\n${USAGE}`, 2);
}
try {
  // Made together, the two reads travel in one batched request.
  const [{ timeZone }, catalog] = await Promise.all([
    ts.auth.whoami.query(),
    ts.setup.catalog.query(),
  ]);
  const date = options.date ?? siteYesterday(timeZone);
  const customerName = new Map(catalog.customers.map((c) => [c.id, c.shortName]));
  const endpointById = new Map(catalog.endpoints.map((e) => [e.id, e]));
  const tracerName = new Map(catalog.tracers.map((t) => [t.id, t.shortname]));
  const activityTracers = catalog.tracers.filter((t) => t.tracerType === ACTIVITY_TRACER);
  // Every page carries the day's injection orders and isotope deliveries; with no activity
  // tracer, one page of any tracer still brings those.
  const pageTracers = activityTracers.length > 0 ? activityTracers : catalog.tracers.slice(0, 1);
  // One request again: the production page of every activity tracer.
  const days = await Promise.all(
    pageTracers.map((tracer) => ts.orders.productionDay.query({ date, tracerId: tracer.id })),
  );

  const rows = [];
  for (const day of days.filter((page) => page.tracer.tracerType === ACTIVITY_TRACER)) {
    for (const card of day.slots) {
      if (card.releaseId === null) {
        continue;
      }
      // A moved order shows on its old slot's card too; count it where it was delivered.
      const lines = card.orders.filter(
        (line) =>
          !line.dead && line.order.status === RELEASED && line.activeSlotId === card.slot.id,
      );
      const first = lines[0];
      if (first === undefined) {
        continue;
      }
      rows.push({
        customer: card.endpoint.customerShortName ?? customerName.get(card.endpoint.customerId),
        endpoint: card.endpoint.name,
        tracer: day.tracer.shortname,
        deliveryTime: card.slot.deliveryTime.slice(0, 5),
        ordered: lines.reduce((sum, line) => sum + line.order.orderedActivity, 0),
        injections: null,
        delivered: lines.reduce((sum, line) => sum + (line.deliveredActivity ?? 0), 0),
        lot: joined(card.vials.map((vial) => vial.lotNumber)),
        releasedAt: first.order.freedAt,
        releasedBy: first.order.freedByName,
      });
    }
  }
  const [anyDay] = days;
  for (const order of anyDay?.injectionOrders ?? []) {
    if (order.status !== RELEASED) {
      continue;
    }
    const endpoint = endpointById.get(order.endpointId);
    rows.push({
      customer: customerName.get(endpoint?.customerId),
      endpoint: endpoint?.name,
      tracer: tracerName.get(order.tracerId),
      deliveryTime: order.deliveryTime.slice(0, 5),
      ordered: null,
      injections: order.injections,
      delivered: null,
      lot: order.lotNumber,
      releasedAt: order.freedAt,
      releasedBy: order.freedByName,
    });
  }
  for (const card of anyDay?.isotopes.deliveries ?? []) {
    const released = card.orders.filter((order) => order.status === RELEASED);
    const first = released[0];
    if (first === undefined) {
      continue;
    }
    rows.push({
      customer: card.endpoint.customerShortName ?? customerName.get(card.endpoint.customerId),
      endpoint: card.endpoint.name,
      tracer: card.isotope.name,
      deliveryTime: card.delivery.deliveryTime.slice(0, 5),
      ordered: released.reduce((sum, order) => sum + order.orderedActivity, 0),
      injections: null,
      delivered: card.summary.deliveredActivity,
      lot: joined(card.vials.map((vial) => vial.batchNumber)),
      releasedAt: first.freedAt,
      releasedBy: first.freedByName,
    });
  }

  rows.sort(
    (a, b) =>
      String(a.customer).localeCompare(String(b.customer), 'da') ||
      a.deliveryTime.localeCompare(b.deliveryTime) ||
      String(a.tracer).localeCompare(String(b.tracer)),
  );
  const csv =
    csvLine(COLUMNS) +
    rows
      .map((row) =>
        csvLine([
          date,
          row.customer,
          row.endpoint,
          row.tracer,
          row.deliveryTime,
          mbq(row.ordered),
          row.injections ?? '',
          mbq(row.delivered),
          row.lot,
          siteTimeOf(row.releasedAt, timeZone),
          row.releasedBy,
        ]),
      )
      .join('');

  if (options.out === undefined) {
    process.stdout.write(csv);
  } else {
    await writeFile(options.out, csv);
    console.error(`${rows.length} deliveries of ${date} written to ${options.out}.`);
  }
} catch (error) {
  console.error(`Tracershop: ${problemOf(error)}`);
  process.exitCode = 1;
} finally {
  await ts.close();
}
