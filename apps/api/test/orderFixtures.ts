/**
 * Helpers of the order and booking tests: the demo site's ids by name, a refusal's reason
 * and params, and a client's live events.
 */
import { TRPCClientError } from '@trpc/client';
import type { LiveEvent } from '../src/routers/events';
import type { TestApi } from './testApi';

export interface Refusal {
  reason: string;
  params: Record<string, string | number>;
}

/** The reason and params of a refused call (reason 'no error' when it succeeded). */
export async function refusalOf(call: Promise<unknown>): Promise<Refusal> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = error.data as
        { reason?: string; params?: Record<string, string | number> } | undefined;
      return { reason: String(data?.reason), params: data?.params ?? {} };
    }
    throw error;
  }
  return { reason: 'no error', params: {} };
}

/** The demo site's ids by name. */
export interface DemoIds {
  customer(shortName: string): number;
  endpoint(name: string): number;
  tracer(shortname: string): number;
  location(code: string): number;
  study(description: string): number;
  /** The delivery slot of an endpoint for a tracer on a weekday (0 = Monday) at a time. */
  slot(endpoint: string, tracer: string, weekday: number, time: string): number;
  /** The isotope delivery of an endpoint. */
  isotopeDelivery(endpoint: string): number;
  /** Endpoint ids of a customer. */
  endpointsOf(customerShortName: string): number[];
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`The demo seed has no ${what}`);
  }
  return value;
}

export async function demoIds(api: TestApi): Promise<DemoIds> {
  const { models } = api.db;
  const customers = await models.Customer.findAll();
  const endpoints = await models.DeliveryEndpoint.findAll();
  const tracers = await models.Tracer.findAll();
  const locations = await models.Location.findAll();
  const studies = await models.ProcedureIdentifier.findAll();
  const productions = await models.ActivityProduction.findAll();
  const slots = await models.ActivityDeliveryTimeSlot.findAll();
  const deliveries = await models.IsotopeDelivery.findAll();
  const endpointId = (name: string) =>
    found(
      endpoints.find((endpoint) => endpoint.name === name),
      `endpoint ${name}`,
    ).id;
  const tracerId = (shortname: string) =>
    found(
      tracers.find((tracer) => tracer.shortname === shortname),
      `tracer ${shortname}`,
    ).id;
  const customerId = (shortName: string) =>
    found(
      customers.find((customer) => customer.shortName === shortName),
      `customer ${shortName}`,
    ).id;
  return {
    customer: customerId,
    endpoint: endpointId,
    tracer: tracerId,
    location: (code) =>
      found(
        locations.find((location) => location.locationCode === code),
        `location ${code}`,
      ).id,
    study: (description) =>
      found(
        studies.find((study) => study.description === description),
        `study ${description}`,
      ).id,
    slot: (endpoint, tracer, weekday, time) => {
      const production = (id: number) => productions.find((candidate) => candidate.id === id);
      return found(
        slots.find(
          (slot) =>
            slot.endpointId === endpointId(endpoint) &&
            slot.deliveryTime === time &&
            production(slot.productionId)?.weekday === weekday &&
            production(slot.productionId)?.tracerId === tracerId(tracer),
        ),
        `slot ${endpoint} ${tracer} ${weekday} ${time}`,
      ).id;
    },
    isotopeDelivery: (endpoint) =>
      found(
        deliveries.find((delivery) => delivery.endpointId === endpointId(endpoint)),
        `isotope delivery of ${endpoint}`,
      ).id,
    endpointsOf: (shortName) =>
      endpoints
        .filter((endpoint) => endpoint.customerId === customerId(shortName))
        .map((endpoint) => endpoint.id),
  };
}

/** Ids in the `rows` of the received events of `entity`. */
export function receivedIds(events: readonly LiveEvent[], entity: string): number[] {
  const ids: number[] = [];
  for (const event of events) {
    if (event.entity === entity && 'rows' in event && event.rows !== undefined) {
      for (const row of event.rows) {
        ids.push((row as { id: number }).id);
      }
    }
  }
  return ids;
}
