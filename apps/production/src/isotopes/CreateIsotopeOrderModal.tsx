/**
 * "Opret Isotope ordre" (docs/domain.md): production orders an isotope for a customer on the
 * chosen day (`orders.isotope.createForCustomer`). Kunde → Destination → Leverings tid are
 * restricted to the deliveries of this isotope that run on the day (core's `slotDeliversOn`);
 * Aktivitet in whole MBq and an optional comment are checked with core's validators. Without
 * such deliveries it says so and names where they are set up.
 */
import {
  messageFor,
  schemaLimits,
  slotDeliversOn,
  validateMaxLength,
  validateWholePositiveNumber,
  weekdayOf,
} from '@tracershop/core';
import type { Weekday } from '@tracershop/core';
import { AlertBox, localeOf, TextField, usePendingAction, useClientKeys } from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFrame } from '../dialogs/ModalFrame';
import { CustomerEndpointSelects, firstChoice } from '../orderForms/CustomerEndpointSelects';
import { SubmitRow } from '../orderForms/SubmitRow';
import { IdSelectField } from '../forms/SelectField';
import { slashDate } from '../special/injectionRows';
import type { Catalog } from '../special/specialApi';
import type { IsotopeOrderCreate } from './isotopeApi';

export interface CreateIsotopeOrderModalProps {
  catalog: Catalog;
  isotopeId: number;
  isotopeName: string;
  date: string;
  onClose(): void;
  onCreate(input: IsotopeOrderCreate): Promise<unknown>;
}

/** The deliveries of the isotope that run on `date`. */
export function deliveriesOn(catalog: Catalog, isotopeId: number, date: string) {
  return catalog.isotopeDeliveries.filter((delivery) => {
    const production = catalog.isotopeProductions.find(
      (candidate) => candidate.id === delivery.isotopeProductionId,
    );
    return (
      production !== undefined &&
      production.isotopeId === isotopeId &&
      slotDeliversOn({ weekday: production.weekday, weeklyRepeat: delivery.weeklyRepeat }, date)
    );
  });
}

export function CreateIsotopeOrderModal({
  catalog,
  isotopeId,
  isotopeName,
  date,
  onClose,
  onCreate,
}: CreateIsotopeOrderModalProps) {
  const { t, i18n } = useTranslation('app');
  const deliveries = deliveriesOn(catalog, isotopeId, date);
  const endpoints = catalog.endpoints.filter((endpoint) =>
    deliveries.some((delivery) => delivery.endpointId === endpoint.id),
  );
  const customers = catalog.customers.filter((customer) =>
    endpoints.some((endpoint) => endpoint.customerId === customer.id),
  );
  const deliveriesOf = (endpointId: number | null) =>
    deliveries
      .filter((delivery) => delivery.endpointId === endpointId)
      .sort((a, b) => a.deliveryTime.localeCompare(b.deliveryTime));

  const [choice, setChoice] = useState(() => firstChoice(customers, endpoints));
  const [deliveryId, setDeliveryId] = useState(deliveriesOf(choice.endpointId)[0]?.id ?? null);
  const [activity, setActivity] = useState('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<{ activity: string | null; comment: string | null }>({
    activity: null,
    comment: null,
  });
  const action = usePendingAction();
  const clientKeys = useClientKeys();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (deliveryId === null) {
      return;
    }
    const locale = localeOf(i18n.language);
    const mbq = validateWholePositiveNumber(activity, 'activity');
    const note = validateMaxLength(comment, schemaLimits.isotopeComment, 'comment');
    setProblems({
      activity: mbq.ok ? null : messageFor(mbq.issue, locale),
      comment: note.ok ? null : messageFor(note.issue, locale),
    });
    if (!mbq.ok || !note.ok) {
      return;
    }
    void action.run(
      () =>
        clientKeys.send('create', (clientKey) =>
          onCreate({
            isotopeDeliveryId: deliveryId,
            deliveryDate: date,
            orderedActivity: mbq.value,
            comment: note.value === '' ? null : note.value,
            clientKey,
          }),
        ),
      onClose,
    );
  }

  const title = t('isotopes.create.title', { date: slashDate(date) });
  if (deliveries.length === 0) {
    return (
      <ModalFrame title={title} onClose={onClose}>
        <AlertBox level="hint">
          {t('isotopes.create.noDeliveries', {
            isotope: isotopeName,
            weekday: t(`isotopes.weekdays.${weekdayOf(date) as Weekday}`),
          })}
        </AlertBox>
      </ModalFrame>
    );
  }

  return (
    <ModalFrame title={title} onClose={onClose}>
      <form className="special-create-form" noValidate onSubmit={submit}>
        <CustomerEndpointSelects
          customers={customers}
          endpoints={endpoints}
          choice={choice}
          customerLabel={t('isotopes.create.customer')}
          endpointLabel={t('isotopes.create.endpoint')}
          onChange={(next) => {
            setChoice(next);
            setDeliveryId(deliveriesOf(next.endpointId)[0]?.id ?? null);
          }}
        />
        <IdSelectField
          label={t('isotopes.create.delivery')}
          value={deliveryId}
          onChange={setDeliveryId}
          options={deliveriesOf(choice.endpointId).map((delivery) => ({
            value: delivery.id,
            label: delivery.deliveryTime.slice(0, 5),
          }))}
        />
        <TextField
          label={t('isotopes.create.activity')}
          value={activity}
          onChange={setActivity}
          error={problems.activity}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField
          label={t('isotopes.modal.comment')}
          value={comment}
          onChange={setComment}
          error={problems.comment}
          autoComplete="off"
        />
        <SubmitRow
          label={t('isotopes.create.submit')}
          disabled={deliveryId === null || activity.trim() === ''}
          pending={action.pending}
        />
      </form>
      {problems.activity === null ? null : <AlertBox level="error">{problems.activity}</AlertBox>}
      {problems.comment === null ? null : <AlertBox level="error">{problems.comment}</AlertBox>}
      {action.failure === null ? null : <AlertBox level="error">{action.failure}</AlertBox>}
    </ModalFrame>
  );
}
