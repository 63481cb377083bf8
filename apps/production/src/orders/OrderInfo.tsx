/**
 * The information rows of the activity order modal (docs/domain.md): destination, delivery time,
 * each order with its MBq, its figure with overhead, what it delivered once released and who
 * rejected it (`OrderLineFacts`), and its own actions: correct the dose while Ordered or
 * Accepted, reject or un-reject it where the dialog's `slotActionIds` allow, delete it where the
 * user's role allows (`orderForms/OrderDeletion.tsx`); then the total to deliver, the allocated
 * vial activity while Accepted, and who released what and when.
 */
import type { LimitOverrideInput, Locale } from '@tracershop/core';
import {
  changeNeedsReason,
  formatDanishDateTime,
  formatShortTime,
  localDateTimeOfInstant,
  messageFor,
  validatePositiveNumber,
  isReleased,
  mayProductionEdit,
} from '@tracershop/core';
import { localeOf, messageOf, StatusIcon, useFigures } from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeReason } from '../orderForms/ChangeReason';
import type { ProductionOrderLine, ProductionSlotCard } from '../productionApi';
import { useLimitOverride } from './LimitOverride';
import { OrderLineFacts } from './OrderLineFacts';

export interface OrderInfoProps {
  card: ProductionSlotCard;
  /** The customer's long name (short name when it has none). */
  customerName: string;
  timeZone: string;
  /** The sum of the chosen vials, shown while the collection is Accepted. */
  allocatedActivity: number | null;
  /** The order whose dose is being corrected. */
  editingOrderId: number | null;
  onEditing(orderId: number | null): void;
  editDose(
    orderId: number,
    orderedActivity: number,
    limitOverride?: LimitOverrideInput,
    /** Why an accepted order's dose changes (core `changeNeedsReason`; kept in the trail). */
    reason?: string,
  ): Promise<unknown>;
  /** Orders that may be rejected, and rejected orders, one at a time (`slotActionIds`). */
  rejectable: readonly number[];
  rejected: readonly number[];
  /** Asks the dialog's question before rejecting the one order. */
  onReject(orderId: number): void;
  onUnreject(orderId: number): void;
  /** Orders the user is offered to delete, one at a time. */
  deletable: readonly number[];
  /** Asks the dialog's question before deleting the one order. */
  onDelete(orderId: number): void;
  /** A write is under way: the order's actions wait for it. */
  pending: boolean;
}

function DoseForm({
  line,
  locale,
  onDone,
  editDose,
}: {
  line: ProductionOrderLine;
  locale: Locale;
  onDone(): void;
  editDose: OrderInfoProps['editDose'];
}) {
  const { t } = useTranslation('app');
  const [text, setText] = useState(String(line.order.orderedActivity).replace('.', ','));
  const reason = useChangeReason(
    changeNeedsReason({ change: 'order', statuses: [line.order.status] }),
  );
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorId = useId();
  const limitOverride = useLimitOverride();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) {
      return;
    }
    const result = validatePositiveNumber(text, 'activity');
    if (!result.ok) {
      setError(messageFor(result.issue, locale));
      return;
    }
    const why = reason.take();
    const extra = limitOverride.extra();
    if (extra === null || why === null) {
      return;
    }
    setError(null);
    setPending(true);
    try {
      await editDose(line.order.id, result.value, extra.limitOverride, why);
      onDone();
    } catch (failure) {
      if (!limitOverride.refused(failure)) {
        setError(messageOf(failure));
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="production-dose-form" onSubmit={(event) => void submit(event)}>
      <label>
        {t('orders.info.doseInput', { id: line.order.id })}
        <input
          className="ts-input"
          inputMode="decimal"
          autoFocus
          value={text}
          aria-invalid={error === null ? undefined : true}
          aria-describedby={error === null ? undefined : errorId}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              onDone();
            }
          }}
        />
      </label>
      <button className="ts-button" type="submit" disabled={pending}>
        {t('orders.info.saveDose')}
      </button>
      <button className="ts-button ts-button--light" type="button" onClick={onDone}>
        {t('orders.info.cancelDose')}
      </button>
      {error === null ? null : (
        <span id={errorId} className="production-field-error" role="alert">
          {error}
        </span>
      )}
      {reason.field}
      {limitOverride.field}
    </form>
  );
}

