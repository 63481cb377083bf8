/**
 * What core's ordering rules need, loaded from the record database: a delivery slot with its
 * production, tracer (half-life) and endpoint (customer); an isotope delivery likewise; the
 * global deadline of a kind and whether a date is closed; the catalog. The rules themselves
 * stay in core (docs/domain.md–4.4); this file loads, applies and turns a "no" into a reason.
 */
import type { DeadlineRule, MoveSlot, SlotRepeat } from '@tracershop/core';
import {
  deadlineFor,
  DeadlineScope,
  DeadlineType,
  formatDanishDate,
  isOrderingClosed,
  isShopScoped,
  slotDeliversOn,
  TracerType,
} from '@tracershop/core';
import type {
  ActivityDeliveryTimeSlot,
  ActivityProduction,
  Databases,
  Deadline,
  DeliveryEndpoint,
  Isotope,
  IsotopeDelivery,
  IsotopeProduction,
  Tracer,
} from '@tracershop/db';
import type { Transaction } from 'sequelize';
import type { SessionUser } from '../../auth/sessions';
import { siteNow } from '../../clock';
import { apiError } from '../../errors';
import type { ApiServices } from '../../services';

export type Models = Databases['models'];

/** A delivery slot with everything the rules about it read. */
export interface SlotContext {
  slot: ActivityDeliveryTimeSlot;
  production: ActivityProduction;
  endpoint: DeliveryEndpoint;
  tracer: Tracer;
  halflifeSeconds: number;
}

/** An isotope delivery with its production, isotope and endpoint. */
export interface IsotopeDeliveryContext {
  delivery: IsotopeDelivery;
  production: IsotopeProduction;
  endpoint: DeliveryEndpoint;
  isotope: Isotope;
}

/** The shop's view of ordering for one date and kind of order. */
export interface OrderingState {
  /** When ordering closes, site wall clock `'YYYY-MM-DD HH:MM:SS'`; null without a deadline. */
  deadline: string | null;
  /** Production has closed the date. */
  closedDate: boolean;
  /** The shop may no longer create, edit or delete orders for the date. */
  closed: boolean;
}

/** The name snapshot stored next to a user id on records. */
export function personNameOf(user: Pick<SessionUser, 'displayName' | 'username'>): string {
  return user.displayName || user.username;
}

export async function loadSlotContext(
  models: Models,
  slotId: number,
  transaction?: Transaction,
): Promise<SlotContext> {
  const slot = await models.ActivityDeliveryTimeSlot.findByPk(slotId, {
    include: [
      {
        association: 'production',
        include: [{ association: 'tracer', include: [{ association: 'isotope' }] }],
      },
      { association: 'endpoint' },
    ],
    transaction,
  });
  const production = slot?.production;
  const tracer = production?.tracer;
  const isotope = tracer?.isotope;
  const endpoint = slot?.endpoint;
  if (
    slot === null ||
    production == null ||
    tracer == null ||
    isotope == null ||
    endpoint == null
  ) {
    throw apiError('NOT_FOUND', { entity: 'ActivityDeliveryTimeSlot' });
  }
  return { slot, production, endpoint, tracer, halflifeSeconds: isotope.halflifeSeconds };
}

export async function loadIsotopeDeliveryContext(
  models: Models,
  deliveryId: number,
  transaction?: Transaction,
): Promise<IsotopeDeliveryContext> {
  const delivery = await models.IsotopeDelivery.findByPk(deliveryId, {
    include: [
      { association: 'isotopeProduction', include: [{ association: 'isotope' }] },
      { association: 'endpoint' },
    ],
    transaction,
  });
  const production = delivery?.isotopeProduction;
  const isotope = production?.isotope;
  const endpoint = delivery?.endpoint;
  if (delivery === null || production == null || isotope == null || endpoint == null) {
    throw apiError('NOT_FOUND', { entity: 'IsotopeDelivery' });
  }
  return { delivery, production, endpoint, isotope };
}

/** The repeat of a slot: its production's weekday and its own weekly repeat. */
export function slotRepeatOf(
  slot: Pick<ActivityDeliveryTimeSlot, 'weeklyRepeat'>,
  production: Pick<ActivityProduction, 'weekday'>,
): SlotRepeat {
  return { weekday: production.weekday, weeklyRepeat: slot.weeklyRepeat };
}

/** The fields of a slot core's move rules compare. */
export function moveSlotOf(context: SlotContext): MoveSlot {
  return {
    id: context.slot.id,
    endpointId: context.slot.endpointId,
    tracerId: context.production.tracerId,
    weekday: context.production.weekday,
    deliveryTime: context.slot.deliveryTime,
  };
}

/** Refuses with NOT_DELIVERED unless the slot delivers on `date` (weekday and ISO week parity). */
export function assertSlotDelivers(context: SlotContext, date: string): void {
  if (!slotDeliversOn(slotRepeatOf(context.slot, context.production), date)) {
    throw apiError('NOT_DELIVERED');
  }
}

