/**
 * Mass ordering from bookings ("Bestil" on a tracer card; docs/domain.md):
 * core's `planMassOrder` decides what to order from the endpoint's bookings of the date; the
 * api writes the activity and injection orders (Ordered, ordered by the caller) and the new
 * booking statuses in one transaction, audits and publishes them. All or nothing: a booking
 * without an early-enough delivery fails the whole request. A client key makes a retry
 * return the first result instead of ordering twice; bookings already ordered are skipped.
 */
import {
  formatShortTime,
  BookingStatus,
  DeadlineScope,
  OrderStatus,
  injectionOrderBreaches,
  maskAccessionNumber,
  planMassOrder,
} from '@tracershop/core';
import type { MassOrderRequest } from '@tracershop/core';
import type { ActivityOrder, Booking, InjectionOrder } from '@tracershop/db';
import type { InferAttributes } from 'sequelize';
import type { SessionUser } from '../../auth/sessions';
import { assertActsFor } from '../../customerScope';
import { apiError } from '../../errors';
import { writeOncePerClientKey } from '../../recordWrites';
import type { ApiServices } from '../../services';
import type { Wire } from '../../wire';
import { toWire } from '../../wire';
import { findEndpoint } from '../../endpointCustomers';
import { assertOrderingOpen, loadSlotContext, personNameOf } from '../orders/orderingRules';
import { activityLimitBreaches, settleLimits } from '../orders/plausibilityChecks';
import { planInputOf } from './bookingPlanInput';
import type { BookingView, EndpointBookings } from './endpointBookings';
import {
  bookingView,
  decisionKeyOf,
  loadEndpointBookings,
  procedureOf,
  shownAccessionNumber,
} from './endpointBookings';
import { customerAudience } from '../../events/audiences';

export interface MassOrderResult {
  activityOrders: Wire<InferAttributes<ActivityOrder>>[];
  injectionOrders: Wire<InferAttributes<InjectionOrder>>[];
  /** The bookings whose status changed (Ordered or Rejected). */
  bookings: BookingView[];
  /** Decided bookings whose study has no procedure here: neither ordered nor rejected. */
  unconfiguredKeys: string[];
  /** Decision keys naming no booking of this endpoint and date: ignored. */
  unknownKeys: string[];
}

interface Writer {
  services: ApiServices;
  user: SessionUser;
}

/** The bookings named by the decisions: by decision key, or by accession number. */
function resolveDecisions(loaded: EndpointBookings, decisions: Record<string, boolean>) {
  const byKey = new Map<string, Booking>();
  for (const booking of loaded.bookings) {
    if (booking.accessionNumber !== null) {
      byKey.set(booking.accessionNumber, booking);
    }
  }
  for (const booking of loaded.bookings) {
    byKey.set(decisionKeyOf(booking), booking);
  }
  const planned: Record<string, boolean> = {};
  const unknownKeys: string[] = [];
  for (const [key, decision] of Object.entries(decisions)) {
    const booking = byKey.get(key);
    if (booking === undefined) {
      unknownKeys.push(key);
    } else {
      planned[decisionKeyOf(booking)] = decision;
    }
  }
  return { planned, unknownKeys };
}

