/**
 * "Tjenesteadresser" on the server settings page (site admin, `admin.config`): the addresses
 * of the outside services as editable rows (kind, description, host, port, and the AE title of
 * a DICOM worklist) with a blank row that adds one, and delete behind a question (the api
 * refuses the chosen RIS address; its refusal is shown in words). Above them, per kind, which
 * address the services use now, as the server says (`setup.serviceAddresses.inForce`): the
 * environment variable's when it is set, else the stored one(s). The services read them at
 * each poll, message and login, so a change here needs no restart.
 */
import {
  ServiceAddressKind,
  enumValues,
  schemaLimits,
  serviceAddressCreateInput,
  serviceAddressEditInput,
  validatePort,
} from '@tracershop/core';
import type { FieldErrors } from '@tracershop/ui';
import {
  AlertBox,
  ConfirmDialog,
  fieldErrorsOf,
  isClean,
  localeOf,
  messageOf,
  TextField,
  usePendingAction,
} from '@tracershop/ui';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../draft';
import { RowSaveButton, saveOnEnter } from '../EditableRow';
import type { AddressInForce, ServiceAddress } from './settingsApi';
import { useAddressesInForce, useServiceAddressWrites } from './settingsApi';
import '../setup.css';

type Field = 'kind' | 'description' | 'host' | 'port' | 'aeTitle';

interface AddressDraft {
  kind: ServiceAddressKind;
  description: string;
  host: string;
  port: string;
  aeTitle: string;
}

const KINDS = enumValues(ServiceAddressKind);

const EMPTY_DRAFT: AddressDraft = {
  kind: ServiceAddressKind.Dicom,
  description: '',
  host: '',
  port: '',
  aeTitle: '',
};

function draftOf(address: ServiceAddress): AddressDraft {
  return {
    kind: address.kind,
    description: address.description ?? '',
    host: address.host,
    port: String(address.port),
    aeTitle: address.aeTitle ?? '',
  };
}

/** How a row is named in buttons and questions: its description, else host and port. */
function nameOf(address: ServiceAddress): string {
  return address.description || `${address.host}:${address.port}`;
}

/** The "in force" sentence of one kind. */
function inForceText(entry: AddressInForce, t: TFunction<'app'>): string {
  const value = entry.value ?? '';
  if (entry.source === 'environment') {
    return t('setupCatalog.serviceAddresses.fromEnvironment', {
      variable: entry.variable ?? '',
      value,
    });
  }
  if (entry.source === 'stored') {
    const stored =
      entry.kind === ServiceAddressKind.Dicom
        ? t('setupCatalog.serviceAddresses.storedRis', { value })
        : t('setupCatalog.serviceAddresses.stored', { value });
    if (entry.variable === null) {
      return stored;
    }
    const unset = t('setupCatalog.serviceAddresses.variableUnset', { variable: entry.variable });
    return `${stored} ${unset}`;
  }
  return t(`setupCatalog.serviceAddresses.none.${entry.kind}`);
}