/** Refuses with NOT_DELIVERED unless the isotope delivery runs on `date`. */
export function assertIsotopeDelivers(context: IsotopeDeliveryContext, date: string): void {
  const repeat = {
    weekday: context.production.weekday,
    weeklyRepeat: context.delivery.weeklyRepeat,
  };
  if (!slotDeliversOn(repeat, date)) {
    throw apiError('NOT_DELIVERED');
  }
}

/**
 * The tracer, if the endpoint may order it: a catalog page exists, the tracer is not archived
 * and is of the expected type; else NOT_IN_CATALOG.
 */
export async function assertInCatalog(
  models: Models,
  endpointId: number,
  tracerId: number,
  tracerType: TracerType,
  transaction?: Transaction,
): Promise<Tracer> {
  const tracer = await models.Tracer.findByPk(tracerId, { transaction });
  if (tracer === null) {
    throw apiError('NOT_FOUND', { entity: 'Tracer' });
  }
  const page = await models.TracerCatalogPage.findOne({
    where: { endpointId, tracerId },
    transaction,
  });
  if (page === null || tracer.archived || tracer.tracerType !== tracerType) {
    throw apiError('NOT_IN_CATALOG');
  }
  return tracer;
}

/** A Deadline row as core's rule; null when unset or incomplete (no time, weekly without day). */
function deadlineRuleOf(row: Deadline | null): DeadlineRule | null {
  if (row === null || row.deadlineTime == null) {
    return null;
  }
  if (row.deadlineType === DeadlineType.Weekly && row.weekday == null) {
    return null;
  }
  return { deadlineType: row.deadlineType, deadlineTime: row.deadlineTime, weekday: row.weekday };
}

/**
 * Whether the shop may still order `scope` orders for `date`: the global deadline of that
 * kind (activity orders and isotope orders share the activity deadline) and the closed dates,
 * against the site's wall clock now.
 */
export async function orderingStateOf(
  services: ApiServices,
  scope: DeadlineScope,
  date: string,
  transaction?: Transaction,
): Promise<OrderingState> {
  const { models } = services.db;
  const rule = deadlineRuleOf(
    await models.Deadline.findOne({ where: { appliesTo: scope }, transaction }),
  );
  const closedDate =
    (await models.ClosedDate.count({ where: { closeDate: date }, transaction })) > 0;
  const timeZone = services.config.timeZone;
  const now = siteNow(services.clock, timeZone);
  const closed =
    isOrderingClosed({
      deadline: rule,
      orderDate: date,
      closedDates: closedDate ? [date] : [],
      now,
      timeZone,
    }) ||
    // Without a deadline core never closes a date; days gone by stay closed to the shop all
    // the same (the legacy calendar: no deadline = orderable from today on).
    (rule === null && date < now.slice(0, 10));
  return { deadline: rule === null ? null : deadlineFor(rule, date), closedDate, closed };
}

/**
 * Whether deadlines and closed dates bind the caller: shop users yes; production members and
 * the site admin order on behalf of customers, also late and on closed days.
 */
export function heldToDeadlines(user: SessionUser): boolean {
  return isShopScoped(user.userGroup);
}

/** The deadline banner of one kind of order for a caller, and whether they may still order. */
export interface CallerOrdering extends OrderingState {
  /** Deadlines bind the caller (shop users); production and the site admin may order late. */
  heldToDeadline: boolean;
  mayOrder: boolean;
}

export async function callerOrderingOf(
  services: ApiServices,
  user: SessionUser,
  scope: DeadlineScope,
  date: string,
): Promise<CallerOrdering> {
  const state = await orderingStateOf(services, scope, date);
  const heldToDeadline = heldToDeadlines(user);
  return { ...state, heldToDeadline, mayOrder: !heldToDeadline || !state.closed };
}

/** Refuses with CLOSED_DAY / DEADLINE_PASSED when the caller may no longer order for `date`. */
export async function assertOrderingOpen(
  services: ApiServices,
  user: SessionUser,
  scope: DeadlineScope,
  date: string,
  transaction?: Transaction,
): Promise<void> {
  if (!heldToDeadlines(user)) {
    return;
  }
  const state = await orderingStateOf(services, scope, date, transaction);
  if (state.closedDate) {
    throw apiError('CLOSED_DAY', { date: formatDanishDate(date) });
  }
  if (state.closed) {
    throw apiError('DEADLINE_PASSED', { date: formatDanishDate(date) });
  }
}

/** The deadline kind of a tracer type: activity tracers the activity deadline, else injection. */
export function deadlineScopeOf(tracerType: TracerType): DeadlineScope {
  return tracerType === TracerType.Activity ? DeadlineScope.Activity : DeadlineScope.Injection;
}
