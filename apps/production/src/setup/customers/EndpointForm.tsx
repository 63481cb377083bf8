/**
 * "Leveringssted" in the customer modal (docs/domain.md): choose one of the customer's
 * delivery endpoints or "Nyt", edit its name (required, ≤ 32) and address; a new endpoint
 * becomes the chosen one once created. "Slet leveringssted" deletes the chosen endpoint behind
 * a confirmation (the next endpoint, or "Nyt", is chosen then); the api refuses an endpoint
 * that anything belongs to (REFERENCED), shown in words under the form.
 */
import { schemaLimits } from '@tracershop/core';
import { AlertBox, ConfirmDialog, messageOf, TextField, usePendingAction } from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../productionApi';
import type { EndpointCreate, EndpointEdit } from './customersApi';
import type { FieldCheck } from './fieldChecks';
import { checkText, checkedValues } from './fieldChecks';

export type Endpoint = Catalog['endpoints'][number];
export type EndpointChoice = number | 'new';

const FIELDS = ['name', 'address', 'city', 'zipCode', 'phone'] as const;
type Field = (typeof FIELDS)[number];
type Texts = Record<Field, string>;

const LIMITS: Record<Field, number> = {
  name: schemaLimits.shortName,
  address: schemaLimits.longText,
  city: schemaLimits.longText,
  zipCode: schemaLimits.zipCode,
  phone: schemaLimits.phone,
};

function textsOf(endpoint: Endpoint | undefined): Texts {
  return {
    name: endpoint?.name ?? '',
    address: endpoint?.address ?? '',
    city: endpoint?.city ?? '',
    zipCode: endpoint?.zipCode ?? '',
    phone: endpoint?.phone ?? '',
  };
}

export interface EndpointFormProps {
  customerId: number;
  endpoints: readonly Endpoint[];
  selected: EndpointChoice;
  onSelect(choice: EndpointChoice): void;
  /** A delivery slot was saved without an endpoint: the select turns red. */
  missing: boolean;
  create(input: EndpointCreate): Promise<{ id: number }>;
  edit(input: EndpointEdit): Promise<unknown>;
  remove(input: { id: number }): Promise<unknown>;
}

export function EndpointForm(props: EndpointFormProps) {
  const { t } = useTranslation('app');
  const selectId = useId();
  const errorId = useId();
  const { endpoints, selected, onSelect, missing } = props;
  const endpoint = endpoints.find((candidate) => candidate.id === selected);
  const selectRef = useRef<HTMLSelectElement>(null);
  return (
    <section className="setup-deliveries__column" aria-labelledby={`${selectId}-heading`}>
      <h3 id={`${selectId}-heading`}>{t('setupDeliveries.endpoint.heading')}</h3>
      <span className="ts-field">
        <label htmlFor={selectId} className="ts-field__label">
          {t('setupDeliveries.endpoint.select')}
        </label>
        <select
          ref={selectRef}
          id={selectId}
          className={missing ? 'ts-input ts-input--invalid' : 'ts-input'}
          value={String(selected)}
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? errorId : undefined}
          onChange={(event) =>
            onSelect(event.target.value === 'new' ? 'new' : Number(event.target.value))
          }
        >
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.name ?? `#${endpoint.id}`}
            </option>
          ))}
          <option value="new">{t('setupDeliveries.endpoint.new')}</option>
        </select>
        {missing ? (
          <span id={errorId} className="setup-deliveries__error">
            {t('setupDeliveries.slot.noEndpoint')}
          </span>
        ) : null}
      </span>
      {selected !== 'new' && endpoint === undefined ? (
        // Just created: the endpoint arrives with the refreshed catalog.
        <p role="status">{t('loading', { ns: 'translation' })}</p>
      ) : (
        <EndpointFields
          key={String(selected)}
          {...props}
          endpoint={endpoint}
          onDeleted={(next) => {
            onSelect(next);
            // The deleted endpoint's form is gone: the keyboard goes on at the choice.
            selectRef.current?.focus();
          }}
        />
      )}
    </section>
  );
}

function EndpointFields({
  customerId,
  endpoint,
  endpoints,
  onSelect,
  create,
  edit,
  remove,
  onDeleted,
}: EndpointFormProps & {
  endpoint: Endpoint | undefined;
  /** The endpoint was deleted: choose `next` (another endpoint, or "Nyt"). */
  onDeleted(next: EndpointChoice): void;
}) {
  const { t } = useTranslation('app');
  const [texts, setTexts] = useState<Texts>(() => textsOf(endpoint));
  const [showErrors, setShowErrors] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const deletion = usePendingAction();
  const [asking, setAsking] = useState(false);
  const stored = textsOf(endpoint);
  const changed = endpoint === undefined || FIELDS.some((field) => texts[field] !== stored[field]);
  const checks: Record<Field, FieldCheck<string | null>> = {
    name: checkText(texts.name, LIMITS.name, true),
    address: checkText(texts.address, LIMITS.address),
    city: checkText(texts.city, LIMITS.city),
    zipCode: checkText(texts.zipCode, LIMITS.zipCode),
    phone: checkText(texts.phone, LIMITS.phone),
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
      if (endpoint === undefined) {
        const created = await create({ customerId, ...values });
        onSelect(created.id);
      } else {
        await edit({ id: endpoint.id, ...values });
        setShowErrors(false);
        setSaved(true);
      }
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      aria-label={t('setupDeliveries.endpoint.heading')}
      onSubmit={(event) => void onSubmit(event)}
    >
      {FIELDS.map((field) => {
        const check = checks[field];
        return (
          <TextField
            key={field}
            label={t(`setupDeliveries.endpoint.${field}`)}
            value={texts[field]}
            error={showErrors && !check.ok ? t(check.messageKey, check.params) : null}
            onChange={(value) => {
              setSaved(false);
              setTexts((current) => ({ ...current, [field]: value }));
            }}
          />
        );
      })}
      {failure === null ? null : <AlertBox level="error">{failure}</AlertBox>}
      {deletion.failure === null ? null : <AlertBox level="error">{deletion.failure}</AlertBox>}
      {saved ? <p role="status">{t('setupDeliveries.saved')}</p> : null}
      <button
        type="submit"
        className="ts-button"
        disabled={!changed || pending}
        aria-busy={pending}
      >
        {endpoint === undefined
          ? t('setupDeliveries.endpoint.create')
          : t('setupDeliveries.endpoint.save')}
      </button>
      {endpoint === undefined ? null : (
        <>
          {' '}
          <button
            type="button"
            className="ts-button ts-button--light"
            disabled={deletion.pending}
            aria-busy={deletion.pending}
            onClick={() => setAsking(true)}
          >
            {t('setupDeliveries.endpoint.delete')}
          </button>
          <ConfirmDialog
            open={asking}
            title={t('setupDeliveries.endpoint.delete')}
            confirmLabel={t('setupDeliveries.endpoint.delete')}
            pending={deletion.pending}
            onCancel={() => setAsking(false)}
            onConfirm={() =>
              void deletion.run(
                () => remove({ id: endpoint.id }),
                () => {
                  setAsking(false);
                  onDeleted(endpoints.find((other) => other.id !== endpoint.id)?.id ?? 'new');
                },
                // A refusal closes the question and is shown under the form.
                () => {
                  setAsking(false);
                  return false;
                },
              )
            }
          >
            {t('setupDeliveries.endpoint.deleteQuestion', {
              name: endpoint.name ?? `#${endpoint.id}`,
            })}
          </ConfirmDialog>
        </>
      )}
    </form>
  );
}
