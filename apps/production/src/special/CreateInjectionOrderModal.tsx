/**
 * "Opret ny ordre" of "Special" (docs/domain.md): production enters an injection order for a
 * customer on the chosen day (`orders.injection.createForCustomer`; Ordered, as the legacy).
 * Kunde → Destination → Tracer (the injection tracers of the destination's catalogue,
 * re-chosen when the destination changes), Brug (Human), Injektioner, Leverings tid,
 * Kommentar, checked with core's validators. Typed input survives a refused save.
 */
import {
  messageFor,
  schemaLimits,
  TracerType,
  TracerUsage,
  validateMaxLength,
  validateTime,
  validateWholePositiveNumber,
} from '@tracershop/core';
import {
  AlertBox,
  localeOf,
  TextField,
  TimeInput,
  usePendingAction,
  useClientKeys,
} from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFrame } from '../dialogs/ModalFrame';
import { useLimitOverride } from '../orders/LimitOverride';
import { CustomerEndpointSelects, firstChoice } from '../orderForms/CustomerEndpointSelects';
import { SubmitRow } from '../orderForms/SubmitRow';
import { IdSelectField, SelectField } from '../forms/SelectField';
import { slashDate } from './injectionRows';
import type { Catalog, InjectionCreate } from './specialApi';

export interface CreateInjectionOrderModalProps {
  catalog: Catalog;
  date: string;
  onClose(): void;
  onCreate(input: InjectionCreate): Promise<unknown>;
}

interface Problems {
  injections: string | null;
  time: string | null;
  comment: string | null;
}

const NO_PROBLEMS: Problems = { injections: null, time: null, comment: null };
const USAGES: readonly TracerUsage[] = [TracerUsage.Human, TracerUsage.Animal, TracerUsage.Other];

/** The injection tracers an endpoint may order (catalogue, not archived), by name. */
export function injectionTracersOf(catalog: Catalog, endpointId: number | null) {
  const ids = new Set(
    catalog.catalogPages
      .filter((page) => page.endpointId === endpointId)
      .map((page) => page.tracerId),
  );
  return catalog.tracers
    .filter(
      (tracer) =>
        ids.has(tracer.id) && tracer.tracerType === TracerType.Injection && !tracer.archived,
    )
    .sort((a, b) => a.shortname.localeCompare(b.shortname, 'da'));
}

export function CreateInjectionOrderModal({
  catalog,
  date,
  onClose,
  onCreate,
}: CreateInjectionOrderModalProps) {
  const { t, i18n } = useTranslation('app');
  const [choice, setChoice] = useState(() => firstChoice(catalog.customers, catalog.endpoints));
  const { endpointId } = choice;
  const [tracerId, setTracerId] = useState<number | null>(
    injectionTracersOf(catalog, endpointId)[0]?.id ?? null,
  );
  const [usage, setUsage] = useState<TracerUsage>(TracerUsage.Human);
  const [injections, setInjections] = useState('');
  const [time, setTime] = useState('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const action = usePendingAction();
  const clientKeys = useClientKeys();
  const limitOverride = useLimitOverride();

  const tracers = injectionTracersOf(catalog, endpointId);
  const tracerChosen = tracers.some((tracer) => tracer.id === tracerId);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (endpointId === null || tracerId === null || !tracerChosen) {
      return;
    }
    const locale = localeOf(i18n.language);
    const injectionCheck = validateWholePositiveNumber(injections, 'injections');
    const timeCheck = validateTime(time, 'time');
    const commentCheck = validateMaxLength(comment, schemaLimits.comment, 'comment');
    setProblems({
      injections: injectionCheck.ok ? null : messageFor(injectionCheck.issue, locale),
      time: timeCheck.ok ? null : messageFor(timeCheck.issue, locale),
      comment: commentCheck.ok ? null : messageFor(commentCheck.issue, locale),
    });
    if (!injectionCheck.ok || !timeCheck.ok || !commentCheck.ok) {
      return;
    }
    const extra = limitOverride.extra();
    if (extra === null) {
      return;
    }
    void action.run(
      () =>
        clientKeys.send('create', (clientKey) =>
          onCreate({
            endpointId,
            tracerId,
            deliveryDate: date,
            deliveryTime: timeCheck.value,
            injections: injectionCheck.value,
            tracerUsage: usage,
            comment: commentCheck.value === '' ? null : commentCheck.value,
            clientKey,
            ...extra,
          }),
        ),
      onClose,
      limitOverride.refused,
    );
  }

  const problemList = [problems.injections, problems.time, problems.comment].filter(
    (problem): problem is string => problem !== null,
  );

  return (
    <ModalFrame title={t('special.create.title', { date: slashDate(date) })} onClose={onClose}>
      <form className="special-create-form" onSubmit={submit} noValidate>
        <CustomerEndpointSelects
          customers={catalog.customers}
          endpoints={catalog.endpoints}
          choice={choice}
          customerLabel={t('special.create.customer')}
          endpointLabel={t('special.create.endpoint')}
          onChange={(next) => {
            setChoice(next);
            setTracerId(injectionTracersOf(catalog, next.endpointId)[0]?.id ?? null);
          }}
        />
        <IdSelectField
          label={t('special.create.tracer')}
          value={tracerId}
          onChange={setTracerId}
          options={tracers.map((tracer) => ({ value: tracer.id, label: tracer.shortname }))}
        />
        <SelectField
          label={t('special.create.usage')}
          value={String(usage)}
          onChange={(value) =>
            setUsage(USAGES.find((u) => String(u) === value) ?? TracerUsage.Human)
          }
          options={USAGES.map((u) => ({ value: String(u), label: t(`special.usages.${u}`) }))}
        />
        <TextField
          label={t('special.columns.injections')}
          value={injections}
          onChange={setInjections}
          error={problems.injections}
          inputMode="numeric"
          autoComplete="off"
        />
        <TimeInput
          label={t('special.modal.deliveryTime')}
          value={time}
          onChange={setTime}
          error={problems.time}
        />
        <TextField
          label={t('special.columns.comment')}
          value={comment}
          onChange={setComment}
          error={problems.comment}
          autoComplete="off"
        />
        <SubmitRow
          label={t('special.create.submit')}
          disabled={!tracerChosen}
          pending={action.pending}
        />
        {limitOverride.field}
      </form>
      {tracers.length === 0 ? (
        <AlertBox level="hint">{t('special.create.noTracers')}</AlertBox>
      ) : null}
      {problemList.map((problem) => (
        <AlertBox key={problem} level="error">
          {problem}
        </AlertBox>
      ))}
      {action.failure === null ? null : <AlertBox level="error">{action.failure}</AlertBox>}
    </ModalFrame>
  );
}
