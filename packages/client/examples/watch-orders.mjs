// Prints a line for every new order as it arrives, until Ctrl-C.
//
//   TRACERSHOP_URL=https://tracershop.example TRACERSHOP_TOKEN=tsk_… node watch-orders.mjs
//
// Any role's read token works: production sees every customer's orders, a shop token the
// orders of its customers. The lines go to standard output, one per order:
//
//   new activity order #412 for 2026-12-08 08:00: RH KF / PET1, FDG 500 MBq (Demo Shop User)
//
// How it works: the api sends a change event whenever a row changes (`events.onChange`),
// carrying the changed rows. Creating an order, accepting it and releasing it all send the
// order's row; ids only grow, so an order is new when its id is above every id seen before.
// The highest ids at the start come from the order window the apps read (± about two months).
import { createTracershopClient, reasonOf } from '@tracershop/client';

const USAGE = `Usage: node watch-orders.mjs
Environment:
  TRACERSHOP_URL    the site, e.g. https://tracershop.example
  TRACERSHOP_TOKEN  an API token (tsk_…); read access is enough`;

const ORDER_KINDS = {
  ActivityOrder: 'activity',
  InjectionOrder: 'injection',
  IsotopeOrder: 'isotope',
};
/** Rows the order lines name: re-read the catalog when one of them changes. */
const CATALOG_ENTITIES = new Set([
  'Customer',
  'DeliveryEndpoint',
  'Tracer',
  'Isotope',
  'ActivityDeliveryTimeSlot',
  'ActivityProduction',
  'IsotopeDelivery',
]);

if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const url = process.env.TRACERSHOP_URL;
const token = process.env.TRACERSHOP_TOKEN;
if (!url || !token) {
  console.error(`Set TRACERSHOP_URL and TRACERSHOP_TOKEN.\n${USAGE}`);
  process.exit(2);
}

/** 'YYYY-MM-DD' today on the site's calendar. */
async function siteToday(ts) {
  const { timeZone } = await ts.auth.whoami.query();
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** Lookups of the names an order line shows, from `setup.catalog`. */
function namesOf(catalog) {
  const byId = (rows) => new Map(rows.map((row) => [row.id, row]));
  const customers = byId(catalog.customers);
  const endpoints = byId(catalog.endpoints);
  const tracers = byId(catalog.tracers);
  const isotopes = byId(catalog.isotopes);
  const slots = byId(catalog.deliverySlots);
  const productions = byId(catalog.productions);
  const isotopeDeliveries = byId(catalog.isotopeDeliveries);
  const endpointName = (id) => {
    const endpoint = endpoints.get(id);
    const customer = customers.get(endpoint?.customerId);
    return `${customer?.shortName ?? '?'} / ${endpoint?.name ?? `endpoint ${id}`}`;
  };
  return {
    activity(order) {
      const slot = slots.get(order.orderedTimeSlotId);
      const tracer = tracers.get(productions.get(slot?.productionId)?.tracerId);
      return {
        time: slot?.deliveryTime,
        where:
          slot === undefined ? `slot ${order.orderedTimeSlotId}` : endpointName(slot.endpointId),
        what: `${tracer?.shortname ?? '?'} ${order.orderedActivity} MBq`,
      };
    },
    injection(order) {
      const tracer = tracers.get(order.tracerId);
      const count = order.injections === 1 ? '1 injection' : `${order.injections} injections`;
      return {
        time: order.deliveryTime,
        where: endpointName(order.endpointId),
        what: `${tracer?.shortname ?? '?'} ${count}`,
      };
    },
    isotope(order) {
      const delivery = isotopeDeliveries.get(order.isotopeDeliveryId);
      const isotope = isotopes.get(
        catalog.isotopeProductions.find(
          (production) => production.id === delivery?.isotopeProductionId,
        )?.isotopeId,
      );
      const name = isotope === undefined ? '?' : `${isotope.atomicLetter}-${isotope.atomicMass}`;
      return {
        time: delivery?.deliveryTime,
        where:
          delivery === undefined
            ? `isotope delivery ${order.isotopeDeliveryId}`
            : endpointName(delivery.endpointId),
        what: `${name} ${order.orderedActivity} MBq`,
      };
    },
  };
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

/** The highest order id of each kind in the order window around today. */
async function highestIds(ts) {
  const input = { centralDate: await siteToday(ts) };
  let window;
  try {
    window = await ts.orders.productionWindow.query(input);
  } catch (error) {
    // A shop role reads its customers' window instead.
    if (reasonOf(error) !== 'FORBIDDEN_ROLE') {
      throw error;
    }
    window = await ts.orders.window.query(input);
  }
  const highest = (rows) => Math.max(0, ...rows.map((row) => row.id));
  return {
    ActivityOrder: highest(window.activityOrders),
    InjectionOrder: highest(window.injectionOrders),
    IsotopeOrder: highest(window.isotopeOrders),
  };
}

let ts;
try {
  ts = createTracershopClient({ url, token });
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
const stop = () => void ts.close();
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

try {
  let names = namesOf(await ts.setup.catalog.query());
  const seen = await highestIds(ts);
  const events = ts.liveEvents({
    onStarted: () => console.error('Watching for new orders (Ctrl-C to stop)…'),
  });
  for await (const event of events) {
    if (CATALOG_ENTITIES.has(event.entity)) {
      names = namesOf(await ts.setup.catalog.query());
      continue;
    }
    const kind = ORDER_KINDS[event.entity];
    if (kind === undefined || event.op !== 'upsert') {
      continue;
    }
    for (const order of event.rows ?? []) {
      if (order.id <= seen[event.entity]) {
        continue;
      }
      seen[event.entity] = order.id;
      const { time, where, what } = names[kind](order);
      const when = `${order.deliveryDate} ${time?.slice(0, 5) ?? '?'}`;
      const by = order.orderedByName ? ` (${order.orderedByName})` : '';
      console.log(`new ${kind} order #${order.id} for ${when}: ${where}, ${what}${by}`);
    }
  }
  console.error('Stopped.');
} catch (error) {
  console.error(`Tracershop: ${problemOf(error)}`);
  process.exitCode = 1;
} finally {
  await ts.close();
}
