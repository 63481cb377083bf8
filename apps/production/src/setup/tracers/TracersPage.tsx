/**
 * "Tracer" (docs/domain.md): the tracers as editable rows (the short name only on the new row),
 * a blank row that creates one, the catalogue of an injection tracer (which endpoints may order
 * it, `TracerCatalogModal`), archiving a tracer no catalogue lists and restoring it from
 * "Tracer arkiv", and its plausibility limits and release guards (`TracerLimitsModal`).
 * Drafts are checked with the api's own schema before they are sent. A tracer that was never
 * used is deleted behind a confirmation; the api refuses one in use (REFERENCED), and the row
 * then says so and points to archiving, which keeps the tracer's history.
 */
import type { TracerCreateInput } from '@tracershop/core';
import { TracerType, tracerCreateInput } from '@tracershop/core';
import type { FieldErrors } from '@tracershop/ui';
import {
  AlertBox,
  ConfirmDialog,
  fieldErrorsOf,
  isClean,
  localeOf,
  reasonOf,
  TextField,
  useFieldError,
  usePendingAction,
} from '@tracershop/ui';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../productionApi';
import { useDraft } from '../draft';
import { RowSaveButton, saveOnEnter } from '../EditableRow';
import { WithCatalog } from '../WithCatalog';
import { TracerCatalogModal } from './TracerCatalogModal';
import { TracerLimitsModal } from './TracerLimitsModal';
import type { CatalogTracer } from './tracersApi';
import { useTracerWrites } from './tracersApi';
import '../setup.css';

type Isotope = Catalog['isotopes'][number];
type Field = 'shortname' | 'clinicalName' | 'vialTag' | 'isotopeId' | 'tracerType';

interface TracerDraft {
  shortname: string;
  clinicalName: string;
  vialTag: string;
  isotopeId: string;
  tracerType: string;
  marketed: boolean;
}

const EMPTY_DRAFT: TracerDraft = {
  shortname: '',
  clinicalName: '',
  vialTag: '',
  isotopeId: '',
  tracerType: String(TracerType.Activity),
  marketed: false,
};

function draftOf(tracer: CatalogTracer): TracerDraft {
  return {
    shortname: tracer.shortname,
    clinicalName: tracer.clinicalName,
    vialTag: tracer.vialTag,
    isotopeId: String(tracer.isotopeId),
    tracerType: String(tracer.tracerType),
    marketed: tracer.marketed,
  };
}

/** "F-18", "Tc-99m". */
export function isotopeName(isotope: Isotope): string {
  return `${isotope.atomicLetter}-${isotope.atomicMass}${isotope.metastable ? 'm' : ''}`;
}

function matchesFilter(tracer: CatalogTracer, filter: string): boolean {
  const needle = filter.trim().toLocaleLowerCase('da');
  return (
    needle === '' ||
    tracer.shortname.toLocaleLowerCase('da').includes(needle) ||
    tracer.clinicalName.toLocaleLowerCase('da').includes(needle)
  );
}

interface TracerRowProps {
  /** The stored tracer, or none for the blank row that creates one. */
  tracer?: CatalogTracer;
  tracers: readonly CatalogTracer[];
  isotopes: readonly Isotope[];
  inCatalog: boolean;
  onOpenCatalog?: () => void;
  onOpenLimits?: () => void;
  /** The blank row after a create: start again empty. */
  onCreated?: () => void;
  /** The tracer was deleted: its row and buttons go, the keyboard goes on elsewhere. */
  onDeleted?: () => void;
}