function InForce({ inForce }: { inForce: readonly AddressInForce[] }) {
  const { t } = useTranslation('app');
  return (
    <section aria-labelledby="setup-addresses-in-force">
      <h3 id="setup-addresses-in-force">{t('setupCatalog.serviceAddresses.inForceTitle')}</h3>
      <dl className="setup-catalog__in-force">
        {inForce.map((entry) => (
          <div key={entry.kind}>
            <dt>{t(`setupCatalog.serviceAddresses.kinds.${entry.kind}`)}</dt>
            <dd>
              {inForceText(entry, t)}
              {entry.missing.length === 0 ? null : (
                <AlertBox level="warning">
                  {t('setupCatalog.serviceAddresses.missing', {
                    variables: entry.missing.join(', '),
                  })}
                </AlertBox>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Whether the row's address is used now: yes, overridden by the variable, or no. */
function usageText(
  address: ServiceAddress,
  inForce: readonly AddressInForce[],
  t: TFunction<'app'>,
): string {
  const entry = inForce.find((candidate) => candidate.kind === address.kind);
  if (entry?.source === 'environment' && entry.variable !== null) {
    return t('setupCatalog.serviceAddresses.overridden', { variable: entry.variable });
  }
  return entry?.addressIds.includes(address.id) === true
    ? t('setupCatalog.serviceAddresses.used')
    : t('setupCatalog.serviceAddresses.notUsed');
}

interface AddressRowProps {
  address?: ServiceAddress;
  inForce: readonly AddressInForce[];
  onCreated?: () => void;
}

function AddressRow({ address, inForce, onCreated }: AddressRowProps) {
  const { t, i18n } = useTranslation('app');
  const locale = localeOf(i18n.language);
  const writes = useServiceAddressWrites();
  const save = usePendingAction();
  const remove = usePendingAction();
  const stored = address === undefined ? EMPTY_DRAFT : draftOf(address);
  const { draft, set, changed } = useDraft(stored);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [asking, setAsking] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const name =
    address === undefined ? t('setupCatalog.serviceAddresses.newAddress') : nameOf(address);
  const labels: Record<Field, string> = {
    kind: t('setupCatalog.serviceAddresses.kind'),
    description: t('setupCatalog.serviceAddresses.description'),
    host: t('setupCatalog.serviceAddresses.host'),
    port: t('setupCatalog.serviceAddresses.port'),
    aeTitle: t('setupCatalog.serviceAddresses.aeTitle'),
  };
  const fieldLabel = (field: string) => t('setupCatalog.serviceAddresses.fieldOf', { field, name });
  const dicom = draft.kind === ServiceAddressKind.Dicom;

  function submit() {
    if (!changed || save.pending) {
      return;
    }
    const port = validatePort(draft.port);
    const values = {
      kind: draft.kind,
      host: draft.host,
      port: port.ok ? port.value : undefined,
      // Only a DICOM worklist has an AE title; another kind's is cleared.
      aeTitle: dicom && draft.aeTitle.trim() !== '' ? draft.aeTitle : null,
      description: draft.description.trim() === '' ? null : draft.description,
    };
    const parsed =
      address === undefined
        ? serviceAddressCreateInput.safeParse(values)
        : serviceAddressEditInput.safeParse({ id: address.id, ...values });
    const found: FieldErrors<Field> = parsed.success
      ? {}
      : fieldErrorsOf(parsed.error.issues, labels, locale);
    if (!port.ok) {
      found.port = fieldErrorsOf(
        [{ path: ['port'], message: port.issue.key }],
        labels,
        locale,
      ).port;
    }
    setErrors(found);
    if (!parsed.success || !isClean(found)) {
      return;
    }
    const input = parsed.data;
    if ('id' in input) {
      void save.run(() => writes.edit.mutateAsync(input));
    } else {
      void save.run(
        () => writes.create.mutateAsync(input),
        () => onCreated?.(),
      );
    }
  }

  const newRowFilled = draft.host.trim() !== '' && draft.port.trim() !== '';

  return (
    <tr
      className={address === undefined ? 'setup-catalog__new-row' : undefined}
      onKeyDown={saveOnEnter(submit)}
    >
      <td>
        <select
          className="ts-input"
          aria-label={fieldLabel(labels.kind)}
          value={draft.kind}
          onChange={(event) => set('kind', event.target.value as ServiceAddressKind)}
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`setupCatalog.serviceAddresses.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <TextField
          label={fieldLabel(labels.description)}
          hideLabel
          value={draft.description}
          onChange={(value) => set('description', value)}
          error={errors.description ?? null}
          maxLength={schemaLimits.description}
        />
      </td>
      <td>
        <TextField
          label={fieldLabel(labels.host)}
          hideLabel
          value={draft.host}
          onChange={(value) => set('host', value)}
          error={errors.host ?? null}
          maxLength={schemaLimits.host}
        />
      </td>
      <td>
        <TextField
          label={fieldLabel(labels.port)}
          hideLabel
          inputMode="numeric"
          value={draft.port}
          onChange={(value) => set('port', value)}
          error={errors.port ?? null}
          size={6}
        />
      </td>
      <td>
        {dicom ? (
          <TextField
            label={fieldLabel(labels.aeTitle)}
            hideLabel
            value={draft.aeTitle}
            onChange={(value) => set('aeTitle', value)}
            error={errors.aeTitle ?? null}
            maxLength={schemaLimits.aeTitle}
            size={16}
          />
        ) : null}
      </td>
      <td>{address === undefined ? null : usageText(address, inForce, t)}</td>
      <td>
        <div className="setup-catalog__actions">
          {address === undefined ? null : (
            <button
              type="button"
              className="ts-button ts-button--light"
              disabled={remove.pending}
              aria-label={t('setupCatalog.serviceAddresses.deleteOf', { name })}
              onClick={() => {
                setConfirmed(false);
                setAsking(true);
              }}
            >
              ✕
            </button>
          )}
          {changed && (address !== undefined || newRowFilled) ? (
            <RowSaveButton
              isNew={address === undefined}
              name={name}
              createLabel={t('setupCatalog.serviceAddresses.create')}
              pending={save.pending}
              onSave={submit}
            />
          ) : null}
        </div>
        {save.failure === null ? null : <AlertBox level="error">{save.failure}</AlertBox>}
        {address === undefined ? null : (
          <ConfirmDialog
            open={asking}
            title={t('setupCatalog.serviceAddresses.deleteTitle')}
            pending={remove.pending}
            onCancel={() => setAsking(false)}
            onConfirm={() => {
              setConfirmed(true);
              void remove.run(
                () => writes.remove.mutateAsync({ id: address.id }),
                () => setAsking(false),
              );
            }}
          >
            <p>{t('setupCatalog.serviceAddresses.deleteQuestion', { name })}</p>
            {confirmed && remove.failure !== null ? (
              <AlertBox level="error">{remove.failure}</AlertBox>
            ) : null}
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}

export interface ServiceAddressesViewProps {
  addresses: readonly ServiceAddress[];
  inForce: readonly AddressInForce[];
}

export function ServiceAddressesView({ addresses, inForce }: ServiceAddressesViewProps) {
  const { t } = useTranslation('app');
  const [newRowKey, setNewRowKey] = useState(0);
  return (
    <section className="setup-catalog" aria-labelledby="setup-addresses-title">
      <h2 id="setup-addresses-title">{t('setupCatalog.serviceAddresses.title')}</h2>
      <p className="setup-catalog__hint">{t('setupCatalog.serviceAddresses.intro')}</p>
      <InForce inForce={inForce} />
      <table className="production-table">
        <caption className="ts-visually-hidden">{t('setupCatalog.serviceAddresses.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('setupCatalog.serviceAddresses.kind')}</th>
            <th scope="col">{t('setupCatalog.serviceAddresses.description')}</th>
            <th scope="col">{t('setupCatalog.serviceAddresses.host')}</th>
            <th scope="col">{t('setupCatalog.serviceAddresses.port')}</th>
            <th scope="col">{t('setupCatalog.serviceAddresses.aeTitle')}</th>
            <th scope="col">{t('setupCatalog.serviceAddresses.inUse')}</th>
            <th scope="col">{t('setupCatalog.tracers.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {addresses.map((address) => (
            <AddressRow
              key={`${address.id}/${JSON.stringify(draftOf(address))}`}
              address={address}
              inForce={inForce}
            />
          ))}
          <AddressRow
            key={`new-${newRowKey}`}
            inForce={inForce}
            onCreated={() => setNewRowKey((key) => key + 1)}
          />
        </tbody>
      </table>
      <p className="setup-catalog__hint">{t('setupCatalog.serviceAddresses.hl7Hint')}</p>
      <p className="setup-catalog__hint">{t('setupCatalog.serviceAddresses.ldapHint')}</p>
    </section>
  );
}

/** The section with what is in force loaded; `addresses` come from the settings page. */
export function ServiceAddressesSection({ addresses }: { addresses: readonly ServiceAddress[] }) {
  const inForce = useAddressesInForce(true);
  if (inForce.error !== null) {
    return <AlertBox level="error">{messageOf(inForce.error)}</AlertBox>;
  }
  return <ServiceAddressesView addresses={addresses} inForce={inForce.data ?? []} />;
}
