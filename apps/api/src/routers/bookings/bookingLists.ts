/**
 * The shop's two booking screens (the user guides in docs/): "Bookinger", the day's
 * bookings of an endpoint grouped per tracer through the endpoint's procedures (studies not
 * set up listed apart), and "Booking Oversigt", rooms × hours.
 */
import { fieldSchemas } from '@tracershop/core';
import { z } from 'zod';
import type { SessionUser } from '../../auth/sessions';
import { assertActsFor } from '../../customerScope';
import type { ApiServices } from '../../services';
import type { CallerOrdering } from '../orders/orderingRules';
import { findEndpoint } from '../../endpointCustomers';
import { callerOrderingOf, deadlineScopeOf } from '../orders/orderingRules';
import type { BookingView, TracerView } from './endpointBookings';
import {
  bookingView,
  loadEndpointBookings,
  shownAccessionNumber,
  tracerView,
} from './endpointBookings';

export const bookingOverviewInput = z.strictObject(
  { endpointId: fieldSchemas.id, date: fieldSchemas.dateText },
  fieldSchemas.keyed('input.invalid'),
);
export type BookingOverviewInput = z.infer<typeof bookingOverviewInput>;

/** One tracer's card: its bookings and whether its deadline still allows "Bestil". */
export interface TracerBookings {
  tracer: TracerView;
  ordering: CallerOrdering;
  bookings: BookingView[];
}

export interface EndpointDayBookings {
  date: string;
  endpointId: number;
  tracers: TracerBookings[];
  /** "Ikke opsatte undersøgelser": bookings whose study has no procedure at this endpoint. */
  unconfigured: { bookings: BookingView[]; studies: string[] };
}

export interface BookingOverview {
  date: string;
  endpointId: number;
  rooms: { id: number; code: string; name: string | null }[];
  /** Whole hours shown: 8 to the latest booking's hour, at least to 10. */
  hours: number[];
  cells: {
    locationId: number;
    hour: number;
    bookings: {
      id: number;
      description: string | null;
      startTime: string;
      accessionNumber: string | null;
    }[];
  }[];
}

async function endpointOf(services: ApiServices, user: SessionUser, endpointId: number) {
  const endpoint = await findEndpoint(services.db.models, endpointId);
  assertActsFor(user, endpoint.customerId);
  return endpoint;
}

export async function readEndpointBookings(
  services: ApiServices,
  user: SessionUser,
  input: { endpointId: number; date: string },
): Promise<EndpointDayBookings> {
  const endpoint = await endpointOf(services, user, input.endpointId);
  const loaded = await loadEndpointBookings(services.db.models, endpoint.id, input.date);
  const groups = new Map<number, BookingView[]>();
  const unconfigured: BookingView[] = [];
  for (const booking of loaded.bookings) {
    const view = bookingView(user, loaded, booking);
    if (view.tracerId === null || !loaded.tracers.has(view.tracerId)) {
      unconfigured.push(view);
      continue;
    }
    groups.set(view.tracerId, [...(groups.get(view.tracerId) ?? []), view]);
  }
  const tracers: TracerBookings[] = [];
  for (const [tracerId, bookings] of groups) {
    const tracer = loaded.tracers.get(tracerId);
    if (tracer === undefined) {
      continue;
    }
    tracers.push({
      tracer: tracerView(tracer),
      ordering: await callerOrderingOf(
        services,
        user,
        deadlineScopeOf(tracer.tracerType),
        input.date,
      ),
      bookings,
    });
  }
  tracers.sort((a, b) => a.tracer.shortname.localeCompare(b.tracer.shortname, 'da'));
  const studies = [
    ...new Set(
      unconfigured
        .map((view) => view.study.description ?? view.study.code)
        .filter((text): text is string => text !== null),
    ),
  ].sort((a, b) => a.localeCompare(b, 'da'));
  return {
    date: input.date,
    endpointId: endpoint.id,
    tracers,
    unconfigured: { bookings: unconfigured, studies },
  };
}

/** The first hour row of the overview, and the last it always shows. */
const FIRST_HOUR = 8;
const LAST_HOUR_AT_LEAST = 10;

export async function readBookingOverview(
  services: ApiServices,
  user: SessionUser,
  input: BookingOverviewInput,
): Promise<BookingOverview> {
  const endpoint = await endpointOf(services, user, input.endpointId);
  const loaded = await loadEndpointBookings(services.db.models, endpoint.id, input.date);
  const hourOf = (time: string) => Number(time.slice(0, 2));
  const bookingHours = loaded.bookings.map((booking) => hourOf(booking.startTime));
  const first = Math.min(FIRST_HOUR, ...bookingHours);
  const last = Math.max(LAST_HOUR_AT_LEAST, ...bookingHours);
  const hours = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const cells: BookingOverview['cells'] = [];
  for (const booking of loaded.bookings) {
    const hour = hourOf(booking.startTime);
    let cell = cells.find(
      (candidate) => candidate.locationId === booking.locationId && candidate.hour === hour,
    );
    if (cell === undefined) {
      cell = { locationId: booking.locationId, hour, bookings: [] };
      cells.push(cell);
    }
    cell.bookings.push({
      id: booking.id,
      description: loaded.studies.get(booking.procedureIdentifierId)?.description ?? null,
      startTime: booking.startTime,
      accessionNumber: shownAccessionNumber(user, booking.accessionNumber),
    });
  }
  return {
    date: input.date,
    endpointId: endpoint.id,
    rooms: loaded.locations.map((location) => ({
      id: location.id,
      code: location.locationCode,
      name: location.commonName,
    })),
    hours,
    cells,
  };
}
