/**
 * An isotope delivery of the destination on the chosen day (legacy §3.2 "Isotope card"): the
 * header with the lowest status, time and isotope, "Der er bestilt: X MBq" and, once released,
 * the delivered vials and the release document; the body with the orders (whole MBq, comment
 * ≤ 500) and, while the activity deadline allows, the blank row.
 */
import {
  formatDanishDate,
  localDateTimeOfInstant,
  OrderStatus,
  schemaLimits,
} from '@tracershop/core';
import { StatusIcon } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import type { ShopIsotopeCard } from '../shopApi';
import type { ActivityOrderRowProps } from './ActivityOrderRow';
import { ActivityOrderRow } from './ActivityOrderRow';
import { ReleaseDocumentLink, isotopeReleaseUrl } from './documentLinks';

export interface IsotopeCardProps {
  card: ShopIsotopeCard;
  date: string;
  mayOrder: boolean;
  timeZone: string;
  onCreate(
    deliveryId: number,
    values: { orderedActivity: number; comment: string },
  ): Promise<unknown>;
  onSave: NonNullable<ActivityOrderRowProps['onSave']>;
  onDelete: NonNullable<ActivityOrderRowProps['onDelete']>;
}

const ISOTOPE_RULES = { wholeActivity: true, commentMax: schemaLimits.isotopeComment };

export function IsotopeCard({
  card,
  date,
  mayOrder,
  timeZone,
  onCreate,
  onSave,
  onDelete,
}: IsotopeCardProps) {
  const { t } = useTranslation('app');
  const time = card.delivery.deliveryTime.slice(0, 5);
  const open = mayOrder && card.delivers;
  const released = card.orders.some((order) => order.status === OrderStatus.Released);
  const delivered = Math.floor(card.vials.reduce((sum, vial) => sum + vial.activity, 0));
  const calibratedAt = card.vials[0]?.calibratedAt ?? null;
  const localTime = (instant: string) => localDateTimeOfInstant(instant, timeZone);
  return (
    <section
      className="shop-slot-card"
      aria-label={t('isotope.card', { isotope: card.isotope.name, time })}
    >
      <header className="shop-slot-card__header">
        <StatusIcon status={card.status} />
        <strong className="shop-slot-card__time">{time}</strong>
        <span className="shop-slot-card__summary">
          {card.isotope.name} ·{' '}
          {card.status === null
            ? t('isotope.noOrders')
            : t('isotope.ordered', { activity: String(Math.floor(card.orderedActivity)) })}
          {released && calibratedAt !== null ? (
            <>
              {' · '}
              {t('isotope.delivered', {
                activity: String(delivered),
                time: localTime(calibratedAt).slice(11, 16),
              })}
            </>
          ) : null}
        </span>
        {released ? <ReleaseDocumentLink href={isotopeReleaseUrl(card.delivery.id, date)} /> : null}
      </header>
      <div className="shop-slot-card__body">
        {card.orders.map((order) => (
          <ActivityOrderRow
            key={`${order.id}/${order.status}/${order.orderedActivity}/${order.comment ?? ''}`}
            order={order}
            mayOrder={open}
            rules={ISOTOPE_RULES}
            onSave={onSave}
            onDelete={onDelete}
          />
        ))}
        {open ? (
          <ActivityOrderRow
            mayOrder
            rules={ISOTOPE_RULES}
            onCreate={(values) => onCreate(card.delivery.id, values)}
          />
        ) : null}
        {card.vials.map((vial) => {
          const at = localTime(vial.calibratedAt);
          return (
            <p key={vial.id} className="shop-isotope-vial">
              {t('isotope.vial', {
                activity: String(Math.floor(vial.activity)),
                time: `${formatDanishDate(at.slice(0, 10))} ${at.slice(11, 16)}`,
              })}
            </p>
          );
        })}
      </div>
    </section>
  );
}
