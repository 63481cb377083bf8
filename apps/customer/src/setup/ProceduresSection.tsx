/**
 * "Procedure": per destination, which tracer a study (series description) uses, how many MBq
 * or injections per examination and how many minutes after the study start it is injected.
 * Existing rows are edited ("Gem") or deleted ("Slet"); the blank row creates ("Opret").
 * Each study shows whether it is a PET study (the studies that matter for ordering);
 * production's site admin sets that, so it is only shown here.
 */
import type { Locale } from '@tracershop/core';
import { messageFor, validateNonNegativeNumber, validatePositiveNumber } from '@tracershop/core';
import { AlertBox, localeOf, TextField, useFieldError, usePendingAction } from '@tracershop/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../shopApi';
import { useShopSetupWrites } from '../shopApi';

type Procedure = Catalog['procedures'][number];

interface ProcedureDraft {
  studyId: string;
  tracerId: string;
  delay: string;
  units: string;
}

interface ProcedureErrors {
  study: string | null;
  tracer: string | null;
  delay: string | null;
  units: string | null;
}

const NO_ERRORS: ProcedureErrors = { study: null, tracer: null, delay: null, units: null };

function checkDraft(
  draft: ProcedureDraft,
  locale: Locale,
  texts: { chooseStudy: string; chooseTracer: string },
) {
  const units = validatePositiveNumber(draft.units, 'tracerUnits');
  const delay = validateNonNegativeNumber(draft.delay, 'delayMinutes');
  const errors: ProcedureErrors = {
    study: draft.studyId === '' ? texts.chooseStudy : null,
    tracer: draft.tracerId === '' ? texts.chooseTracer : null,
    delay: delay.ok ? null : messageFor(delay.issue, locale),
    units: units.ok ? null : messageFor(units.issue, locale),
  };
  if (units.ok && delay.ok && errors.study === null && errors.tracer === null) {
    return {
      ok: true as const,
      values: {
        procedureIdentifierId: Number(draft.studyId),
        tracerId: Number(draft.tracerId),
        tracerUnits: units.value,
        delayMinutes: delay.value,
      },
    };
  }
  return { ok: false as const, errors };
}

interface Study {
  id: number;
  name: string;
  isPet: boolean;
}

/** "PET" in bold, or "ikke PET", beside a study's name. */
function PetMark({ isPet }: { isPet: boolean }) {
  const { t } = useTranslation('app');
  return isPet ? (
    <strong>{t('setup.procedures.pet')}</strong>
  ) : (
    <span>{t('setup.procedures.notPet')}</span>
  );
}

interface RowProps {
  endpointId: number;
  procedure?: Procedure;
  studies: readonly Study[];
  tracers: readonly { id: number; shortname: string }[];
}

function ProcedureRow({ endpointId, procedure, studies, tracers }: RowProps) {
  const { t, i18n } = useTranslation('app');
  const writes = useShopSetupWrites();
  const stored: ProcedureDraft =
    procedure === undefined
      ? { studyId: '', tracerId: '', delay: '0', units: '' }
      : {
          studyId: String(procedure.procedureIdentifierId),
          tracerId: String(procedure.tracerId),
          delay: String(procedure.delayMinutes),
          units: String(procedure.tracerUnits),
        };
  const [draft, setDraft] = useState(stored);
  const [errors, setErrors] = useState<ProcedureErrors>(NO_ERRORS);
  const studyError = useFieldError(errors.study);
  const tracerError = useFieldError(errors.tracer);
  const { pending, failure, run } = usePendingAction();
  const studyField = useId();
  const tracerField = useId();
  const study =
    procedure === undefined
      ? undefined
      : studies.find((candidate) => candidate.id === procedure.procedureIdentifierId);
  const studyName =
    procedure === undefined
      ? t('setup.procedures.new')
      : (study?.name ?? `#${procedure.procedureIdentifierId}`);
  const changed =
    draft.tracerId !== stored.tracerId ||
    draft.delay.trim() !== stored.delay ||
    draft.units.trim() !== stored.units;

  function save() {
    const check = checkDraft(draft, localeOf(i18n.language), {
      chooseStudy: t('setup.procedures.chooseStudy'),
      chooseTracer: t('setup.procedures.chooseTracer'),
    });
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors(NO_ERRORS);
    if (procedure === undefined) {
      void run(
        () => writes.createProcedure.mutateAsync({ ...check.values, endpointId }),
        () => setDraft(stored),
      );
    } else {
      const { procedureIdentifierId: _study, ...changes } = check.values;
      void run(() => writes.editProcedure.mutateAsync({ id: procedure.id, ...changes }));
    }
  }

  return (
    <tr aria-label={studyName}>
      <th scope="row">
        {procedure === undefined ? (
          <span className="ts-field">
            <label htmlFor={studyField} className="ts-visually-hidden">
              {t('setup.procedures.study')}
            </label>
            <select
              id={studyField}
              className={studyError.className}
              aria-invalid={studyError.invalid}
              aria-describedby={studyError.describedBy}
              value={draft.studyId}
              onChange={(event) => setDraft({ ...draft, studyId: event.target.value })}
            >
              <option value="">{t('setup.procedures.chooseStudyOption')}</option>
              {studies.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {t(
                    choice.isPet ? 'setup.procedures.petOption' : 'setup.procedures.notPetOption',
                    { study: choice.name },
                  )}
                </option>
              ))}
            </select>
            {studyError.message}
          </span>
        ) : (
          <>
            {studyName}
            {study === undefined ? null : (
              <>
                {' '}
                <PetMark isPet={study.isPet} />
              </>
            )}
          </>
        )}
      </th>
      <td>
        <label htmlFor={tracerField} className="ts-visually-hidden">
          {t('setup.procedures.tracerOf', { study: studyName })}
        </label>
        <select
          id={tracerField}
          className={tracerError.className}
          aria-invalid={tracerError.invalid}
          aria-describedby={tracerError.describedBy}
          value={draft.tracerId}
          onChange={(event) => setDraft({ ...draft, tracerId: event.target.value })}
        >
          <option value="">{t('setup.procedures.chooseTracerOption')}</option>
          {tracers.map((tracer) => (
            <option key={tracer.id} value={tracer.id}>
              {tracer.shortname}
            </option>
          ))}
        </select>
        {tracerError.message}
      </td>
      <td>
        <TextField
          label={t('setup.procedures.delayOf', { study: studyName })}
          hideLabel
          value={draft.delay}
          onChange={(delay) => setDraft({ ...draft, delay })}
          error={errors.delay}
          inputMode="numeric"
          size={5}
        />
      </td>
      <td>
        <TextField
          label={t('setup.procedures.unitsOf', { study: studyName })}
          hideLabel
          value={draft.units}
          onChange={(units) => setDraft({ ...draft, units })}
          error={errors.units}
          inputMode="decimal"
          size={6}
        />
      </td>
      <td>
        {procedure === undefined ? (
          <button type="button" className="ts-button" disabled={pending} onClick={save}>
            {t('setup.create')}
          </button>
        ) : changed ? (
          <button type="button" className="ts-button" disabled={pending} onClick={save}>
            {t('setup.save')}
          </button>
        ) : (
          <button
            type="button"
            className="ts-button ts-button--light"
            disabled={pending}
            onClick={() => void run(() => writes.deleteProcedure.mutateAsync({ id: procedure.id }))}
          >
            {t('setup.delete')}
          </button>
        )}
        {errors.study === null ? null : <AlertBox level="error">{errors.study}</AlertBox>}
        {failure === null ? null : <AlertBox level="error">{failure}</AlertBox>}
      </td>
    </tr>
  );
}

