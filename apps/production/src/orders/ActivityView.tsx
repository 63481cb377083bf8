/**
 * An activity tracer's day on the "Ordre" page (docs/domain.md): the run totals (or the weekdays
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

/** The card a modal shows: its key, and its orders to follow it when a release re-keys it. */
interface OpenCardRef {
  key: string;
  slotId: number;
  orderIds: readonly number[];
}

function refOf(card: ProductionSlotCard): OpenCardRef {
  return {
    key: cardKeyOf(card),
    slotId: card.slot.id,
    orderIds: card.orders.map((line) => line.order.id),
  };
}

/**
 * The open card now: the card holding its orders (a release or a correction re-keys a card,
 * and a later order makes a new open card beside it), else the card of the same key.
 */
function findOpenCard(
  cards: readonly ProductionSlotCard[] | undefined,
  ref: OpenCardRef | null,
): ProductionSlotCard | undefined {
  if (ref === null || cards === undefined) {
    return undefined;
  }
  return (
    cards.find(
      (card) =>
        card.slot.id === ref.slotId &&
        card.orders.some((line) => ref.orderIds.includes(line.order.id)),
    ) ?? cards.find((card) => cardKeyOf(card) === ref.key)
  );
}

export function ActivityView({ catalog, tracerId, date, today, timeZone }: ActivityViewProps) {
  const { t } = useTranslation('app');
  const day = useProductionDay(date, tracerId);
  const actions = useSlotActions();
  const createOrder = useCreateActivityOrder();
  const [openCardRef, setOpenCardRef] = useState<OpenCardRef | null>(null);
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
  const openCard = findOpenCard(day.data?.slots, openCardRef);
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
              onOpen={() => setOpenCardRef(refOf(card))}
              onAccept={() =>
                run(actions.acceptSlot.mutateAsync({ slotId: card.slot.id, deliveryDate: date }))
              }
              onReject={(orderIds) => run(actions.reject.mutateAsync({ orderIds }))}
              onUnreject={(orderIds) => run(actions.unreject.mutateAsync({ orderIds }))}
              onMove={(orderIds, toSlotId, reason) =>
                run(actions.move.mutateAsync({ orderIds, toSlotId, reason }))
              }
              onRestore={(orderIds, reason) =>
                run(actions.restore.mutateAsync({ orderIds, reason }))
              }
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
          onClose={() => setOpenCardRef(null)}
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
