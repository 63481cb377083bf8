/**
 * A delivery time slot of the chosen product on the chosen day (legacy §3.2): the header with
 * the lowest status, the time and the summary text; the body with the slot's orders and,
 * while ordering is open, the blank "Ny ordre" row.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrderStatus } from '@tracershop/core';
import { DoseCalculator, StatusIcon } from '@tracershop/ui';
import type { ShopSlotCard } from '../shopApi';
import type { ActivityOrderRowProps } from './ActivityOrderRow';
import { ActivityOrderRow } from './ActivityOrderRow';
import { ReleaseDocumentLink } from './documentLinks';
import { slotHeadlineOf } from './slotHeadline';

export interface TimeSlotCardProps {
  card: Pick<ShopSlotCard, 'slot' | 'status' | 'orderedActivity' | 'movedAway' | 'released'> & {
    orders: readonly {
      order: NonNullable<ActivityOrderRowProps['order']>;
      movedToTime: string | null;
    }[];
  };
  mayOrder: boolean;
  timeZone: string;
  /** The release certificate of this slot and day, linked once something was released. */
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
  // Legacy §3.2: the calculator is offered while nothing or only Ordered orders are in the slot.
  const offerCalculator =
    calculator !== undefined &&
    mayOrder &&
    (card.status === null || card.status === OrderStatus.Ordered);
  const time = card.slot.deliveryTime.slice(0, 5);
  const headline = slotHeadlineOf(card, mayOrder, timeZone);
  const bodyId = `slot-${card.slot.id}-orders`;
  return (
    <section className="shop-slot-card" aria-label={t('slot.card', { time })}>
      <header className="shop-slot-card__header">
        <StatusIcon status={card.status} moved={card.movedAway} />
        <strong className="shop-slot-card__time">{time}</strong>
        <span className="shop-slot-card__summary">
          {t(headline.key, headline.params)}
          {headline.extra === undefined ? null : (
            <> · {t(headline.extra.key, headline.extra.params)}</>
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
          {mayOrder ? (
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