export function ProceduresSection({ catalog }: { catalog: Catalog }) {
  const { t } = useTranslation('app');
  const [customerId, setCustomerId] = useState(catalog.customers[0]?.id ?? 0);
  const endpoints = catalog.endpoints.filter((endpoint) => endpoint.customerId === customerId);
  const [chosenEndpoint, setEndpointId] = useState<number | null>(null);
  const endpointId =
    endpoints.find((endpoint) => endpoint.id === chosenEndpoint)?.id ?? endpoints[0]?.id ?? null;
  const procedures = catalog.procedures.filter((row) => row.endpointId === endpointId);
  const inCatalog = new Set(
    catalog.catalogPages
      .filter((page) => page.endpointId === endpointId)
      .map((page) => page.tracerId),
  );
  const tracers = catalog.tracers.filter((tracer) => inCatalog.has(tracer.id));
  const studies: Study[] = catalog.procedureIdentifiers.map((study) => ({
    id: study.id,
    name: study.description ?? study.code ?? `#${study.id}`,
    isPet: study.isPet,
  }));
  const configured = new Set(procedures.map((row) => row.procedureIdentifierId));
  const freeStudies = studies.filter((study) => !configured.has(study.id));
  return (
    <section aria-labelledby="setup-procedures">
      <h2 id="setup-procedures">{t('setup.sections.procedures')}</h2>
      <p>{t('setup.procedures.petHint')}</p>
      <div className="shop-setup__choice">
        <label>
          {t('selection.customer')}
          <select
            className="ts-input"
            value={customerId}
            onChange={(event) => {
              setCustomerId(Number(event.target.value));
              setEndpointId(null);
            }}
          >
            {catalog.customers.map((customer) => (
              <option key={customer.id} value={customer.id}>
                {customer.shortName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('selection.endpoint')}
          <select
            className="ts-input"
            value={endpointId ?? ''}
            onChange={(event) => setEndpointId(Number(event.target.value))}
          >
            {endpoints.map((endpoint) => (
              <option key={endpoint.id} value={endpoint.id}>
                {endpoint.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {endpointId === null ? null : (
        <table className="shop-table">
          <thead>
            <tr>
              <th scope="col">{t('setup.procedures.study')}</th>
              <th scope="col">{t('setup.procedures.tracer')}</th>
              <th scope="col">{t('setup.procedures.delay')}</th>
              <th scope="col">{t('setup.procedures.units')}</th>
              <th scope="col">
                <span className="ts-visually-hidden">{t('setup.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {procedures.map((procedure) => (
              <ProcedureRow
                key={`${procedure.id}/${procedure.tracerId}/${procedure.delayMinutes}/${procedure.tracerUnits}`}
                endpointId={endpointId}
                procedure={procedure}
                studies={studies}
                tracers={tracers}
              />
            ))}
            <ProcedureRow
              key={`new/${endpointId}/${procedures.length}`}
              endpointId={endpointId}
              studies={freeStudies}
              tracers={tracers}
            />
          </tbody>
        </table>
      )}
    </section>
  );
}