export function OrderInfo(props: OrderInfoProps) {
  const { t, i18n } = useTranslation('app');
  const figures = useFigures();
  const { card } = props;
  const released = card.orders.filter((line) => isReleased(line.order.status));
  const freedAt = released.find((line) => line.order.freedAt !== null)?.order.freedAt ?? null;
  const freedBy = released.find((line) => line.order.freedByName !== null)?.order.freedByName;
  const editable = (line: ProductionOrderLine) =>
    line.activeSlotId === card.slot.id && !line.dead && mayProductionEdit(line.order.status);

  return (
    <dl className="production-order-info">
      <dt>{t('orders.info.destination')}</dt>
      <dd>
        {props.customerName} - {card.endpoint.name ?? ''}
      </dd>
      <dt>{t('orders.info.deliveryTime')}</dt>
      <dd>{formatShortTime(card.slot.deliveryTime)}</dd>
      <dt>{t('orders.info.orders')}</dt>
      <dd>
        <ul className="production-order-info__orders">
          {card.orders.map((line) => (
            <li key={line.order.id}>
              <StatusIcon status={line.order.status} moved={line.movedToTime !== null} />{' '}
              {props.editingOrderId === line.order.id ? (
                <DoseForm
                  line={line}
                  locale={localeOf(i18n.language)}
                  onDone={() => props.onEditing(null)}
                  editDose={props.editDose}
                />
              ) : (
                <>
                  {t('orders.info.order', {
                    id: line.order.id,
                    activity: figures.activity(line.order.orderedActivity),
                  })}
                  {line.movedToTime === null
                    ? null
                    : ` ${t('modal.movedTo', { time: formatShortTime(line.movedToTime) })}`}
                  {line.order.comment ? ` (${line.order.comment})` : null}{' '}
                  {editable(line) ? (
                    <button
                      className="ts-button ts-button--light"
                      type="button"
                      disabled={props.editingOrderId !== null}
                      onClick={() => props.onEditing(line.order.id)}
                    >
                      {t('orders.info.editDose', { id: line.order.id })}
                    </button>
                  ) : null}{' '}
                  {props.rejectable.includes(line.order.id) ? (
                    <button
                      className="ts-button ts-button--light"
                      type="button"
                      disabled={props.pending}
                      onClick={() => props.onReject(line.order.id)}
                    >
                      {t('orders.info.rejectOrder', { id: line.order.id })}
                    </button>
                  ) : null}
                  {props.rejected.includes(line.order.id) ? (
                    <button
                      className="ts-button ts-button--light"
                      type="button"
                      disabled={props.pending}
                      onClick={() => props.onUnreject(line.order.id)}
                    >
                      {t('orders.info.unrejectOrder', { id: line.order.id })}
                    </button>
                  ) : null}{' '}
                  {props.deletable.includes(line.order.id) ? (
                    <button
                      className="ts-button ts-button--light"
                      type="button"
                      disabled={props.pending}
                      onClick={() => props.onDelete(line.order.id)}
                    >
                      {t('orders.delete.openOf', { id: line.order.id })}
                    </button>
                  ) : null}
                </>
              )}
              <OrderLineFacts line={line} timeZone={props.timeZone} />
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t('orders.info.total')}</dt>
      <dd>{figures.activity(card.summary.toDeliverActivity)}</dd>
      {props.allocatedActivity === null ? null : (
        <>
          <dt>{t('orders.info.allocated')}</dt>
          <dd>{figures.activity(props.allocatedActivity)}</dd>
        </>
      )}
      {isReleased(card.summary.status) ? (
        <>
          <dt>{t('orders.info.releasedActivity')}</dt>
          <dd>{figures.activity(card.summary.deliveredActivity)}</dd>
          <dt>{t('orders.info.releasedAt')}</dt>
          <dd>
            {freedAt === null
              ? ''
              : formatDanishDateTime(localDateTimeOfInstant(Date.parse(freedAt), props.timeZone))}
          </dd>
          <dt>{t('orders.info.releasedBy')}</dt>
          <dd>{(freedBy ?? '').toUpperCase()}</dd>
        </>
      ) : null}
    </dl>
  );
}
