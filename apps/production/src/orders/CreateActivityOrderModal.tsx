/**
 * "Opret ny ordre" (docs/domain.md): production enters an activity order for a customer (phone
 * orders) — Kunde, Destination and Leverings tid cascade (only slots of this tracer delivering
 * on the date), Aktivitet in MBq, optionally from the dose calculator, with what the
 * destination's not yet ordered bookings would need per delivery time. The api creates the
 * order Accepted.
 */
import {
  formatDanishDate,
  formatDanishDecimal,
  formatShortTime,
  messageFor,
  validatePositiveNumber,
} from '@tracershop/core';
import { AlertBox, DoseCalculator, localeOf, messageOf, useClientKeys } from '@tracershop/ui';
import type { FormEvent, ReactNode } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFrame } from '../dialogs/ModalFrame';
import type { ActivityOrderCreate } from '../productionApi';
import type { CreateOrderCatalog } from './createOrderChoices';
import { orderableSlots } from './createOrderChoices';
import { useLimitOverride } from './LimitOverride';

export interface CreateActivityOrderModalProps {
  catalog: CreateOrderCatalog;
  tracer: { id: number; shortname: string; halflifeSeconds: number };
  date: string;
  timeZone: string;
  onClose(): void;
  create(input: ActivityOrderCreate): Promise<unknown>;
  /** The chosen destination's not yet ordered bookings of the tracer ("Der er N ubestilte …"). */
  renderBookings?(endpointId: number): ReactNode;
}

export function CreateActivityOrderModal(props: CreateActivityOrderModalProps) {
  const { catalog, tracer, date } = props;
  const { t, i18n } = useTranslation('app');
  const slots = orderableSlots(catalog, tracer.id, date);
  const customers = catalog.customers.filter((customer) =>
    slots.some((slot) => slot.customerId === customer.id),
  );
  const [customerId, setCustomerId] = useState(customers[0]?.id ?? null);
  const endpoints = catalog.endpoints.filter(
    (endpoint) =>
      endpoint.customerId === customerId && slots.some((slot) => slot.endpointId === endpoint.id),
  );
  const [endpointChoice, setEndpointId] = useState(endpoints[0]?.id ?? null);
  const endpointId = endpoints.some((endpoint) => endpoint.id === endpointChoice)
    ? endpointChoice
    : (endpoints[0]?.id ?? null);
  const times = slots.filter((slot) => slot.endpointId === endpointId);
  const [slotChoice, setSlotId] = useState(times[0]?.id ?? null);
  const slot = times.find((candidate) => candidate.id === slotChoice) ?? times[0] ?? null;
  const [activity, setActivity] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [calculating, setCalculating] = useState(false);
  const idBase = useId();
  const clientKeys = useClientKeys();
  const limitOverride = useLimitOverride();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending || slot === null) {
      return;
    }
    const result = validatePositiveNumber(activity, 'activity');
    if (!result.ok) {
      setError(messageFor(result.issue, localeOf(i18n.language)));
      return;
    }
    const extra = limitOverride.extra();
    if (extra === null) {
      return;
    }
    setError(null);
    setProblem(null);
    setPending(true);
    try {
      await clientKeys.send('create', (clientKey) =>
        props.create({
          orderedTimeSlotId: slot.id,
          deliveryDate: date,
          orderedActivity: result.value,
          clientKey,
          ...extra,
        }),
      );
      props.onClose();
    } catch (failure) {
      if (!limitOverride.refused(failure)) {
        setProblem(messageOf(failure));
      }
    } finally {
      setPending(false);
    }
  }

  const title = t('orders.create.title', { date: formatDanishDate(date) });
  if (calculating && slot !== null) {
    return (
      <ModalFrame title={title} onClose={props.onClose}>
        <DoseCalculator
          referenceTime={`${date} ${slot.deliveryTime}`}
          halflifeSeconds={tracer.halflifeSeconds}
          tracerName={tracer.shortname}
          timeZone={props.timeZone}
          onCancel={() => setCalculating(false)}
          onCommit={(total) => {
            setActivity(formatDanishDecimal(total, 2));
            setError(null);
            setCalculating(false);
          }}
        />
      </ModalFrame>
    );
  }

  const formId = `${idBase}-form`;
  return (
    <ModalFrame
      title={title}
      onClose={props.onClose}
      footer={
        <button
          className="ts-button"
          type="submit"
          form={formId}
          disabled={pending || slot === null || activity.trim() === ''}
        >
          {t('orders.create.submit')}
        </button>
      }
    >
      {slots.length === 0 ? (
        <p>{t('orders.create.noSlots', { tracer: tracer.shortname })}</p>
      ) : null}
      <form
        id={formId}
        className="production-create-order"
        onSubmit={(event) => void submit(event)}
      >
        <label>
          {t('orders.create.customer')}
          <select
            className="ts-input"
            value={customerId ?? ''}
            onChange={(event) => setCustomerId(Number(event.target.value))}
          >
            {customers.map((customer) => (
              <option key={customer.id} value={customer.id}>
                {customer.shortName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('orders.create.endpoint')}
          <select
            className="ts-input"
            value={endpointId ?? ''}
            onChange={(event) => setEndpointId(Number(event.target.value))}
          >
            {endpoints.map((endpoint) => (
              <option key={endpoint.id} value={endpoint.id}>
                {endpoint.name ?? ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('orders.create.slot')}
          <select
            className="ts-input"
            value={slot?.id ?? ''}
            onChange={(event) => setSlotId(Number(event.target.value))}
          >
            {times.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {formatShortTime(candidate.deliveryTime)}
              </option>
            ))}
          </select>
        </label>
        <div className="production-field">
          <label htmlFor={`${idBase}-activity`}>{t('orders.create.activity')}</label>
          <input
            id={`${idBase}-activity`}
            className="ts-input"
            inputMode="decimal"
            value={activity}
            aria-invalid={error === null ? undefined : true}
            aria-describedby={error === null ? undefined : `${idBase}-error`}
            onChange={(event) => setActivity(event.target.value)}
          />
          {error === null ? null : (
            <span id={`${idBase}-error`} className="production-field-error">
              {error}
            </span>
          )}
        </div>
        <button
          className="ts-button ts-button--light"
          type="button"
          disabled={slot === null}
          onClick={() => setCalculating(true)}
        >
          {t('orders.create.calculator')}
        </button>
        {limitOverride.field}
      </form>
      {endpointId === null || props.renderBookings === undefined
        ? null
        : props.renderBookings(endpointId)}
      {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
    </ModalFrame>
  );
}