function TracerRow({
  tracer,
  tracers,
  isotopes,
  inCatalog,
  onOpenCatalog,
  onOpenLimits,
  onCreated,
  onDeleted,
}: TracerRowProps) {
  const { t, i18n } = useTranslation('app');
  const writes = useTracerWrites();
  const save = usePendingAction();
  const archive = usePendingAction();
  const remove = usePendingAction();
  const stored = tracer === undefined ? EMPTY_DRAFT : draftOf(tracer);
  const { draft, set, changed } = useDraft(stored);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [asking, setAsking] = useState(false);
  /** The api refused the delete because the tracer is in use: archiving is the way. */
  const [inUse, setInUse] = useState(false);
  const name = tracer?.shortname ?? t('setupCatalog.tracers.newTracer');
  const labels: Record<Field, string> = {
    shortname: t('setupCatalog.tracers.shortname'),
    clinicalName: t('setupCatalog.tracers.clinicalName'),
    vialTag: t('setupCatalog.tracers.vialTag'),
    isotopeId: t('setupCatalog.tracers.isotope'),
    tracerType: t('setupCatalog.tracers.tracerType'),
  };

  function submit() {
    if (!changed || save.pending) {
      return;
    }
    const input = {
      shortname: draft.shortname,
      clinicalName: draft.clinicalName,
      vialTag: draft.vialTag,
      isotopeId: draft.isotopeId === '' ? undefined : Number(draft.isotopeId),
      tracerType: Number(draft.tracerType),
      marketed: draft.marketed,
    };
    const parsed = tracerCreateInput.safeParse(input);
    const found: FieldErrors<Field> = parsed.success
      ? {}
      : fieldErrorsOf(parsed.error.issues, labels, localeOf(i18n.language));
    const tag = draft.vialTag.trim().toLocaleUpperCase('da');
    if (
      found.vialTag === undefined &&
      tag !== '' &&
      tracers.some(
        (other) => other.id !== tracer?.id && other.vialTag.toLocaleUpperCase('da') === tag,
      )
    ) {
      found.vialTag = t('setupCatalog.tracers.vialTagTaken', { tag: draft.vialTag.trim() });
    }
    setErrors(found);
    if (!parsed.success || !isClean(found)) {
      return;
    }
    const value: TracerCreateInput = parsed.data;
    if (tracer === undefined) {
      void save.run(
        () => writes.create.mutateAsync(value),
        () => onCreated?.(),
      );
    } else {
      const { shortname: _fixed, ...changes } = value;
      void save.run(() => writes.edit.mutateAsync({ id: tracer.id, ...changes }));
    }
  }

  const onKeyDown = saveOnEnter(submit);

  const isotopeError = useFieldError(errors.isotopeId);

  return (
    <tr
      className={tracer === undefined ? 'setup-catalog__new-row' : undefined}
      onKeyDown={onKeyDown}
    >
      <td>
        {tracer === undefined ? (
          <TextField
            label={t('setupCatalog.tracers.fieldOf', { field: labels.shortname, name })}
            hideLabel
            value={draft.shortname}
            onChange={(value) => set('shortname', value)}
            error={errors.shortname ?? null}
            maxLength={32}
          />
        ) : (
          <strong>{tracer.shortname}</strong>
        )}
      </td>
      <td>
        <TextField
          label={t('setupCatalog.tracers.fieldOf', { field: labels.clinicalName, name })}
          hideLabel
          value={draft.clinicalName}
          onChange={(value) => set('clinicalName', value)}
          error={errors.clinicalName ?? null}
        />
      </td>
      <td>
        <TextField
          label={t('setupCatalog.tracers.fieldOf', { field: labels.vialTag, name })}
          hideLabel
          value={draft.vialTag}
          onChange={(value) => set('vialTag', value)}
          error={errors.vialTag ?? null}
          maxLength={32}
        />
      </td>
      <td>
        <select
          className={isotopeError.className}
          aria-label={t('setupCatalog.tracers.fieldOf', { field: labels.isotopeId, name })}
          aria-invalid={isotopeError.invalid}
          aria-describedby={isotopeError.describedBy}
          value={draft.isotopeId}
          onChange={(event) => set('isotopeId', event.target.value)}
        >
          <option value="">{t('setupCatalog.common.choose')}</option>
          {isotopes.map((isotope) => (
            <option key={isotope.id} value={isotope.id}>
              {isotopeName(isotope)}
            </option>
          ))}
        </select>
        {isotopeError.message}
      </td>
      <td>
        <select
          className="ts-input"
          aria-label={t('setupCatalog.tracers.fieldOf', { field: labels.tracerType, name })}
          value={draft.tracerType}
          onChange={(event) => set('tracerType', event.target.value)}
        >
          <option value={TracerType.Activity}>{t('setupCatalog.tracers.activity')}</option>
          <option value={TracerType.Injection}>{t('setupCatalog.tracers.injection')}</option>
        </select>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('setupCatalog.tracers.fieldOf', {
            field: t('setupCatalog.tracers.marketed'),
            name,
          })}
          checked={draft.marketed}
          onChange={(event) => set('marketed', event.target.checked)}
        />
      </td>
      <td>
        <div className="setup-catalog__actions">
          {tracer !== undefined && tracer.tracerType === TracerType.Injection ? (
            <button
              type="button"
              className="ts-button ts-button--light"
              aria-label={t('setupCatalog.tracers.openCatalog', { name })}
              title={t('setupCatalog.tracers.openCatalog', { name })}
              onClick={onOpenCatalog}
            >
              ⚙
            </button>
          ) : null}
          {tracer !== undefined ? (
            <button
              type="button"
              className="ts-button ts-button--light"
              aria-label={t('setupCatalog.limits.open', { name })}
              onClick={onOpenLimits}
            >
              {t('setupCatalog.limits.openShort')}
            </button>
          ) : null}
          {tracer !== undefined ? (
            <button
              type="button"
              className="ts-button ts-button--light"
              aria-label={t('setupCatalog.tracers.archive', { name })}
              title={
                inCatalog
                  ? t('setupCatalog.tracers.archiveInCatalog')
                  : t('setupCatalog.tracers.archive', { name })
              }
              disabled={inCatalog || archive.pending}
              aria-busy={archive.pending}
              onClick={() =>
                void archive.run(() =>
                  writes.archive.mutateAsync({ id: tracer.id, archived: true }),
                )
              }
            >
              {t('setupCatalog.tracers.archiveShort')}
            </button>
          ) : null}
          {tracer !== undefined ? (
            <button
              type="button"
              className="ts-button ts-button--light"
              aria-label={t('setupCatalog.tracers.deleteOf', { name })}
              disabled={remove.pending}
              aria-busy={remove.pending}
              onClick={() => setAsking(true)}
            >
              {t('setupCatalog.tracers.delete')}
            </button>
          ) : null}
          {changed ? (
            <RowSaveButton
              isNew={tracer === undefined}
              name={name}
              createLabel={t('setupCatalog.tracers.create')}
              pending={save.pending}
              onSave={submit}
            />
          ) : null}
        </div>
        {save.failure === null ? null : <AlertBox level="error">{save.failure}</AlertBox>}
        {archive.failure === null ? null : <AlertBox level="error">{archive.failure}</AlertBox>}
        {remove.failure === null ? null : (
          <AlertBox level="error">
            {remove.failure}
            {inUse
              ? ` ${t(
                  inCatalog
                    ? 'setupCatalog.tracers.deleteInUseInCatalog'
                    : 'setupCatalog.tracers.deleteInUse',
                )}`
              : null}
          </AlertBox>
        )}
        {tracer === undefined ? null : (
          <ConfirmDialog
            open={asking}
            title={t('setupCatalog.tracers.deleteTitle')}
            confirmLabel={t('setupCatalog.tracers.delete')}
            pending={remove.pending}
            onCancel={() => setAsking(false)}
            onConfirm={() => {
              setInUse(false);
              void remove.run(
                () => writes.remove.mutateAsync({ id: tracer.id }),
                () => {
                  setAsking(false);
                  onDeleted?.();
                },
                // A refusal closes the question and is shown in the row.
                (error) => {
                  setAsking(false);
                  setInUse(reasonOf(error) === 'REFERENCED');
                  return false;
                },
              );
            }}
          >
            {t('setupCatalog.tracers.deleteQuestion', { name })}
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}

function ArchivedTracers({ tracers }: { tracers: readonly CatalogTracer[] }) {
  const { t } = useTranslation('app');
  const writes = useTracerWrites();
  const restore = usePendingAction();
  return (
    <details className="setup-catalog__archive">
      <summary>{t('setupCatalog.tracers.archiveTitle')}</summary>
      {tracers.length === 0 ? (
        <p>{t('setupCatalog.tracers.archiveEmpty')}</p>
      ) : (
        <table className="production-table">
          <thead>
            <tr>
              <th scope="col">{t('setupCatalog.tracers.shortname')}</th>
              <th scope="col">{t('setupCatalog.tracers.clinicalName')}</th>
              <th scope="col">{t('setupCatalog.tracers.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tracers.map((tracer) => (
              <tr key={tracer.id}>
                <th scope="row">{tracer.shortname}</th>
                <td>{tracer.clinicalName}</td>
                <td>
                  <button
                    type="button"
                    className="ts-button ts-button--light"
                    aria-label={t('setupCatalog.tracers.restoreOf', { name: tracer.shortname })}
                    disabled={restore.pending}
                    onClick={() =>
                      void restore.run(() =>
                        writes.archive.mutateAsync({ id: tracer.id, archived: false }),
                      )
                    }
                  >
                    {t('setupCatalog.tracers.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restore.failure === null ? null : <AlertBox level="error">{restore.failure}</AlertBox>}
    </details>
  );
}

export function TracersView({ catalog }: { catalog: Catalog }) {
  const { t } = useTranslation('app');
  const [filter, setFilter] = useState('');
  const [newRowKey, setNewRowKey] = useState(0);
  const [catalogTracerId, setCatalogTracerId] = useState<number | null>(null);
  const [limitsTracerId, setLimitsTracerId] = useState<number | null>(null);
  const active = catalog.tracers.filter((tracer) => !tracer.archived);
  const shown = active.filter((tracer) => matchesFilter(tracer, filter));
  const archived = catalog.tracers.filter((tracer) => tracer.archived);
  const inCatalog = new Set(catalog.catalogPages.map((page) => page.tracerId));
  const catalogTracer = catalog.tracers.find((tracer) => tracer.id === catalogTracerId);
  const limitsTracer = catalog.tracers.find((tracer) => tracer.id === limitsTracerId);
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <section className="setup-catalog" aria-labelledby="setup-tracers-title">
      <h2 id="setup-tracers-title" ref={headingRef} tabIndex={-1}>
        {t('setup.tracers')}
      </h2>
      <div className="setup-catalog__toolbar">
        <TextField
          label={t('setupCatalog.tracers.filter')}
          value={filter}
          onChange={setFilter}
          autoComplete="off"
        />
      </div>
      <table className="production-table">
        <thead>
          <tr>
            <th scope="col" title={t('setupCatalog.tracers.shortnameHint')}>
              {t('setupCatalog.tracers.shortname')}
            </th>
            <th scope="col" title={t('setupCatalog.tracers.clinicalNameHint')}>
              {t('setupCatalog.tracers.clinicalName')}
            </th>
            <th scope="col" title={t('setupCatalog.tracers.vialTagHint')}>
              {t('setupCatalog.tracers.vialTag')}
            </th>
            <th scope="col">{t('setupCatalog.tracers.isotope')}</th>
            <th scope="col" title={t('setupCatalog.tracers.tracerTypeHint')}>
              {t('setupCatalog.tracers.tracerType')}
            </th>
            <th scope="col" title={t('setupCatalog.tracers.marketedHint')}>
              {t('setupCatalog.tracers.marketed')}
            </th>
            <th scope="col">{t('setupCatalog.tracers.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((tracer) => (
            <TracerRow
              key={`${tracer.id}/${JSON.stringify(draftOf(tracer))}`}
              tracer={tracer}
              tracers={catalog.tracers}
              isotopes={catalog.isotopes}
              inCatalog={inCatalog.has(tracer.id)}
              onOpenCatalog={() => setCatalogTracerId(tracer.id)}
              onOpenLimits={() => setLimitsTracerId(tracer.id)}
              onDeleted={() => headingRef.current?.focus()}
            />
          ))}
          <TracerRow
            key={`new-${newRowKey}`}
            tracers={catalog.tracers}
            isotopes={catalog.isotopes}
            inCatalog={false}
            onCreated={() => setNewRowKey((key) => key + 1)}
          />
        </tbody>
      </table>
      <ArchivedTracers tracers={archived} />
      {catalogTracer === undefined ? null : (
        <TracerCatalogModal
          tracer={catalogTracer}
          catalog={catalog}
          onClose={() => setCatalogTracerId(null)}
        />
      )}
      {limitsTracer === undefined ? null : (
        <TracerLimitsModal tracer={limitsTracer} onClose={() => setLimitsTracerId(null)} />
      )}
    </section>
  );
}

export default function TracersPage() {
  return <WithCatalog>{(catalog) => <TracersView catalog={catalog} />}</WithCatalog>;
}
