/**
 * One delivery (slot, date) card of the "Ordre" page (docs/domain.md): customer and endpoint,
 * status icon and colour, ordered / to deliver / delivered (floored), moved and ghost cards
 * marked, and the actions: accept, reject (confirmed), un-reject, move to the earliest slot,
 * restore (both asking for the reason when they change an accepted order), and open the
 * activity order modal. A delivery that got orders after its release
 * has a card per release and one for the later orders, each named apart. Dead orders (no
 * activity) are counted apart; a card of only dead orders is grey, "Kun døde ordrer", offers
 * reject and opens, but never accept.
 */
import {
  DEFAULT_TIME_ZONE,
  formatShortTime,
  MINIMUM_LIVE_ACTIVITY_MBQ,
  canUnreject,
  isReleased,
} from '@tracershop/core';
import { ConfirmDialog, StatusIcon, STATUS_COLOURS, useFigures } from '@tracershop/ui';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../orderForms/ChangeReason';
import type { ProductionSlotCard } from '../productionApi';
import { activityCertificateUrl } from './certificateLink';
import { slotActionIds } from './slotActions';

export interface SlotCardActions {
  onOpen(): void;
  onAccept(): void;
  onReject(orderIds: number[]): void;
  onUnreject(orderIds: number[]): void;
  /** `reason` when the move changes an accepted order (asked first). */
  onMove(orderIds: number[], toSlotId: number, reason?: string): void;
  onRestore(orderIds: number[], reason?: string): void;
}

export interface SlotCardProps extends SlotCardActions {
  card: ProductionSlotCard;
  /** `'HH:MM'` of the move target, when it is among the day's cards. */
  moveTargetTime: string | null;
  pending?: boolean;
  /** The site's time zone, for the release time. */
  timeZone?: string;
  /** The delivery date, for the release certificate's address. */
  date?: string;
  /** The delivery is shown on more than one card (releases and later orders). */
  split?: boolean;
}

/** The card's name: the delivery, and which part of it when it is split. */
function cardLabelOf(
  t: TFunction<'app'>,
  card: ProductionSlotCard,
  split: boolean,
  time: string,
): string {
  const delivery = {
    customer: card.endpoint.customerShortName ?? '',
    endpoint: card.endpoint.name ?? '',
    time,
  };
  if (!split) {
    return t('slot.card', delivery);
  }
  if (card.releaseNumber !== null) {
    return t('slot.cardRelease', { ...delivery, number: card.releaseNumber });
  }
  if (card.summary.onlyDead) {
    return t('slot.cardDead', delivery);
  }
  return t(card.afterRelease ? 'slot.cardLater' : 'slot.cardWaiting', delivery);
}

/** When the card's orders were released (an instant), or null. */
function releasedAtOf(card: ProductionSlotCard): string | null {
  return (
    card.orders.find((line) => line.activeSlotId === card.slot.id && line.order.freedAt !== null)
      ?.order.freedAt ?? null
  );
}

