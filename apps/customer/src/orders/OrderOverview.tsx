/**
 * "Ordreoversigt" of one destination on one day (docs/domain.md): the date, the deadlines, the
 * product buttons and the time-slot cards of the chosen product, the isotope deliveries and
 * the injection orders ("Injektionordre"), all from `orders.shopDay`.
 */
import { formatDanishDate } from '@tracershop/core';
import { AlertBox, messageOf, useClientKeys } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import type { ShopSlotCard } from '../shopApi';
import { useActivityOrderWrites, useShopDay } from '../shopApi';
import { DeadlineNotice } from './DeadlineNotice';
import { activityCertificateUrl } from './documentLinks';
import { InjectionOrders } from './InjectionOrders';
import { IsotopeCards } from './IsotopeCards';
import { ProductButtons } from './ProductButtons';
import { TimeSlotCard } from './TimeSlotCard';

export interface OrderOverviewProps {
  endpointId: number;
  date: string;
  tracers: readonly { id: number; shortname: string; halflifeSeconds: number | null }[];
  /** The injection tracers of the destination's catalogue. */
  injectionTracers: readonly { id: number; shortname: string }[];
  tracerId: number | null;
  onTracer(tracerId: number): void;
  now: string;
  timeZone: string;
}

/**
 * The one card of a delivery that takes a new order: its orders not released yet, or, when
 * every order is released, its last release (the new order becomes a later order of its own).
 */
function offersNewOrder(cards: readonly ShopSlotCard[], index: number): boolean {
  const card = cards[index];
  if (card === undefined) {
    return false;
  }
  if (card.releaseId === null) {
    return true;
  }
  const ofSlot = cards.filter((other) => other.slot.id === card.slot.id);
  return ofSlot.every((other) => other.releaseId !== null) && ofSlot.at(-1) === card;
}

export function OrderOverview({
  endpointId,
  date,
  tracers,
  injectionTracers,
  tracerId,
  onTracer,
  now,
  timeZone,
}: OrderOverviewProps) {
  const { t } = useTranslation('app');
  const day = useShopDay(endpointId, date);
  const writes = useActivityOrderWrites();
  const clientKeys = useClientKeys();
  const tracer = tracers.find((row) => row.id === tracerId) ?? null;
  const ordering = day.data?.ordering.activity;
  const mayOrder = ordering?.mayOrder ?? false;
  const cards = day.data?.slots.filter((card) => card.tracerId === tracerId) ?? [];
  return (
    <section className="shop-overview" aria-labelledby="overview-title">
      <h1 id="overview-title">{t('overview.title', { date: formatDanishDate(date) })}</h1>
      {ordering?.heldToDeadline ? (
        <DeadlineNotice
          kind="activity"
          deadline={ordering.deadline}
          now={now}
          timeZone={timeZone}
        />
      ) : null}
      {day.data?.ordering.injection.heldToDeadline ? (
        <DeadlineNotice
          kind="injection"
          deadline={day.data.ordering.injection.deadline}
          now={now}
          timeZone={timeZone}
        />
      ) : null}
      <ProductButtons tracers={tracers} selected={tracer?.id ?? null} onSelect={onTracer} />
      {day.isError ? <AlertBox level="error">{messageOf(day.error)}</AlertBox> : null}
      {tracer === null ? (
        <AlertBox level="hint">{t('overview.noProduct')}</AlertBox>
      ) : day.isPending ? (
        <p role="status">{t('loading', { ns: 'translation' })}</p>
      ) : cards.length === 0 ? (
        <AlertBox level="hint">{t('overview.noSlots', { tracer: tracer.shortname })}</AlertBox>
      ) : (
        cards.map((card, index) => (
          <TimeSlotCard
            key={`${card.slot.id}/${card.releaseId ?? 'open'}`}
            card={card}
            mayOrder={mayOrder}
            offerNewOrder={mayOrder && offersNewOrder(cards, index)}
            split={cards.filter((other) => other.slot.id === card.slot.id).length > 1}
            timeZone={timeZone}
            {...(card.releaseId === null
              ? {}
              : {
                  // A moved card's release is the receiving slot's, and so is its certificate.
                  certificateHref: activityCertificateUrl(
                    (card.movedTo?.slot ?? card.slot).id,
                    date,
                    card.releaseId,
                  ),
                })}
            {...(tracer.halflifeSeconds === null
              ? {}
              : {
                  calculator: {
                    date,
                    halflifeSeconds: tracer.halflifeSeconds,
                    tracerName: tracer.shortname,
                  },
                })}
            onCreate={(slotId, values) =>
              clientKeys.send(`activity/${slotId}/${date}`, (clientKey) =>
                writes.create.mutateAsync({
                  orderedTimeSlotId: slotId,
                  deliveryDate: date,
                  orderedActivity: values.orderedActivity,
                  comment: values.comment === '' ? null : values.comment,
                  clientKey,
                }),
              )
            }
            onSave={(values) => writes.edit.mutateAsync(values)}
            onDelete={(id) => writes.remove.mutateAsync({ id })}
          />
        ))
      )}
      {day.data === undefined ? null : (
        <>
          <IsotopeCards
            cards={day.data.isotopes}
            date={date}
            mayOrder={mayOrder}
            timeZone={timeZone}
          />
          <InjectionOrders
            endpointId={endpointId}
            date={date}
            orders={day.data.injectionOrders}
            tracers={injectionTracers}
            mayOrder={day.data.ordering.injection.mayOrder}
            timeZone={timeZone}
          />
        </>
      )}
    </section>
  );
}
