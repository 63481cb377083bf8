/**
 * One injection order of the day, or the blank card for a new one (docs/user-guide-shop.md,
 * "Injektionordre"): Tracer, "Injektioner", "Tid", "Brug", "Kommentar"; released orders show the release
 * time, lot and max injection volume and link the release document. Editable while the order
 * is Ordered and the injection deadline has not passed; the tracer is fixed once ordered.
 */
import type { OrderStatus } from '@tracershop/core';
import { isReleased, mayShopChange } from '@tracershop/core';
import {
  AlertBox,
  localeOf,
  StatusIcon,
  TextField,
  TimeInput,
  useFigures,
  usePendingAction,
} from '@tracershop/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReleaseDocumentLink, injectionReleaseUrl } from './documentLinks';
import type { InjectionDraft, InjectionErrors, InjectionValues } from './injectionOrderDraft';
import {
  NO_INJECTION_ERRORS,
  checkInjectionDraft,
  injectionDraftChanged,
  injectionDraftOf,
} from './injectionOrderDraft';

export interface StoredInjectionOrder {
  id: number;
  tracerId: number;
  status: OrderStatus;
  injections: number;
  deliveryTime: string;
  tracerUsage: number;
  comment: string | null;
  lotNumber: string | null;
  maxInjectionVolume: number | null;
  freedAt: string | null;
}

export interface InjectionOrderCardProps {
  /** The stored order; absent for the blank card. */
  order?: StoredInjectionOrder;
  /** The injection tracers of the destination's catalogue. */
  tracers: readonly { id: number; shortname: string }[];
  /** The injection deadline still allows ordering. */
  mayOrder: boolean;
  timeZone: string;
  onCreate?: (values: InjectionValues) => Promise<unknown>;
  onSave?: (id: number, values: InjectionValues) => Promise<unknown>;
  onDelete?: (id: number) => Promise<unknown>;
}

const USAGE_VALUES = ['0', '1', '2'] as const;

export function InjectionOrderCard({
  order,
  tracers,
  mayOrder,
  timeZone,
  onCreate,
  onSave,
  onDelete,
}: InjectionOrderCardProps) {
  const { t, i18n } = useTranslation('app');
  const figures = useFigures(timeZone);
  const blank: InjectionDraft = {
    tracerId: String(tracers[0]?.id ?? ''),
    injections: '',
    time: '',
    usage: '0',
    comment: '',
  };
  const stored = order === undefined ? blank : injectionDraftOf(order);
  const [draft, setDraft] = useState<InjectionDraft>(stored);
  const [errors, setErrors] = useState<InjectionErrors>(NO_INJECTION_ERRORS);
  const { pending, failure, run } = usePendingAction();
  const tracerFieldId = useId();
  const usageFieldId = useId();

  const editable = mayOrder && (order === undefined || mayShopChange(order.status));
  const changed = order !== undefined && injectionDraftChanged(draft, stored);
  const released = order !== undefined && isReleased(order.status);
  const label = order === undefined ? t('injection.new') : t('injection.id', { id: order.id });

  function submit() {
    if (order !== undefined && !changed) {
      void run(() => onDelete?.(order.id) ?? Promise.resolve());
      return;
    }
    const check = checkInjectionDraft(draft, localeOf(i18n.language));
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors(NO_INJECTION_ERRORS);
    if (order === undefined) {
      void run(
        () => onCreate?.(check.values) ?? Promise.resolve(),
        () => setDraft(blank),
      );
    } else {
      void run(() => onSave?.(order.id, check.values) ?? Promise.resolve());
    }
  }

  const button = !editable
    ? null
    : order === undefined
      ? t('order.create')
      : changed
        ? t('order.update')
        : t('order.delete');
  const freedAt = order?.freedAt == null ? null : figures.instant(order.freedAt);

  return (
    <div className="shop-injection-card" role="group" aria-label={label}>
      <form
        className="shop-injection-card__fields"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <StatusIcon status={order?.status ?? null} />
        <span className="shop-order-row__label">{label}</span>
        <span className="ts-field">
          <label htmlFor={tracerFieldId} className="ts-field__label">
            {t('injection.tracer')}
          </label>
          <select
            id={tracerFieldId}
            className="ts-input"
            value={draft.tracerId}
            disabled={!editable || order !== undefined}
            onChange={(event) => setDraft({ ...draft, tracerId: event.target.value })}
          >
            {tracers.map((tracer) => (
              <option key={tracer.id} value={tracer.id}>
                {tracer.shortname}
              </option>
            ))}
          </select>
        </span>
        <TextField
          label={t('injection.injections')}
          value={draft.injections}
          onChange={(injections) => setDraft({ ...draft, injections })}
          error={errors.injections}
          readOnly={!editable}
          inputMode="numeric"
          size={4}
        />
        <TimeInput
          label={t('injection.time')}
          value={draft.time}
          onChange={(time) => setDraft({ ...draft, time })}
          error={errors.time}
          readOnly={!editable}
          size={6}
        />
        <span className="ts-field">
          <label htmlFor={usageFieldId} className="ts-field__label">
            {t('injection.usage')}
          </label>
          <select
            id={usageFieldId}
            className="ts-input"
            value={draft.usage}
            disabled={!editable}
            onChange={(event) => setDraft({ ...draft, usage: event.target.value })}
          >
            {USAGE_VALUES.map((usage) => (
              <option key={usage} value={usage}>
                {t(`injection.usages.${usage}`)}
              </option>
            ))}
          </select>
        </span>
        {editable || draft.comment !== '' ? (
          <TextField
            label={t('order.comment')}
            value={draft.comment}
            onChange={(comment) => setDraft({ ...draft, comment })}
            error={errors.comment}
            readOnly={!editable}
          />
        ) : null}
        {button === null ? null : (
          <button type="submit" className="ts-button" disabled={pending} aria-busy={pending}>
            {button}
          </button>
        )}
      </form>
      {released && order !== undefined ? (
        <dl className="shop-injection-card__release">
          <dt>{t('injection.freedAt')}</dt>
          <dd>{freedAt ?? '–'}</dd>
          <dt>{t('injection.lot')}</dt>
          <dd>{order.lotNumber ?? '–'}</dd>
          <dt>{t('injection.maxVolume')}</dt>
          <dd>
            {order.maxInjectionVolume === null ? '–' : figures.volume(order.maxInjectionVolume)}
          </dd>
          <dd>
            <ReleaseDocumentLink href={injectionReleaseUrl(order.id)} />
          </dd>
        </dl>
      ) : null}
      {failure === null ? null : <AlertBox level="error">{failure}</AlertBox>}
    </div>
  );
}