export function SlotCard({
  card,
  moveTargetTime,
  pending = false,
  timeZone = DEFAULT_TIME_ZONE,
  date,
  split = false,
  ...actions
}: SlotCardProps) {
  const { t } = useTranslation('app');
  const figures = useFigures(timeZone);
  const [confirmReject, setConfirmReject] = useState(false);
  // Which button asks for its reason.
  const [asking, setAsking] = useState<'move' | 'restore' | null>(null);
  const { summary } = card;
  const time = formatShortTime(card.slot.deliveryTime);
  const endpoint = card.endpoint.name ?? '';
  const ids = slotActionIds(card);
  const colour =
    summary.movedAway || summary.status === null ? '#cccccc' : STATUS_COLOURS[summary.status];
  const state = summary.movedAway
    ? 'moved'
    : summary.isGhost
      ? 'ghost'
      : summary.onlyDead
        ? 'dead'
        : summary.status === null
          ? 'empty'
          : String(summary.status);
  const label = cardLabelOf(t, card, split, time);
  const openable = !summary.movedAway && (summary.status !== null || summary.onlyDead);
  const deadCount = summary.deadOrderIds.length;
  const released = isReleased(summary.status) && !summary.movedAway;
  const releasedAt = released ? releasedAtOf(card) : null;
  return (
    <section
      className={`production-slot production-slot--${state}`}
      aria-label={label}
      data-state={state}
      data-status={summary.status ?? ''}
      style={{ borderLeftColor: colour }}
    >
      <header className="production-slot__head">
        <StatusIcon status={summary.status} moved={summary.movedAway} />
        <h3>{label}</h3>
      </header>
      {summary.movedAway ? <p className="production-slot__note">{t('slot.movedAway')}</p> : null}
      {summary.isGhost ? <p className="production-slot__note">{t('slot.ghost')}</p> : null}
      {card.afterRelease && !summary.onlyDead ? (
        <p className="production-slot__note">{t('slot.afterRelease')}</p>
      ) : null}
      {summary.onlyDead ? (
        <p
          className="production-slot__note production-slot__note--dead"
          title={t('slot.onlyDeadWhy', { minimum: MINIMUM_LIVE_ACTIVITY_MBQ })}
        >
          {t('slot.onlyDead')}
        </p>
      ) : summary.status === null ? (
        <p>{t('slot.noOrders')}</p>
      ) : (
        <ul className="production-slot__figures">
          <li>{t('slot.ordered', { activity: figures.activity(summary.orderedActivity) })}</li>
          <li>{t('slot.toDeliver', { activity: figures.activity(summary.toDeliverActivity) })}</li>
          <li>{t('slot.delivered', { activity: figures.activity(summary.deliveredActivity) })}</li>
          {released && releasedAt !== null ? (
            <li>{t('slot.releasedAt', { time: figures.instant(releasedAt) })}</li>
          ) : null}
          {deadCount > 0 ? (
            <li
              className="production-slot__dead"
              title={t('orders.info.deadWhy', { minimum: MINIMUM_LIVE_ACTIVITY_MBQ })}
            >
              {t('slot.deadOrders', { count: deadCount })}
            </li>
          ) : null}
        </ul>
      )}
      <div className="production-slot__actions">
        {openable ? (
          <button className="ts-button ts-button--light" type="button" onClick={actions.onOpen}>
            {t('slot.open', { time })}
          </button>
        ) : null}
        {released && date !== undefined && card.releaseId !== null ? (
          <a
            href={activityCertificateUrl(card.slot.id, date, card.releaseId)}
            target="_blank"
            rel="noreferrer"
          >
            {t('slot.certificate', { time })}
          </a>
        ) : null}
        {ids.acceptable.length > 0 ? (
          <button className="ts-button" type="button" disabled={pending} onClick={actions.onAccept}>
            {t('slot.accept')}
          </button>
        ) : null}
        {ids.rejectable.length > 0 ? (
          <button
            className="ts-button ts-button--light"
            type="button"
            disabled={pending}
            onClick={() => setConfirmReject(true)}
          >
            {t('slot.reject')}
          </button>
        ) : null}
        {canUnreject(summary.status) && ids.rejected.length > 0 ? (
          <button
            className="ts-button ts-button--light"
            type="button"
            disabled={pending}
            onClick={() => actions.onUnreject(ids.rejected)}
          >
            {t('slot.unreject')}
          </button>
        ) : null}
        {ids.movable.length > 0 && card.moveTargetSlotId !== null ? (
          <button
            className="ts-button ts-button--light"
            type="button"
            disabled={pending}
            onClick={() =>
              ids.moveNeedsReason
                ? setAsking('move')
                : actions.onMove(ids.movable, card.moveTargetSlotId as number)
            }
          >
            {moveTargetTime === null
              ? t('slot.moveEarliest')
              : t('slot.move', { time: moveTargetTime })}
          </button>
        ) : null}
        {ids.restorable.length > 0 ? (
          <button
            className="ts-button ts-button--light"
            type="button"
            disabled={pending}
            onClick={() =>
              ids.restoreNeedsReason ? setAsking('restore') : actions.onRestore(ids.restorable)
            }
          >
            {t('slot.restore')}
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirmReject}
        title={t('slot.rejectTitle')}
        pending={pending}
        onCancel={() => setConfirmReject(false)}
        onConfirm={() => {
          setConfirmReject(false);
          actions.onReject(ids.rejectable);
        }}
      >
        {t('slot.rejectQuestion', { endpoint, time })}
      </ConfirmDialog>
      <ReasonDialog
        open={asking !== null}
        title={t(
          asking === 'restore'
            ? 'orders.changeReason.restoreTitle'
            : 'orders.changeReason.moveTitle',
        )}
        question={t(
          asking === 'restore'
            ? 'orders.changeReason.restoreQuestion'
            : 'orders.changeReason.moveQuestion',
        )}
        pending={pending}
        onCancel={() => setAsking(null)}
        onConfirm={(reason) => {
          setAsking(null);
          if (asking === 'restore') {
            actions.onRestore(ids.restorable, reason);
          } else if (card.moveTargetSlotId !== null) {
            actions.onMove(ids.movable, card.moveTargetSlotId, reason);
          }
        }}
      />
    </section>
  );
}
