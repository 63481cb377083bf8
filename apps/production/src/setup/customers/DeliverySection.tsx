/**
 * "Leveringstidspunkt" in the customer modal (docs/domain.md–4): the product, its overhead
 * for the endpoint, and the delivery form (time, weekly repetition, the run it comes from)
 * over the weekly grid of the endpoint's deliveries of the product. Clicking a delivery in
 * the grid loads it; "Gem" updates it (or creates a new one), "+" starts a new one, "Slet"
 * deletes it. Activity tracers have delivery slots, isotopes isotope deliveries. Another
 * endpoint or product clears the form and the selection.
 */
import {
  overheadPercentOf,
  validateDeliveryTime,
  validateOverheadPercent,
  messageFor,
  WeeklyRepeat,
} from '@tracershop/core';
import { AlertBox, ConfirmDialog, localeOf, messageOf, TextField, TimeInput } from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../productionApi';
import type { ScheduleProduct, ScheduleRun } from '../scheduleProducts';
import { runsOf } from '../scheduleProducts';
import type { WeekGridTone } from '../weekGrid/WeekGrid';
import { ProductSelect, ScheduleEntryButtons, useRunLabel } from '../ScheduleFields';
import { useScheduleDraft } from '../scheduleDraft';
import { WeekGrid } from '../weekGrid/WeekGrid';
import { useCustomerWrites, useDeliveryWrites } from './customersApi';
import type { Delivery } from './deliveries';
import { deliveriesOf } from './deliveries';
import type { Endpoint } from './EndpointForm';

const REPEATS = [WeeklyRepeat.EveryWeek, WeeklyRepeat.EvenWeeks, WeeklyRepeat.OddWeeks] as const;
const TONES: Record<WeeklyRepeat, WeekGridTone> = {
  [WeeklyRepeat.EveryWeek]: 'everyWeek',
  [WeeklyRepeat.EvenWeeks]: 'evenWeeks',
  [WeeklyRepeat.OddWeeks]: 'oddWeeks',
};

interface Draft {
  id: number | null;
  time: string;
  repeat: WeeklyRepeat;
  runId: number | null;
}

function blankDraft(runs: readonly ScheduleRun[]): Draft {
  return { id: null, time: '', repeat: WeeklyRepeat.EveryWeek, runId: runs[0]?.id ?? null };
}

function draftOf(delivery: Delivery): Draft {
  return {
    id: delivery.id,
    time: delivery.deliveryTime,
    repeat: delivery.weeklyRepeat,
    runId: delivery.runId,
  };
}

type TimeProblem = 'badTime' | 'beforeProduction' | null;

export interface DeliverySectionProps {
  catalog: Catalog;
  endpoint: Endpoint | null;
  products: readonly ScheduleProduct[];
  product: ScheduleProduct | null;
  onProduct(key: string): void;
  /** Saving without an endpoint: the endpoint select shows it. */
  onMissingEndpoint(): void;
}

