/**
 * The RIS bookings of one endpoint on one date and everything that maps them to tracers: the
 * endpoint's locations (rooms), its procedures (study → tracer, units, delay), the studies and
 * the tracers with their half-lives (docs/domain.md). Bookings are personal
 * data: shop users see accession numbers masked, and name a booking in a mass order by its
 * `decisionKey` instead.
 */
import { formatTime, isShopScoped, maskAccessionNumber, toPlainTime } from '@tracershop/core';
import type { BookingStatus, TracerType } from '@tracershop/core';
import type { Booking, Location, Procedure, ProcedureIdentifier, Tracer } from '@tracershop/db';
import type { Transaction } from 'sequelize';
import type { SessionUser } from '../../auth/sessions';
import type { Models } from '../orders/orderingRules';

/** Everything about an endpoint's bookings of a date. */
export interface EndpointBookings {
  locations: Location[];
  bookings: Booking[];
  procedures: Procedure[];
  studies: Map<number, ProcedureIdentifier>;
  tracers: Map<number, Tracer>;
}

/** A booking as the apps see it. */
export interface BookingView {
  id: number;
  /** Masked (letters and the last four digits) for shop users. */
  accessionNumber: string | null;
  /** The key naming this booking in `bookings.massOrder` decisions. */
  decisionKey: string;
  startDate: string;
  startTime: string;
  /** Start plus the procedure's delay; null without a procedure. */
  injectionTime: string | null;
  status: BookingStatus;
  location: { id: number; code: string; name: string | null };
  study: { id: number; code: string | null; description: string | null; isPet: boolean };
  /** The tracer the endpoint's procedure for this study uses; null when not set up. */
  tracerId: number | null;
}

export interface TracerView {
  id: number;
  shortname: string;
  tracerType: TracerType;
}

/**
 * The key of a booking in mass-order decisions: `#<id>`, which needs no accession number
 * (masked for shop users, sometimes missing). Real accession numbers are accepted too.
 */
export function decisionKeyOf(booking: Pick<Booking, 'id'>): string {
  return `#${booking.id}`;
}

/** What the caller may see of an accession number. */
export function shownAccessionNumber(
  user: SessionUser,
  accessionNumber: string | null,
): string | null {
  if (accessionNumber === null) {
    return null;
  }
  return isShopScoped(user.userGroup) ? maskAccessionNumber(accessionNumber) : accessionNumber;
}

export async function loadEndpointBookings(
  models: Models,
  endpointId: number,
  date: string,
  transaction?: Transaction,
): Promise<EndpointBookings> {
  const locations = await models.Location.findAll({
    where: { endpointId },
    order: [
      ['locationCode', 'ASC'],
      ['id', 'ASC'],
    ],
    transaction,
  });
  const bookings = await models.Booking.findAll({
    where: { locationId: locations.map((location) => location.id), startDate: date },
    order: [
      ['startTime', 'ASC'],
      ['id', 'ASC'],
    ],
    // A mass order reads and then sets statuses: a concurrent one waits (MariaDB).
    ...(transaction === undefined ? {} : { transaction, lock: transaction.LOCK.UPDATE }),
  });
  const procedures = await models.Procedure.findAll({ where: { endpointId }, transaction });
  const studies = await models.ProcedureIdentifier.findAll({
    where: { id: [...new Set(bookings.map((booking) => booking.procedureIdentifierId))] },
    transaction,
  });
  const tracers = await models.Tracer.findAll({
    where: { id: [...new Set(procedures.map((procedure) => procedure.tracerId))] },
    include: [{ association: 'isotope' }],
    transaction,
  });
  return {
    locations,
    bookings,
    procedures,
    studies: new Map(studies.map((study) => [study.id, study])),
    tracers: new Map(tracers.map((tracer) => [tracer.id, tracer])),
  };
}

/** The endpoint's procedure for a booking's study, if set up. */
export function procedureOf(
  loaded: EndpointBookings,
  booking: Pick<Booking, 'procedureIdentifierId'>,
): Procedure | undefined {
  return loaded.procedures.find(
    (procedure) => procedure.procedureIdentifierId === booking.procedureIdentifierId,
  );
}

/** `'HH:MM:SS'` plus minutes on the wall clock (bookings are wall-clock times of one day). */
function timePlusMinutes(time: string, minutes: number): string {
  return formatTime(toPlainTime(time).add({ seconds: Math.round(minutes * 60) }));
}

export function bookingView(
  user: SessionUser,
  loaded: EndpointBookings,
  booking: Booking,
): BookingView {
  const location = loaded.locations.find((candidate) => candidate.id === booking.locationId);
  const study = loaded.studies.get(booking.procedureIdentifierId);
  const procedure = procedureOf(loaded, booking);
  return {
    id: booking.id,
    accessionNumber: shownAccessionNumber(user, booking.accessionNumber),
    decisionKey: decisionKeyOf(booking),
    startDate: booking.startDate,
    startTime: booking.startTime,
    injectionTime:
      procedure === undefined ? null : timePlusMinutes(booking.startTime, procedure.delayMinutes),
    status: booking.status,
    location: {
      id: booking.locationId,
      code: location?.locationCode ?? '',
      name: location?.commonName ?? null,
    },
    study: {
      id: booking.procedureIdentifierId,
      code: study?.code ?? null,
      description: study?.description ?? null,
      isPet: study?.isPet ?? false,
    },
    tracerId: procedure?.tracerId ?? null,
  };
}

export function tracerView(tracer: Tracer): TracerView {
  return { id: tracer.id, shortname: tracer.shortname, tracerType: tracer.tracerType };
}
