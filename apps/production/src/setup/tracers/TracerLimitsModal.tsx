/**
 * "Grænser for X": a tracer's plausibility limits (highest activity per order and per
 * delivery; injections per order for an injection tracer) and its release guards (how long
 * before the delivery a release may come, how far delivered may fall short of or exceed what
 * was required without a reason). Numbers are typed as the user types them (comma or point)
 * and checked with the api's own schema; the save is audited as a tracer edit.
 */
import type { Locale, TracerEditInput } from '@tracershop/core';
import {
  TracerType,
  formatInputNumber,
  parseDanishNumber,
  tracerEditInput,
} from '@tracershop/core';
import type { FieldErrors } from '@tracershop/ui';
import {
  AlertBox,
  DanishNumberInput,
  fieldErrorsOf,
  isClean,
  localeOf,
  usePendingAction,
} from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFrame } from '../../dialogs/ModalFrame';
import type { CatalogTracer } from './tracersApi';
import { useTracerWrites } from './tracersApi';

const FIELDS = [
  'maxActivityPerOrder',
  'maxActivityPerDelivery',
  'maxInjectionsPerOrder',
  'releaseLeadHours',
  'underDeliveryTolerancePercent',
  'overDeliveryTolerancePercent',
] as const;

type Field = (typeof FIELDS)[number];

/** The unit after each field. */
const UNITS: Record<Field, string> = {
  maxActivityPerOrder: 'MBq',
  maxActivityPerDelivery: 'MBq',
  maxInjectionsPerOrder: '',
  releaseLeadHours: 'h',
  underDeliveryTolerancePercent: '%',
  overDeliveryTolerancePercent: '%',
};

function typedOf(tracer: CatalogTracer, locale: Locale): Record<Field, string> {
  return Object.fromEntries(
    FIELDS.map((field) => [field, formatInputNumber(tracer[field], locale)]),
  ) as Record<Field, string>;
}

export interface TracerLimitsModalProps {
  tracer: CatalogTracer;
  onClose(): void;
}

export function TracerLimitsModal({ tracer, onClose }: TracerLimitsModalProps) {
  const { t, i18n } = useTranslation('app');
  const locale = localeOf(i18n.language);
  const writes = useTracerWrites();
  const save = usePendingAction();
  const [typed, setTyped] = useState(() => typedOf(tracer, locale));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const shown = FIELDS.filter(
    (field) => field !== 'maxInjectionsPerOrder' || tracer.tracerType === TracerType.Injection,
  );
  const labels = Object.fromEntries(
    FIELDS.map((field) => [field, t(`setupCatalog.limits.${field}`)]),
  ) as Record<Field, string>;

  function submit() {
    const input: Record<string, unknown> = { id: tracer.id };
    for (const field of shown) {
      // Unreadable text is sent as is, so the schema names it "is not a number".
      input[field] = parseDanishNumber(typed[field]) ?? typed[field];
    }
    const parsed = tracerEditInput.safeParse(input);
    const found = parsed.success ? {} : fieldErrorsOf(parsed.error.issues, labels, locale);
    setErrors(found);
    if (!parsed.success || !isClean(found)) {
      return;
    }
    const value: TracerEditInput = parsed.data;
    void save.run(() => writes.edit.mutateAsync(value), onClose);
  }

  return (
    <ModalFrame
      title={t('setupCatalog.limits.title', { name: tracer.shortname })}
      onClose={onClose}
      footer={
        <button
          type="button"
          className="ts-button"
          disabled={save.pending}
          aria-busy={save.pending}
          onClick={submit}
        >
          {t('setupCatalog.common.save')}
        </button>
      }
    >
      <form
        className="setup-limits"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p>{t('setupCatalog.limits.explanation')}</p>
        {shown.map((field) => (
          <div key={field} className="setup-limits__row">
            <DanishNumberInput
              label={labels[field]}
              value={typed[field]}
              onChange={(value) => setTyped((previous) => ({ ...previous, [field]: value }))}
              error={errors[field] ?? null}
            />
            <span className="setup-limits__unit">{UNITS[field]}</span>
          </div>
        ))}
        {/* Enter in any field saves. */}
        <button type="submit" hidden />
      </form>
      {save.failure === null ? null : <AlertBox level="error">{save.failure}</AlertBox>}
    </ModalFrame>
  );
}