export function massOrder(writer: Writer, input: MassOrderRequest): Promise<MassOrderResult> {
  const { services, user } = writer;
  const { models } = services.db;
  return writeOncePerClientKey(writer, 'bookings.massOrder', input.clientKey, async (scope) => {
    const { transaction } = scope;
    const endpoint = await findEndpoint(models, input.endpointId, transaction);
    assertActsFor(user, endpoint.customerId);
    const loaded = await loadEndpointBookings(models, endpoint.id, input.date, transaction);
    const { planned, unknownKeys } = resolveDecisions(loaded, input.decisions);
    const bookingByKey = new Map(
      loaded.bookings.map((booking) => [decisionKeyOf(booking), booking]),
    );

    const plan = planMassOrder({
      ...(await planInputOf(services, loaded, endpoint.id, transaction)),
      decisions: planned,
    });

    if (!plan.ok) {
      const { error } = plan;
      const booking = bookingByKey.get(error.accessionNumber);
      const accessionNumber =
        shownAccessionNumber(user, booking?.accessionNumber ?? null) ?? error.accessionNumber;
      if (error.reason === 'no-endpoint') {
        throw apiError('MASS_ORDER_NO_ENDPOINT', { accessionNumber });
      }
      if (error.earliestSlotTime === null) {
        const procedure = booking === undefined ? undefined : procedureOf(loaded, booking);
        const tracer = procedure === undefined ? undefined : loaded.tracers.get(procedure.tracerId);
        throw apiError('MASS_ORDER_NO_DELIVERY', {
          tracer: tracer?.shortname ?? '',
          accessionNumber,
          injectionTime: error.injectionTime,
        });
      }
      throw apiError('MASS_ORDER_NO_SLOT', {
        injectionTime: formatShortTime(error.injectionTime),
        earliestSlotTime: formatShortTime(error.earliestSlotTime),
        accessionNumber,
      });
    }

    // Shop users order before the deadline of each tracer type they order, like by hand.
    const scopes = new Set([
      ...(plan.activityOrders.length > 0 ? [DeadlineScope.Activity] : []),
      ...(plan.injectionOrders.length > 0 ? [DeadlineScope.Injection] : []),
    ]);
    for (const deadlineScope of scopes) {
      await assertOrderingOpen(services, user, deadlineScope, input.date, transaction);
    }

    const orderedBy = { orderedById: user.id, orderedByName: personNameOf(user) };
    const released = { freedAt: null, freedById: null, freedByName: null };
    const visibility = customerAudience(endpoint.customerId);
    const activityOrders: MassOrderResult['activityOrders'] = [];
    // The plausibility limits, as for an order by hand: each order counts with the delivery's
    // orders, those created a moment ago in this transaction included. No override here.
    for (const order of plan.activityOrders) {
      const { tracer } = await loadSlotContext(models, order.slotId, transaction);
      const planned = {
        orderedActivity: order.orderedActivity,
        deliveryDate: order.deliveryDate,
        orderedTimeSlotId: order.slotId,
        movedToTimeSlotId: null,
      };
      settleLimits(tracer, await activityLimitBreaches(models, tracer, planned, scope), undefined);
      const row = await models.ActivityOrder.create(
        {
          orderedActivity: order.orderedActivity,
          deliveryDate: order.deliveryDate,
          status: OrderStatus.Ordered,
          comment: null,
          orderedTimeSlotId: order.slotId,
          movedToTimeSlotId: null,
          ...orderedBy,
          ...released,
        },
        { transaction },
      );
      const wire = toWire(row);
      await scope.audit({
        action: 'activityOrder.create',
        entity: 'ActivityOrder',
        entityId: row.id,
        after: wire,
      });
      activityOrders.push(wire);
    }
    const injectionOrders: MassOrderResult['injectionOrders'] = [];
    for (const order of plan.injectionOrders) {
      const tracer = loaded.tracers.get(order.tracerId);
      if (tracer !== undefined) {
        settleLimits(tracer, injectionOrderBreaches(tracer, order.injections), undefined);
      }
      const row = await models.InjectionOrder.create(
        {
          ...order,
          status: OrderStatus.Ordered,
          comment: null,
          lotNumber: null,
          maxInjectionVolume: null,
          ...orderedBy,
          ...released,
        },
        { transaction },
      );
      const wire = toWire(row);
      await scope.audit({
        action: 'injectionOrder.create',
        entity: 'InjectionOrder',
        entityId: row.id,
        after: wire,
      });
      injectionOrders.push(wire);
    }

    const changedBookings: Booking[] = [];
    for (const [key, status] of Object.entries(plan.bookingStatuses)) {
      const booking = bookingByKey.get(key);
      if (booking === undefined || booking.status === status) {
        continue;
      }
      const before = booking.status;
      booking.status = status;
      await booking.save({ transaction });
      // Only the status: accession numbers are personal data, deleted after 7 days, and
      // must not outlive them in the append-only audit trail.
      await scope.audit({
        action: status === BookingStatus.Rejected ? 'booking.reject' : 'booking.order',
        entity: 'Booking',
        entityId: booking.id,
        before: { status: before },
        after: { status },
      });
      changedBookings.push(booking);
    }

    if (activityOrders.length > 0) {
      scope.publish({ entity: 'ActivityOrder', op: 'upsert', rows: activityOrders, visibility });
    }
    if (injectionOrders.length > 0) {
      scope.publish({
        entity: 'InjectionOrder',
        op: 'upsert',
        rows: injectionOrders,
        visibility,
      });
    }
    if (changedBookings.length > 0) {
      // Production sees accession numbers; the customer's shop users see them masked.
      scope.publish(
        {
          entity: 'Booking',
          op: 'upsert',
          rows: changedBookings.map((booking) => toWire(booking)),
          visibility: { kind: 'production' },
        },
        {
          entity: 'Booking',
          op: 'upsert',
          rows: changedBookings.map((booking) => ({
            ...toWire(booking),
            accessionNumber:
              booking.accessionNumber === null
                ? null
                : maskAccessionNumber(booking.accessionNumber),
          })),
          visibility: { kind: 'customerOnly', customerId: endpoint.customerId },
        },
      );
    }

    return {
      activityOrders,
      injectionOrders,
      bookings: changedBookings.map((booking) => bookingView(user, loaded, booking)),
      unconfiguredKeys: plan.unconfigured,
      unknownKeys,
    };
  });
}
