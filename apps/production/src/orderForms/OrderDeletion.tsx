/**
 * "Slet ordre" in the order dialogs (the api's `orders.<kind>.productionDelete`): offered to
 * production for an order that is not released, and for a released one only to a role that
 * may delete it ('order.deleteReleased', the site admin) — the same role matrix the api checks,
 * which still decides. The delete is asked first; an accepted or released order asks for the
 * reason (core `changeNeedsReason`), which the audit trail keeps with the delete
 * (docs/domain.md, "Reasons for changes").
 */
import type { OrderStatus, UserGroup } from '@tracershop/core';
import { allowed, changeNeedsReason, isReleased } from '@tracershop/core';
import { usePendingAction } from '@tracershop/ui';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from './ChangeReason';

/** An order as far as its delete cares. */
export interface DeletableOrder {
  id: number;
  status: OrderStatus;
}

/** Whether a user of `userGroup` is offered the delete of an order in `status`. */
export function mayDeleteOrder(userGroup: UserGroup | null | undefined, status: OrderStatus) {
  if (userGroup == null) {
    return false;
  }
  return allowed(
    userGroup,
    isReleased(status) ? 'order.deleteReleased' : 'order.production.manage',
  );
}

export interface OrderDeletion {
  /** Whether the user is offered the delete of `order`. */
  offered(order: DeletableOrder): boolean;
  /** Asks before deleting `order` (with the reason where it needs one). */
  ask(order: DeletableOrder): void;
  /** A delete is under way. */
  pending: boolean;
  /** Why the last delete failed, in words. */
  failure: string | null;
  /** The question; render it once in the dialog. */
  dialog: ReactNode;
}

/**
 * The delete of the orders a dialog shows, by the user of `userGroup`; `remove` calls the
 * api with the order's id and the reason (undefined when none is needed).
 */
export function useOrderDeletion(
  userGroup: UserGroup | null | undefined,
  remove: (orderId: number, reason: string | undefined) => Promise<unknown>,
): OrderDeletion {
  const { t } = useTranslation('app');
  const action = usePendingAction();
  const [asking, setAsking] = useState<DeletableOrder | null>(null);
  const needed =
    asking !== null && changeNeedsReason({ change: 'delete', statuses: [asking.status] });
  return {
    offered: (order) => mayDeleteOrder(userGroup, order.status),
    ask: setAsking,
    pending: action.pending,
    failure: action.failure,
    dialog: (
      <ReasonDialog
        open={asking !== null}
        title={t('orders.delete.title', { id: asking?.id ?? '' })}
        question={
          needed
            ? t(
                isReleased(asking.status)
                  ? 'orders.delete.releasedQuestion'
                  : 'orders.delete.reasonQuestion',
                { id: asking.id },
              )
            : t('orders.delete.question', { id: asking?.id ?? '' })
        }
        needed={needed}
        confirmLabel={t('orders.delete.confirm')}
        pending={action.pending}
        onCancel={() => setAsking(null)}
        onConfirm={(reason) => {
          if (asking === null) {
            return;
          }
          setAsking(null);
          void action.run(() => remove(asking.id, reason));
        }}
      />
    ),
  };
}
