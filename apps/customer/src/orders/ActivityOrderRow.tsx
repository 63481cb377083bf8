/**
 * One activity order in a time-slot card, or the blank "Ny ordre" row (docs/domain.md):
 * "Aktivitet" (MBq) and "Kommentar"; the button is "Bestil" for a new order, "Slet" for an
 * unchanged Ordered one, "Opdater" once changed. Input is checked with core before anything
 * is sent; the api's refusals are shown as it words them.
 */
import type { OrderStatus } from '@tracershop/core';
import { formatShortTime, mayShopChange } from '@tracershop/core';
import {
  AlertBox,
  DanishNumberInput,
  localeOf,
  StatusIcon,
  TextField,
  usePendingAction,
} from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDraft, DraftRules } from './activityOrderDraft';
import { checkActivityDraft, draftChanged, draftOf } from './activityOrderDraft';

export interface StoredActivityOrder {
  id: number;
  status: OrderStatus;
  orderedActivity: number;
  comment: string | null;
}

export interface ActivityOrderRowProps {
  /** The stored order; absent for the blank new-order row. */
  order?: StoredActivityOrder;
  /** "Rykket til HH:MM:SS" when production moved the order. */
  movedToTime?: string | null;
  /** Ordering for the date is open to the user (deadline, closed day). */
  mayOrder: boolean;
  /** Activity to put in the blank row (from the calculator). */
  initialActivity?: string;
  onCreate?: (values: { orderedActivity: number; comment: string }) => Promise<unknown>;
  onSave?: (values: {
    id: number;
    orderedActivity: number;
    comment: string | null;
  }) => Promise<unknown>;
  onDelete?: (id: number) => Promise<unknown>;
  /** Validation of the row (isotope orders: whole MBq, shorter comments). */
  rules?: DraftRules;
  /** Accessible name of the row instead of "ID: n" / "Ny ordre". */
  label?: string;
}

const EMPTY: ActivityDraft = { activity: '', comment: '' };

export function ActivityOrderRow({
  order,
  movedToTime = null,
  mayOrder,
  initialActivity = '',
  onCreate,
  onSave,
  onDelete,
  rules,
  label: labelOverride,
}: ActivityOrderRowProps) {
  const { t, i18n } = useTranslation('app');
  const stored = order === undefined ? EMPTY : draftOf(order, localeOf(i18n.language));
  const [draft, setDraft] = useState<ActivityDraft>(
    order === undefined ? { activity: initialActivity, comment: '' } : stored,
  );
  const [errors, setErrors] = useState<{ activity: string | null; comment: string | null }>({
    activity: null,
    comment: null,
  });
  const { pending, failure, run } = usePendingAction();

  const editable = mayOrder && (order === undefined || mayShopChange(order.status));
  const changed = order !== undefined && draftChanged(draft, stored);
  const label =
    labelOverride ??
    (order === undefined
      ? t('order.new')
      : movedToTime !== null
        ? t('order.movedTo', { time: formatShortTime(movedToTime) })
        : t('order.id', { id: order.id }));

  function submit() {
    if (order !== undefined && !changed) {
      void run(() => onDelete?.(order.id) ?? Promise.resolve());
      return;
    }
    const check = checkActivityDraft(draft, localeOf(i18n.language), rules);
    if (!check.ok) {
      setErrors({ activity: check.activityError, comment: check.commentError });
      return;
    }
    setErrors({ activity: null, comment: null });
    if (order === undefined) {
      void run(
        () =>
          onCreate?.({ orderedActivity: check.orderedActivity, comment: check.comment }) ??
          Promise.resolve(),
        () => setDraft(EMPTY),
      );
    } else {
      void run(
        () =>
          onSave?.({
            id: order.id,
            orderedActivity: check.orderedActivity,
            comment: check.comment === '' ? null : check.comment,
          }) ?? Promise.resolve(),
      );
    }
  }

  const button = !editable
    ? null
    : order === undefined
      ? t('order.create')
      : changed
        ? t('order.update')
        : t('order.delete');

  return (
    <div className="shop-order-row" role="group" aria-label={label}>
      <StatusIcon status={order?.status ?? null} moved={movedToTime !== null} />
      <span className="shop-order-row__label">{label}</span>
      <form
        className="shop-order-row__fields"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <DanishNumberInput
          label={t('order.activity')}
          value={draft.activity}
          onChange={(activity) => setDraft({ ...draft, activity })}
          error={errors.activity}
          readOnly={!editable}
        />
        <span className="shop-order-row__unit">{t('order.activityUnit')}</span>
        <TextField
          label={t('order.comment')}
          value={draft.comment}
          onChange={(comment) => setDraft({ ...draft, comment })}
          error={errors.comment}
          readOnly={!editable}
        />
        {button === null ? null : (
          <button type="submit" className="ts-button" disabled={pending} aria-busy={pending}>
            {button}
          </button>
        )}
      </form>
      {failure === null ? null : <AlertBox level="error">{failure}</AlertBox>}
    </div>
  );
}
