/**
 * "Isotoper" (docs/domain.md): every isotope as an editable row (Atom, AtomNummer, AtomMasse,
 * Halveringstid in seconds, Metastabil) saved when changed, and a blank row that creates one.
 * Each number is read the Danish way and checked field by field with core's messages before
 * anything is sent; a refused draft keeps what was typed. An isotope is deleted behind a
 * confirmation; one in use (a tracer, an isotope production, a vial) the api refuses, which
 * the row then says in words.
 */
import type { IsotopeCreateInput, ValidationResult } from '@tracershop/core';
import {
  isotopeCreateInput,
  parseDanishNumber,
  validatePositiveNumber,
  validateWholePositiveNumber,
} from '@tracershop/core';
import type { FieldErrors } from '@tracershop/ui';
import {
  AlertBox,
  ConfirmDialog,
  DanishNumberInput,
  fieldErrorsOf,
  isClean,
  localeOf,
  TextField,
  usePendingAction,
} from '@tracershop/ui';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../productionApi';
import { useDraft } from '../draft';
import { RowSaveButton, saveOnEnter } from '../EditableRow';
import { WithCatalog } from '../WithCatalog';
import { useIsotopeWrites } from './isotopesApi';
import '../setup.css';

type Isotope = Catalog['isotopes'][number];
type Field = 'atomicLetter' | 'atomicNumber' | 'atomicMass' | 'halflifeSeconds';

interface IsotopeDraft {
  atomicLetter: string;
  atomicNumber: string;
  atomicMass: string;
  halflifeSeconds: string;
  metastable: boolean;
}

const EMPTY_DRAFT: IsotopeDraft = {
  atomicLetter: '',
  atomicNumber: '',
  atomicMass: '',
  halflifeSeconds: '',
  metastable: false,
};

function draftOf(isotope: Isotope): IsotopeDraft {
  return {
    atomicLetter: isotope.atomicLetter,
    atomicNumber: String(isotope.atomicNumber),
    atomicMass: String(isotope.atomicMass),
    halflifeSeconds: String(isotope.halflifeSeconds).replace('.', ','),
    metastable: isotope.metastable,
  };
}

/** The number a field means, or NaN (which the schema then refuses) when it is none. */
function numberOf(text: string): number | undefined {
  if (text.trim() === '') {
    return undefined;
  }
  return parseDanishNumber(text) ?? Number.NaN;
}

interface IsotopeRowProps {
  /** The stored isotope, or none for the blank row that creates one. */
  isotope?: Isotope;
  /** The blank row after a create: start again empty. */
  onCreated?: () => void;
  /** The isotope was deleted: its row and buttons go, the keyboard goes on elsewhere. */
  onDeleted?: () => void;
}

