/**
 * "Ændr ordre" of the injection order modal (`orders.injection.productionEdit`): production
 * changes the injections, delivery time, usage and comment of an Ordered or Accepted order —
 * also after acceptance, never once released or rejected (the api refuses those). The draft is
 * checked with the api's own input schema (core `productionInjectionOrderEditInput`) and each
 * refusal stands by its field; nothing is sent until it passes. Once the order is accepted the
 * change needs a reason (core `changeNeedsReason`), asked in the form like the activity modal's
 * dose edit; a figure above the tracer's plausibility limit asks for production's override
 * reason. Only what changed is sent; Escape or "Annuller" leaves the form.
 */
import type { ProductionInjectionOrderEditInput } from '@tracershop/core';
import {
  changeNeedsReason,
  normalizeTime,
  parseDanishNumber,
  productionInjectionOrderEditInput,
  TracerUsage,
} from '@tracershop/core';
import type { FieldErrors } from '@tracershop/ui';
import {
  AlertBox,
  fieldErrorsOf,
  isClean,
  localeOf,
  TextField,
  TimeInput,
  usePendingAction,
} from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../forms/SelectField';
import { useChangeReason } from '../orderForms/ChangeReason';
import { useLimitOverride } from '../orders/LimitOverride';
import type { InjectionOrder } from './specialApi';

type Field = 'injections' | 'deliveryTime' | 'tracerUsage' | 'comment';

const USAGES: readonly TracerUsage[] = [TracerUsage.Human, TracerUsage.Animal, TracerUsage.Other];

export interface InjectionOrderEditFormProps {
  order: InjectionOrder;
  /** Sends the change: the order's id, what changed, the reason and any limit override. */
  onSave(input: ProductionInjectionOrderEditInput): Promise<unknown>;
  /** The form is done (saved, nothing changed, or cancelled). */
  onDone(): void;
}

/** The fields of `parsed` that differ from `order` (a cleared comment is sent as null). */
function changesOf(
  order: InjectionOrder,
  parsed: ProductionInjectionOrderEditInput,
): Partial<ProductionInjectionOrderEditInput> {
  const changes: Partial<ProductionInjectionOrderEditInput> = {};
  if (parsed.injections !== undefined && parsed.injections !== order.injections) {
    changes.injections = parsed.injections;
  }
  if (parsed.deliveryTime !== undefined && parsed.deliveryTime !== order.deliveryTime) {
    changes.deliveryTime = parsed.deliveryTime;
  }
  if (parsed.tracerUsage !== undefined && parsed.tracerUsage !== order.tracerUsage) {
    changes.tracerUsage = parsed.tracerUsage;
  }
  const comment = parsed.comment ?? '';
  if (comment !== (order.comment ?? '')) {
    changes.comment = comment === '' ? null : comment;
  }
  return changes;
}

export function InjectionOrderEditForm({ order, onSave, onDone }: InjectionOrderEditFormProps) {
  const { t, i18n } = useTranslation('app');
  const titleId = useId();
  const [injections, setInjections] = useState(String(order.injections));
  const [time, setTime] = useState(order.deliveryTime.slice(0, 5));
  const [usage, setUsage] = useState<TracerUsage>(order.tracerUsage);
  const [comment, setComment] = useState(order.comment ?? '');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const reason = useChangeReason(changeNeedsReason({ change: 'order', statuses: [order.status] }));
  const limitOverride = useLimitOverride();
  const save = usePendingAction();
  const labels: Record<Field, string> = {
    injections: t('special.columns.injections'),
    deliveryTime: t('special.modal.deliveryTime'),
    tracerUsage: t('special.create.usage'),
    comment: t('special.columns.comment'),
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.pending) {
      return;
    }
    // Typed text the schema cannot read goes to it as typed, so that it says what is wrong.
    const parsed = productionInjectionOrderEditInput.safeParse({
      id: order.id,
      injections: parseDanishNumber(injections) ?? injections,
      deliveryTime: normalizeTime(time) ?? time,
      tracerUsage: usage,
      comment,
    });
    const found = parsed.success
      ? {}
      : fieldErrorsOf(parsed.error.issues, labels, localeOf(i18n.language));
    setErrors(found);
    if (!parsed.success || !isClean(found)) {
      return;
    }
    const changes = changesOf(order, parsed.data);
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    const why = reason.take();
    const extra = limitOverride.extra();
    if (why === null || extra === null) {
      return;
    }
    void save.run(
      () =>
        onSave({
          id: order.id,
          ...changes,
          ...(why === undefined ? {} : { reason: why }),
          ...extra,
        }),
      onDone,
      limitOverride.refused,
    );
  }

  return (
    <form
      className="special-edit-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        // Escape leaves the form, not the modal around it.
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone();
        }
      }}
    >
      <h3 id={titleId}>{t('special.edit.title', { id: order.id })}</h3>
      <TextField
        label={labels.injections}
        value={injections}
        onChange={setInjections}
        error={errors.injections ?? null}
        inputMode="numeric"
        autoComplete="off"
        autoFocus
      />
      <TimeInput
        label={labels.deliveryTime}
        value={time}
        onChange={setTime}
        error={errors.deliveryTime ?? null}
      />
      <SelectField
        label={labels.tracerUsage}
        value={String(usage)}
        onChange={(value) => setUsage(USAGES.find((u) => String(u) === value) ?? order.tracerUsage)}
        options={USAGES.map((u) => ({ value: String(u), label: t(`special.usages.${u}`) }))}
      />
      <TextField
        label={labels.comment}
        value={comment}
        onChange={setComment}
        error={errors.comment ?? null}
        autoComplete="off"
      />
      {reason.field}
      {limitOverride.field}
      <div className="special-edit-form__buttons">
        <button
          type="submit"
          className="ts-button"
          disabled={save.pending}
          aria-busy={save.pending}
        >
          {t('special.edit.save')}
        </button>
        <button type="button" className="ts-button ts-button--light" onClick={onDone}>
          {t('special.edit.cancel')}
        </button>
      </div>
      {save.failure === null ? null : <AlertBox level="error">{save.failure}</AlertBox>}
    </form>
  );
}
