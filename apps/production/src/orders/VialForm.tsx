/**
 * A vial typed by hand or corrected (docs/domain.md, "+" and the pen): batch, calibration time,
 * volume and activity, each checked with core's validators and its message shown beside the
 * field; the typed values stay after a refused save. An edit of a vial asks for the reason of
 * the change (core `changeNeedsReason`; orderForms/ChangeReason.tsx).
 */
import type { Locale, ValidationResult } from '@tracershop/core';
import {
  messageFor,
  validateLotNumber,
  validatePositiveNumber,
  validateTime,
} from '@tracershop/core';
import { AlertBox, localeOf, messageOf } from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeReason } from '../orderForms/ChangeReason';

export interface VialFields {
  lotNumber: string;
  fillTime: string;
  volume: number;
  activity: number;
}

type FieldKey = keyof VialFields;
type Texts = Record<FieldKey, string>;

export interface VialFormProps {
  title: string;
  initial: Texts;
  submitLabel: string;
  /** Ask for the reason of the change (an edit of a vial, not a new one). */
  asksReason?: boolean;
  /** The checked fields and, when asked, the reason. */
  onSubmit(fields: VialFields, reason: string | undefined): Promise<void>;
  onCancel(): void;
}

function check(texts: Texts, locale: Locale) {
  const results: { [K in FieldKey]: ValidationResult<VialFields[K]> } = {
    lotNumber: validateLotNumber(texts.lotNumber, 'lotNumber'),
    fillTime: validateTime(texts.fillTime, 'time'),
    volume: validatePositiveNumber(texts.volume, 'volume'),
    activity: validatePositiveNumber(texts.activity, 'activity'),
  };
  const errors: Partial<Texts> = {};
  for (const key of Object.keys(results) as FieldKey[]) {
    const result = results[key];
    if (!result.ok) {
      errors[key] = messageFor(result.issue, locale);
    }
  }
  const { lotNumber, fillTime, volume, activity } = results;
  if (lotNumber.ok && fillTime.ok && volume.ok && activity.ok) {
    return {
      errors,
      fields: {
        lotNumber: lotNumber.value,
        fillTime: fillTime.value,
        volume: volume.value,
        activity: activity.value,
      },
    };
  }
  return { errors, fields: null };
}

export function VialForm({
  title,
  initial,
  submitLabel,
  asksReason = false,
  onSubmit,
  onCancel,
}: VialFormProps) {
  const { t, i18n } = useTranslation('app');
  const reason = useChangeReason(asksReason);
  const [texts, setTexts] = useState<Texts>(initial);
  const [errors, setErrors] = useState<Partial<Texts>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleId = useId();
  const idBase = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) {
      return;
    }
    const checked = check(texts, localeOf(i18n.language));
    setErrors(checked.errors);
    const why = reason.take();
    if (checked.fields === null || why === null) {
      return;
    }
    setProblem(null);
    setPending(true);
    try {
      await onSubmit(checked.fields, why);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setPending(false);
    }
  }

  const field = (key: FieldKey, label: string, inputMode?: 'decimal') => {
    const id = `${idBase}-${key}`;
    const error = errors[key];
    return (
      <div className="production-field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          className="ts-input"
          inputMode={inputMode}
          value={texts[key]}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={error === undefined ? undefined : `${id}-error`}
          onChange={(event) => setTexts((current) => ({ ...current, [key]: event.target.value }))}
        />
        {error === undefined ? null : (
          <span id={`${id}-error`} className="production-field-error">
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <form
      className="production-vial-form"
      aria-labelledby={titleId}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <h4 id={titleId}>{title}</h4>
      {field('lotNumber', t('orders.vialForm.lotNumber'))}
      {field('fillTime', t('orders.vialForm.fillTime'))}
      {field('volume', t('orders.vialForm.volume'), 'decimal')}
      {field('activity', t('orders.vialForm.activity'), 'decimal')}
      {reason.field}
      <div className="production-vial-form__buttons">
        <button className="ts-button" type="submit" disabled={pending}>
          {submitLabel}
        </button>
        <button className="ts-button ts-button--light" type="button" onClick={onCancel}>
          {t('orders.vialForm.cancel')}
        </button>
      </div>
      {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
    </form>
  );
}