export function DeliverySection({
  catalog,
  endpoint,
  products,
  product,
  onProduct,
  onMissingEndpoint,
}: DeliverySectionProps) {
  const { t } = useTranslation('app');
  const productId = useId();
  const repeatId = useId();
  const runSelectId = useId();
  const writes = useDeliveryWrites();
  const runs = runsOf(catalog, product);
  const deliveries = deliveriesOf(catalog, endpoint?.id ?? null, product, runs);
  // Another endpoint or product starts a new delivery.
  const scope = `${endpoint?.id ?? 'none'}-${product?.key ?? 'none'}`;
  const {
    draft,
    setDraft,
    update,
    open,
    timeProblem,
    setTimeProblem,
    problem,
    setProblem,
    done,
    setDone,
    confirmingDelete,
    setConfirmingDelete,
  } = useScheduleDraft<Draft, TimeProblem>(scope, () => blankDraft(runs));
  const pending = Object.values(writes).some((write) => write.isPending);
  const stored = deliveries.find((delivery) => delivery.id === draft.id);
  const changed =
    stored === undefined ||
    draft.time !== stored.deliveryTime ||
    draft.repeat !== stored.weeklyRepeat ||
    draft.runId !== stored.runId;
  const runLabel = useRunLabel();

  const select = (id: number) => {
    const delivery = deliveries.find((candidate) => candidate.id === id);
    if (delivery !== undefined) {
      open(draftOf(delivery));
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || !changed || product === null) {
      return;
    }
    setProblem(null);
    setDone(null);
    if (endpoint === null) {
      onMissingEndpoint();
      setProblem(t('setupDeliveries.slot.noEndpoint'));
      return;
    }
    const run = runs.find((candidate) => candidate.id === draft.runId);
    if (run === undefined) {
      setProblem(t('setupDeliveries.slot.noRun'));
      return;
    }
    const checked = validateDeliveryTime(run.productionTime, draft.time);
    if (!checked.ok) {
      setTimeProblem(
        checked.issue.key === 'input.deliveryBeforeProduction' ? 'beforeProduction' : 'badTime',
      );
      return;
    }
    setTimeProblem(null);
    const deliveryTime = checked.value;
    try {
      if (product.kind === 'tracer') {
        const fields = { deliveryTime, weeklyRepeat: draft.repeat, productionId: run.id };
        const row =
          draft.id === null
            ? await writes.createSlot.mutateAsync({ endpointId: endpoint.id, ...fields })
            : await writes.editSlot.mutateAsync({ id: draft.id, ...fields });
        setDraft({ id: row.id, time: row.deliveryTime, repeat: row.weeklyRepeat, runId: run.id });
      } else {
        const fields = { deliveryTime, weeklyRepeat: draft.repeat, isotopeProductionId: run.id };
        const row =
          draft.id === null
            ? await writes.createIsotopeDelivery.mutateAsync({ endpointId: endpoint.id, ...fields })
            : await writes.editIsotopeDelivery.mutateAsync({ id: draft.id, ...fields });
        setDraft({ id: row.id, time: row.deliveryTime, repeat: row.weeklyRepeat, runId: run.id });
      }
      setDone(t(draft.id === null ? 'setupDeliveries.slot.created' : 'setupDeliveries.saved'));
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const remove = async () => {
    if (draft.id === null || product === null) {
      return;
    }
    setProblem(null);
    try {
      if (product.kind === 'tracer') {
        await writes.deleteSlot.mutateAsync({ id: draft.id });
      } else {
        await writes.deleteIsotopeDelivery.mutateAsync({ id: draft.id });
      }
      setDraft(blankDraft(runs));
      setDone(t('setupDeliveries.slot.deleted'));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setConfirmingDelete(false);
    }
  };

  const timeMessage = timeProblem === null ? null : t(`setupDeliveries.slot.${timeProblem}`);

  return (
    <section className="setup-deliveries__slots" aria-labelledby={`${productId}-heading`}>
      <div className="setup-deliveries__column">
        <h3 id={`${productId}-heading`}>{t('setupDeliveries.slot.heading')}</h3>
        <ProductSelect
          id={productId}
          label={t('setupDeliveries.slot.product')}
          products={products}
          value={product?.key ?? ''}
          onChange={onProduct}
        />
        {product?.kind === 'tracer' ? (
          <OverheadForm
            key={`${endpoint?.id ?? 'none'}-${product.id}`}
            catalog={catalog}
            endpoint={endpoint}
            tracerId={product.id}
          />
        ) : null}
        <form
          aria-label={t('setupDeliveries.slot.heading')}
          onSubmit={(event) => void onSubmit(event)}
        >
          <TimeInput
            label={t('setupDeliveries.slot.time')}
            value={draft.time}
            error={timeMessage}
            onChange={(time) => {
              setTimeProblem(null);
              update({ time });
            }}
          />
          {timeMessage === null ? null : (
            <p className="setup-deliveries__error" aria-hidden="true">
              {timeMessage}
            </p>
          )}
          <span className="ts-field">
            <label htmlFor={repeatId} className="ts-field__label">
              {t('setupDeliveries.slot.repeat')}
            </label>
            <select
              id={repeatId}
              className="ts-input"
              value={draft.repeat}
              onChange={(event) => update({ repeat: Number(event.target.value) as WeeklyRepeat })}
            >
              {REPEATS.map((repeat) => (
                <option key={repeat} value={repeat}>
                  {t(`setupDeliveries.repeat.${repeat}`)}
                </option>
              ))}
            </select>
          </span>
          <span className="ts-field">
            <label htmlFor={runSelectId} className="ts-field__label">
              {t('setupDeliveries.slot.run')}
            </label>
            <select
              id={runSelectId}
              className="ts-input"
              value={draft.runId ?? ''}
              onChange={(event) => update({ runId: Number(event.target.value) })}
            >
              {runs.length === 0 ? (
                <option value="">{t('setupDeliveries.slot.noRuns')}</option>
              ) : null}
              {runs.map((run) => (
                <option key={run.id} value={run.id}>
                  {runLabel(run)}
                </option>
              ))}
            </select>
          </span>
          {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
          {done === null ? null : <p role="status">{done}</p>}
          <div className="setup-deliveries__buttons">
            <ScheduleEntryButtons
              stored={draft.id !== null}
              canSave={changed && product !== null}
              pending={pending}
              labels={{
                save: t('setupDeliveries.slot.save'),
                new: t('setupDeliveries.slot.new'),
                delete: t('setupDeliveries.slot.delete'),
              }}
              onNew={() => open(blankDraft(runs))}
              onDelete={() => setConfirmingDelete(true)}
            />
          </div>
        </form>
      </div>
      <WeekGrid
        caption={t('setupDeliveries.slot.gridCaption', {
          endpoint: endpoint?.name ?? '',
          product: product?.label ?? '',
        })}
        entries={deliveries.flatMap((delivery) => {
          const run = runs.find((candidate) => candidate.id === delivery.runId);
          return run === undefined
            ? []
            : [
                {
                  id: delivery.id,
                  weekday: run.weekday,
                  time: delivery.deliveryTime,
                  tone: TONES[delivery.weeklyRepeat],
                  description: t(`setupDeliveries.repeat.${delivery.weeklyRepeat}`),
                },
              ];
        })}
        selectedId={draft.id}
        onSelect={select}
      />
      {/* Escape in the question cancels the question, not the whole customer modal. */}
      <div
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
          }
        }}
      >
        <ConfirmDialog
          open={confirmingDelete}
          title={t('setupDeliveries.slot.deleteQuestion')}
          pending={pending}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmingDelete(false)}
        />
      </div>
    </section>
  );
}

