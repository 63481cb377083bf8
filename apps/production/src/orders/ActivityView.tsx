/**
 * An activity tracer's day on the "Ordre" page (legacy §4.2): the run totals (or the weekdays
 * it is produced on), "Opret ny ordre", and one card per delivery slot of
 * `orders.productionDay`; a card opens the activity order modal.
 */
import { formatShortTime } from '@tracershop/core';
import { AlertBox, messageOf } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, ProductionSlotCard } from '../productionApi';
import { useCreateActivityOrder, useProductionDay, useSlotActions } from '../productionApi';
import { CreateActivityOrderModal } from './CreateActivityOrderModal';
import { OpenActivityOrder } from './OpenActivityOrder';
import { RunTotals } from './RunTotals';
import { SlotCard } from './SlotCard';
import { UnorderedBookings } from './UnorderedBookings';

export interface ActivityViewProps {
  catalog: Catalog;
  tracerId: number;
  date: string;
  today: string;
  timeZone: string;
}

/** Delivery time per activity slot id. */
function slotTimesOf(catalog: Catalog): Map<number, string> {
  return new Map(catalog.deliverySlots.map((slot) => [slot.id, slot.deliveryTime]));
}

/** A card's key: its slot and release (a delivery released and then ordered again has several). */
function cardKeyOf(card: ProductionSlotCard): string {
  return `${card.slot.id}/${card.releaseId ?? 'open'}`;
}

export function ActivityView({ catalog, tracerId, date, today, timeZone }: ActivityViewProps) {
  const { t } = useTranslation('app');
  const day = useProductionDay(date, tracerId);
  const actions = useSlotActions();
  const createOrder = useCreateActivityOrder();
  const [openCardKey, setOpenCardKey] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const pending = Object.values(actions).some((action) => action.isPending);

  const run = (promise: Promise<unknown>) => {
    setProblem(null);
    promise.catch((error: unknown) => setProblem(messageOf(error)));
  };
  const timeOfSlot = (slotId: number | null) => {
    const found = day.data?.slots.find((card) => card.slot.id === slotId);
    return found === undefined ? null : formatShortTime(found.slot.deliveryTime);
  };
  const openCard = day.data?.slots.find((card) => cardKeyOf(card) === openCardKey);
  const cardsOfSlot = (slotId: number) =>
    day.data?.slots.filter((card) => card.slot.id === slotId).length ?? 0;
  // While a modal is open the cards behind it leave the accessibility tree, so "Accepter",
  // "Afvis" … name one button only.
  const covered = openCard !== undefined || creating;

  if (day.error) {
    return (
      <AlertBox level="error">{t('orders.failed', { message: messageOf(day.error) })}</AlertBox>
    );
  }
  if (!day.data) {
    return <p role="status">{t('loading', { ns: 'translation' })}</p>;
  }
  return (
    <section className="production-activity" aria-label={day.data.tracer.shortname}>
      <RunTotals day={day.data} />
      <button
        type="button"
        className="ts-button production-create"
        onClick={() => setCreating(true)}
      >
        {t('orders.create.open')}
      </button>
      {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
      {day.data.slots.length === 0 ? (
        <p>{t('orders.noSlots', { tracer: day.data.tracer.shortname })}</p>
      ) : (
        <div className="production-slots" inert={covered} aria-hidden={covered || undefined}>
          {day.data.slots.map((card) => (
            <SlotCard
              key={cardKeyOf(card)}
              card={card}
              moveTargetTime={timeOfSlot(card.moveTargetSlotId)}
              pending={pending}
              timeZone={timeZone}
              date={date}
              split={cardsOfSlot(card.slot.id) > 1}
              onOpen={() => setOpenCardKey(cardKeyOf(card))}
              onAccept={() =>
                run(actions.acceptSlot.mutateAsync({ slotId: card.slot.id, deliveryDate: date }))
              }
              onReject={(orderIds) => run(actions.reject.mutateAsync(orderIds))}
              onUnreject={(orderIds) => run(actions.unreject.mutateAsync(orderIds))}
              onMove={(orderIds, toSlotId) => run(actions.move.mutateAsync({ orderIds, toSlotId }))}
              onRestore={(orderIds) => run(actions.restore.mutateAsync(orderIds))}
            />
          ))}
        </div>
      )}
      {openCard === undefined ? null : (
        <OpenActivityOrder
          card={openCard}
          catalog={catalog}
          tracerId={tracerId}
          halflifeSeconds={day.data.tracer.halflifeSeconds}
          date={date}
          today={today}
          timeZone={timeZone}
          onClose={() => setOpenCardKey(null)}
        />
      )}
      {creating ? (
        <CreateActivityOrderModal
          catalog={catalog}
          tracer={day.data.tracer}
          date={date}
          timeZone={timeZone}
          onClose={() => setCreating(false)}
          create={(input) => createOrder.mutateAsync(input)}
          renderBookings={(endpointId) => (
            <UnorderedBookings
              endpointId={endpointId}
              tracerId={tracerId}
              date={date}
              slotTimes={slotTimesOf(catalog)}
            />
          )}
        />
      ) : null}
    </section>
  );
}
