/**
 * What core's booking planning (`planMassOrder`, `previewBookingNeeds`) reads about an
 * endpoint's bookings of a date: the bookings named by their decision keys (they always exist,
 * unlike accession numbers), the rooms, the procedures, the tracers with their half-lives and
 * the endpoint's delivery slots with their production's tracer and weekday.
 */
import type { MassOrderInput, MassOrderSlot } from '@tracershop/core';
import type { Transaction } from 'sequelize';
import type { ApiServices } from '../../services';
import type { EndpointBookings } from './endpointBookings';
import { decisionKeyOf } from './endpointBookings';

async function slotsOf(
  services: ApiServices,
  endpointId: number,
  transaction?: Transaction,
): Promise<MassOrderSlot[]> {
  const slots = await services.db.models.ActivityDeliveryTimeSlot.findAll({
    where: { endpointId },
    include: [{ association: 'production' }],
    transaction,
  });
  return slots.flatMap((slot) =>
    slot.production == null
      ? []
      : [
          {
            id: slot.id,
            endpointId: slot.endpointId,
            tracerId: slot.production.tracerId,
            weekday: slot.production.weekday,
            weeklyRepeat: slot.weeklyRepeat,
            deliveryTime: slot.deliveryTime,
          },
        ],
  );
}

export async function planInputOf(
  services: ApiServices,
  loaded: EndpointBookings,
  endpointId: number,
  transaction?: Transaction,
): Promise<Omit<MassOrderInput, 'decisions'>> {
  return {
    bookings: loaded.bookings.map((booking) => ({
      accessionNumber: decisionKeyOf(booking),
      startDate: booking.startDate,
      startTime: booking.startTime,
      locationId: booking.locationId,
      procedureIdentifierId: booking.procedureIdentifierId,
      status: booking.status,
    })),
    locations: loaded.locations.map((location) => ({
      id: location.id,
      endpointId: location.endpointId,
    })),
    procedures: loaded.procedures.map((procedure) => ({
      procedureIdentifierId: procedure.procedureIdentifierId,
      endpointId: procedure.endpointId,
      tracerId: procedure.tracerId,
      tracerUnits: procedure.tracerUnits,
      delayMinutes: procedure.delayMinutes,
    })),
    tracers: [...loaded.tracers.values()].flatMap((tracer) =>
      tracer.isotope == null
        ? []
        : [
            {
              id: tracer.id,
              tracerType: tracer.tracerType,
              halflifeSeconds: tracer.isotope.halflifeSeconds,
            },
          ],
    ),
    slots: await slotsOf(services, endpointId, transaction),
    timeZone: services.config.timeZone,
  };
}
