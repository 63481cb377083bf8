/**
 * "Ordre" (legacy §4.1): the activity tracers with productions as product buttons, the
 * production calendar with the chosen day in the address, the run totals, and one card per
 * delivery slot of `orders.productionDay`; a card opens the activity order modal.
 */
import { DEFAULT_TIME_ZONE, formatMBq, normalizeDate, TracerType } from '@tracershop/core';
import { AlertBox, messageOf, MonthCalendar, siteNow, useSession } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Catalog, ProductionDay } from '../productionApi';
import {
  useCatalog,
  useProductionDay,
  useReleaseWrites,
  useSlotActions,
  useVialsForSlot,
} from '../productionApi';
import { ActivityOrderModal } from './ActivityOrderModal';
import { shortTime, SlotCard } from './SlotCard';

/** A `YYYY-MM-DD` date from the address, or null. */
function dateParamOf(text: string | null): string | null {
  return text !== null && normalizeDate(text) === text ? text : null;
}

/** Activity tracers that have at least one production, by name. */
export function productionTracersOf(catalog: Catalog) {
  const produced = new Set(catalog.productions.map((production) => production.tracerId));
  return catalog.tracers
    .filter((tracer) => tracer.tracerType === TracerType.Activity && produced.has(tracer.id))
    .sort((a, b) => a.shortname.localeCompare(b.shortname));
}

/** `'2026-11-24'` → `'24.11.2026'`. */
function dottedDate(date: string): string {
  return `${Number(date.slice(8, 10))}.${Number(date.slice(5, 7))}.${date.slice(0, 4)}`;
}

function RunTotals({ day }: { day: ProductionDay }) {
  const { t } = useTranslation('app');
  if (day.runs.length === 0) {
    return null;
  }
  return (
    <ul className="production-runs" aria-label={t('orders.runs')}>
      {day.runs.map((run) => (
        <li key={run.productionId}>
          {t('orders.run', {
            time: shortTime(run.productionTime),
            activity: formatMBq(run.orderedActivity),
            overhead: formatMBq(run.withOverhead),
          })}
        </li>
      ))}
    </ul>
  );
}

function OpenModal({
  day,
  slotId,
  date,
  vialTag,
  username,
  onClose,
}: {
  day: ProductionDay;
  slotId: number;
  date: string;
  vialTag: string | null;
  username: string;
  onClose(): void;
}) {
  const vials = useVialsForSlot(slotId, date);
  const { createVial, release } = useReleaseWrites();
  const card = day.slots.find((slot) => slot.slot.id === slotId);
  if (card === undefined) {
    return null;
  }
  return (
    <ActivityOrderModal
      card={card}
      date={date}
      tracerId={day.tracer.id}
      vialTag={vialTag}
      vials={vials.data}
      username={username}
      onClose={onClose}
      createVial={(input) => createVial.mutateAsync(input)}
      release={(input) => release.mutateAsync({ ...input, slotId, deliveryDate: date })}
    />
  );
}

export default function OrdersPage() {
  const { t } = useTranslation('app');
  const session = useSession();
  const timeZone = session.data?.timeZone ?? DEFAULT_TIME_ZONE;
  const [searchParams, setSearchParams] = useSearchParams();
  const date = dateParamOf(searchParams.get('date')) ?? siteNow(timeZone).slice(0, 10);
  const catalog = useCatalog();
  const tracers = catalog.data ? productionTracersOf(catalog.data) : [];
  const tracerParam = Number(searchParams.get('tracer'));
  const tracer = tracers.find((candidate) => candidate.id === tracerParam) ?? tracers[0] ?? null;
  const day = useProductionDay(date, tracer?.id ?? null);
  const actions = useSlotActions();
  const [openSlotId, setOpenSlotId] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const pending = Object.values(actions).some((action) => action.isPending);

  const setParams = (next: { date?: string; tracer?: number }) => {
    const params: Record<string, string> = { date: next.date ?? date };
    const tracerId = next.tracer ?? tracer?.id;
    if (tracerId !== undefined) {
      params.tracer = String(tracerId);
    }
    setSearchParams(params);
  };
  const run = (promise: Promise<unknown>) => {
    setProblem(null);
    promise.catch((error: unknown) => setProblem(messageOf(error)));
  };
  const timeOfSlot = (slotId: number | null) => {
    const found = day.data?.slots.find((card) => card.slot.id === slotId);
    return found === undefined ? null : shortTime(found.slot.deliveryTime);
  };

  return (
    <div className="production-orders">
      <div className="production-orders__main">
        <h1>{t('orders.title', { date: dottedDate(date) })}</h1>
        <div className="production-products" role="group" aria-label={t('orders.products')}>
          {tracers.map((candidate) => (
            <button
              key={candidate.id}
              type="button"
              aria-pressed={candidate.id === tracer?.id}
              onClick={() => setParams({ tracer: candidate.id })}
            >
              {candidate.shortname}
            </button>
          ))}
        </div>
        {catalog.data && tracers.length === 0 ? <p>{t('orders.noTracers')}</p> : null}
        {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
        {day.error ? (
          <AlertBox level="error">{t('orders.failed', { message: messageOf(day.error) })}</AlertBox>
        ) : null}
        {day.data ? (
          <>
            <RunTotals day={day.data} />
            {day.data.slots.length === 0 ? (
              <p>{t('orders.noSlots', { tracer: day.data.tracer.shortname })}</p>
            ) : (
              <div className="production-slots">
                {day.data.slots.map((card) => (
                  <SlotCard
                    key={card.slot.id}
                    card={card}
                    moveTargetTime={timeOfSlot(card.moveTargetSlotId)}
                    pending={pending}
                    onOpen={() => setOpenSlotId(card.slot.id)}
                    onAccept={() =>
                      run(
                        actions.acceptSlot.mutateAsync({
                          slotId: card.slot.id,
                          deliveryDate: date,
                        }),
                      )
                    }
                    onReject={(orderIds) => run(actions.reject.mutateAsync(orderIds))}
                    onUnreject={(orderIds) => run(actions.unreject.mutateAsync(orderIds))}
                    onMove={(orderIds, toSlotId) =>
                      run(actions.move.mutateAsync({ orderIds, toSlotId }))
                    }
                    onRestore={(orderIds) => run(actions.restore.mutateAsync(orderIds))}
                  />
                ))}
              </div>
            )}
            {openSlotId === null ? null : (
              <OpenModal
                day={day.data}
                slotId={openSlotId}
                date={date}
                vialTag={tracer?.vialTag ?? null}
                username={session.data?.user?.username ?? ''}
                onClose={() => setOpenSlotId(null)}
              />
            )}
          </>
        ) : null}
      </div>
      <aside className="production-orders__side">
        <MonthCalendar activeDate={date} onSelectDate={(next) => setParams({ date: next })} />
      </aside>
    </div>
  );
}
