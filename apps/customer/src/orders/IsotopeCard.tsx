/**
 * An isotope delivery of the destination on the chosen day (docs/domain.md "Isotope card"): the
 * header with the lowest status, time and isotope, "Der er bestilt: X MBq" and, once released,
 * the delivered vials and the release document; the body with the orders (whole MBq, comment
 * ≤ 500) and, while the activity deadline allows, the blank row.
 */
import { schemaLimits, isReleased } from '@tracershop/core';
import { StatusIcon, useFigures } from '@tracershop/ui';
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
  const figures = useFigures(timeZone);
  const time = figures.time(card.delivery.deliveryTime);
  const open = mayOrder && card.delivers;
  const released = card.orders.some((order) => isReleased(order.status));
  const delivered = card.vials.reduce((sum, vial) => sum + vial.activity, 0);
  const calibratedAt = card.vials[0]?.calibratedAt ?? null;
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
            : t('isotope.ordered', { activity: figures.activity(card.orderedActivity) })}
          {released && calibratedAt !== null ? (
            <>
              {' · '}
              {t('isotope.delivered', {
                activity: figures.activity(delivered),
                time: figures.instant(calibratedAt),
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
        {card.vials.map((vial) => (
          <p key={vial.id} className="shop-isotope-vial">
            {t('isotope.vial', {
              activity: figures.activity(vial.activity),
              time: figures.instant(vial.calibratedAt),
            })}
          </p>
        ))}
      </div>
    </section>
  );
}
