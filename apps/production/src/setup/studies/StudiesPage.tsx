/**
 * "Undersøgelser": the RIS study codes (procedure identifiers) that arrive with the bookings,
 * and which of them are PET studies ("Er PET"), the ones that matter for ordering tracers. A
 * filter on code or description and "Kun PET" narrow the list.
 * Everyone on the set-up pages sees the list; only the site admin (`admin.config`) changes it:
 * ticking "Er PET" saves at once (the row shows its progress, and goes back with the api's
 * refusal in words when refused), a study is created from its code, description and flag,
 * and deleted behind a confirmation (the api refuses one in use). Others see the checkboxes
 * disabled, with a note.
 */
import type { UserGroup } from '@tracershop/core';
import { allowed, procedureIdentifierCreateInput } from '@tracershop/core';
import type { FieldErrors } from '@tracershop/ui';
import {
  AlertBox,
  ConfirmDialog,
  fieldErrorsOf,
  isClean,
  localeOf,
  TextField,
  usePendingAction,
  useSession,
} from '@tracershop/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../session/PageLoading';
import { WithCatalog } from '../WithCatalog';
import type { StudyIdentifier } from './studiesApi';
import { useStudyWrites } from './studiesApi';
import '../setup.css';

type Field = 'code' | 'description';

/** What a study is called in labels and questions: its code, else its description. */
function nameOf(study: StudyIdentifier): string {
  return study.code ?? study.description ?? `#${study.id}`;
}

function matches(study: StudyIdentifier, needle: string): boolean {
  return (
    needle === '' ||
    [study.code, study.description].some(
      (text) => text !== null && text.toLocaleLowerCase('da').includes(needle),
    )
  );
}

/** By code, the code-less ones (by description) last. */
function byCode(a: StudyIdentifier, b: StudyIdentifier): number {
  if ((a.code === null) !== (b.code === null)) {
    return a.code === null ? 1 : -1;
  }
  return (a.code ?? a.description ?? '').localeCompare(b.code ?? b.description ?? '', 'da');
}

interface StudyRowProps {
  study: StudyIdentifier;
  editable: boolean;
  /** The id of the note that says why the checkbox is disabled (when not editable). */
  noteId: string;
  onDelete(study: StudyIdentifier): void;
}

function StudyRow({ study, editable, noteId, onDelete }: StudyRowProps) {
  const { t } = useTranslation('app');
  const writes = useStudyWrites();
  const save = usePendingAction();
  // The flag as ticked, until the catalogue holds it (or the api refused it).
  const [wanted, setWanted] = useState<boolean | null>(null);
  const [stored, setStored] = useState(study.isPet);
  if (stored !== study.isPet) {
    setStored(study.isPet);
    setWanted(null);
  }
  const isPet = wanted ?? study.isPet;
  const name = nameOf(study);

  function change(next: boolean) {
    if (save.pending) {
      return;
    }
    setWanted(next);
    void save.run(() =>
      writes.edit.mutateAsync({ id: study.id, isPet: next }).catch((error: unknown) => {
        // Refused: back to what is stored; the refusal shows in the row.
        setWanted(null);
        throw error;
      }),
    );
  }

  return (
    <tr>
      <td>{study.code ?? '–'}</td>
      <td>{study.description ?? '–'}</td>
      <td>
        <span className="setup-catalog__actions">
          <input
            type="checkbox"
            aria-label={t('studies.isPetOf', { name })}
            aria-describedby={editable ? undefined : noteId}
            aria-busy={save.pending}
            checked={isPet}
            disabled={!editable || save.pending}
            onChange={(event) => change(event.target.checked)}
          />
          {save.pending ? <span role="status">{t('studies.saving')}</span> : null}
        </span>
        {save.failure === null ? null : <AlertBox level="error">{save.failure}</AlertBox>}
      </td>
      {editable ? (
        <td>
          <button
            type="button"
            className="ts-button ts-button--light"
            aria-label={t('studies.deleteOf', { name })}
            onClick={() => onDelete(study)}
          >
            ✕
          </button>
        </td>
      ) : null}
    </tr>
  );
}