function IsotopeRow({ isotope, onCreated, onDeleted }: IsotopeRowProps) {
  const { t, i18n } = useTranslation('app');
  const locale = localeOf(i18n.language);
  const writes = useIsotopeWrites();
  const save = usePendingAction();
  const remove = usePendingAction();
  const stored = isotope === undefined ? EMPTY_DRAFT : draftOf(isotope);
  const { draft, set, changed } = useDraft(stored);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [asking, setAsking] = useState(false);
  const name =
    isotope === undefined
      ? t('setupCatalog.isotopes.newIsotope')
      : `${isotope.atomicLetter}-${isotope.atomicMass}`;
  const labels: Record<Field, string> = {
    atomicLetter: t('setupCatalog.isotopes.atomicLetter'),
    atomicNumber: t('setupCatalog.isotopes.atomicNumber'),
    atomicMass: t('setupCatalog.isotopes.atomicMass'),
    halflifeSeconds: t('setupCatalog.isotopes.halflife'),
  };

  /** Core's typed-number checks first ("… er ikke et tal"), then the api's schema. */
  function check(): IsotopeCreateInput | null {
    const found: FieldErrors<Field> = {};
    const typed: [Field, ValidationResult<number>][] = [
      ['atomicNumber', validateWholePositiveNumber(draft.atomicNumber, 'activity')],
      ['atomicMass', validateWholePositiveNumber(draft.atomicMass, 'activity')],
      ['halflifeSeconds', validatePositiveNumber(draft.halflifeSeconds, 'activity')],
    ];
    for (const [field, result] of typed) {
      if (!result.ok) {
        found[field] = fieldErrorsOf(
          [{ path: [field], message: result.issue.key }],
          labels,
          locale,
        )[field];
      }
    }
    const parsed = isotopeCreateInput.safeParse({
      atomicLetter: draft.atomicLetter,
      atomicNumber: numberOf(draft.atomicNumber),
      atomicMass: numberOf(draft.atomicMass),
      halflifeSeconds: numberOf(draft.halflifeSeconds),
      metastable: draft.metastable,
    });
    const fromSchema = parsed.success ? {} : fieldErrorsOf(parsed.error.issues, labels, locale);
    const all = { ...fromSchema, ...found };
    setErrors(all);
    return parsed.success && isClean(all) ? parsed.data : null;
  }

  function submit() {
    if (!changed || save.pending) {
      return;
    }
    const input = check();
    if (input === null) {
      return;
    }
    if (isotope === undefined) {
      void save.run(
        () => writes.create.mutateAsync(input),
        () => onCreated?.(),
      );
    } else {
      void save.run(() => writes.edit.mutateAsync({ id: isotope.id, ...input }));
    }
  }

  const onKeyDown = saveOnEnter(submit);

  const fieldLabel = (field: Field) =>
    t('setupCatalog.isotopes.fieldOf', { field: labels[field], name });

  return (
    <tr
      className={isotope === undefined ? 'setup-catalog__new-row' : undefined}
      onKeyDown={onKeyDown}
    >
      <td>
        <TextField
          label={fieldLabel('atomicLetter')}
          hideLabel
          value={draft.atomicLetter}
          onChange={(value) => set('atomicLetter', value)}
          error={errors.atomicLetter ?? null}
          maxLength={3}
          size={4}
        />
      </td>
      <td>
        <DanishNumberInput
          label={fieldLabel('atomicNumber')}
          hideLabel
          value={draft.atomicNumber}
          onChange={(value) => set('atomicNumber', value)}
          error={errors.atomicNumber ?? null}
          size={6}
        />
      </td>
      <td>
        <DanishNumberInput
          label={fieldLabel('atomicMass')}
          hideLabel
          value={draft.atomicMass}
          onChange={(value) => set('atomicMass', value)}
          error={errors.atomicMass ?? null}
          size={6}
        />
      </td>
      <td>
        <DanishNumberInput
          label={fieldLabel('halflifeSeconds')}
          hideLabel
          value={draft.halflifeSeconds}
          onChange={(value) => set('halflifeSeconds', value)}
          error={errors.halflifeSeconds ?? null}
          size={12}
        />
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('setupCatalog.isotopes.fieldOf', {
            field: t('setupCatalog.isotopes.metastable'),
            name,
          })}
          checked={draft.metastable}
          onChange={(event) => set('metastable', event.target.checked)}
        />
      </td>
      <td>
        <div className="setup-catalog__actions">
          {isotope === undefined ? null : (
            <button
              type="button"
              className="ts-button ts-button--light"
              disabled={remove.pending}
              aria-busy={remove.pending}
              aria-label={t('setupCatalog.isotopes.deleteOf', { name })}
              onClick={() => setAsking(true)}
            >
              {t('setupCatalog.isotopes.delete')}
            </button>
          )}
          {changed ? (
            <RowSaveButton
              isNew={isotope === undefined}
              name={name}
              createLabel={t('setupCatalog.isotopes.create')}
              pending={save.pending}
              onSave={submit}
            />
          ) : null}
        </div>
        {save.failure === null ? null : <AlertBox level="error">{save.failure}</AlertBox>}
        {remove.failure === null ? null : <AlertBox level="error">{remove.failure}</AlertBox>}
        {isotope === undefined ? null : (
          <ConfirmDialog
            open={asking}
            title={t('setupCatalog.isotopes.deleteTitle')}
            confirmLabel={t('setupCatalog.isotopes.delete')}
            pending={remove.pending}
            onCancel={() => setAsking(false)}
            onConfirm={() =>
              void remove.run(
                () => writes.remove.mutateAsync({ id: isotope.id }),
                () => {
                  setAsking(false);
                  onDeleted?.();
                },
                // A refusal closes the question and is shown in the row.
                () => {
                  setAsking(false);
                  return false;
                },
              )
            }
          >
            {t('setupCatalog.isotopes.deleteQuestion', { name })}
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}

export function IsotopesView({ isotopes }: { isotopes: readonly Isotope[] }) {
  const { t } = useTranslation('app');
  const [newRowKey, setNewRowKey] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <section className="setup-catalog" aria-labelledby="setup-isotopes-title">
      <h2 id="setup-isotopes-title" ref={headingRef} tabIndex={-1}>
        {t('setup.isotopes')}
      </h2>
      <table className="production-table">
        <thead>
          <tr>
            <th scope="col">{t('setupCatalog.isotopes.atomicLetter')}</th>
            <th scope="col">{t('setupCatalog.isotopes.atomicNumber')}</th>
            <th scope="col">{t('setupCatalog.isotopes.atomicMass')}</th>
            <th scope="col">
              {t('setupCatalog.isotopes.halflife')} [{t('setupCatalog.isotopes.seconds')}]
            </th>
            <th scope="col">{t('setupCatalog.isotopes.metastable')}</th>
            <th scope="col">
              <span className="ts-visually-hidden">{t('setupCatalog.tracers.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {isotopes.map((isotope) => (
            <IsotopeRow
              key={`${isotope.id}/${JSON.stringify(draftOf(isotope))}`}
              isotope={isotope}
              onDeleted={() => headingRef.current?.focus()}
            />
          ))}
          <IsotopeRow key={`new-${newRowKey}`} onCreated={() => setNewRowKey((key) => key + 1)} />
        </tbody>
      </table>
    </section>
  );
}

export default function IsotopesPage() {
  return <WithCatalog>{(catalog) => <IsotopesView isotopes={catalog.isotopes} />}</WithCatalog>;
}
