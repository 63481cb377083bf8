/**
 * A delivery time slot of the chosen product on the chosen day (docs/domain.md): the header with
 * the lowest status, the time and the summary text; the body with the slot's orders and,
 * while ordering is open, the blank "Ny ordre" row. A delivery released and then ordered
 * again shows each release and the later orders on cards of their own: the released card
 * keeps its state, figures and certificate; a new order goes to the later orders' card. A card
 * whose orders production moved to an earlier delivery says where they went and, once released
 * there, shows that release's figures and certificate (the certificate of the receiving slot).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayShopChange } from '@tracershop/core';
import { DoseCalculator, StatusIcon, useFigures } from '@tracershop/ui';
import type { ShopSlotCard } from '../shopApi';
import type { ActivityOrderRowProps } from './ActivityOrderRow';
import { ActivityOrderRow } from './ActivityOrderRow';
import { ReleaseDocumentLink } from './documentLinks';
import type { HeadlineRelease } from './slotHeadline';
import { slotHeadlineOf } from './slotHeadline';

export interface TimeSlotCardProps {
  card: Pick<
    ShopSlotCard,
    | 'slot'
    | 'status'
    | 'orderedActivity'
    | 'movedAway'
    | 'movedTo'
    | 'released'
    | 'releaseNumber'
    | 'afterRelease'
  > & {
    orders: readonly {
      order: NonNullable<ActivityOrderRowProps['order']>;
      movedToTime: string | null;
    }[];
  };
  mayOrder: boolean;
  /** The card offers the blank "Ny ordre" row (one card per delivery does). */
  offerNewOrder: boolean;
  /** The delivery is on more than one card (a release and later orders): name each. */
  split: boolean;
  timeZone: string;
  /**
   * The release certificate of this card's release, linked once something was released (for a
   * moved card: the receiving slot's certificate).
   */
  certificateHref?: string;
  /** The dose calculator's reference (the slot's delivery on the chosen day); none: no button. */
  calculator?: { date: string; halflifeSeconds: number; tracerName: string };
  onCreate(slotId: number, values: { orderedActivity: number; comment: string }): Promise<unknown>;
  onSave: NonNullable<ActivityOrderRowProps['onSave']>;
  onDelete: NonNullable<ActivityOrderRowProps['onDelete']>;
}

export function TimeSlotCard({
  card,
  mayOrder,
  offerNewOrder,
  split,
  timeZone,
  certificateHref,
  calculator,
  onCreate,
  onSave,
  onDelete,
}: TimeSlotCardProps) {
  const { t } = useTranslation('app');
  const [expanded, setExpanded] = useState(true);
  const [calculating, setCalculating] = useState(false);
  // The calculator's result goes into a fresh blank row (its draft starts from it).
  const [calculated, setCalculated] = useState<{ activity: string; round: number }>({
    activity: '',
    round: 0,
  });
  // As in the legacy, the calculator is offered while nothing or only Ordered orders are in the slot.
  const offerCalculator =
    calculator !== undefined && mayOrder && (card.status === null || mayShopChange(card.status));
  const figures = useFigures(timeZone);
  const time = figures.time(card.slot.deliveryTime);
  const headline = slotHeadlineOf(card, mayOrder);
  /** "Udleveret kl. 08:00: X MBq · Frigivet 24/11/2026 07:41", as every released card says it. */
  const releasedText = (release: HeadlineRelease) => (
    <>
      {t('slot.delivered', {
        time: figures.time(release.deliveryTime),
        activity: figures.activity(release.activity),
      })}
      {release.freedAt !== null ? (
        <> · {t('slot.freedAt', { time: figures.instant(release.freedAt) })}</>
      ) : null}
    </>
  );
  const bodyId = `slot-${card.slot.id}-${card.releaseNumber ?? 'open'}-orders`;
  const label = !split
    ? t('slot.card', { time })
    : card.releaseNumber !== null
      ? t('slot.cardRelease', { time, number: card.releaseNumber })
      : t('slot.cardLater', { time });
  return (
    <section className="shop-slot-card" aria-label={label}>
      <header className="shop-slot-card__header">
        <StatusIcon status={card.status} moved={card.movedAway} />
        <strong className="shop-slot-card__time">{time}</strong>
        <span className="shop-slot-card__summary">
          {headline.key === 'slot.ordered' ? (
            t('slot.ordered', { activity: figures.activity(headline.activity) })
          ) : headline.key === 'slot.delivered' ? (
            releasedText(headline)
          ) : headline.key === 'slot.movedTo' ? (
            <>
              {t('slot.movedTo', { time: figures.time(headline.deliveryTime) })}
              {headline.released !== null ? <> · {releasedText(headline.released)}</> : null}
            </>
          ) : (
            t(headline.key)
          )}
        </span>
        {offerCalculator ? (
          <button
            type="button"
            className="ts-button ts-button--light"
            aria-expanded={calculating}
            onClick={() => {
              setCalculating(!calculating);
              setExpanded(true);
            }}
          >
            {t('slot.calculator', { time })}
          </button>
        ) : null}
        {card.released !== null && certificateHref !== undefined ? (
          <ReleaseDocumentLink href={certificateHref} />
        ) : null}
        <button
          type="button"
          className="ts-button ts-button--light"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('slot.collapse', { time }) : t('slot.expand', { time })}
        </button>
      </header>
      {expanded ? (
        <div id={bodyId} className="shop-slot-card__body">
          {calculating && calculator !== undefined ? (
            <DoseCalculator
              referenceTime={`${calculator.date} ${card.slot.deliveryTime}`}
              halflifeSeconds={calculator.halflifeSeconds}
              tracerName={calculator.tracerName}
              timeZone={timeZone}
              onCommit={(total) => {
                setCalculated((current) => ({
                  activity: String(Math.max(0, Math.floor(total))),
                  round: current.round + 1,
                }));
                setCalculating(false);
              }}
              onCancel={() => setCalculating(false)}
            />
          ) : null}
          {card.orders.map(({ order, movedToTime }) => (
            <ActivityOrderRow
              key={`${order.id}/${order.status}/${order.orderedActivity}/${order.comment ?? ''}`}
              order={order}
              movedToTime={movedToTime}
              mayOrder={mayOrder}
              onSave={onSave}
              onDelete={onDelete}
            />
          ))}
          {card.afterRelease ? (
            <p className="shop-slot-card__note">{t('slot.afterRelease')}</p>
          ) : null}
          {offerNewOrder && card.releaseNumber !== null ? (
            <p className="shop-slot-card__note">{t('slot.laterOrder')}</p>
          ) : null}
          {offerNewOrder ? (
            <ActivityOrderRow
              key={`new/${calculated.round}`}
              mayOrder
              initialActivity={calculated.activity}
              onCreate={(values) => onCreate(card.slot.id, values)}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
