/**
 * RIS bookings in the shop: the day's bookings of an endpoint per tracer, the rooms × hours
 * overview, and mass ordering from them. Not for external users (role matrix). Production
 * sees only the counts and MBq of not yet ordered bookings (`productionPreview`), never the
 * bookings themselves.
 */
import {
  bookingPreviewInput,
  bookingsByEndpointDateInput,
  massOrderInput,
  previewBookingNeeds,
} from '@tracershop/core';
import { procedure, router } from '../../trpc/init';
import { findEndpoint } from '../../endpointCustomers';
import { planInputOf } from './bookingPlanInput';
import { bookingOverviewInput, readBookingOverview, readEndpointBookings } from './bookingLists';
import { loadEndpointBookings } from './endpointBookings';
import { massOrder } from './massOrder';

export const bookingsRouter = router({
  /** "Bookinger": bookings grouped per tracer, studies without a procedure apart. */
  byEndpointDate: procedure('booking.read')
    .input(bookingsByEndpointDateInput)
    .query(({ ctx, input }) => readEndpointBookings(ctx.services, ctx.user, input)),

  /** "Booking Oversigt": rooms × hours. */
  overview: procedure('booking.read')
    .input(bookingOverviewInput)
    .query(({ ctx, input }) => readBookingOverview(ctx.services, ctx.user, input)),

  /** "Bestil": order (true) or reject (false) bookings in one go, idempotent per client key. */
  massOrder: procedure('booking.massOrder')
    .input(massOrderInput)
    .mutation(({ ctx, input }) => massOrder(ctx, input)),

  /**
   * "Der er N ubestilte bookinger" when production orders for a customer: per slot, how many
   * of the endpoint's not yet ordered bookings of the tracer it would deliver and their MBq.
   */
  productionPreview: procedure('order.production.read')
    .input(bookingPreviewInput)
    .query(async ({ ctx, input }) => {
      const { services } = ctx;
      const endpoint = await findEndpoint(services.db.models, input.endpointId);
      const loaded = await loadEndpointBookings(services.db.models, endpoint.id, input.date);
      const planInput = await planInputOf(services, loaded, endpoint.id);
      return previewBookingNeeds({ ...planInput, tracerId: input.tracerId });
    }),
});
