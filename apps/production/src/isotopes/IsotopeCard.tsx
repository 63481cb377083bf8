/**
 * One isotope delivery on the chosen day (docs/domain.md): the lowest status (its icon opens the
 * isotope order modal), destination and time, "Bestilt" and "Udleveret" (core's totals,
 * floored), accept while something is Ordered, the release document once released; per order
 * its status, MBq, comment, a dose edit (whole MBq, core's validator; an accepted order's edit
 * asks for the reason) and a confirmed reject while Ordered or Accepted.
 */
import {
  canAccept,
  changeNeedsReason,
  isReleased,
  mayProductionEdit,
  messageFor,
  validateWholePositiveNumber,
} from '@tracershop/core';
import {
  AlertBox,
  ConfirmDialog,
  localeOf,
  StatusIcon,
  STATUS_COLOURS,
  TextField,
  usePendingAction,
  useFigures,
} from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CommentIcon,
  isotopeReleaseUrl,
  ReleaseDocumentIcon,
  ThumbsUpIcon,
} from '../special/icons';
import { useChangeReason } from '../orderForms/ChangeReason';
import type { IsotopeCardData } from './isotopeApi';
import { destinationOf, orderIdsOf } from './isotopeCards';

type IsotopeOrder = IsotopeCardData['orders'][number];

export interface IsotopeCardProps {
  card: IsotopeCardData;
  date: string;
  onOpen(): void;
  onAccept(orderIds: number[]): Promise<unknown>;
  onReject(orderIds: number[]): Promise<unknown>;
  /** `reason` when the order is accepted (core `changeNeedsReason`). */
  onEditDose(orderId: number, orderedActivity: number, reason?: string): Promise<unknown>;
}