function NewStudyForm({ onCreated }: { onCreated(name: string): void }) {
  const { t, i18n } = useTranslation('app');
  const writes = useStudyWrites();
  const create = usePendingAction();
  const [code, setCode] = useState('');
  const [description, setDescription] = useState('');
  // A study arrives from the RIS as PET; a new one starts the same way.
  const [isPet, setIsPet] = useState(true);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const labels: Record<Field, string> = {
    code: t('studies.code'),
    description: t('studies.description'),
  };
  const empty = code.trim() === '' && description.trim() === '';

  function submit() {
    if (empty || create.pending) {
      return;
    }
    const parsed = procedureIdentifierCreateInput.safeParse({
      code: code.trim() === '' ? null : code,
      description: description.trim() === '' ? null : description,
      isPet,
    });
    const found = parsed.success
      ? {}
      : fieldErrorsOf(parsed.error.issues, labels, localeOf(i18n.language));
    setErrors(found);
    if (!parsed.success || !isClean(found)) {
      return;
    }
    const name = parsed.data.code ?? parsed.data.description ?? '';
    void create.run(
      () => writes.create.mutateAsync(parsed.data),
      () => onCreated(name),
    );
  }

  return (
    <form
      className="setup-catalog__card setup-catalog__card--new"
      aria-label={t('studies.newStudy')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>{t('studies.newStudy')}</h3>
      <TextField
        label={labels.code}
        value={code}
        onChange={setCode}
        error={errors.code ?? null}
        autoComplete="off"
      />
      <TextField
        label={labels.description}
        value={description}
        onChange={setDescription}
        error={errors.description ?? null}
        autoComplete="off"
      />
      <label>
        <input
          type="checkbox"
          checked={isPet}
          onChange={(event) => setIsPet(event.target.checked)}
        />
        {t('studies.isPet')}
      </label>
      <button
        type="submit"
        className="ts-button"
        disabled={empty || create.pending}
        aria-busy={create.pending}
      >
        {t('studies.create')}
      </button>
      {create.failure === null ? null : <AlertBox level="error">{create.failure}</AlertBox>}
    </form>
  );
}

export function StudiesView({
  studies,
  editable,
}: {
  studies: readonly StudyIdentifier[];
  /** Whether the user may change them (the site admin). */
  editable: boolean;
}) {
  const { t } = useTranslation('app');
  const noteId = useId();
  const writes = useStudyWrites();
  const remove = usePendingAction();
  const [filter, setFilter] = useState('');
  const [petOnly, setPetOnly] = useState(false);
  const [deleting, setDeleting] = useState<StudyIdentifier | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const needle = filter.trim().toLocaleLowerCase('da');
  const shown = studies
    .filter((study) => (!petOnly || study.isPet) && matches(study, needle))
    .sort(byCode);
  const columns = editable ? 4 : 3;

  return (
    <section className="setup-catalog" aria-labelledby="setup-studies-title">
      <h2 id="setup-studies-title">{t('setup.studies')}</h2>
      <p className="setup-catalog__hint">{t('studies.intro')}</p>
      {editable ? null : (
        <p id={noteId} className="setup-catalog__hint">
          {t('studies.readOnly')}
        </p>
      )}
      <div className="setup-catalog__toolbar">
        <TextField
          label={t('studies.filter')}
          value={filter}
          onChange={setFilter}
          autoComplete="off"
        />
        <label>
          <input
            type="checkbox"
            checked={petOnly}
            onChange={(event) => setPetOnly(event.target.checked)}
          />
          {t('studies.petOnly')}
        </label>
      </div>
      <p aria-live="polite">{t('studies.shown', { shown: shown.length, total: studies.length })}</p>
      <table className="production-table" aria-label={t('setup.studies')}>
        <thead>
          <tr>
            <th scope="col">{t('studies.code')}</th>
            <th scope="col">{t('studies.description')}</th>
            <th scope="col">{t('studies.isPet')}</th>
            {editable ? (
              <th scope="col">
                <span className="ts-visually-hidden">{t('studies.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={columns}>
                {studies.length === 0 ? t('studies.none') : t('studies.noneMatch')}
              </td>
            </tr>
          ) : null}
          {shown.map((study) => (
            <StudyRow
              key={study.id}
              study={study}
              editable={editable}
              noteId={noteId}
              onDelete={setDeleting}
            />
          ))}
        </tbody>
      </table>
      {remove.failure === null ? null : <AlertBox level="error">{remove.failure}</AlertBox>}
      {editable ? (
        <div className="setup-catalog__cards">
          <NewStudyForm
            key={formKey}
            onCreated={(name) => {
              setCreated(name);
              setFormKey((key) => key + 1);
            }}
          />
        </div>
      ) : null}
      {created === null ? null : <p role="status">{t('studies.created', { name: created })}</p>}
      <ConfirmDialog
        open={deleting !== null}
        title={t('studies.deleteTitle', { name: deleting === null ? '' : nameOf(deleting) })}
        confirmLabel={t('studies.delete')}
        pending={remove.pending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const study = deleting;
          if (study !== null) {
            // Closed either way: a refusal (in use) shows under the table.
            void remove
              .run(() => writes.remove.mutateAsync({ id: study.id }))
              .then(() => setDeleting(null));
          }
        }}
      >
        {t('studies.deleteQuestion')}
      </ConfirmDialog>
    </section>
  );
}

function StudiesLoaded({ userGroup }: { userGroup: UserGroup }) {
  const editable = allowed(userGroup, 'admin.config');
  return (
    <WithCatalog>
      {(catalog) => <StudiesView studies={catalog.procedureIdentifiers} editable={editable} />}
    </WithCatalog>
  );
}

export default function StudiesPage() {
  const session = useSession();
  const user = session.data?.user ?? null;
  if (user === null) {
    return <PageLoading />;
  }
  return <StudiesLoaded userGroup={user.userGroup} />;
}
