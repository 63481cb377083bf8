/**
 * "Kunde" in the customer modal (docs/domain.md): the customer's names, billing address,
 * e-mail and dispenser id; "Gem" when something changed. A refused save keeps what was typed.
 */
import { schemaLimits } from '@tracershop/core';
import { AlertBox, messageOf, TextField } from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../productionApi';
import type { CustomerEdit } from './customersApi';
import { checkDispenserId, checkEmail, checkText, checkedValues } from './fieldChecks';

type Customer = Catalog['customers'][number];

const FIELDS = [
  'shortName',
  'longName',
  'billingAddress',
  'billingCity',
  'billingZipCode',
  'billingEmail',
  'dispenserId',
] as const;
type Field = (typeof FIELDS)[number];
type Texts = Record<Field, string>;

function textsOf(customer: Customer): Texts {
  return {
    shortName: customer.shortName,
    longName: customer.longName ?? '',
    billingAddress: customer.billingAddress ?? '',
    billingCity: customer.billingCity ?? '',
    billingZipCode: customer.billingZipCode ?? '',
    billingEmail: customer.billingEmail ?? '',
    dispenserId: customer.dispenserId === null ? '' : String(customer.dispenserId),
  };
}

function checksOf(texts: Texts) {
  return {
    shortName: checkText(texts.shortName, schemaLimits.shortName, true),
    longName: checkText(texts.longName, schemaLimits.longText),
    billingAddress: checkText(texts.billingAddress, schemaLimits.longText),
    billingCity: checkText(texts.billingCity, schemaLimits.longText),
    billingZipCode: checkText(texts.billingZipCode, schemaLimits.zipCode),
    billingEmail: checkEmail(texts.billingEmail),
    dispenserId: checkDispenserId(texts.dispenserId),
  };
}

export interface CustomerFormProps {
  customer: Customer;
  save(input: CustomerEdit): Promise<unknown>;
}

export function CustomerForm({ customer, save }: CustomerFormProps) {
  const { t } = useTranslation('app');
  const [texts, setTexts] = useState<Texts>(() => textsOf(customer));
  const [showErrors, setShowErrors] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const stored = textsOf(customer);
  const changed = FIELDS.some((field) => texts[field] !== stored[field]);
  const checks = checksOf(texts);

  const errorOf = (field: Field): string | null => {
    const check = checks[field];
    return showErrors && !check.ok ? t(check.messageKey, check.params) : null;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || !changed) {
      return;
    }
    setShowErrors(true);
    setSaved(false);
    const values = checkedValues(checks);
    if (values === null) {
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      // The short name is required: never null once checked.
      await save({ id: customer.id, ...values, shortName: values.shortName as string });
      setShowErrors(false);
      setSaved(true);
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setPending(false);
    }
  };

  const field = (name: Field) => (
    <TextField
      key={name}
      label={t(`setupDeliveries.customer.${name}`)}
      value={texts[name]}
      error={errorOf(name)}
      inputMode={name === 'dispenserId' ? 'numeric' : undefined}
      onChange={(value) => {
        setSaved(false);
        setTexts((current) => ({ ...current, [name]: value }));
      }}
    />
  );

  return (
    <form
      className="setup-deliveries__column"
      aria-label={t('setupDeliveries.customer.heading')}
      onSubmit={(event) => void onSubmit(event)}
    >
      <h3>{t('setupDeliveries.customer.heading')}</h3>
      {FIELDS.map(field)}
      {failure === null ? null : <AlertBox level="error">{failure}</AlertBox>}
      {saved ? <p role="status">{t('setupDeliveries.saved')}</p> : null}
      <button
        type="submit"
        className="ts-button"
        disabled={!changed || pending}
        aria-busy={pending}
      >
        {t('setupDeliveries.customer.save')}
      </button>
    </form>
  );
}
