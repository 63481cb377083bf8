/**
 * "Produktioner" (docs/domain.md): the weekly production runs of a product (activity tracer or
 * isotope). Product, weekday and time, "Gem" (Enter too) creates a run or updates the one
 * chosen in the weekly grid (Monday–Sunday × hours, runs light green, the chosen one orange).
 * A run can be deleted while no delivery uses it; the api refuses otherwise and its message
 * is shown.
 */
import type { Weekday } from '@tracershop/core';
import { validateTime } from '@tracershop/core';
import { AlertBox, ConfirmDialog, messageOf, TimeInput } from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../productionApi';
import type { ScheduleProduct } from '../scheduleProducts';
import { runsOf, scheduleProductsOf } from '../scheduleProducts';
import {
  ProductSelect,
  ScheduleEntryButtons,
  WeekdayOptions,
  useRunLabel,
} from '../ScheduleFields';
import { useScheduleDraft } from '../scheduleDraft';
import { WeekGrid } from '../weekGrid/WeekGrid';
import { WithCatalog } from '../WithCatalog';
import { useProductionWrites } from './productionsApi';
import './productions.css';

interface Draft {
  id: number | null;
  weekday: Weekday;
  time: string;
}

const BLANK: Draft = { id: null, weekday: 0, time: '' };

export default function ProductionsPage() {
  const { t } = useTranslation('app');
  return (
    <section aria-label={t('setup.productions')}>
      <WithCatalog>{(catalog) => <ProductionsView catalog={catalog} />}</WithCatalog>
    </section>
  );
}

function ProductionsView({ catalog }: { catalog: Catalog }) {
  const { t } = useTranslation('app');
  const products = scheduleProductsOf(catalog, false);
  const [productKey, setProductKey] = useState<string | null>(() => products[0]?.key ?? null);
  const product = products.find((candidate) => candidate.key === productKey) ?? products[0] ?? null;
  if (product === null) {
    return <p>{t('setupDeliveries.productions.noProducts')}</p>;
  }
  return (
    <RunEditor catalog={catalog} products={products} product={product} onProduct={setProductKey} />
  );
}

function RunEditor({
  catalog,
  products,
  product,
  onProduct,
}: {
  catalog: Catalog;
  products: readonly ScheduleProduct[];
  product: ScheduleProduct;
  onProduct(key: string): void;
}) {
  const { t } = useTranslation('app');
  const productId = useId();
  const weekdayId = useId();
  const writes = useProductionWrites();
  const runs = runsOf(catalog, product);
  // Another product starts a new run.
  const {
    draft,
    setDraft,
    update,
    open,
    timeProblem: timeError,
    setTimeProblem: setTimeError,
    problem,
    setProblem,
    done,
    setDone,
    confirmingDelete,
    setConfirmingDelete,
  } = useScheduleDraft<Draft, string>(product.key, () => BLANK);
  const pending = Object.values(writes).some((write) => write.isPending);
  const stored = runs.find((run) => run.id === draft.id);
  const changed =
    stored === undefined ||
    stored.weekday !== draft.weekday ||
    stored.productionTime !== draft.time;
  const runLabel = useRunLabel();

  const select = (id: number) => {
    const run = runs.find((candidate) => candidate.id === id);
    if (run !== undefined) {
      open({ id: run.id, weekday: run.weekday as Weekday, time: run.productionTime });
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || !changed) {
      return;
    }
    setDone(null);
    const checked = validateTime(draft.time);
    if (!checked.ok) {
      setTimeError(t('setupDeliveries.productions.badTime'));
      return;
    }
    setTimeError(null);
    setProblem(null);
    const productionTime = checked.value;
    const weekday = draft.weekday;
    try {
      const row =
        product.kind === 'tracer'
          ? draft.id === null
            ? await writes.createProduction.mutateAsync({
                tracerId: product.id,
                weekday,
                productionTime,
              })
            : await writes.editProduction.mutateAsync({ id: draft.id, weekday, productionTime })
          : draft.id === null
            ? await writes.createIsotopeProduction.mutateAsync({
                isotopeId: product.id,
                weekday,
                productionTime,
              })
            : await writes.editIsotopeProduction.mutateAsync({
                id: draft.id,
                weekday,
                productionTime,
              });
      setDraft({ id: row.id, weekday: row.weekday as Weekday, time: row.productionTime });
      setDone(
        t(draft.id === null ? 'setupDeliveries.productions.created' : 'setupDeliveries.saved'),
      );
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const remove = async () => {
    if (draft.id === null) {
      return;
    }
    setProblem(null);
    try {
      if (product.kind === 'tracer') {
        await writes.deleteProduction.mutateAsync({ id: draft.id });
      } else {
        await writes.deleteIsotopeProduction.mutateAsync({ id: draft.id });
      }
      setDraft(BLANK);
      setDone(t('setupDeliveries.productions.deleted'));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setConfirmingDelete(false);
    }
  };

  return (
    <div className="setup-productions">
      <form
        className="setup-productions__form"
        aria-label={t('setup.productions')}
        onSubmit={(event) => void onSubmit(event)}
      >
        <ProductSelect
          id={productId}
          label={t('setupDeliveries.productions.product')}
          products={products}
          value={product.key}
          onChange={onProduct}
        />
        <span className="ts-field">
          <label htmlFor={weekdayId} className="ts-field__label">
            {t('setupDeliveries.productions.weekday')}
          </label>
          <select
            id={weekdayId}
            className="ts-input"
            value={draft.weekday}
            onChange={(event) => update({ weekday: Number(event.target.value) as Weekday })}
          >
            <WeekdayOptions />
          </select>
        </span>
        <TimeInput
          label={t('setupDeliveries.productions.time')}
          value={draft.time}
          error={timeError}
          onChange={(time) => {
            setTimeError(null);
            update({ time });
          }}
        />
        <ScheduleEntryButtons
          stored={draft.id !== null}
          canSave={changed}
          pending={pending}
          labels={{
            save: t('setupDeliveries.productions.save'),
            new: t('setupDeliveries.productions.new'),
            delete: t('setupDeliveries.productions.delete'),
          }}
          onNew={() => open(BLANK)}
          onDelete={() => setConfirmingDelete(true)}
        />
      </form>
      {timeError === null ? null : (
        <p className="setup-productions__error" aria-hidden="true">
          {timeError}
        </p>
      )}
      {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
      {done === null ? null : <p role="status">{done}</p>}
      <WeekGrid
        caption={t('setupDeliveries.productions.gridCaption', { product: product.label })}
        entries={runs.map((run) => ({
          id: run.id,
          weekday: run.weekday,
          time: run.productionTime,
          tone: 'run' as const,
        }))}
        selectedId={draft.id}
        onSelect={select}
      />
      <ConfirmDialog
        open={confirmingDelete}
        title={t('setupDeliveries.productions.deleteQuestion', {
          run: stored === undefined ? '' : runLabel(stored),
        })}
        pending={pending}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmingDelete(false)}
      />
    </div>
  );
}
