/**
 * "Angiv ejer" (docs/user-guide-production.md, "Hætteglas"): a dispenser vial whose customer
 * number matched no customer has no owner ("Ukendt ejer") and can never be released. Production
 * chooses its customer and says why — giving a vial an owner is a vial edit, which needs a
 * reason (core `changeNeedsReason`, checked by core's `changeReasonText` in
 * orderForms/ChangeReason.tsx before anything is sent); the api keeps both in the audit trail.
 * A modal question (ConfirmDialog): focus starts in the customer select, Enter saves, Escape
 * cancels; a refused save is shown in words and the chosen customer and the reason stay.
 */
import { changeNeedsReason } from '@tracershop/core';
import { AlertBox, ConfirmDialog, messageOf, useFieldError } from '@tracershop/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeReason } from '../orderForms/ChangeReason';
import type { CustomerOption } from '../orderForms/CustomerEndpointSelects';
import { sortedCustomers } from '../orderForms/CustomerEndpointSelects';
import type { VialRow } from './vialsApi';

export interface VialOwnerDialogProps {
  vial: VialRow;
  /** The customers production may choose (the catalog's). */
  customers: readonly CustomerOption[];
  /** Saves the owner; a rejected promise is a refusal, shown in the dialog. */
  onSave(customerId: number, reason: string | undefined): Promise<void>;
  onCancel(): void;
}

export function VialOwnerDialog({ vial, customers, onSave, onCancel }: VialOwnerDialogProps) {
  const { t } = useTranslation('app');
  const reason = useChangeReason(changeNeedsReason({ change: 'vial' }));
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [customerMissing, setCustomerMissing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const selectId = useId();
  const customerError = useFieldError(
    customerMissing ? t('vials.ownerForm.customerMissing') : null,
  );

  async function save() {
    if (pending) {
      return;
    }
    setCustomerMissing(customerId === null);
    const why = reason.take();
    if (customerId === null || why === null) {
      return;
    }
    setProblem(null);
    setPending(true);
    try {
      await onSave(customerId, why);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <ConfirmDialog
      open
      title={t('vials.ownerForm.title', { id: vial.id, lot: vial.lotNumber })}
      confirmLabel={t('vials.ownerForm.save')}
      pending={pending}
      onConfirm={() => void save()}
      onCancel={onCancel}
    >
      <p>{t('vials.ownerForm.intro')}</p>
      <span className="ts-field">
        <label htmlFor={selectId} className="ts-field__label">
          {t('vials.ownerForm.customer')}
        </label>
        <select
          id={selectId}
          className={customerError.className}
          value={customerId === null ? '' : String(customerId)}
          aria-invalid={customerError.invalid}
          aria-describedby={customerError.describedBy}
          onChange={(event) => {
            setCustomerId(event.target.value === '' ? null : Number(event.target.value));
            setCustomerMissing(false);
          }}
        >
          <option value="">{t('vials.ownerForm.chooseCustomer')}</option>
          {sortedCustomers(customers).map((customer) => (
            <option key={customer.id} value={String(customer.id)}>
              {customer.shortName}
            </option>
          ))}
        </select>
        {customerError.message}
      </span>
      {reason.field}
      {problem === null ? null : <AlertBox level="error">{problem}</AlertBox>}
    </ConfirmDialog>
  );
}
