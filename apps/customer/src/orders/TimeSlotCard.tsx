/**
 * A delivery time slot of the chosen product on the chosen day (legacy §3.2): the header with
 * the lowest status, the time and the summary text; the body with the slot's orders and,
 * while ordering is open, the blank "Ny ordre" row.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusIcon } from '@tracershop/ui';
import type { ShopSlotCard } from '../shopApi';
import type { ActivityOrderRowProps } from './ActivityOrderRow';
import { ActivityOrderRow } from './ActivityOrderRow';
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
  onCreate(slotId: number, values: { orderedActivity: number; comment: string }): Promise<unknown>;
  onSave: NonNullable<ActivityOrderRowProps['onSave']>;
  onDelete: NonNullable<ActivityOrderRowProps['onDelete']>;
}

export function TimeSlotCard({
  card,
  mayOrder,
  timeZone,
  onCreate,
  onSave,
  onDelete,
}: TimeSlotCardProps) {
  const { t } = useTranslation('app');
  const [expanded, setExpanded] = useState(true);
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
            <ActivityOrderRow mayOrder onCreate={(values) => onCreate(card.slot.id, values)} />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