/** The overhead of (endpoint, tracer) in percent, saved as a multiplier (44 % → 1.44). */
function OverheadForm({
  catalog,
  endpoint,
  tracerId,
}: {
  catalog: Catalog;
  endpoint: Endpoint | null;
  tracerId: number;
}) {
  const { t, i18n } = useTranslation('app');
  const { createCatalogPage, editCatalogPage } = useCustomerWrites();
  const page =
    endpoint === null
      ? undefined
      : catalog.catalogPages.find(
          (candidate) => candidate.endpointId === endpoint.id && candidate.tracerId === tracerId,
        );
  const storedText =
    page === undefined ? '' : String(overheadPercentOf(page.overheadMultiplier ?? 1));
  const [text, setText] = useState(storedText);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const pending = createCatalogPage.isPending || editCatalogPage.isPending;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || endpoint === null) {
      return;
    }
    const checked = validateOverheadPercent(text);
    if (!checked.ok) {
      setError(messageFor(checked.issue, localeOf(i18n.language)));
      return;
    }
    setError(null);
    setProblem(null);
    try {
      if (page === undefined) {
        await createCatalogPage.mutateAsync({
          endpointId: endpoint.id,
          tracerId,
          overheadMultiplier: checked.value,
        });
      } else {
        await editCatalogPage.mutateAsync({ id: page.id, overheadMultiplier: checked.value });
      }
      setSaved(true);
    } catch (failure) {
      setProblem(messageOf(failure));
    }
  };

  return (
    <form className="setup-deliveries__overhead" onSubmit={(event) => void onSubmit(event)}>
      <TextField
        label={t('setupDeliveries.slot.overhead')}
        value={text}
        error={error}
        inputMode="decimal"
        autoComplete="off"
        disabled={endpoint === null}
        onChange={(value) => {
          setSaved(false);
          setError(null);
          setText(value);
        }}
      />
      <button
        type="submit"
        className="ts-button"
        disabled={pending || endpoint === null || (page !== undefined && text === storedText)}
        aria-busy={pending}
      >
        {t('setupDeliveries.slot.saveOverhead')}
      </button>
      {error === null ? null : (
        <p className="setup-deliveries__error" aria-hidden="true">
          {error}
        </p>
      )}
      {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
      {saved ? <p role="status">{t('setupDeliveries.saved')}</p> : null}
    </form>
  );
}
