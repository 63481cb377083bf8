/**
 * "Lokationer": the rooms of the admin's destinations, filtered by room code or friendly
 * name; "Kalde navn" and "Destination" are edited per row and saved with "Gem". "Ny lokation"
 * adds a room code before the RIS's first booking from the room arrives, and "Slet" removes a
 * room no booking came from; both are asked once more (the code must be exactly the RIS's),
 * and the api's refusals (a taken code, a room with bookings: REFERENCED, a destination of
 * another customer) are shown in words.
 */
import { locationCreateInput, schemaLimits } from '@tracershop/core';
import type { FieldErrors } from '@tracershop/ui';
import {
  AlertBox,
  ConfirmDialog,
  fieldErrorsOf,
  isClean,
  localeOf,
  TextField,
  messageOf,
  useFieldError,
  usePendingAction,
} from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../shopApi';
import { useShopSetupWrites } from '../shopApi';

type Location = Catalog['locations'][number];

function LocationRow({
  location,
  endpoints,
  onDeleted,
}: {
  location: Location;
  endpoints: Catalog['endpoints'];
  /** The room was deleted: its row and buttons go, the keyboard goes on elsewhere. */
  onDeleted(): void;
}) {
  const { t } = useTranslation('app');
  const writes = useShopSetupWrites();
  const remove = usePendingAction();
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState(location.commonName ?? '');
  const [endpointId, setEndpointId] = useState(String(location.endpointId ?? ''));
  const [failure, setFailure] = useState<string | null>(null);
  const changed =
    name !== (location.commonName ?? '') || endpointId !== String(location.endpointId ?? '');
  const save = async () => {
    setFailure(null);
    try {
      await writes.editLocation.mutateAsync({
        id: location.id,
        commonName: name.trim() === '' ? null : name.trim(),
        endpointId: endpointId === '' ? null : Number(endpointId),
      });
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  return (
    <tr>
      <th scope="row">{location.locationCode}</th>
      <td>
        <TextField
          label={t('setup.locations.nameOf', { code: location.locationCode })}
          hideLabel
          value={name}
          onChange={setName}
          maxLength={120}
        />
      </td>
      <td>
        <select
          className="ts-input"
          aria-label={t('setup.locations.endpointOf', { code: location.locationCode })}
          value={endpointId}
          onChange={(event) => setEndpointId(event.target.value)}
        >
          <option value="">{t('setup.none')}</option>
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        {changed ? (
          <button
            type="button"
            className="ts-button"
            disabled={writes.editLocation.isPending}
            onClick={() => void save()}
          >
            {t('setup.save')}
          </button>
        ) : null}{' '}
        <button
          type="button"
          className="ts-button ts-button--light"
          disabled={remove.pending}
          aria-busy={remove.pending}
          aria-label={t('setup.locations.deleteOf', { code: location.locationCode })}
          onClick={() => setAsking(true)}
        >
          {t('setup.delete')}
        </button>
        {failure === null ? null : <AlertBox level="error">{failure}</AlertBox>}
        {remove.failure === null ? null : <AlertBox level="error">{remove.failure}</AlertBox>}
        <ConfirmDialog
          open={asking}
          title={t('setup.locations.deleteTitle')}
          confirmLabel={t('setup.delete')}
          pending={remove.pending}
          onCancel={() => setAsking(false)}
          onConfirm={() =>
            void remove.run(
              () => writes.deleteLocation.mutateAsync({ id: location.id }),
              () => {
                setAsking(false);
                onDeleted();
              },
              // A refusal closes the question and is shown in the row.
              () => {
                setAsking(false);
                return false;
              },
            )
          }
        >
          {t('setup.locations.deleteQuestion', { code: location.locationCode })}
        </ConfirmDialog>
      </td>
    </tr>
  );
}

type NewField = 'locationCode' | 'commonName' | 'endpointId';

/**
 * "Ny lokation": the room code as the RIS sends it, a friendly name and the destination (one
 * of the admin's; the api refuses a room without one from a shop admin). Checked with the
 * api's schema and against the codes shown, then asked once more before it is created.
 */
function NewLocationForm({ catalog }: { catalog: Catalog }) {
  const { t, i18n } = useTranslation('app');
  const writes = useShopSetupWrites();
  const create = usePendingAction();
  const ids = useId();
  const onlyEndpoint = catalog.endpoints.length === 1 ? catalog.endpoints[0] : undefined;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [endpointId, setEndpointId] = useState(
    onlyEndpoint === undefined ? '' : String(onlyEndpoint.id),
  );
  const [errors, setErrors] = useState<FieldErrors<NewField>>({});
  const [asking, setAsking] = useState<{ locationCode: string; endpoint: string } | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const endpointError = useFieldError(errors.endpointId);
  const labels: Record<NewField, string> = {
    locationCode: t('setup.locations.code'),
    commonName: t('setup.locations.name'),
    endpointId: t('setup.locations.endpoint'),
  };
  const input = {
    locationCode: code,
    commonName: name.trim() === '' ? null : name,
    endpointId: endpointId === '' ? undefined : Number(endpointId),
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    const parsed = locationCreateInput.safeParse(input);
    const found = parsed.success
      ? {}
      : fieldErrorsOf(parsed.error.issues, labels, localeOf(i18n.language));
    const wanted = code.trim().toLocaleUpperCase('da');
    if (
      found.locationCode === undefined &&
      catalog.locations.some((location) => location.locationCode.toLocaleUpperCase('da') === wanted)
    ) {
      found.locationCode = t('setup.locations.codeTaken', { code: code.trim() });
    }
    if (endpointId === '') {
      found.endpointId = t('setup.locations.endpointMissing');
    }
    setErrors(found);
    const endpoint = catalog.endpoints.find((candidate) => candidate.id === Number(endpointId));
    if (parsed.success && isClean(found) && endpoint !== undefined) {
      setAsking({ locationCode: parsed.data.locationCode, endpoint: endpoint.name ?? '' });
    }
  }

  function confirm() {
    const parsed = locationCreateInput.safeParse(input);
    if (!parsed.success) {
      return;
    }
    const values = parsed.data;
    void create.run(
      () => writes.createLocation.mutateAsync(values),
      () => {
        setAsking(null);
        setCreated(values.locationCode);
        setCode('');
        setName('');
      },
      // A refusal closes the question and is shown under the form; what was typed stays.
      () => {
        setAsking(null);
        return false;
      },
    );
  }

  return (
    <form className="shop-setup__new" aria-labelledby={`${ids}-title`} noValidate onSubmit={submit}>
      <h3 id={`${ids}-title`}>{t('setup.locations.new')}</h3>
      <p>{t('setup.locations.newHint')}</p>
      <TextField
        label={labels.locationCode}
        value={code}
        onChange={setCode}
        error={errors.locationCode ?? null}
        maxLength={schemaLimits.locationCode}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        label={labels.commonName}
        value={name}
        onChange={setName}
        error={errors.commonName ?? null}
        maxLength={schemaLimits.locationCode}
      />
      <span className="ts-field">
        <label htmlFor={`${ids}-endpoint`} className="ts-field__label">
          {labels.endpointId}
        </label>
        <select
          id={`${ids}-endpoint`}
          className={endpointError.className}
          aria-invalid={endpointError.invalid}
          aria-describedby={endpointError.describedBy}
          value={endpointId}
          onChange={(event) => setEndpointId(event.target.value)}
        >
          <option value="">{t('setup.locations.chooseEndpoint')}</option>
          {catalog.endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.name}
            </option>
          ))}
        </select>
        {endpointError.message}
      </span>
      <button type="submit" className="ts-button" disabled={create.pending}>
        {t('setup.locations.create')}
      </button>
      {create.failure === null ? null : <AlertBox level="error">{create.failure}</AlertBox>}
      {created === null ? null : (
        <AlertBox level="hint">{t('setup.locations.created', { code: created })}</AlertBox>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={t('setup.locations.new')}
        confirmLabel={t('setup.locations.create')}
        pending={create.pending}
        onCancel={() => setAsking(null)}
        onConfirm={confirm}
      >
        {asking === null
          ? null
          : t('setup.locations.createQuestion', {
              code: asking.locationCode,
              endpoint: asking.endpoint,
            })}
      </ConfirmDialog>
    </form>
  );
}

export function LocationsSection({ catalog }: { catalog: Catalog }) {
  const { t } = useTranslation('app');
  const [filter, setFilter] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const needle = filter.trim().toLocaleLowerCase('da');
  const locations = catalog.locations.filter(
    (location) =>
      needle === '' ||
      location.locationCode.toLocaleLowerCase('da').includes(needle) ||
      (location.commonName ?? '').toLocaleLowerCase('da').includes(needle),
  );
  return (
    <section aria-labelledby="setup-locations">
      <h2 id="setup-locations" ref={headingRef} tabIndex={-1}>
        {t('setup.sections.locations')}
      </h2>
      <TextField label={t('setup.locations.filter')} value={filter} onChange={setFilter} />
      <table className="shop-table">
        <thead>
          <tr>
            <th scope="col">{t('setup.locations.code')}</th>
            <th scope="col">{t('setup.locations.name')}</th>
            <th scope="col">{t('setup.locations.endpoint')}</th>
            <th scope="col">
              <span className="ts-visually-hidden">{t('setup.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {locations.map((location) => (
            <LocationRow
              key={`${location.id}/${location.commonName ?? ''}/${location.endpointId ?? ''}`}
              location={location}
              endpoints={catalog.endpoints}
              onDeleted={() => headingRef.current?.focus()}
            />
          ))}
        </tbody>
      </table>
      {locations.length === 0 ? (
        <AlertBox level="hint">{t('setup.locations.none')}</AlertBox>
      ) : null}
      <NewLocationForm catalog={catalog} />
    </section>
  );
}
