/**
 * The plausibility limits (core `plausibility.ts`) at every create and edit of activity and
 * injection orders, by the shop and by production. Above a limit the order is refused with
 * the limit in words; production may go above it only with a stated reason, which is audited
 * next to the order (`<kind>.limitOverride`). Shop inputs carry no reason (their schemas
 * refuse one), so the shop can never override. Isotope orders have no limits. Below them, an
 * activity order the shop (or production's phone order) places must carry activity: one that
 * would be dead (core `isDeadOrder`) is refused, and no reason overrides that.
 */
import {
  FIGURE_SPACE,
  MINIMUM_LIVE_ACTIVITY_MBQ,
  activityOrderBreaches,
  formatActivity,
  formatCount,
  isDeadOrder,
  isRejected,
} from '@tracershop/core';
import type { LimitBreach, LimitOverrideInput } from '@tracershop/core';
import type { ActivityOrder, Tracer } from '@tracershop/db';
import { Op } from 'sequelize';
import type { ErrorReason } from '../../errors';
import { apiError } from '../../errors';
import type { WriteScope } from '../../recordWrites';
import type { Models } from './orderingRules';

const reasonOfLimit: Record<LimitBreach['limit'], ErrorReason> = {
  activityPerOrder: 'LIMIT_ACTIVITY_PER_ORDER',
  activityPerDelivery: 'LIMIT_ACTIVITY_PER_DELIVERY',
  injectionsPerOrder: 'LIMIT_INJECTIONS_PER_ORDER',
};

function figureOf(breach: LimitBreach, value: number): string {
  return breach.limit === 'injectionsPerOrder' ? formatCount(value) : formatActivity(value);
}

/**
 * Refuses `breaches` unless production states a reason (`override`); returns what the
 * audit row of the override records, or null when nothing was above a limit.
 */
export function settleLimits(
  tracer: Pick<Tracer, 'shortname'>,
  breaches: readonly LimitBreach[],
  override: LimitOverrideInput | undefined,
): LimitOverrideRecord | null {
  const [first] = breaches;
  if (first === undefined) {
    return null;
  }
  if (override === undefined) {
    throw apiError(
      reasonOfLimit[first.limit],
      {
        tracer: tracer.shortname,
        max: figureOf(first, first.max),
        value: figureOf(first, first.value),
      },
      { breaches },
    );
  }
  return { reason: override.reason, breaches: [...breaches] };
}

/**
 * Refuses an ordered activity that would make a dead order (below core's
 * `MINIMUM_LIVE_ACTIVITY_MBQ` with nothing delivered): it would count nowhere.
 */
export function assertLiveActivity(orderedActivity: number): void {
  if (isDeadOrder({ orderedActivity })) {
    throw apiError('ORDER_BELOW_LIVE_MINIMUM', {
      // A whole figure ('1 MBq'), where formatActivity would write a small one as '1,0 MBq'.
      minimum: `${formatCount(MINIMUM_LIVE_ACTIVITY_MBQ)}${FIGURE_SPACE}MBq`,
      value: formatActivity(orderedActivity),
    });
  }
}

/** What the audit trail keeps of a limit production went above. */
export interface LimitOverrideRecord {
  reason: string;
  breaches: LimitBreach[];
}

/** Audits an override next to the order it allowed (after the order has its id). */
export async function auditLimitOverride(
  scope: WriteScope,
  order: { entity: 'ActivityOrder' | 'InjectionOrder'; id: number },
  record: LimitOverrideRecord | null,
): Promise<void> {
  if (record === null) {
    return;
  }
  await scope.audit({
    action: `${order.entity === 'ActivityOrder' ? 'activityOrder' : 'injectionOrder'}.limitOverride`,
    entity: order.entity,
    entityId: order.id,
    after: record,
  });
}

/** The fields of an activity order the limits read. */
export type PlannedActivityOrder = Pick<
  ActivityOrder,
  'orderedActivity' | 'deliveryDate' | 'orderedTimeSlotId' | 'movedToTimeSlotId'
> & { id?: number };

/**
 * The limits a new or changed activity order goes above: its own activity, and with the
 * other orders its delivering slot carries on the date.
 */
export async function activityLimitBreaches(
  models: Models,
  tracer: Tracer,
  order: PlannedActivityOrder,
  scope: Pick<WriteScope, 'transaction'>,
): Promise<LimitBreach[]> {
  const slotId = order.movedToTimeSlotId ?? order.orderedTimeSlotId;
  const others = await models.ActivityOrder.findAll({
    where: {
      deliveryDate: order.deliveryDate,
      [Op.or]: [
        { movedToTimeSlotId: slotId },
        { orderedTimeSlotId: slotId, movedToTimeSlotId: null },
      ],
      ...(order.id === undefined ? {} : { id: { [Op.ne]: order.id } }),
    },
    attributes: ['orderedActivity', 'status'],
    transaction: scope.transaction,
  });
  return activityOrderBreaches({
    limits: tracer,
    orderedActivity: order.orderedActivity,
    otherOrders: others.map((other) => ({
      orderedActivity: other.orderedActivity,
      rejected: isRejected(other.status),
    })),
  });
}