function OrderLine({
  order,
  pending,
  onReject,
  onEditDose,
}: {
  order: IsotopeOrder;
  pending: boolean;
  onReject(): void;
  onEditDose(orderedActivity: number, reason: string | undefined): Promise<unknown>;
}) {
  const { t, i18n } = useTranslation('app');
  const figures = useFigures();
  const [editing, setEditing] = useState(false);
  const [dose, setDose] = useState(String(order.orderedActivity));
  const [problem, setProblem] = useState<string | null>(null);
  const save = usePendingAction();
  const changeable = mayProductionEdit(order.status);
  const reason = useChangeReason(changeNeedsReason({ change: 'order', statuses: [order.status] }));

  function submit() {
    const check = validateWholePositiveNumber(dose, 'activity');
    if (!check.ok) {
      setProblem(messageFor(check.issue, localeOf(i18n.language)));
      return;
    }
    setProblem(null);
    const why = reason.take();
    if (why === null) {
      return;
    }
    void save.run(
      () => onEditDose(check.value, why),
      () => setEditing(false),
    );
  }

  return (
    <li className="isotope-order">
      <StatusIcon status={order.status} />
      <span>{t('isotopes.card.orderId', { id: order.id })}</span>
      {editing ? (
        <form
          className="isotope-order__edit"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <TextField
            label={t('isotopes.card.dose', { id: order.id })}
            hideLabel
            value={dose}
            onChange={setDose}
            error={problem}
            inputMode="numeric"
            autoComplete="off"
            size={7}
          />
          <span>MBq</span>
          {reason.field}
          <button type="submit" className="ts-button" disabled={save.pending}>
            {t('isotopes.card.save')}
          </button>
          <button
            type="button"
            className="ts-button ts-button--light"
            onClick={() => {
              setEditing(false);
              setProblem(null);
              setDose(String(order.orderedActivity));
            }}
          >
            {t('isotopes.card.cancel')}
          </button>
        </form>
      ) : (
        <span>{figures.activity(order.orderedActivity)}</span>
      )}
      {order.comment ? <CommentIcon text={order.comment} /> : null}
      {changeable && !editing ? (
        <>
          <button
            type="button"
            className="ts-button ts-button--light"
            onClick={() => {
              setDose(String(order.orderedActivity));
              setEditing(true);
            }}
          >
            {t('isotopes.card.editDose', { id: order.id })}
          </button>
          <button
            type="button"
            className="ts-button ts-button--light"
            disabled={pending}
            onClick={onReject}
          >
            {t('isotopes.card.reject', { id: order.id })}
          </button>
        </>
      ) : null}
      {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
      {save.failure === null ? null : <AlertBox level="error">{save.failure}</AlertBox>}
    </li>
  );
}

export function IsotopeCard({
  card,
  date,
  onOpen,
  onAccept,
  onReject,
  onEditDose,
}: IsotopeCardProps) {
  const { t } = useTranslation('app');
  const figures = useFigures();
  const action = usePendingAction();
  const [rejecting, setRejecting] = useState<number | null>(null);
  const time = card.delivery.deliveryTime.slice(0, 5);
  const destination = destinationOf(card);
  const { status } = card.summary;
  const label = t('isotopes.card.label', { destination, time });
  const ordered = orderIdsOf(card, canAccept);
  const released = orderIdsOf(card, isReleased).length > 0;
  return (
    <section
      className="production-slot isotope-card"
      aria-label={label}
      data-status={status ?? ''}
      style={{ borderLeftColor: status === null ? '#cccccc' : STATUS_COLOURS[status] }}
    >
      <header className="production-slot__head">
        {status === null ? (
          <StatusIcon status={null} />
        ) : (
          <button
            type="button"
            className="special-icon-button"
            aria-label={t('isotopes.card.open', { destination, time })}
            onClick={onOpen}
          >
            <StatusIcon status={status} />
          </button>
        )}
        <h3>{label}</h3>
        {ordered.length > 0 ? (
          <button
            type="button"
            className="special-icon-button"
            aria-label={t('isotopes.card.accept', { destination, time })}
            title={t('isotopes.card.accept', { destination, time })}
            disabled={action.pending}
            onClick={() => void action.run(() => onAccept(ordered))}
          >
            <ThumbsUpIcon />
          </button>
        ) : null}
        {released ? (
          <a
            href={isotopeReleaseUrl(card.delivery.id, date)}
            target="_blank"
            rel="noopener"
            aria-label={t('isotopes.card.document', { destination, time })}
            title={t('isotopes.card.document', { destination, time })}
          >
            <ReleaseDocumentIcon />
          </a>
        ) : null}
      </header>
      {status === null ? (
        <p>{t('isotopes.card.noOrders')}</p>
      ) : (
        <>
          <ul className="production-slot__figures">
            <li>
              {t('isotopes.card.ordered', {
                activity: figures.activity(card.summary.orderedActivity),
              })}
            </li>
            <li>
              {t('isotopes.card.delivered', {
                activity: figures.activity(card.summary.deliveredActivity),
              })}
            </li>
          </ul>
          <ul className="isotope-orders">
            {card.orders.map((order) => (
              <OrderLine
                key={`${order.id}/${order.orderedActivity}/${order.status}`}
                order={order}
                pending={action.pending}
                onReject={() => setRejecting(order.id)}
                onEditDose={(orderedActivity, why) => onEditDose(order.id, orderedActivity, why)}
              />
            ))}
          </ul>
        </>
      )}
      {action.failure === null ? null : <AlertBox level="error">{action.failure}</AlertBox>}
      <ConfirmDialog
        open={rejecting !== null}
        title={t('isotopes.rejectQuestion')}
        confirmLabel={t('isotopes.modal.reject')}
        cancelLabel={t('isotopes.back')}
        pending={action.pending}
        onCancel={() => setRejecting(null)}
        onConfirm={() => {
          const orderId = rejecting;
          setRejecting(null);
          if (orderId !== null) {
            void action.run(() => onReject([orderId]));
          }
        }}
      >
        {t('isotopes.rejectOrder', { id: rejecting ?? '' })}
      </ConfirmDialog>
    </section>
  );
}
