/**
 * RIS bookings in the shop: the day's bookings of an endpoint per tracer, the rooms × hours
 * overview, and mass ordering from them. Not for external users (role matrix).
 */
import { bookingsByEndpointDateInput, massOrderInput } from '@tracershop/core';
import { procedure, router } from '../../trpc/init';
import { bookingOverviewInput, readBookingOverview, readEndpointBookings } from './bookingLists';
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
});
